/// Renders sub-results as `tmt-report-result` appends them to `$TMT_TEST_DATA/tmt-report-results.yaml`:
/// `  - name: "/x"\n    result: "pass"\n    log:\n      - "x/message.txt"\n    note:\n      - "..."\n    end-time: "..."`.
///
/// `note` (tmt's results schema key, kept by tmt 1.78 when it turns reports into sub-results) carries the message, so
/// the reason reaches results.yaml under tmt and hpctest alike.
///
/// tmt reduces these reports with the ranking skip < pass < warn < fail and crashes on `error` and `info`, so
/// `error` is written as `fail` and `info` as `pass`; the message log keeps the original outcome.
package enum TMTReportFile {
  /// The file name under `$TMT_TEST_DATA`.
  package static let fileName = "tmt-report-results.yaml"

  /// One report entry; `log` is the message file relative to `$TMT_TEST_DATA`, when written.
  package static func entry(_ item: CheckItem, log: String?, endTime: String) -> String {
    var text = "  - name: \"\(escape(reportName(item)))\"\n"
    text += "    result: \"\(item.outcome.tmtReportable.rawValue)\"\n"
    if let log { text += "    log:\n      - \"\(escape(log))\"\n" }
    let notes = note(item)
    if !notes.isEmpty { text += "    note:\n" + notes.map { "      - \"\(escape($0))\"\n" }.joined() }
    text += "    end-time: \"\(endTime)\"\n"
    return text
  }

  /// The sub-result's notes: its message (one line each), and the original outcome when it was changed for tmt.
  package static func note(_ item: CheckItem) -> [String] {
    var notes = item.message.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    let written = item.outcome.tmtReportable
    if written != item.outcome {
      notes.append("outcome \(item.outcome.rawValue), reported as \(written.rawValue) for tmt")
    }
    return notes
  }

  /// The report name: `/` + the item's name.
  package static func reportName(_ item: CheckItem) -> String {
    item.name.hasPrefix("/") ? item.name : "/" + item.name
  }

  /// The directory tmt-report-result would use for the item's log: the name with `/` and spaces as `_`, without a
  /// leading `_`.
  package static func logDirectory(_ item: CheckItem) -> String {
    var name = String(reportName(item).map { $0 == "/" || $0 == " " ? "_" : $0 })
    if name.hasPrefix("_") { name.removeFirst() }
    return name
  }

  /// The log file's content: the message, and a note when the outcome was changed for tmt.
  package static func logText(_ item: CheckItem) -> String {
    let written = item.outcome.tmtReportable
    let note =
      written == item.outcome ? "" : "(outcome \(item.outcome.rawValue), reported as \(written.rawValue) for tmt)\n"
    return item.message + "\n" + note
  }

  /// `"` and `\` escaped for a double-quoted YAML scalar; control characters dropped.
  package static func escape(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      default: if scalar.value >= 0x20 && scalar.value != 0x7f { result.unicodeScalars.append(scalar) }
      }
    }
    return result
  }
}
