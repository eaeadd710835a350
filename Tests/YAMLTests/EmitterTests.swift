import HPCBasics
import Testing

@testable import YAML

@Suite("YAMLEmitter writes tmt-style block YAML that parses back")
struct EmitterTests {
  static func roundTrip(_ value: YAMLValue) throws -> YAMLValue {
    let literal = try YAMLParser.parse(YAMLEmitter.emit(value), file: "emitted.yaml")?.value ?? .null
    let quoted = try YAMLParser.parse(YAMLEmitter.emit(value, literalBlocks: false), file: "quoted.yaml")?.value
    #expect(unordered.string(literal) == unordered.string(quoted ?? .null))
    return literal
  }

  static let unordered = JSONWriter(indent: nil, sortKeys: false, conformanceTags: true)

  @Test("golden layout")
  func golden() throws {
    let source = """
      - name: /tests/error
        check: []
        context: {}
        duration: 00:00:00
        end-time: '2026-11-26T06:23:52.229858+00:00'
        guest:
          name: default-0
          role: null
        log:
        - data/output.txt
        - data/failures.yaml
        note: 'a: b'
        count: 3
        ratio: 0.5
        text: |
          line one
          line two
        strip: |-
          no trailing
          newline
        single: no newline
        quoted: "tab\\there"
        empty: ''
        yes: 'true'

      """
    let parsed = try #require(try YAMLParser.parse(source, file: "golden.yaml"))
    #expect(YAMLEmitter.emit(parsed) == source)
  }

  @Test(
    "strings are quoted only when needed",
    arguments: [
      ("plain", "plain"), ("true", "'true'"), ("123", "'123'"), ("", "''"), ("null", "'null'"),
      ("a: b", "'a: b'"), ("a:b", "a:b"), ("- x", "'- x'"), ("#x", "'#x'"), ("a #b", "'a #b'"),
      ("it's", "it's"), ("'q'", "'''q'''"), (" lead", "' lead'"), ("trail ", "'trail '"),
      ("tab\t", "\"tab\\t\""), ("bell\u{07}", "\"bell\\a\""), ("<<", "'<<'"), ("=", "'='"),
      ("2024-01-15", "'2024-01-15'"), ("1.10", "'1.10'"), ("---", "'---'"), ("é ✓", "é ✓"),
      ("two\nlines", "|-\n  two\n  lines"), ("kept\n\n", "|+\n  kept\n"),
      ("\u{1F600}", "\"\\U0001F600\""), ("\u{A0}x\u{85}", "\"\u{A0}x\\N\""), ("\tx", "\"\\tx\""),
    ])
  func quoting(_ string: String, _ expected: String) throws {
    let mapping = YAMLValue.mapping([YAMLPair(key: YAMLNode(.string("s")), value: YAMLNode(.string(string)))])
    #expect(YAMLEmitter.emit(mapping) == "s: " + expected + "\n")
    #expect(try Self.roundTrip(.string(string)) == .string(string))
  }

  @Test("libyaml's layout details: root scalars end with `...`, long values fold at column 80, bytes, complex keys")
  func libyamlDetails() throws {
    #expect(YAMLEmitter.emit(.string("abc")) == "abc\n...\n")
    #expect(YAMLEmitter.emit(.null) == "null\n...\n")
    #expect(YAMLEmitter.emit(.string("a: b")) == "'a: b'\n")
    let words = String(repeating: "word ", count: 30)
    let value = YAMLValue.mapping([
      YAMLPair(key: YAMLNode(.string("k")), value: YAMLNode(.string(words))),
      YAMLPair(key: YAMLNode(.string("l")), value: YAMLNode(.sequence([YAMLNode(.string("x " + words + "x"))]))),
      YAMLPair(key: YAMLNode(.string("b")), value: YAMLNode(.binary(Array(repeating: 0x41, count: 60)))),
      YAMLPair(key: YAMLNode(.sequence([YAMLNode(.int(1)), YAMLNode(.int(2))])), value: YAMLNode(.string("c"))),
    ])
    // Checked against tmt.utils.to_yaml (ruamel safe dumper, libyaml 0.1.7 emitter).
    let line16 = Array(repeating: "word", count: 16).joined(separator: " ")
    let line14 = Array(repeating: "word", count: 14).joined(separator: " ")
    let expected = """
      k: '\(line16)
        \(line14) '
      l:
      - x \(line16)
        \(line14) x
      b: !!binary |
        QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB
        QUFB
      ? - 1
        - 2
      : c

      """
    #expect(YAMLEmitter.emit(value) == expected)
    #expect(Self.unordered.string(try Self.roundTrip(value)) == Self.unordered.string(value))
  }

