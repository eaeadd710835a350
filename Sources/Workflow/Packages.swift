import Executors
import HPCBasics

#if canImport(Glibc)
  import Glibc
#endif

/// Required packages: which are missing (dpkg or rpm) and installing them (apt-get or dnf), as tmt's install
/// prepare does on the local host.
enum Packages {
  /// The packages of `names` that are not installed.
  static func missing(_ names: [String]) async -> [String] {
    var missing: [String] = []
    for name in names where !(await isInstalled(name)) { missing.append(name) }
    return missing
  }

  /// Installs `names`; nil on success, else what failed.
  static func install(_ names: [String], log: String) async -> String? {
    let argv: [String]
    if Dmesg.hasProgram("apt-get") {
      argv = ["apt-get", "install", "-y", "--no-install-recommends"] + names
    } else if Dmesg.hasProgram("dnf") {
      argv = ["dnf", "install", "-y"] + names
    } else {
      return "no supported package manager (apt-get or dnf) found to install \(names.joined(separator: ", "))"
    }
    let status = await run(argv, output: log)
    return status == 0 ? nil : "'\(argv.joined(separator: " "))' exited with \(status) (output in \(log))"
  }

  private static func isInstalled(_ name: String) async -> Bool {
    if name.hasPrefix("/") { return access(name, F_OK) == 0 }
    // `require: [hpctest]` makes tmt install the harness; under hpctest itself the running binary is on the tests'
    // PATH already (HelperScripts.linkSelf), installed as a package or not.
    if name == "hpctest", let executable = FileSystem.realPath("/proc/self/exe"), Path.basename(executable) == name {
      return true
    }
    if Dmesg.hasProgram("dpkg-query") {
      return await run(["dpkg-query", "-W", "-f=${Status}", name], output: "/dev/null") == 0
    }
    if Dmesg.hasProgram("rpm") { return await run(["rpm", "-q", "--whatprovides", name], output: "/dev/null") == 0 }
    return false
  }

  private static func run(_ argv: [String], output: String) async -> Int32 {
    let invocation = Invocation(
      argv: argv, environment: ["PATH": TestEnvironment.defaultPath, "DEBIAN_FRONTEND": "noninteractive"],
      workingDirectory: "/", outputPath: output, timeout: .seconds(1800))
    guard case .success(let status) = await LocalExecutor().run(invocation) else { return 127 }
    return status.shellStatus
  }
}
