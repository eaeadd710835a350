import HPCBasics

extension Inventory {
  /// `json().rendered()`, byte for byte, with the lists' elements (adapters, functions, ...) made and rendered
  /// side by side (`Parallel.map`): each element is rendered alone (`JSON.text(.pretty)`) and indented to its
  /// depth, which is exact because a rendering breaks lines only between tokens (strings escape their line
  /// breaks). A large node's document (~17,000 values, 0.5 MB) is then no longer made on one CPU after the reads.
  public func renderedJSON() -> String {
    let members = jsonMembers()
    let jobs = members.indices.flatMap { member in (0..<members[member].count).map { (member, $0) } }
    let pieces = Parallel.map(jobs) { job -> (bytes: [UInt8], isScalar: Bool) in
      let (member, value) = (members[job.0], members[job.0].element(job.1))
      return (Inventory.indented(value.text(.pretty), by: member.isList ? 4 : 2), value.isScalar)
    }
    var out: [UInt8] = [UInt8(ascii: "{")]
    out.reserveCapacity(pieces.reduce(jobs.count * 8) { $0 + $1.bytes.count })
    var next = 0
    for (position, member) in members.enumerated() {
      out.append(contentsOf: (position > 0 ? ",\n  " : "\n  ").utf8)
      out.append(contentsOf: (JSON.quote(member.key) + ": ").utf8)
      Inventory.append(member, pieces[next..<next + member.count], to: &out)
      next += member.count
    }
    out.append(contentsOf: "\n}\n".utf8)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends a member's rendered value at depth 1, laid out as `JSON.rendered()` lays it out: a single value as
  /// is, an empty list as `[]`, a list of scalars on one line, any other list one element a line.
  private static func append(
    _ member: JSONMember, _ pieces: ArraySlice<(bytes: [UInt8], isScalar: Bool)>, to out: inout [UInt8]
  ) {
    guard member.isList else { return out.append(contentsOf: pieces.first!.bytes) }
    guard !pieces.isEmpty else { return out.append(contentsOf: "[]".utf8) }
    let inline = pieces.allSatisfy(\.isScalar)
    out.append(UInt8(ascii: "["))
    for (position, piece) in pieces.enumerated() {
      if position > 0 { out.append(contentsOf: (inline ? ", " : ",").utf8) }
      if !inline { out.append(contentsOf: "\n    ".utf8) }
      out.append(contentsOf: piece.bytes)
    }
    out.append(contentsOf: (inline ? "]" : "\n  ]").utf8)
  }

  /// `text` with `spaces` spaces after every line break.
  static func indented(_ text: String, by spaces: Int) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
    for byte in text.utf8 {
      out.append(byte)
      if byte == 0x0a { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces)) }
    }
    return out
  }
}
