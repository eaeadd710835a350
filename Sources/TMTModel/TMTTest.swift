public import FMF
public import YAML

/// A tmt L1 test, normalised exactly as tmt 1.78 does (`tmt tests export` keys, in order).
public struct TMTTest: Sendable {
  public var name: String
  public var summary: YAMLNode?
  public var description: YAMLNode?
  public var author: [String] = []
  public var contact: [String] = []
  /// Passed through raw (tmt does not coerce to bool).
  public var enabled: YAMLNode = YAMLNode(.bool(true))
  public var order: Int = 50
  /// Normalised link entries as tmt exports them.
  public var link: [YAMLNode] = []
  /// `id` as a string (nil when unset or not a string).
  public var id: String?
  /// `id` exactly as written (tmt exports non-string ids unchanged).
  public var idNode: YAMLNode?
  public var tag: [String] = []
  public var tier: String?
  public var component: [String] = []
  /// The shell command (`test:`).
  public var test: String
  /// The directory, relative to the tree root with a leading `/`, the test runs in.
  public var path: String?
  public var framework: String? = "shell"
  public var manual: YAMLNode = YAMLNode(.bool(false))
  public var tty: YAMLNode = YAMLNode(.bool(false))
  /// Normalised `require` entries (strings, or library/file dicts).
  public var require: [YAMLNode] = []
  public var recommend: [YAMLNode] = []
  /// Environment with values `str()`-ed the Python way.
  public var environment: [(String, String)] = []
  /// Raw `duration` (tmt passes it through unvalidated; execute validates it).
  public var duration: YAMLNode? = YAMLNode(.string("5m"))
  /// `respect`, `xfail`, `pass`, `info`, `warn`, `error`, `fail`, `custom`, `restraint`.
  public var result: String = "respect"
  public var `where`: YAMLNode?
  /// Checks with plugin defaults filled in.
  public var check: [YAMLNode] = []
  public var restartOnExitCode: [Int] = []
  public var restartMaxCount: YAMLNode? = YAMLNode(.int(1))
  public var restartWithReboot: YAMLNode = YAMLNode(.bool(false))
  /// Absolute source files.
  public var sources: [String] = []
  /// `extra-*` keys, raw.
  public var extra: [(String, YAMLNode)] = []

  /// The fmf node the test came from (nil for tests built in code).
  public var node: FMFNode?

  /// Creates a test with defaults.
  public init(name: String, test: String) {
    self.name = name
    self.test = test
  }
}
