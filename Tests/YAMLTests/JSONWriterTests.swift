import Testing

@testable import YAML

@Suite("JSONWriter matches Python's json.dumps and the conformance tagging")
struct JSONWriterTests {
  @Test(
    "floats print as Python repr",
    arguments: [
      (1000.0, "1000.0"), (6.02e23, "6.02e+23"), (1e-05, "1e-05"), (0.1, "0.1"), (1e16, "1e+16"),
      (9e15, "9000000000000000.0"), (1.5e-7, "1.5e-07"), (123_456_789.123, "123456789.123"), (-0.0, "-0.0"),
      (0.0001, "0.0001"), (1e22, "1e+22"), (1.7976931348623157e308, "1.7976931348623157e+308"),
      (Double.leastNonzeroMagnitude, "5e-324"),
      (2.5, "2.5"), (100.0, "100.0"), (1e100, "1e+100"), (0.30000000000000004, "0.30000000000000004"),
    ])
  func floats(_ value: Double, _ expected: String) {
    #expect(PythonFloat.repr(value) == expected)
    #expect(JSONWriter().string(.float(value)) == expected)
  }

  static let sample = YAMLValue.mapping([
    YAMLPair(
      key: YAMLNode(.string("b")),
      value: YAMLNode(
        .sequence([
          YAMLNode(.int(1)),
          YAMLNode(
            .mapping([YAMLPair(key: YAMLNode(.string("x")), value: YAMLNode(.string("é\n\t\"\\\u{01}\u{7F}")))])),
        ]))),
    YAMLPair(key: YAMLNode(.string("a")), value: YAMLNode(.sequence([]))),
    YAMLPair(key: YAMLNode(.string("c")), value: YAMLNode(.mapping([]))),
    YAMLPair(key: YAMLNode(.string("Z")), value: YAMLNode(.null)),
    YAMLPair(key: YAMLNode(.string("é")), value: YAMLNode(.bool(true))),
    YAMLPair(key: YAMLNode(.string("ab")), value: YAMLNode(.float(2.5))),
  ])

  @Test("indent=2, sort_keys=True, ensure_ascii=False")
  func indented() {
    let expected = """
      {
        "Z": null,
        "a": [],
        "ab": 2.5,
        "b": [
          1,
          {
            "x": "é\\n\\t\\"\\\\\\u0001\u{7F}"
          }
        ],
        "c": {},
        "é": true
      }
      """
    #expect(JSONWriter(indent: 2, sortKeys: true).string(Self.sample) == expected)
  }

  @Test("compact output uses Python's default separators and keeps key order unsorted")
  func compact() {
    let value = YAMLValue.mapping([
      YAMLPair(key: YAMLNode(.string("b")), value: YAMLNode(.sequence([YAMLNode(.int(1)), YAMLNode(.mapping([]))]))),
      YAMLPair(key: YAMLNode(.string("a")), value: YAMLNode(.sequence([]))),
    ])
    #expect(JSONWriter(indent: nil, sortKeys: false).string(value) == #"{"b": [1, {}], "a": []}"#)
    #expect(JSONWriter(indent: nil, sortKeys: true).string(value) == #"{"a": [], "b": [1, {}]}"#)
  }

  @Test("conformance tags for values without a JSON form")
  func tagged() throws {
    let text = """
      t: 2024-01-15T10:20:30Z
      b: !!binary aGVsbG8=
      s: !!set {z, 10, a}
      f: [.inf, -.inf, .nan]
      k: {2: a, true: b, 2.5: c, ~: d, [1, x]: e, 2024-01-01: f, !!binary aGk=: g}
      """
    let node = try #require(try YAMLParser.parse(text, file: "t.yaml"))
    let expected = #"""
      {"t": {"!!timestamp": "2024-01-15T10:20:30+00:00"}, "b": {"!!binary": "aGVsbG8="}, "s": {"!!set": [10, "a", "z"]}, "f": [{"!!float": ".inf"}, {"!!float": "-.inf"}, {"!!float": ".nan"}], "k": {"!!int 2": "a", "!!bool true": "b", "!!float 2.5": "c", "!!null": "d", "!!seq [1, \"x\"]": "e", "!!timestamp 2024-01-01": "f", "!!bytes b'hi'": "g"}}
      """#
    #expect(JSONWriter(indent: nil, sortKeys: false, conformanceTags: true).string(node) == expected)
  }

  @Test("without tags: Python json.dumps conversions")
  func untagged() throws {
    let text = "t: 2024-01-15\nf: [.inf, .nan]\nk: {2: a, true: b, ~: c, 2.5: d}"
    let node = try #require(try YAMLParser.parse(text, file: "t.yaml"))
    let expected = #"{"t": "2024-01-15", "f": [Infinity, NaN], "k": {"2": "a", "true": "b", "null": "c", "2.5": "d"}}"#
    #expect(JSONWriter(indent: nil, sortKeys: false, conformanceTags: false).string(node) == expected)
  }
}
