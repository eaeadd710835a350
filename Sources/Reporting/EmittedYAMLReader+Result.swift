public import TMTModel
internal import YAML

/// The mappings of a results.yaml read field by field (see `EmittedYAMLReader+Results.swift`): a result, its guest,
/// sub-results and check results, with the defaults `ResultsYAML.result(_:)` gives for absent keys.
extension EmittedYAMLReader {
  /// The result whose keys stand at `indent`.
  mutating func result(_ indent: Int) throws(Unsupported) -> TestResult {
    var common = Common()
    var serial: String?
    var dataPath: String?
    var webLink: String?
    var guest: ResultGuest?
    var fmfID: [(String, String?)]?
    var (context, ids): ([(String, [String])], [(String, String?)]) = ([], [])
    var (subresults, checks): ([SubResult], [CheckResult]) = ([], [])
    while let entry = try self.entry(indent) {
      if try self.common(entry, indent, into: &common) { continue }
      switch entry.key {
      case "serial-number": serial = try text(entry, indent)
      case "data-path": dataPath = try text(entry, indent)
      case "web-link": webLink = try text(entry, indent)
      case "guest": guest = try self.guest(entry, indent)
      case "fmf-id": fmfID = try pairs(entry, indent)
      case "ids": ids = try pairs(entry, indent)
      case "context": context = try tree(entry, indent).entries.map { ($0.key, ResultsYAML.strings($0.value)) }
      case "subresult":
        subresults = try items(entry, indent) { (reader) throws(Unsupported) in try reader.sub(indent + 2) }
      case "check": checks = try items(entry, indent) { (reader) throws(Unsupported) in try reader.check(indent + 2) }
      default: try skip(entry, indent)
      }
    }
    guard let name = common.name else { throw Unsupported() }
    let (outcome, original) = try common.outcomes()
    return TestResult(
      name: name, serialNumber: serial.flatMap { Int($0) } ?? 0, result: outcome, originalResult: original,
      note: common.note, log: common.log, startTime: common.startTime, endTime: common.endTime,
      duration: common.duration, dataPath: dataPath, guest: guest ?? ResultGuest(), fmfID: fmfID ?? [("name", name)],
      context: context, ids: ids, webLink: webLink, subresult: subresults, check: checks)
  }

  /// A sub-result whose keys stand at `indent`.
  mutating func sub(_ indent: Int) throws(Unsupported) -> SubResult {
    var common = Common()
    var checks: [CheckResult] = []
    while let entry = try self.entry(indent) {
      if try self.common(entry, indent, into: &common) { continue }
      if entry.key == "check" {
        checks = try items(entry, indent) { (reader) throws(Unsupported) in try reader.check(indent + 2) }
      } else {
        try skip(entry, indent)
      }
    }
    let (outcome, original) = try common.outcomes()
    return SubResult(
      name: common.name ?? "", result: outcome, originalResult: original, note: common.note, log: common.log,
      startTime: common.startTime, endTime: common.endTime, duration: common.duration, check: checks)
  }

  /// A check result whose keys stand at `indent`.
  mutating func check(_ indent: Int) throws(Unsupported) -> CheckResult {
    var common = Common()
    var event: String?
    while let entry = try self.entry(indent) {
      if try self.common(entry, indent, into: &common) { continue }
      if entry.key == "event" { event = try text(entry, indent) } else { try skip(entry, indent) }
    }
    let (outcome, original) = try common.outcomes()
    return CheckResult(
      name: common.name ?? "", event: event ?? "after-test", result: outcome, originalResult: original,
      note: common.note, log: common.log, startTime: common.startTime, endTime: common.endTime,
      duration: common.duration)
  }

  /// A result's guest: a mapping two deeper, or any other value read as the tree path reads it.
  private mutating func guest(_ entry: Entry, _ indent: Int) throws(Unsupported) -> ResultGuest {
    guard entry.start == entry.end, next(at: indent + 2, dash: false) else {
      let tree = try tree(entry, indent)
      return ResultGuest(
        name: tree["name"]?.text ?? "default-0", role: tree["role"]?.text,
        primaryAddress: tree["primary-address"]?.text)
    }
    var (name, role, address): (String?, String?, String?) = (nil, nil, nil)
    while let inner = try self.entry(indent + 2) {
      switch inner.key {
      case "name": name = try text(inner, indent + 2)
      case "role": role = try text(inner, indent + 2)
      case "primary-address": address = try text(inner, indent + 2)
      default: try skip(inner, indent + 2)
      }
    }
    return ResultGuest(name: name ?? "default-0", role: role, primaryAddress: address)
  }

  /// A list of mappings (`check`, `subresult`) at the key's own indentation, each read by `read`; `[]` or `{}`
  /// for none. Other values are outside the layout.
  private mutating func items<Item>(
    _ entry: Entry, _ indent: Int, _ read: (inout EmittedYAMLReader) throws(Unsupported) -> Item
  ) throws(Unsupported) -> [Item] {
    if isEmpty(entry) { return [] }
    guard entry.start == entry.end, next(at: indent, dash: true) else { throw Unsupported() }
    var items: [Item] = []
    while try openItem(indent) { items.append(try read(&self)) }
    return items
  }

  /// Reads past a value nothing is taken from (`__class__`, unknown keys): the `module`/`name` block of a class tag
  /// directly, anything else through the tree reader (it may hold anchors used later).
  private mutating func skip(_ entry: Entry, _ indent: Int) throws(Unsupported) {
    if entry.start == entry.end, index + 1 < lines.count, lines[index].indent == indent + 2,
      lines[index + 1].indent == indent + 2, isClassField(lines[index], "module: "),
      isClassField(lines[index + 1], "name: "), index + 2 == lines.count || lines[index + 2].indent <= indent
    {
      index += 2
      return
    }
    _ = try tree(entry, indent)
  }

  /// True when `line` is `field` then a plain word (letters, digits, `.`, `_`).
  private func isClassField(_ line: Line, _ field: StaticString) -> Bool {
    field.withUTF8Buffer { field in
      guard line.end - line.content > field.count,
        UnsafeBufferPointer(rebasing: bytes[line.content..<line.content + field.count]).elementsEqual(field)
      else { return false }
      return bytes[line.content + field.count..<line.end].allSatisfy {
        (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2E
          || $0 == 0x5F
      }
    }
  }
}
