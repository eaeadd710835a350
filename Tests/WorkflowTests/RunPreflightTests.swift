import Glibc
import HPCBasics
import TMTModel
import TestSupport
import Testing

@testable import Workflow

/// `hpctest run` validates the site file, the plans' `HPCTEST_EXPECT_*` variables and `-e` values before any test.
@Suite struct RunPreflightTests {
  /// A tree with one plan whose environment is `environment` (YAML lines), plus the site file `site`.
  static func tree(environment: String) throws -> (root: String, plans: [TMTPlan]) {
    let root = Scratch.directory("hpctest-preflight-")
    _ = FileSystem.makeDirectories(root + "/.fmf")
    _ = FileSystem.write(root + "/.fmf/version", "1\n")
    _ = FileSystem.write(
      root + "/plan.fmf", "discover:\n    how: shell\nexecute:\n    how: tmt\nenvironment:\n\(environment)")
    let catalog = try TMTCatalog.load(root: root, context: [])
    return (root, catalog.plans)
  }

  @Test(arguments: [
    ("    HPCTEST_EXPECT_GPUS: 4\n    OTHER: x\n", [String]()),
    (
      "    HPCTEST_EXPECT_PCIE_WIDHT: \"16\"\n",
      ["plan.fmf:6:32: error: unknown expectation key 'pcie-widht'; did you mean 'pcie-width'?"]
    ),
    ("    HPCTEST_EXPECT_PCIE_GEN: five\n", ["plan.fmf:6:30: error: 'pcie-gen' must be an integer, got 'five'"]),
    ("    HPCTEST_EXPECT_NUMVFS: mlx5_0=8\n", []),
  ])
  func planEnvironmentIsValidated(environment: String, messages: [String]) throws {
    let (root, plans) = try Self.tree(environment: environment)
    defer { FileSystem.removeTree(root) }
    let problems = RunPreflight.problems(plans: plans, options: RunOptions()).map(\.description)
    #expect(problems == messages, "located relative to the tree root, as every plan diagnostic")
  }

  @Test func siteFileAndCommandLineValuesAreValidated() throws {
    let (root, plans) = try Self.tree(environment: "    X: y\n")
    defer { FileSystem.removeTree(root) }
    _ = FileSystem.write(root + "/site.yaml", "defaults:\n  ib-ports: [mlx5_0/x]\n")
    var options = RunOptions()
    options.site = root + "/site.yaml"
    options.environment = [("HPCTEST_EXPECT_MAX_PATH_CLASS", "far")]
    let problems = RunPreflight.problems(plans: plans, options: options).map(\.description)
    #expect(
      problems == [
        root + "/site.yaml:2:13: error: 'ib-ports' must be a list of DEVICE/PORT (e.g. mlx5_0/1), got 'mlx5_0/x'",
        "-e HPCTEST_EXPECT_MAX_PATH_CLASS=far: error: 'max-path-class' must be one of PIX, PXB, PHB, NODE, SYS, "
          + "got 'far'",
      ])
  }

  /// The run passes the site file on to every test.
  @Test func theSiteReachesTheTestEnvironment() throws {
    let options = try RunArguments.parse(["--site", "/etc/site.yaml", "plans/x"])
    #expect(options.site == "/etc/site.yaml")
    let relative = try RunArguments.parse(["--site", "site.yaml"])
    #expect(relative.site?.hasPrefix("/") == true && relative.site?.hasSuffix("/site.yaml") == true)
  }
}
