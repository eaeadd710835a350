internal import CYAML
import HPCBasics

/// The only file that touches libyaml: pulls parser events and turns libyaml errors into diagnostics.
final class LibYAMLEventReader {
  private let parser: UnsafeMutablePointer<yaml_parser_t>
  private let input: UnsafeMutableBufferPointer<UInt8>
  private let file: String
  /// The source bytes (for checks that need the raw text of an event).
  let bytes: [UInt8]

  /// Prepares a parser over UTF-8 `bytes` (already validated), reporting errors against `file`.
  init(bytes: [UInt8], file: String) {
    self.file = file
    self.bytes = bytes
    input = .allocate(capacity: max(bytes.count, 1))
    _ = input.initialize(from: bytes)
    parser = .allocate(capacity: 1)
    yaml_parser_initialize(parser)
    yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
  }

  deinit {
    yaml_parser_delete(parser)
    parser.deallocate()
    input.deallocate()
  }

  /// The next event, or a located diagnostic for a reader, scanner or parser error.
  func next() throws(Diagnostic) -> YAMLEvent {
    var event = yaml_event_t()
    guard yaml_parser_parse(parser, &event) != 0 else { throw currentError() }
    defer { yaml_event_delete(&event) }
    var converted = Self.convert(&event)
    converted.end = YAMLMark(line: Int(event.end_mark.line), column: Int(event.end_mark.column))
    return converted
  }

  private static func convert(_ event: inout yaml_event_t) -> YAMLEvent {
    let start = YAMLMark(line: Int(event.start_mark.line), column: Int(event.start_mark.column))
    switch event.type {
    case YAML_STREAM_START_EVENT: return YAMLEvent(kind: .streamStart, start: start)
    case YAML_DOCUMENT_START_EVENT: return YAMLEvent(kind: .documentStart, start: start)
    case YAML_DOCUMENT_END_EVENT: return YAMLEvent(kind: .documentEnd, start: start)
    case YAML_ALIAS_EVENT:
      return YAMLEvent(kind: .alias, start: start, anchor: string(event.data.alias.anchor))
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let buffer = UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length))
      return YAMLEvent(
        kind: .scalar, start: start, anchor: string(scalar.anchor), tag: string(scalar.tag),
        value: String(decoding: buffer, as: UTF8.self), style: style(scalar.style),
        plainImplicit: scalar.plain_implicit != 0)
    case YAML_SEQUENCE_START_EVENT:
      let data = event.data.sequence_start
      return YAMLEvent(
        kind: .sequenceStart, start: start, anchor: string(data.anchor), tag: string(data.tag),
        flow: data.style == YAML_FLOW_SEQUENCE_STYLE)
    case YAML_SEQUENCE_END_EVENT: return YAMLEvent(kind: .sequenceEnd, start: start)
    case YAML_MAPPING_START_EVENT:
      let data = event.data.mapping_start
      return YAMLEvent(
        kind: .mappingStart, start: start, anchor: string(data.anchor), tag: string(data.tag),
        flow: data.style == YAML_FLOW_MAPPING_STYLE)
    case YAML_MAPPING_END_EVENT: return YAMLEvent(kind: .mappingEnd, start: start)
    default: return YAMLEvent(kind: .streamEnd, start: start)
    }
  }

  private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: .literal
    case YAML_FOLDED_SCALAR_STYLE: .folded
    default: .plain
    }
  }

  /// The libyaml error as a diagnostic: the problem at its mark, the context (if any) named after it.
  private func currentError() -> Diagnostic {
    let p = parser.pointee
    let problem = p.problem.map { String(cString: $0) } ?? "unknown YAML error"
    if p.error == YAML_READER_ERROR {
      let location = YAMLSource.location(ofByte: p.problem_offset, in: bytes, file: file)
      let message =
        p.problem_value == -1 ? problem : "unacceptable character #x\(hex(p.problem_value)): \(problem)"
      return .error(message, at: location)
    }
    let mark = YAMLMark(line: Int(p.problem_mark.line), column: Int(p.problem_mark.column))
    var message = problem
    if let context = p.context.map({ String(cString: $0) }) {
      let contextMark = YAMLMark(line: Int(p.context_mark.line), column: Int(p.context_mark.column))
      message +=
        contextMark == mark
        ? " (\(context))" : " (\(context) at line \(contextMark.line + 1), column \(contextMark.column + 1))"
    }
    return .error(message, at: YAMLSource.location(mark, file: file))
  }

  private func hex(_ value: Int32) -> String {
    let digits = String(UInt32(bitPattern: value), radix: 16)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
