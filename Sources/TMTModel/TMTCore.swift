public import HPCBasics
public import YAML

/// The core (L0) keys shared by tests and plans, normalised as tmt's `Core` does.
package struct TMTCoreFields {
  package var summary: YAMLNode?
  package var description: YAMLNode?
  package var author: [String]
  package var contact: [String]
  package var enabled: YAMLNode
  package var order: Int
  package var link: [YAMLNode]
  package var id: YAMLNode?
  package var tag: [String]
  package var tier: String?

  /// Reads the core keys in tmt's order (the first bad key throws).
  package init(_ reader: TMTFieldReader) throws(Diagnostic) {
    summary = reader.passThrough("summary", fallback: nil)
    description = reader.passThrough("description", fallback: nil)
    author = try reader.stringList("author")
    contact = try reader.stringList("contact")
    enabled = reader.passThrough("enabled", fallback: YAMLNode(.bool(true))) ?? .none
    order = try reader.integer("order", fallback: 50)
    link = try TMTLink.normalize(reader.raw("link"), reader: reader)
    id = try TMTCore.id(reader)
    tag = try reader.stringList("tag")
    tier = reader.optionalString("tier")
  }
}
