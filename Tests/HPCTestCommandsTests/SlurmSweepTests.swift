import Glibc
import HPCBasics
import Testing

extension ClusterSuites {
  /// `hpctest run -h slurm` end to end on the real test cluster (three slurmd on this machine, each node with its own
  /// work directory under `HPCTEST_NODE_ROOT/<node>`, so nothing relies on a shared filesystem).
  @Suite(
    .serialized, .disabled(if: SlurmCluster.unavailable, "the test cluster (scripts/test-cluster up) cannot start"))
  struct SlurmSweepTests {
    static let fixture = EndToEndTests.repository + "/Tests/HPCTestCommandsTests/Fixtures/slurm-sweep"

    /// A sysroot per node: n1 a healthy A30 node, n2 the faulty one (a PCIe link at x8), n3 a node without GPUs.
    static func sysroots() -> String {
      let root = EndToEndTests.temporaryDirectory()
      let fixtures = EndToEndTests.sysroots
      symlink(fixtures + "/a30-cx6-aarch64", root + "/n1")
      symlink(fixtures + "/a30-cx6-aarch64-faulty", root + "/n2")
      FileSystem.makeDirectories(root + "/n3/sys/bus/pci/devices")
      FileSystem.makeDirectories(root + "/n3/proc")
      return root
    }

    static func results(_ run: String, _ plan: String, _ node: String) -> String {
      FileSystem.readText(run + plan + "/" + node + "/execute/results.yaml") ?? ""
    }

