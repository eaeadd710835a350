import Glibc
import HPCBasics
import TestSupport
import Testing

extension ClusterSuites {
  /// `hpctest health --slurm` against the real test cluster (`scripts/test-cluster up`: munged, slurmctld and three
  /// slurmd n1..n3 on this machine): drain with the first failure, resume only hpctest's own drain, never touch an
  /// admin's, the watchdog's `hpctest: timeout`, and the same through slurmd's HealthCheckProgram and Prolog.
  @Suite(.serialized) struct HealthClusterTests {
    static let faulty = EndToEndTests.sysroots + "/intel-max1550-x86_64-faulty"
    static let healthy = EndToEndTests.sysroots + "/intel-max1550-x86_64"

    /// The cluster's environment (SLURM_CONF, HPCTEST_CLUSTER_DIR, HPCTEST_NODE_ROOT), starting it when needed.
    static let cluster: [String: String]? = {
      let up = shell("\(EndToEndTests.repository)/scripts/test-cluster up 2>/dev/null")
      guard up.status == 0, let path = up.output.split(separator: "\n").last.map(String.init),
        let text = FileSystem.readText(path)
      else { return nil }
      var values: [String: String] = [:]
      for line in text.split(separator: "\n") where line.hasPrefix("export ") {
        let pair = line.dropFirst(7).split(separator: "=", maxSplits: 1).map(String.init)
        if pair.count == 2 { values[pair[0]] = pair[1] }
      }
      return values
    }()

    /// Runs `command` with `sh -c`, stdout and stderr merged.
    static func shell(_ command: String, _ environment: [String: String] = [:]) -> EndToEndTests.Outcome {
      let log = Scratch.file("hpctest-health-", name: "output.log")
      defer { unlink(log) }
      let exports = environment.sorted { $0.key < $1.key }.map { "export \($0.key)='\($0.value)'; " }.joined()
      let raw = system("\(exports)(\(command)) >'\(log)' 2>&1 </dev/null")
      return EndToEndTests.Outcome(status: (raw >> 8) & 0xff, output: FileSystem.readText(log) ?? "")
    }

    func environment() throws -> [String: String] {
      try #require(Self.cluster, "scripts/test-cluster up failed: the cluster tests need root, munge and slurm-wlm")
    }

    func health(_ root: String, node: String, _ arguments: [String] = []) throws -> EndToEndTests.Outcome {
      var environment = try environment()
      environment["SLURMD_NODENAME"] = node
      let words = [EndToEndTests.binary, "--root", EndToEndTests.repository, "--sysroot", root, "health", "--slurm"]
      return Self.shell((words + arguments).map { "'\($0)'" }.joined(separator: " "), environment)
    }

    func reason(_ node: String) throws -> String {
      Self.firstLine(Self.shell("sinfo -h -N -n \(node) -o %E", try environment()).output)
    }

    func state(_ node: String) throws -> String {
      Self.firstLine(Self.shell("sinfo -h -N -n \(node) -o %t", try environment()).output)
    }

    /// Polls `condition` once a second until it holds or `seconds` pass.
    func eventually(_ seconds: Int, _ condition: () throws -> Bool) rethrows -> Bool {
      for _ in 0..<seconds {
        if try condition() { return true }
        sleep(1)
      }
      return try condition()
    }

    /// Empties extra.conf, reconfigures, and resumes every drained node.
    func reset() throws {
      let environment = try environment()
      let directory = try #require(environment["HPCTEST_CLUSTER_DIR"])
      FileSystem.write(directory + "/extra.conf", "# slurm.conf lines added by tests\n")
      _ = Self.shell("scontrol reconfigure; scancel --quiet --full -u $(id -un)", environment)
      for node in ["n1", "n2", "n3"] {
        _ = Self.shell("scontrol update NodeName=\(node) State=RESUME", environment)
      }
    }

    static func firstLine(_ text: String) -> String {
      var line = Substring(text.split(separator: "\n").first ?? "")
      while line.last == " " { line.removeLast() }
      while line.first == " " { line.removeFirst() }
      return String(line)
    }

    @Test func drainsAFaultyNodeWithTheFirstFailureAndResumesItWhenHealthy() throws {
      try reset()
      let sick = try health(Self.faulty, node: "n2")
      #expect(sick.status == 1, "\(sick.output)")
      let first = Self.firstLine(sick.output)
      #expect(try reason("n2") == "hpctest: " + first)
      #expect(try state("n2").hasPrefix("drain"))
      let listed = Self.shell("sinfo -R -o '%80E %N'", try environment()).output
      #expect(listed.contains("hpctest: " + first.prefix(60)) && listed.contains(" n2"), "\(listed)")
      let again = try health(Self.faulty, node: "n2")
      #expect(again.status == 1)
      let well = try health(Self.healthy, node: "n2")
      #expect(well.status == 0 && well.output.isEmpty, "\(well.output)")
      #expect(try reason("n2") == "none")
      #expect(try state("n2").hasPrefix("idle"))
    }

