/// Key sets from tmt 1.78's schemas (`tmt/schemas/*.yaml`) that `hpctest lint` checks against.
enum TMTLintSchema {
  /// `schemas/test.yaml` properties.
  static let testKeys: Set<String> = [
    "adjust", "author", "component", "contact", "description", "duration", "enabled", "environment", "framework",
    "check", "id", "link", "manual", "tty", "order", "path", "recommend", "require", "restart-on-exit-code",
    "restart-max-count", "restart-with-reboot", "result", "summary", "tag", "test", "tier",
  ]
  /// Test keys T001 accepts although the schema lacks them (only a C000 warning): `where`, and tmt's
  /// `OBSOLETED_TEST_KEYS` (reported by T005/T006 instead).
  static let testFieldsOutsideSchema: Set<String> = ["where", "relevancy", "coverage"]

  /// `schemas/plan.yaml` properties.
  static let planKeys: Set<String> = [
    "adjust", "author", "contact", "context", "description", "discover", "enabled", "environment",
    "environment-file", "execute", "finish", "cleanup", "id", "link", "order", "prepare", "provision", "report",
    "summary", "tag", "tier", "ansible", "plan",
  ]
  /// Plan keys tmt knows although the schema lacks them.
  static let planFieldsOutsideSchema: Set<String> = ["gate", "login"]

  /// Keys every phase accepts.
  static let commonPhaseKeys: Set<String> = ["how", "name", "order", "summary", "when", "where"]

  /// Phase keys per `step/how` for the plugins hpctest plans use.
  static let phaseKeys: [String: Set<String>] = [
    "discover/fmf": [
      "url", "url-content-type", "ref", "path", "test", "require-test", "link", "filter", "include", "exclude",
      "prune", "dist-git-extract", "dist-git-init", "dist-git-merge", "dist-git-remove-fmf-root", "dist-git-source",
      "dist-git-type", "dist-git-download-only", "dist-git-install-builddeps", "dist-git-require", "fmf-id",
      "modified-only", "modified-url", "modified-ref", "sync-repo", "adjust-tests", "repository", "revision",
    ],
    "discover/shell": [
      "url", "url-content-type", "ref", "dist-git-source", "dist-git-type", "dist-git-download-only",
      "dist-git-install-builddeps", "dist-git-require", "keep-git-metadata", "tests", "require-test",
    ],
    "execute/tmt": ["exit-first", "ignore-duration", "restraint-compatible", "script", "duration"],
    "provision/local": ["role", "environment", "hardware"],
    "provision/connect": [
      "guest", "user", "become", "password", "role", "environment", "key", "ssh-option", "port", "ansible",
      "soft-reboot", "systemd-soft-reboot", "hard-reboot", "hardware",
    ],
    "provision/container": ["expose-device", "image", "pull", "role", "environment", "user", "become", "hardware"],
    "provision/virtual": [
      "image", "hardware", "user", "become", "key", "ssh-option", "memory", "disk", "connection", "arch", "role",
      "environment", "ansible", "stop-retries", "stop-retry-delay",
    ],
    "prepare/install": ["check-first", "copr", "directory", "exclude", "missing", "package"],
    "prepare/feature": ["epel", "crb", "profile", "fips"],
    "report/display": [],
    "report/html": ["file", "open", "absolute-paths", "display-guest"],
    "report/junit": ["file", "flavor", "template-path", "prettify", "include-output-log"],
    "cleanup/tmt": [],
  ]

  /// `execute` and `discover` methods tmt knows.
  static let executeMethods: Set<String> = ["tmt", "upgrade"]
  static let discoverMethods: Set<String> = ["fmf", "shell"]
}
