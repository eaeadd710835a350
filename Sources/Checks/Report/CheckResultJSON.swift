/// Renders a check result as JSON for `hpctest check --json`.
package enum CheckResultJSON {
  /// `{"check": ..., "outcome": ..., "items": [...], "figures": [...], "notes": [...]}`.
  package static func render(_ result: CheckResult) -> String {
    let items = result.items.map { item in
      "{\"name\": \(quote(item.name)), \"outcome\": \(quote(item.outcome.rawValue)), \"message\": \(quote(item.message))}"
    }
    let figures = result.figures.map { figure in
      let fields = [
        "\"name\": \(quote(figure.name))", "\"value\": \(FiguresFile.number(figure.value))",
        "\"reference\": \(figure.reference.map(FiguresFile.number) ?? "null")",
        "\"lower\": \(figure.lower.map(FiguresFile.number) ?? "null")",
        "\"upper\": \(figure.upper.map(FiguresFile.number) ?? "null")", "\"unit\": \(quote(figure.unit))",
      ]
      return "{" + fields.joined(separator: ", ") + "}"
    }
    let notes = result.notes.map(quote)
    return """
      {"check": \(quote(result.check)), "outcome": \(quote(result.outcome.rawValue)), \
      "items": [\(items.joined(separator: ", "))], "figures": [\(figures.joined(separator: ", "))], \
      "notes": [\(notes.joined(separator: ", "))]}
      """
  }

  /// A JSON string literal.
  package static func quote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
