public import HPCBasics
public import TMTModel

/// fmf's filter expressions over test attributes: `tag: gpu & tier: 1 | tag: -slow` (`&` binds tighter than `|`,
/// a `-` value negates, comma-separated values mean any of them). Values are compared exactly.
package struct FMFFilter: Sendable {
  private struct Atom: Sendable {
    var key: String
    var values: [String]
    var negated: Bool
  }

  private let clauses: [[Atom]]

  /// Parses `text`; a malformed atom is a diagnostic naming `key`.
  package init(_ text: String, key: String) throws(Diagnostic) {
    var clauses: [[Atom]] = []
    for clause in text.split(separator: "|") {
      var atoms: [Atom] = []
      for part in clause.split(separator: "&") {
        guard let colon = part.firstIndex(of: ":") else {
          throw .error("invalid filter '\(text)': expected 'key: value', got '\(part.trimmed)'", keyPath: key)
        }
        var value = part[part.index(after: colon)...].trimmed
        let negated = value.hasPrefix("-")
        if negated { value.removeFirst() }
        atoms.append(
          Atom(
            key: part[..<colon].trimmed, values: value.split(separator: ",").map { Substring($0).trimmed },
            negated: negated))
      }
      clauses.append(atoms)
    }
    self.clauses = clauses
  }

  /// True when `test` satisfies the expression.
  package func matches(_ test: TMTTest) -> Bool {
    clauses.contains { atoms in
      atoms.allSatisfy { atom in
        let present = atom.values.contains { Self.values(of: atom.key, in: test).contains($0) }
        return atom.negated ? !present : present
      }
    }
  }

  private static func values(of key: String, in test: TMTTest) -> [String] {
    switch key {
    case "tag": test.tag
    case "tier": test.tier.map { [$0] } ?? []
    case "component": test.component
    case "framework": test.framework.map { [$0] } ?? []
    case "result": [test.result]
    case "name": [test.name]
    case "order": [String(test.order)]
    case "test": [test.test]
    default: []
    }
  }
}

extension Substring {
  /// Without surrounding spaces.
  var trimmed: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