    @Test func dryRunPrintsTheScontrolCommandAndLeavesTheNode() throws {
      try reset()
      let outcome = try health(Self.faulty, node: "n2", ["--dry-run"])
      #expect(outcome.status == 1)
      #expect(outcome.output.contains("scontrol update NodeName=n2 State=DRAIN 'Reason=hpctest: "), "\(outcome.output)")
      #expect(try reason("n2") == "none")
    }

    @Test func aNodeDrainedByAnAdminStaysDrained() throws {
      try reset()
      let environment = try environment()
      _ = Self.shell("scontrol update NodeName=n3 State=DRAIN Reason='disk swap'", environment)
      #expect(try health(Self.faulty, node: "n3").status == 1)
      #expect(try reason("n3") == "disk swap")
      let verbose = try health(Self.healthy, node: "n3", ["-v"])
      #expect(verbose.status == 0)
      #expect(verbose.output.contains("slurm: node n3: left alone"), "\(verbose.output)")
      #expect(try reason("n3") == "disk swap")
      #expect(try state("n3").hasPrefix("drain"))
      try reset()
    }

    @Test func theWatchdogDrainsWithTimeout() throws {
      try reset()
      let directory = EndToEndTests.temporaryDirectory()
      defer { FileSystem.removeTree(directory) }
      #expect(system("cp -a '\(Self.healthy)' '\(directory)/root'") == 0)
      let device = try #require(FileSystem.realPath(directory + "/root/sys/bus/pci/devices/0000:03:00.0"))
      unlink(device + "/aer_dev_fatal")
      #expect(mkfifo(device + "/aer_dev_fatal", 0o644) == 0)
      let outcome = try health(directory + "/root", node: "n2", ["--timeout", "2"])
      #expect(outcome.status == 1, "\(outcome.output)")
      #expect(try reason("n2") == "hpctest: timeout")
      #expect(try health(Self.healthy, node: "n2").status == 0)
      #expect(try reason("n2") == "none")
    }

    /// Writes the per-node wrapper slurmd runs: the fixture root is `$HPCTEST_NODE_ROOT/$SLURMD_NODENAME/sysroot`.
    func installWrapper(faultyNode: String) throws -> String {
      let environment = try environment()
      let directory = try #require(environment["HPCTEST_CLUSTER_DIR"])
      let nodes = try #require(environment["HPCTEST_NODE_ROOT"])
      for node in ["n1", "n2", "n3"] {
        unlink(nodes + "/\(node)/sysroot")
        symlink(node == faultyNode ? Self.faulty : Self.healthy, nodes + "/\(node)/sysroot")
      }
      let wrapper = directory + "/hpctest-health"
      FileSystem.write(
        wrapper,
        """
        #!/bin/sh
        export SLURM_CONF='\(environment["SLURM_CONF"] ?? "")'
        exec '\(EndToEndTests.binary)' --root '\(EndToEndTests.repository)' --sysroot "\(nodes)/$SLURMD_NODENAME/sysroot" \\
          health --slurm --timeout 50 >>"\(nodes)/$SLURMD_NODENAME/health.log" 2>&1

        """, mode: 0o755)
      return wrapper
    }

    func configure(_ lines: String) throws {
      let environment = try environment()
      FileSystem.write(try #require(environment["HPCTEST_CLUSTER_DIR"]) + "/extra.conf", lines)
      #expect(Self.shell("scontrol reconfigure", environment).status == 0)
    }

    @Test func slurmdsHealthCheckProgramDrainsAndResumes() throws {
      try reset()
      let wrapper = try installWrapper(faultyNode: "n1")
      try configure("HealthCheckProgram=\(wrapper)\nHealthCheckInterval=5\nHealthCheckNodeState=ANY\n")
      defer { try? reset() }
      #expect(try eventually(120) { try reason("n1").hasPrefix("hpctest: ") }, "n1 was not drained")
      #expect(try reason("n2") == "none" && reason("n3") == "none")
      let nodes = try #require(try environment()["HPCTEST_NODE_ROOT"])
      unlink(nodes + "/n1/sysroot")
      symlink(Self.healthy, nodes + "/n1/sysroot")
      #expect(try eventually(120) { try reason("n1") == "none" && state("n1").hasPrefix("idle") }, "n1 not resumed")
    }

    @Test func aFailingPrologDrainsTheNodeAndRequeuesTheJob() throws {
      try reset()
      let wrapper = try installWrapper(faultyNode: "n1")
      try configure("Prolog=\(wrapper)\n")
      defer { try? reset() }
      let environment = try environment()
      let job = Self.firstLine(Self.shell("sbatch --parsable -w n1 -o /dev/null --wrap true", environment).output)
      #expect(Int(job) != nil, "sbatch: \(job)")
      let requeued = try eventually(120) {
        Self.shell("scontrol show job \(job)", environment).output.contains("Restarts=1")
      }
      let shown = Self.shell("scontrol show job \(job)", environment).output
      #expect(requeued, "\(shown)")
      #expect(shown.contains("JobState=PENDING"), "\(shown)")
      #expect(try reason("n1").hasPrefix("hpctest: "))
    }
  }
}