    @Test func gpuPlanOverThreeNodesPassesFailsAndSkipsPerNode() throws {
      let sysroots = Self.sysroots()
      let run = EndToEndTests.temporaryDirectory()
      let nodeDir = SlurmCluster.nodeRoot + "/%n/gpu-%j"
      defer { FileSystem.removeTree(run) }
      let outcome = EndToEndTests.hpctest([
        "--sysroot", sysroots + "/%n", "run", "--id", run, "plans/gpu", "-a", "provision", "-h", "slurm", "--nodes",
        "3",
        "--node-dir", nodeDir,
      ])
      #expect(outcome.status == 1, "\(outcome.output)")
      let (healthy, faulty, bare) = (
        Self.results(run, "/plans/gpu", "n1"), Self.results(run, "/plans/gpu", "n2"),
        Self.results(run, "/plans/gpu", "n3")
      )
      #expect(healthy.contains("result: pass") && !healthy.contains("result: fail"))
      #expect(healthy.contains("    name: n1\n"))
      #expect(faulty.contains("result: fail") && faulty.contains("    name: n2\n"))
      #expect(!bare.contains("result: pass") && !bare.contains("result: fail"))
      #expect(bare.contains("hardware requirement not met"))
      let junit = FileSystem.readText(run + "/junit.xml") ?? ""
      for node in ["n1", "n2", "n3"] { #expect(junit.contains("<testsuite name=\"/plans/gpu @ \(node)\"")) }
      let lines = outcome.output.split(separator: "\n")
      #expect(lines.contains { $0.hasPrefix("node ") && $0.contains("/tests/gpu/pcie-link") })
      #expect(lines.contains { $0.hasPrefix("  n2: fail /tests/gpu/pcie-link: ") && $0.contains("x8, expected") })
      #expect(!lines.contains { $0.hasPrefix("  n1: ") || $0.hasPrefix("  n3: ") })
    }

    @Test func eachNodeWorksInItsOwnDirectory() throws {
      let run = EndToEndTests.temporaryDirectory()
      defer { FileSystem.removeTree(run) }
      let tag = "own-\(getpid())"
      let outcome = EndToEndTests.hpctest([
        "--root", Self.fixture, "run", "--id", run, "-e", "HPCTEST_SLEEP=0", "plans/slow", "provision", "-h", "slurm",
        "--node-dir", SlurmCluster.nodeRoot + "/%n/" + tag,
      ])
      #expect(outcome.status == 0, "\(outcome.output)")
      for node in ["n1", "n2", "n3"] {
        let data =
          SlurmCluster.nodeRoot + "/\(node)/\(tag)/run/plans/slow/execute/data/guest/default-0/tests/first-1/data"
        #expect(FileSystem.readText(data + "/node.txt") == "node \(node)\n")
        #expect(Self.results(run, "/plans/slow", node).components(separatedBy: "\n  result: pass\n").count == 4)
        FileSystem.removeTree(SlurmCluster.nodeRoot + "/\(node)/\(tag)")
      }
    }

    @Test func aKilledNodeTurnsItsUnfinishedTestsIntoErrorsNamingIt() throws {
      let run = EndToEndTests.temporaryDirectory()
      let tag = "killed-\(getpid())"
      defer {
        FileSystem.removeTree(run)
        _ = SlurmCluster.shell("scripts/test-cluster revive-node n2")
      }
      let marker =
        SlurmCluster.nodeRoot + "/n2/\(tag)/run/plans/slow/execute/data/guest/default-0/tests/first-1/data/node.txt"
      let outcome = SlurmCluster.shell(
        """
        (for i in $(seq 300); do [ -e '\(marker)' ] && break; sleep 0.2; done; sleep 1; scripts/test-cluster kill-node n2) &
        '\(EndToEndTests.binary)' --root '\(Self.fixture)' run --id '\(run)' plans/slow provision -h slurm \
          --node-dir '\(SlurmCluster.nodeRoot)/%n/\(tag)'
        echo "status=$?"; wait
        """)
      #expect(outcome.output.contains("status=2\n"), "\(outcome.output)")
      for node in ["n1", "n3"] {
        #expect(Self.results(run, "/plans/slow", node).components(separatedBy: "\n  result: pass\n").count == 4)
      }
      let dead = Self.results(run, "/plans/slow", "n2")
      #expect(dead.components(separatedBy: "\n  result: pass\n").count == 2)
      #expect(dead.components(separatedBy: "\n  result: error\n").count == 3)
      #expect(dead.contains("node n2 stopped before the test finished"))
      #expect(outcome.output.contains("  n2: error /tests/second: node n2 stopped"))
    }

    @Test func interruptingASweepCancelsTheJobAndKeepsFinishedResults() throws {
      let run = EndToEndTests.temporaryDirectory()
      let tag = "interrupt-\(getpid())"
      defer { FileSystem.removeTree(run) }
      let marker = { (node: String) in
        SlurmCluster.nodeRoot
          + "/\(node)/\(tag)/run/plans/slow/execute/data/guest/default-0/tests/first-1/data/node.txt"
      }
      let outcome = SlurmCluster.shell(
        """
        '\(EndToEndTests.binary)' --root '\(Self.fixture)' run --id '\(run)' plans/slow provision -h slurm \
          --node-dir '\(SlurmCluster.nodeRoot)/%n/\(tag)' & pid=$!
        for i in $(seq 300); do [ -e '\(marker("n1"))' ] && [ -e '\(marker("n2"))' ] && [ -e '\(marker("n3"))' ] && break; sleep 0.2; done
        sleep 1; kill -INT $pid; wait $pid; echo "status=$?"
        job=$(awk -F'\\t' '$2 == "-" && $3 == "job" {print $4}' '\(run)/slurm/output.txt' | cut -d: -f2 | tr -d ' ')
        echo "job=$job"
        # scancel is immediate, but slurmctld lists a cancelled job as completing (CG) until its steps are gone.
        for i in $(seq 100); do [ "$(squeue -h -o %i | grep -cx "$job")" = 0 ] && break; sleep 0.2; done
        echo "queued=$(squeue -h -o %i | grep -cx "$job")"
        echo "left=$(grep -lzx "SLURM_JOB_ID=$job" /proc/[0-9]*/environ 2>/dev/null | wc -l)"
        """)
      #expect(outcome.output.contains("status=1\n"), "\(outcome.output)")
      #expect(outcome.output.contains("queued=0\n"))
      #expect(outcome.output.contains("left=0\n"))
      #expect(!outcome.output.contains("job=\n"))
      for node in ["n1", "n2", "n3"] {
        let results = Self.results(run, "/plans/slow", node)
        #expect(results.contains("name: /tests/first\n  note: []\n  original-result: pass\n  result: pass"))
        FileSystem.removeTree(SlurmCluster.nodeRoot + "/\(node)/\(tag)")
      }
    }
  }
}
