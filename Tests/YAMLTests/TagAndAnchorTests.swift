import HPCBasics
import Testing

@testable import YAML

/// Parses `text` and writes it as compact, unsorted, tagged JSON.
func json(_ text: String) throws -> String {
  let node = try YAMLParser.parse(text, file: "t.yaml")
  return JSONWriter(indent: nil, sortKeys: false, conformanceTags: true).string(node?.value ?? .null)
}

/// The diagnostic text `text` fails with, or nil.
func failure(_ text: String) -> String? {
  do {
    _ = try YAMLParser.parse(text, file: "t.yaml")
    return nil
  } catch {
    return error.description
  }
}

@Suite("Explicit tags, anchors, aliases and merge keys")
struct TagAndAnchorTests {
  @Test(
    "explicit tags",
    arguments: [
      ("a: !!str 123", #"{"a": "123"}"#), ("a: !!int \"42\"", #"{"a": 42}"#), ("a: !!int 0x10", #"{"a": 16}"#),
      ("a: !!float 1", #"{"a": 1.0}"#), ("a: !!float \"1_0.5\"", #"{"a": 10.5}"#),
      ("a: !!bool \"true\"", #"{"a": true}"#),
      ("a: !!bool yes", #"{"a": true}"#), ("a: !!null \"\"", #"{"a": null}"#), ("a: !!null x", #"{"a": null}"#),
      ("a: !!binary aGVsbG8=", #"{"a": {"!!binary": "aGVsbG8="}}"#),
      ("a: !!binary \"aGVs bG8=\"", #"{"a": {"!!binary": "aGVsbG8="}}"#),
      ("a: !!binary \"!!\"", #"{"a": {"!!binary": ""}}"#),
      ("a: !!set {y: null, x: null}", #"{"a": {"!!set": ["x", "y"]}}"#),
      ("a: !!set {a, b}", #"{"a": {"!!set": ["a", "b"]}}"#),
      ("a: !!omap [{b: 1}, {a: 2}]", #"{"a": {"b": 1, "a": 2}}"#),
      ("a: !!pairs [{a: 1}, {a: 2}]", #"{"a": [["a", 1], ["a", 2]]}"#),
      ("a: !!timestamp 2024-01-01", #"{"a": {"!!timestamp": "2024-01-01"}}"#),
      ("a: !!timestamp 2024-1-5", #"{"a": {"!!timestamp": "2024-01-05"}}"#),
      ("a: !!str 2024-01-01", #"{"a": "2024-01-01"}"#), ("a: !!seq [1, 2]", #"{"a": [1, 2]}"#),
      ("a: !!map {a: 1}", #"{"a": {"a": 1}}"#),
      ("a: !<tag:yaml.org,2002:str> 5", #"{"a": "5"}"#), ("a: !!str", #"{"a": ""}"#), ("=: 1", #"{"=": 1}"#),
      ("? a\n: 1", #"{"a": 1}"#), ("x: !\ny: ! 1", #"{"x": "", "y": 1}"#), ("[a]: 1", #"{"!!seq [\"a\"]": 1}"#),
      ("1: a\n2.5: b\nfalse: c\n~: d", #"{"!!int 1": "a", "!!float 2.5": "b", "!!bool false": "c", "!!null": "d"}"#),
    ])
  func tags(_ text: String, _ expected: String) throws {
    #expect(try json(text) == expected, "\(text)")
  }

  @Test(
    "anchors, aliases and merges",
    arguments: [
      ("a: &x {b: 1}\nc: *x", #"{"a": {"b": 1}, "c": {"b": 1}}"#),
      ("x: &b {p: 1, q: 2}\ny:\n  a: 0\n  <<: *b\n  p: 9", #"{"x": {"p": 1, "q": 2}, "y": {"p": 9, "q": 2, "a": 0}}"#),
      (
        "x: &b {p: 1}\ny: &c {p: 2, r: 3}\nz:\n  <<: [*b, *c]\n  s: 1",
        #"{"x": {"p": 1}, "y": {"p": 2, "r": 3}, "z": {"p": 1, "r": 3, "s": 1}}"#
      ),
      ("<<: [{a: 1}, {a: 2, b: 3}]\nc: 4", #"{"a": 1, "b": 3, "c": 4}"#),
      ("y: {a: 1, <<: {b: 2}, a: 3}", #"{"y": {"b": 2, "a": 3}}"#),
      ("&a a: *a", #"{"a": "a"}"#), ("a: &s !!str 1\nb: *s", #"{"a": "1", "b": "1"}"#),
      ("x: {.nan: a}", #"{"x": {"!!float nan": "a"}}"#),
      (
        "s: &s !!set {a, b}\nm:\n  <<: *s\n  c: 1",
        #"{"s": {"!!set": ["a", "b"]}, "m": {"a": null, "b": null, "c": 1}}"#
      ),
    ])
  func anchors(_ text: String, _ expected: String) throws {
    #expect(try json(text) == expected, "\(text)")
  }

  @Test(
    "constructor and composer errors",
    arguments: [
      ("a: !!str [1]", "t.yaml:1:4: error: expected a scalar node, but found sequence"),
      ("a: !!map [1]", "t.yaml:1:4: error: expected a mapping node, but found sequence"),
      ("a: !!seq {a: 1}", "t.yaml:1:4: error: expected a sequence node, but found mapping"),
      ("a: !!set [1]", "t.yaml:1:4: error: expected a mapping node, but found sequence"),
      (
        "a: !!omap [1]",
        "t.yaml:1:12: error: expected a mapping of length 1, but found scalar (while constructing an ordered map)"
      ),
      (
        "a: !!omap [{a: 1, b: 2}]",
        "t.yaml:1:12: error: expected a single mapping item, but found 2 items (while constructing an ordered map)"
      ),
      ("a: !!pairs {a: 1}", "t.yaml:1:4: error: expected a sequence, but found mapping"),
      ("a: !!bool maybe", "t.yaml:1:4: error: could not convert string to bool: 'maybe'"),
      ("a: !!int 1.5", "t.yaml:1:4: error: invalid literal for int() with base 10: '1.5'"),
      ("a: +_", "t.yaml:1:4: error: invalid literal for int() with base 10: ''"),
      ("a: !!int", "t.yaml:1:4: error: string index out of range"),
      ("a: !!int 99999999999999999999", "t.yaml:1:4: error: integer 99999999999999999999 does not fit in 64 bits"),
      ("a: !!float abc", "t.yaml:1:4: error: could not convert string to float: 'abc'"),
      ("a: !!timestamp x", "t.yaml:1:4: error: failed to construct timestamp from \"x\""),
      ("a: 2024-13-01", "t.yaml:1:4: error: month must be in 1..12"),
      ("a: 2024-02-30 10:00:00", "t.yaml:1:4: error: day is out of range for month"),
      ("a: 2024-01-01 25:00:00", "t.yaml:1:4: error: hour must be in 0..23"),
      ("a: 0000-01-01", "t.yaml:1:4: error: year 0 is out of range"),
      ("a: !!binary aGVsbG8", "t.yaml:1:4: error: failed to decode base64 data: Incorrect padding"),
      ("a: <<", "t.yaml:1:4: error: could not determine a constructor for the tag 'tag:yaml.org,2002:merge'"),
      ("a: [=]", "t.yaml:1:5: error: could not determine a constructor for the tag 'tag:yaml.org,2002:value'"),
      ("a: !local x", "t.yaml:1:4: error: could not determine a constructor for the tag '!local'"),
      ("y: {<<: 3}", "t.yaml:1:9: error: expected a mapping or list of mappings for merging, but found scalar"),
      ("y: {<<: [3]}", "t.yaml:1:10: error: expected a mapping for merging, but found scalar"),
      (
        "x: &a {p: 1}\ny:\n  <<: *a\n  <<: *a",
        "t.yaml:4:3: error: found duplicate merge key \"<<\" (while constructing a mapping)"
      ),
      (
        "s: !!set {a, b, a}",
        "t.yaml:1:17: error: found duplicate key \"a\" with value \"None\" (original value: \"None\")"
      ),
      ("x: {1: a, 1.0: b}", "t.yaml:1:11: error: found duplicate key \"1.0\" with value \"b\" (original value: \"a\")"),
      (
        "x: {0: a, false: b}",
        "t.yaml:1:11: error: found duplicate key \"False\" with value \"b\" (original value: \"a\")"
      ),
      (
        "x: {[1]: a, [1.0]: b}",
        "t.yaml:1:13: error: found duplicate key \"(1.0,)\" with value \"b\" (original value: \"a\")"
      ),
      (
        "x: {.nan: a, .nan: b}",
        "t.yaml:1:14: error: found duplicate key \"nan\" with value \"b\" (original value: \"a\")"
      ),
      (
        "a:\n  b: {c: 1}\n  b: [1, 'x']",
        "t.yaml:3:3: error: found duplicate key \"b\" with value \"[]\" (original value: \"{}\")"
      ),
      ("{a: 1}: 2", "t.yaml:1:1: error: found unhashable key (while constructing a mapping)"),
      ("[1, {a: 1}]: 2", "t.yaml:1:1: error: unhashable type: 'dict'"),
      (
        "a: &x 1\nb: &x 2\nc: *x", "t.yaml:2:4: error: found duplicate anchor 'x'; first occurrence at line 1, column 4"
      ),
      ("a: &x [*x]", "t.yaml:1:8: error: found recursive alias 'x' (a node cannot contain itself)"),
    ])
  func errors(_ text: String, _ expected: String) {
    #expect(failure(text) == expected, "\(text)")
  }

  @Test(
    "with several constructor errors, the one ruamel's breadth-first construction meets first wins",
    arguments: [
      (
        "a:\n  b: 1\n  b: 2\nc: 1\nc: 2",
        "t.yaml:5:1: error: found duplicate key \"c\" with value \"2\" (original value: \"1\")"
      ),
      ("a: [!!int x]\nb: !!int y", "t.yaml:2:4: error: invalid literal for int() with base 10: 'y'"),
      ("a: {b: !!int x}\nb: !!int y", "t.yaml:2:4: error: invalid literal for int() with base 10: 'y'"),
      (
        "a: 1\na: 2\nb: !!int y",
        "t.yaml:2:1: error: found duplicate key \"a\" with value \"2\" (original value: \"1\")"
      ),
      ("a: !!int y\na: 2", "t.yaml:1:4: error: invalid literal for int() with base 10: 'y'"),
      (
        "{a: 1, a: 2}: x\nb: !foo 1",
        "t.yaml:1:8: error: found duplicate key \"a\" with value \"2\" (original value: \"1\")"
      ),
      (
        "a: [{x: 1, x: 2}]\nb: {y: 1, y: 2}",
        "t.yaml:2:11: error: found duplicate key \"y\" with value \"2\" (original value: \"1\")"
      ),
      (
        "a: &x {c: 1}\nb:\n  k: *x\n  k: [1]",
        "t.yaml:4:3: error: found duplicate key \"k\" with value \"[]\" (original value: \"{'c': 1}\")"
      ),
      ("a: {b: &x !!bool maybe}\nc: *x", "t.yaml:1:8: error: could not convert string to bool: 'maybe'"),
      (
        "a:\n  b:\n    c: &x !!int q\n    c: 1\nd: *x\nd: 2",
        "t.yaml:3:8: error: invalid literal for int() with base 10: 'q'"
      ),
      ("k: &n1 [true, ~]\nm:\n  <<: *n1", "t.yaml:1:9: error: expected a mapping for merging, but found scalar"),
      (
        "e: &e {}\nm:\n  <<: *e\n  a: 1\n  a: 2",
        "t.yaml:5:3: error: found duplicate key \"a\" with value \"2\" (original value: \"1\")"
      ),
      ("a: =\nb: [\n", "t.yaml:3:1: error: did not find expected node content (while parsing a flow node)"),
    ])
  func errorOrder(_ text: String, _ expected: String) {
    #expect(failure(text) == expected, "\(text)")
  }
}
