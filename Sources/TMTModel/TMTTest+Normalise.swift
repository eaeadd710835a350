public import FMF
public import HPCBasics
public import YAML

extension TMTTest {
  /// The `result` interpretations tmt accepts.
  package static let resultValues = [
    "respect", "xfail", "pass", "info", "warn", "error", "fail", "custom", "restraint",
  ]

  /// Normalises `node` exactly as tmt 1.78's `Test(node=...)` does; throws tmt's error for the first bad key.
  public init(node: FMFNode, tree: FMFTree) throws(Diagnostic) {
    let reader = TMTFieldReader(node: node)
    self.init(name: node.name, test: try Self.command(reader))
    self.node = node
    try readCore(reader)
    component = try reader.stringList("component")
    path = try Self.path(reader, tree: tree)
    framework = reader.raw("framework").map { $0.isNull ? nil : PythonText.str($0) } ?? "shell"
    manual = reader.passThrough("manual", fallback: manual) ?? .none
    tty = reader.passThrough("tty", fallback: tty) ?? .none
    require = try TMTRequire.normalize("require", reader: reader)
    recommend = try TMTRequire.normalize("recommend", reader: reader)
    environment = try Self.environment(reader)
    duration = reader.passThrough("duration", fallback: duration)
    result = try Self.result(reader)
    `where` = reader.passThrough("where", fallback: nil)
    check = try TMTCheck.normalize(reader: reader)
    restartOnExitCode = try Self.integerList(reader)
    restartMaxCount = reader.passThrough("restart-max-count", fallback: restartMaxCount)
    restartWithReboot = reader.passThrough("restart-with-reboot", fallback: restartWithReboot) ?? .none
    sources = node.sources
    extra = (node.data.pairs ?? []).filter { $0.0.hasPrefix("extra-") }.map { ($0.0, $0.1.withoutLocations) }
  }

  /// The core keys shared with plans (summary ... tier).
  private mutating func readCore(_ reader: TMTFieldReader) throws(Diagnostic) {
    let core = try TMTCoreFields(reader)
    summary = core.summary
    description = core.description
    author = core.author
    contact = core.contact
    enabled = core.enabled
    order = core.order
    link = core.link
    idNode = core.id
    id = core.id?.string
    tag = core.tag
    tier = core.tier
  }

  /// `test`: required, a string.
  private static func command(_ reader: TMTFieldReader) throws(Diagnostic) -> String {
    guard let value = reader.raw("test"), !value.isNull else {
      throw reader.error("The 'test' attribute in '\(reader.name)' must be defined.", key: "test", at: nil)
    }
    guard let text = value.string else { throw reader.normalization(reader.address("test"), value, "a string") }
    return text
  }

  /// `path`: explicit string normalised like `pathlib`, else `/` + the last source's directory.
  private static func path(_ reader: TMTFieldReader, tree: FMFTree) throws(Diagnostic) -> String? {
    if let value = reader.raw("path") {
      if value.isNull { return nil }
      guard let text = value.string else { throw reader.normalization(reader.address("path"), value, "a string") }
      return PythonPath.normalize(text)
    }
    guard let last = reader.node.sources.last else { return "/" }
    let directory = Path.dirname(tree.relative(last))
    return directory == "." || directory.hasPrefix("/") ? (directory == "." ? "/" : directory) : "/" + directory
  }

  /// `environment`: a mapping whose values are `str()`-ed.
  private static func environment(_ reader: TMTFieldReader) throws(Diagnostic) -> [(String, String)] {
    guard let value = reader.raw("environment"), !value.isNull else { return [] }
    guard let entries = value.entries else {
      throw reader.normalization(reader.address("environment"), value, "unset or a dictionary")
    }
    var result: [(String, String)] = []
    for entry in entries {
      guard let key = entry.key.string else {
        throw reader.error(
          "object of type '\(entry.key.pythonType)' has no len()", key: "environment",
          at: entry.key)
      }
      result.removeAll { $0.0 == key }
      result.append((key, PythonText.str(entry.value)))
    }
    return result
  }

  /// `result`: one of tmt's interpretations.
  private static func result(_ reader: TMTFieldReader) throws(Diagnostic) -> String {
    guard let value = reader.raw("result") else { return "respect" }
    guard let text = value.string else {
      throw reader.error(
        "Invalid result interpretation '\(PythonText.str(value))' at \(reader.address("result")).",
        key: "result", at: value)
    }
    guard resultValues.contains(text) else {
      throw reader.error("Invalid result interpretation '\(text)'.", key: "result", at: value)
    }
    return text
  }

  /// `restart-on-exit-code`: int or list, each `int()`-ed.
  private static func integerList(_ reader: TMTFieldReader) throws(Diagnostic) -> [Int] {
    guard let value = reader.raw("restart-on-exit-code"), !value.isNull else { return [] }
    let address = "\(reader.name):restart_on_exit_code"
    guard let items = value.items else {
      do throws(PythonInt.Failure) { return [try PythonInt.convert(value)] } catch {
        throw reader.normalization(address, value, "an integer")
      }
    }
    var result: [Int] = []
    for (index, item) in items.enumerated() {
      do throws(PythonInt.Failure) { result.append(try PythonInt.convert(item)) } catch {
        throw reader.normalization("\(address)[\(index)]", item, "an integer")
      }
    }
    return result
  }
}

/// Normalisers shared by tests and plans.
package enum TMTCore {
  /// `id`: must be defined in the node itself, not inherited.
  package static func id(_ reader: TMTFieldReader) throws(Diagnostic) -> YAMLNode? {
    guard let value = reader.raw("id"), !value.isNull else { return reader.raw("id").map { _ in .none } }
    if value.isTruthy && !reader.node.ownKeys.contains("id") {
      throw reader.error(
        "The 'id' key '\(PythonText.str(value))' in '\(reader.name)' is inherited from parent, should be "
          + "defined in a leaf.", key: "id", at: value)
    }
    return value.withoutLocations
  }
}