  static let tmtDumps = Corpus.root + "/Tests/YAMLTests/Fixtures/tmt-dumps"

  @Test(
    "sortKeys + literalBlocks: false reproduces tmt.utils.to_yaml byte for byte",
    arguments: (FileSystem.list(Corpus.root + "/Tests/YAMLTests/Fixtures/tmt-dumps") ?? []).filter {
      $0.hasSuffix(".yaml")
    }
  )
  func tmtDump(_ name: String) throws {
    let source = Corpus.tree(name.replacing("__", with: "/").replacing(".yaml", with: ".fmf"))
    let node = try #require(try YAMLParser.parse(FileSystem.readBytes(source) ?? [], file: source))
    let expected = FileSystem.readText(Self.tmtDumps + "/" + name)
    #expect(YAMLEmitter.emit(node, sortKeys: true, literalBlocks: false) == expected)
  }

  @Test("sorted keys and datetimes as tmt's safe dumper writes them")
  func sortedKeys() throws {
    let node = try #require(try YAMLParser.parse("b: 1\nA: 2\na: 2024-01-15T10:20:30Z\n2: x\n", file: "t.yaml"))
    #expect(YAMLEmitter.emit(node, sortKeys: true) == "2: x\nA: 2\na: 2024-01-15 10:20:30+00:00\nb: 1\n")
  }

  @Test("scalars and special values round-trip")
  func specials() throws {
    let values: [YAMLValue] = [
      .int(-5), .float(1000), .float(6.02e23), .float(1e-5), .float(.infinity), .float(-.infinity),
      .bool(false), .timestamp("2024-01-15T10:20:30.500000+02:00"), .timestamp("2024-01-15"),
      .binary([0, 1, 2, 255]), .set([YAMLNode(.string("x")), YAMLNode(.int(1))]), .sequence([]), .mapping([]),
      .mapping([
        YAMLPair(key: YAMLNode(.int(1)), value: YAMLNode(.string("one"))),
        YAMLPair(key: YAMLNode(.null), value: YAMLNode(.sequence([YAMLNode(.sequence([YAMLNode(.int(1))]))]))),
        YAMLPair(key: YAMLNode(.sequence([YAMLNode(.int(1)), YAMLNode(.string("a: b"))])), value: YAMLNode(.null)),
        YAMLPair(key: YAMLNode(.string("multi\nline key")), value: YAMLNode(.string("x"))),
      ]),
    ]
    let strings = ["\nlead", "trail\n", "a\n\nb", "a  \nb", "a\n b", "x\u{85}y", "\u{2028}", "a\tb\nc"].map {
      YAMLValue.string($0)
    }
    for value in values + strings {
      let back = try Self.roundTrip(.sequence([YAMLNode(value)]))
      #expect(Self.unordered.string(back) == Self.unordered.string(.sequence([YAMLNode(value)])), "\(value)")
    }
  }

  @Test("every parsable corpus file round-trips")
  func corpus() throws {
    var checked = 0
    for path in Corpus.allFMFFiles() {
      guard let bytes = FileSystem.readBytes(path), let node = try? YAMLParser.parse(bytes, file: path) else {
        continue
      }
      let text = YAMLEmitter.emit(node)
      let back = try YAMLParser.parse(text, file: path + " (emitted)")
      #expect(Self.unordered.string(back?.value ?? .null) == Self.unordered.string(node.value), "\(path)\n\(text)")
      checked += 1
    }
    #expect(checked > 100)
  }
}
