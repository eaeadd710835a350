import Checks
import FMF
import HPCBasics
import Reporting
import YAML

#if canImport(Glibc)
  import Glibc
#endif

/// libFuzzer's entry point (built only by `scripts/fuzz`, with `-sanitize=fuzzer,address`): the environment
/// variable `HPCTEST_FUZZ_TARGET` chooses which reader the input feeds. A thrown diagnostic is the expected
/// answer to bad input; only a crash, a trap or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  FuzzTarget.current.run(bytes)
  return 0
}

/// libFuzzer's driver (in the fuzzer runtime that `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The executable's entry: SwiftPM links an executable target's `main` as `<module>_main`, so libFuzzer's own
/// `main` is not used and this hands the command line to its driver.
@_cdecl("hpctest_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var vector = argv
  return runFuzzerDriver(&count, &vector, fuzzOneInput)
}

/// The readers that take input from files others write.
enum FuzzTarget: String {
  case yaml, fmf, adjust, duration, site, results, report

  /// The target named by `HPCTEST_FUZZ_TARGET` (yaml when unset).
  static let current = FuzzTarget(rawValue: getenv("HPCTEST_FUZZ_TARGET").map { String(cString: $0) } ?? "") ?? .yaml

  /// Feeds `bytes` to the reader, in memory (no file is written or read); results are dropped.
  func run(_ bytes: [UInt8]) {
    switch self {
    case .yaml: _ = try? YAMLParser.parse(bytes, file: "fuzz.yaml")
    case .fmf: Self.load(bytes, context: [("distro", ["fedora-40"]), ("arch", ["x86_64"])])
    case .adjust:
      let tree = Self.adjustTree(String(decoding: bytes, as: UTF8.self))
      Self.load(Array(tree.utf8), context: [("distro", ["rhel-9.4"]), ("initiator", ["human"])])
    case .duration:
      let text = String(decoding: bytes, as: UTF8.self)
      _ = TMTDuration.parse(text)
      _ = TMTDuration.seconds(text, base: 3_600)
    case .site:
      guard let root = try? YAMLParser.parse(bytes, file: "site.yaml") else { return }
      _ = try? SiteFile.expectations(root, hostname: "gpu-node017", file: "site.yaml")
    case .results: _ = try? ResultsYAML.read(String(decoding: bytes, as: UTF8.self), file: "results.yaml")
    case .report:
      let text = String(decoding: bytes, as: UTF8.self)
      _ = TestReports.parse(text, file: "tmt-report-results.yaml", relative: "data", testName: "/fuzz")
    }
  }

  /// Loads `bytes` as the `main.fmf` of a tree root (inheritance, `/child` keys, adjust) under `context`.
  private static func load(_ bytes: [UInt8], context: FMFContext) {
    _ = try? FMFLoader.load(bytes: bytes, file: "main.fmf", context: context)
  }

  /// A node whose one adjust rule has the input as its `when` condition (a YAML double-quoted scalar).
  private static func adjustTree(_ condition: String) -> String {
    var quoted = ""
    for scalar in condition.unicodeScalars {
      switch scalar {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      case _ where scalar.value < 0x20 || scalar.value == 0x7f: quoted += "\\x" + String(scalar.value, radix: 16)
      default: quoted.unicodeScalars.append(scalar)
      }
    }
    return "/t:\n  test: ./t.sh\n  adjust:\n    - when: \"\(quoted)\"\n      enabled: false\n"
  }
}
