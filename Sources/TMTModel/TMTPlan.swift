public import FMF
public import YAML

/// One phase of a plan step (`discover`, `provision`, ...): raw keys (underscores turned to dashes) plus
/// `name` and `how` with tmt's defaults.
public struct TMTPhase: Sendable {
  /// `default-0`, ... unless named.
  public var name: String
  /// The plugin: `fmf`, `shell`, `local`, `tmt`, `display`, `junit`, ...
  public var how: String
  /// Every key of the phase in its original order, including `name` and `how`.
  public var data: [(String, YAMLNode)]

  /// Creates a phase.
  public init(name: String, how: String, data: [(String, YAMLNode)]) {
    self.name = name
    self.how = how
    self.data = data
  }

  /// The value of `key`, nil when absent.
  public subscript(key: String) -> YAMLNode? { data.last { $0.0 == key }?.1 }
}

/// The six tmt steps, plus `cleanup`, in execution order.
public enum TMTStep: String, Sendable, CaseIterable {
  case discover, provision, prepare, execute, report, finish, cleanup
}

/// A tmt L2 plan, normalised as tmt 1.78 exports it.
public struct TMTPlan: Sendable {
  public var name: String
  public var summary: YAMLNode?
  public var description: YAMLNode?
  public var author: [String] = []
  public var contact: [String] = []
  public var enabled: YAMLNode = YAMLNode(.bool(true))
  public var order: Int = 50
  public var link: [YAMLNode] = []
  /// `id` as a string (nil when unset or not a string).
  public var id: String?
  /// `id` exactly as written.
  public var idNode: YAMLNode?
  public var tag: [String] = []
  public var tier: String?
  /// The plan's own `context:` (values as lists of strings).
  public var context: [(String, [String])] = []
  public var gate: [String] = []
  /// Raw `environment:` as written.
  public var environment: [(String, YAMLNode)] = []
  /// Raw `environment-file:` entries.
  public var environmentFile: [String] = []
  /// Phases per step.
  public var steps: [TMTStep: [TMTPhase]] = [:]
  /// Absolute source files.
  public var sources: [String] = []
  /// The plan's full environment: environment files, `environment`, the caller's `-e` values, `TMT_VERSION`.
  public var resolvedEnvironment: [(String, String)] = []
  /// `ansible:` as exported (`{}` when unset).
  public var ansible: YAMLNode = .map([])
  /// `gate` as exported (the raw value when truthy, tmt exports it unnormalised).
  public var gateExport: YAMLNode = .list([])
  /// `environment`, `environment-file` and `extra-*` exactly as tmt exports them (after variable expansion),
  /// only those present and truthy.
  public var exportedExtras: [(String, YAMLNode)] = []
  /// `plan: import` as written (not resolved: hpctest behaves like `tmt plans ls --shallow`).
  public var importSpec: YAMLNode?
  /// The fmf node the plan came from (nil for plans built in code).
  public var node: FMFNode?

  /// Creates a plan with no phases.
  public init(name: String) { self.name = name }

  /// The phases of `step` (tmt fills a missing step with one default phase).
  public func phases(_ step: TMTStep) -> [TMTPhase] { steps[step] ?? [] }
}
