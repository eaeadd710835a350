public import FMF
public import HPCBasics
public import YAML

extension TMTPlan {
  /// tmt's version, exported to plans as `TMT_VERSION`.
  package static let tmtVersion = "1.78.0"

  /// Normalises `node` as tmt 1.78's `Plan(node=...)` does (imports unresolved). `context` is the CLI context
  /// (overlays the plan's own `context:`); `environment` the caller's `-e` variables.
  public init(node: FMFNode, tree: FMFTree, context: FMFContext, environment: [(String, String)])
    throws(Diagnostic)
  {
    let reader = TMTFieldReader(node: node)
    self.init(name: node.name)
    self.node = node
    let core = try TMTCoreFields(reader)
    (summary, description, author, contact, enabled) = (
      core.summary, core.description, core.author, core.contact, core.enabled
    )
    (order, link, idNode, id, tag, tier) = (core.order, core.link, core.id, core.id?.string, core.tag, core.tier)
    self.context = try Self.context(reader, cli: context)
    gate = try reader.stringList("gate")
    environmentFile = try reader.stringList("environment-file")
    resolvedEnvironment = try TMTPlanEnvironment.resolve(
      reader: reader, files: environmentFile, root: tree.root, cli: environment)
    let expanded = TMTPlanEnvironment.expand(node.data, environment: resolvedEnvironment, context: self.context)
    self.environment = expanded[key: "environment"]?.pairs ?? []
    try readSteps(expanded, reader: reader)
    sources = node.sources
    importSpec = node["plan"]?[key: "import"]?.withoutLocations
    readExports(expanded)
  }

  /// `context:` (values → lists of strings) overlaid by the CLI context.
  private static func context(_ reader: TMTFieldReader, cli: FMFContext) throws(Diagnostic) -> FMFContext {
    var result: FMFContext = []
    func set(_ key: String, _ values: [String]) {
      if let index = result.firstIndex(where: { $0.0 == key }) {
        result[index].1 = values
      } else {
        result.append((key, values))
      }
    }
    if let value = reader.raw("context"), !value.isNull {
      if let entries = value.entries {
        for entry in entries {
          let values = entry.value.items.map { $0.map(PythonText.str) } ?? [PythonText.str(entry.value)]
          set(PythonText.str(entry.key), values)
        }
      } else if let items = value.items {
        for item in items {
          let text = PythonText.str(item)
          guard let equals = text.firstIndex(of: "=") else {
            throw reader.error("Invalid variable specification '\(text)'.", key: "context", at: item)
          }
          set(String(text[..<equals]), text[text.index(after: equals)...].split(separator: ",").map(String.init))
        }
      } else {
        throw reader.normalization(reader.address("context"), value, "a list of strings or a dictionary")
      }
    }
    for (key, values) in cli { set(key, values) }
    return result
  }

  /// The keys tmt copies from the (expanded) node data when truthy.
  private mutating func readExports(_ data: YAMLNode) {
    if let value = data[key: "gate"], value.isTruthy {
      gateExport = value.withoutLocations
    } else {
      gateExport = .list(gate.map(YAMLNode.text))
    }
    if let value = data[key: "ansible"], value.isTruthy { ansible = value.withoutLocations }
    exportedExtras = []
    for key in ["environment", "environment-file"] {
      if let value = data[key: key], value.isTruthy { exportedExtras.append((key, value.withoutLocations)) }
    }
    for (key, value) in data.pairs ?? [] where key.hasPrefix("extra-") && value.isTruthy {
      exportedExtras.removeAll { $0.0 == key }
      exportedExtras.append((key, value.withoutLocations))
    }
  }
}
