import HPCBasics
import HardwareProbe
import TestSupport
import Testing
import YAML

@testable import Checks

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Reports, expectations and the site file")
struct ReportTests {
  @Test func reportEntryIsWhatTmtReportResultWrites() {
    let item = CheckItem("0000:3b:00.0", .fail, "0000:3b:00.0: PCIe link 16.0 GT/s x8, expected 16.0 GT/s x16")
    let entry = TMTReportFile.entry(item, log: nil, endTime: "2026-11-26T06:23:54.410050+00:00")
    let note = "    note:\n      - \"0000:3b:00.0: PCIe link 16.0 GT/s x8, expected 16.0 GT/s x16\"\n"
    #expect(
      entry
        == "  - name: \"/0000:3b:00.0\"\n    result: \"fail\"\n" + note
        + "    end-time: \"2026-11-26T06:23:54.410050+00:00\"\n"
    )
    let logged = TMTReportFile.entry(item, log: "0000:3b:00.0/message.txt", endTime: "T")
    #expect(
      logged
        == "  - name: \"/0000:3b:00.0\"\n    result: \"fail\"\n    log:\n      - \"0000:3b:00.0/message.txt\"\n"
        + note + "    end-time: \"T\"\n"
    )
  }

  /// The note is the message line by line (what tmt keeps as the sub-result's `note`), plus the original outcome
  /// when tmt could not take it; an empty message gives no `note` key.
  @Test(arguments: CheckOutcome.allCases)
  func reportNotesCarryTheMessage(outcome: CheckOutcome) throws {
    let item = CheckItem("mlx5_0/1", outcome, "mlx5_0/1: state DOWN,\nexpected \"ACTIVE\"")
    var expected = ["mlx5_0/1: state DOWN,", "expected \"ACTIVE\""]
    if outcome.tmtReportable != outcome {
      expected.append("outcome \(outcome.rawValue), reported as \(outcome.tmtReportable.rawValue) for tmt")
    }
    #expect(TMTReportFile.note(item) == expected)
    let entry = TMTReportFile.entry(item, log: nil, endTime: "T")
    let node = try #require(try YAMLParser.parse(entry, file: "r.yaml"))
    #expect(node[0]?["note"]?.sequenceValue?.compactMap(\.stringValue) == expected)
    let silent = TMTReportFile.entry(CheckItem("a", outcome, ""), log: nil, endTime: "T")
    #expect(silent.contains("note:") == (outcome.tmtReportable != outcome))
  }

  @Test(arguments: [
    (CheckOutcome.error, CheckOutcome.fail), (.info, .pass), (.skip, .skip), (.warn, .warn), (.pass, .pass),
    (.fail, .fail),
  ])
  func tmtCannotTakeErrorOrInfo(outcome: CheckOutcome, written: CheckOutcome) {
    #expect(outcome.tmtReportable == written)
  }

  @Test(arguments: [
    (CheckOutcome.pass, Int32(0)), (.info, 0), (.skip, 0), (.warn, 1), (.fail, 1), (.error, 2),
  ])
  func exitCodes(outcome: CheckOutcome, code: Int32) { #expect(outcome.exitCode == code) }

  @Test func logDirectoryAsTmtNamesIt() {
    #expect(TMTReportFile.logDirectory(CheckItem("mlx5_0/1", .pass, "")) == "mlx5_0_1")
    #expect(TMTReportFile.escape("a\"b\\c\u{1}") == "a\\\"b\\\\c")
  }

  @Test func harnessFilesAreAppended() throws {
    let directory = Scratch.directory("hpctest-checks-report-")
    defer { FileSystem.removeTree(directory) }
    let result = CheckResult(
      check: "rdma.loopback-bw",
      items: [CheckItem("mlx5_0/1", .pass, "mlx5_0/1: 190 Gb/s"), CheckItem("mlx5_1/1", .error, "no output")],
      figures: [CheckFigure("mlx5_0/1:bw", value: 190, reference: 200, lower: -0.1, unit: "Gb/s")])
    #expect(HarnessReport.write(result, dataDirectory: directory, endTime: "T"))
    #expect(HarnessReport.write(CheckResult.skip("gpu.xid", "dmesg not found"), dataDirectory: directory, endTime: "T"))
    let reports = FileSystem.readText(directory + "/tmt-report-results.yaml") ?? ""
    #expect(reports.lines.filter { $0.hasPrefix("  - name:") }.count == 3)
    #expect(reports.contains("  - name: \"/mlx5_1/1\"\n    result: \"fail\"\n"))
    #expect(
      FileSystem.readText(directory + "/mlx5_1_1/message.txt")
        == "no output\n(outcome error, reported as fail for tmt)\n")
    let figures = FileSystem.readText(directory + "/hpctest-figures.yaml") ?? ""
    #expect(
      figures == """
        - check: "rdma.loopback-bw"
          name: "mlx5_0/1:bw"
          value: 190
          reference: 200
          lower: -0.1
          upper: null
          unit: "Gb/s"
          result: "pass"

        """)
  }

  @Test func jsonRendering() {
    let result = CheckResult(check: "gpu.aer", items: [CheckItem("a", .skip, "say \"hi\"\n")], notes: ["n"])
    #expect(
      CheckResultJSON.render(result) == """
        {"check": "gpu.aer", "outcome": "skip", "items": [{"name": "a", "outcome": "skip", "message": "say \\"hi\\"\\n"}], \
        "figures": [], "notes": ["n"]}
        """)
  }

  @Test func expectationPrecedence() {
    let expectations = Expectations(
      flags: ["pcie-gen": "5"],
      environment: ["HPCTEST_EXPECT_PCIE_GEN": "4", "HPCTEST_EXPECT_GPUS": "4", "PATH": "/bin"],
      site: ["gpus": "8", "numvfs": "16", "allow-sys": "yes", "required-tools": "nvidia-smi, dcgmi"])
    #expect(expectations.int("pcie-gen") == 5)
    #expect(expectations.value("gpus") == Expectations.Value(text: "4", source: .environment))
    #expect(expectations.int("numvfs") == 16)
    #expect(expectations.bool("allow-sys") == true)
    #expect(expectations.list("required-tools") == ["nvidia-smi", "dcgmi"])
    #expect(expectations.note("gpus") == "gpus = 4 (environment)")
    #expect(expectations.int("missing") == nil)
  }

  static func node(_ value: YAMLValue) -> YAMLNode { YAMLNode(value, at: SourceLocation(file: "site.yaml", line: 1)) }
  static func map(_ pairs: [(String, YAMLNode)]) -> YAMLNode {
    node(.mapping(pairs.map { YAMLPair(key: node(.string($0.0)), value: $0.1) }))
  }

  @Test func siteFileSectionsByHostPattern() throws {
    let site = Self.map([
      ("defaults", Self.map([("required-tools", Self.node(.sequence([Self.node(.string("nvidia-smi"))])))])),
      (
        "hosts",
        Self.node(
          .sequence([
            Self.map([("match", Self.node(.string("gpu-a30-*"))), ("expect", Self.map([("gpus", Self.node(.int(4)))]))]
            ),
            Self.map([("match", Self.node(.string("ci-*"))), ("expect", Self.map([("gpus", Self.node(.int(2)))]))]),
          ]))
      ),
    ])
    let a30 = try SiteFile.expectations(site, hostname: "gpu-a30-07.cluster.example", file: "site.yaml")
    #expect(a30 == ["required-tools": "nvidia-smi", "gpus": "4"])
    let other = try SiteFile.expectations(site, hostname: "login1", file: "site.yaml")
    #expect(other == ["required-tools": "nvidia-smi"])
  }

  @Test func siteFileErrorsNameTheirPlace() {
    let site = Self.map([("hostz", Self.node(.null))])
    #expect(throws: DiagnosticList.self) { try SiteFile.expectations(site, hostname: "x", file: "site.yaml") }
    do {
      _ = try SiteFile.expectations(site, hostname: "x", file: "site.yaml")
    } catch {
      #expect(error.description == "site.yaml:1: error: unknown key 'hostz'; expected 'defaults' or 'hosts'")
    }
  }

  @Test func pciConfigSpaceACS() {
    var config = [UInt8](repeating: 0, count: 4096)
    config[0x100] = 0x0d
    config[0x102] = 0x01
    config[0x106] = 0x0c
    #expect(ConfigSpace(config).acs?.raw == 0x0c)
    #expect(TopologyJudge.redirectNames(0x0c) == ["RR", "CR"])
    #expect(ConfigSpace([UInt8](repeating: 0, count: 64)).acs == nil)
  }

  /// The probe's classifier as the checks use it, on the shared trees.
  @Test func pathClasses() async {
    let facts = NodeFacts(CheckContext(root: Fixture.root("a30-cx6-aarch64"), runner: FakeToolRunner([:])))
    let (gpu0, gpu1, gpu2, gpu3) = (
      facts.device("0000:03:00.0")!, facts.device("0000:04:00.0")!,
      facts.device("0000:06:00.0")!, facts.device("0001:01:00.0")!
    )
    let hca = facts.device("0000:05:00.0")!
    #expect(facts.path(gpu0, hca) == .pix)
    #expect(facts.path(gpu0, gpu1) == .pix)
    #expect(facts.path(gpu2, hca) == .phb)
    #expect(facts.path(gpu3, hca) == .sys)
    #expect(facts.path(gpu3, gpu0) == .sys)
    let intel = NodeFacts(CheckContext(root: Fixture.root("intel-max1550-x86_64"), runner: FakeToolRunner([:])))
    #expect(intel.path(intel.device("0000:03:00.0")!, intel.device("0000:83:00.0")!) == .sys)
  }

  @Test func bridgesOnThePath() {
    func device(_ host: String, _ ancestors: [String]) -> PCIDeviceFacts {
      PCIDeviceFacts(
        address: "x", vendor: 0, device: 0, classCode: 0, numaNode: 0, link: LinkFacts(address: "x"),
        ancestors: ancestors, hostBridge: host)
    }
    let gpu = device("pci0000:00", ["rp", "usp", "dsp1"])
    #expect(TopologyJudge.bridgesBetween(gpu, device("pci0000:00", ["rp", "usp", "dsp2"])) == ["usp", "dsp1", "dsp2"])
    #expect(TopologyJudge.bridgesBetween(gpu, device("pci0000:00", ["rp2"])) == ["rp", "usp", "dsp1", "rp2"])
  }
}
