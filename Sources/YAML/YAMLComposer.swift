import HPCBasics

/// A node under construction: its value, its YAML node kind, and whether it is the merge key `<<`
/// or the value key `=` (ruamel's `tag:yaml.org,2002:merge` / `:value`).
struct BuiltNode {
  /// The YAML node kind, as ruamel names it in messages.
  enum Kind: String { case scalar, sequence, mapping }
  /// Special implicit tags that only make sense as mapping keys.
  enum Special { case none, merge, value }

  var node: YAMLNode
  var kind: Kind
  var special: Special = .none
  /// Number of nodes after alias expansion (alias bomb guard).
  var size: Int = 1
  /// Reached through an alias (ruamel constructs it where first reached, so it may already be filled).
  var viaAlias = false
  /// The constructor error of a failed scalar, kept apart: nodes are copied into their parents as they are
  /// built, and almost none has one.
  private var failure: Failure?

  /// Creates a node under construction.
  init(node: YAMLNode, kind: Kind, special: Special = .none, size: Int = 1, error: Diagnostic? = nil) {
    self.node = node
    self.kind = kind
    self.special = special
    self.size = size
    failure = error.map(Failure.init)
  }

  /// The constructor error of a failed scalar (raised again where an alias reaches it first).
  var error: Diagnostic? { failure?.diagnostic }

  private final class Failure {
    let diagnostic: Diagnostic
    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
  }
}

/// Turns libyaml events into one resolved document, the way ruamel's composer + `SafeConstructor` do.
/// Composer errors are thrown at once; constructor errors are kept until the whole stream parsed
/// (ruamel composes fully before constructing, so a later syntax error wins), and of those the one ruamel's
/// breadth-first construction reaches first is reported (see `YAMLComposer+Errors.swift`).
struct YAMLComposer {
  /// An open collection.
  struct Frame {
    var kind: BuiltNode.Kind
    var start: YAMLMark
    var tag: String?
    var anchor: String?
    var flow = false
    var children: [BuiltNode] = []
    /// Construction-order key of this collection's own processing.
    var order: [Int] = []
    /// Construction-order key at which the parent constructs this collection.
    var orderInParent: [Int] = [0]
    /// Inside a mapping key: ruamel constructs it depth-first with the key.
    var deep = false
    /// Nesting depth (the round of ruamel's breadth-first construction).
    var depth = 0
  }

  /// The deepest nesting of collections accepted: deeper input is a located error, so that nothing downstream
  /// (recursive walks, deinitialisation of the tree) can exhaust the stack, and libyaml's flow-level bookkeeping
  /// (quadratic in the nesting depth) stays bounded: the error comes as soon as libyaml reaches that depth.
  static let maximumDepth = 1_000

  let file: String
  let expansionLimit: Int
  var frames: [Frame] = []
  var anchors: [String: (node: BuiltNode?, mark: YAMLMark)] = [:]
  var expanded = 0
  var pending: (order: [Int], diagnostic: Diagnostic)?
  var serial = 0
  var flowCheck: FlowScalarCheck

  /// A composer over `bytes` reporting locations in `file`, allowing `expansionLimit` nodes after alias expansion.
  init(bytes: [UInt8], file: String, expansionLimit: Int) {
    self.file = file
    self.expansionLimit = expansionLimit
    flowCheck = FlowScalarCheck(bytes: bytes)
  }

  /// The document root, consuming events up to and including the document end; nil for an empty stream.
  mutating func composeStream(_ reader: LibYAMLEventReader) throws(Diagnostic) -> YAMLNode? {
    var event = try reader.next()
    if event.kind == .streamStart { event = try reader.next() }
    guard event.kind == .documentStart else { return nil }
    let documentStart = event.start
    var root: BuiltNode?
    while root == nil {
      root = try feed(try reader.next())
    }
    _ = try reader.next()  // document end
    let after = try reader.next()
    if after.kind != .streamEnd {
      let first = "line \(documentStart.line + 1), column \(documentStart.column + 1)"
      throw .error(
        "expected a single document in the stream (the first starts at \(first)), but found another document",
        at: location(after.start))
    }
    guard var root else { return nil }
    check(&root, order: [0])
    if let pending { throw pending.diagnostic }
    return root.node
  }

  func location(_ mark: YAMLMark) -> SourceLocation { YAMLSource.location(mark, file: file) }

  /// Handles one event; returns the finished root node when the event completes it.
  mutating func feed(_ event: YAMLEvent) throws(Diagnostic) -> BuiltNode? {
    serial += 1
    let top = frames.count - 1
    let inFlow = top >= 0 && frames[top].flow
    if event.tag != nil, inFlow { try flowCheck.checkTag(event, file: file) }
    switch event.kind {
    case .scalar:
      if event.style == .plain, inFlow {
        let isSequence = frames[top].kind == .sequence
        try flowCheck.check(event, collectionStart: frames[top].start, isSequence: isSequence, file: file)
      }
      try defineAnchor(event)
      return try finish(scalar(event), anchor: event.anchor)
    case .alias:
      return try finish(try alias(event), anchor: nil)
    case .sequenceStart, .mappingStart:
      guard frames.count < Self.maximumDepth else {
        throw .error(
          "collections nested deeper than \(Self.maximumDepth) levels (a real metadata file never needs this)",
          at: location(event.start))
      }
      try defineAnchor(event)
      let kind: BuiltNode.Kind = event.kind == .sequenceStart ? .sequence : .mapping
      frames.append(
        openFrame(Frame(kind: kind, start: event.start, tag: event.tag, anchor: event.anchor, flow: event.flow)))
      return nil
    case .sequenceEnd, .mappingEnd:
      let frame = frames.removeLast()
      return try finish(collection(frame), anchor: frame.anchor)
    default:
      return nil
    }
  }

  /// Adds a finished node to its parent (or returns it as the root), registering its anchor.
  private mutating func finish(_ built: BuiltNode, anchor: String?) throws(Diagnostic) -> BuiltNode? {
    if let anchor { anchors[anchor]?.node = built }
    guard !frames.isEmpty else { return built }
    frames[frames.count - 1].children.append(built)
    return nil
  }

  private mutating func defineAnchor(_ event: YAMLEvent) throws(Diagnostic) {
    guard let anchor = event.anchor else { return }
    if let previous = anchors[anchor] {
      let first = "line \(previous.mark.line + 1), column \(previous.mark.column + 1)"
      throw .error("found duplicate anchor '\(anchor)'; first occurrence at \(first)", at: location(event.start))
    }
    anchors[anchor] = (nil, event.start)
  }

  private mutating func alias(_ event: YAMLEvent) throws(Diagnostic) -> BuiltNode {
    let name = event.anchor ?? ""
    guard let entry = anchors[name] else { throw .error("found undefined alias '\(name)'", at: location(event.start)) }
    guard let built = entry.node else {
      throw .error("found recursive alias '\(name)' (a node cannot contain itself)", at: location(event.start))
    }
    expanded += built.size
    guard expanded <= expansionLimit else {
      throw .error(
        "alias '\(name)' expands the document past \(expansionLimit) nodes (alias bomb?)", at: location(event.start))
    }
    if let error = built.error { record(error, order: nextChildOrder()) }
    var reached = built
    reached.viaAlias = true
    return reached
  }
}
