import HPCBasics
import Testing

@testable import YAML

@Suite("Errors carry ruamel/libyaml messages and file:line:column")
struct ErrorTests {
  @Test(
    "malformed documents",
    arguments: [
      ("a: b: c\n", "t.yaml:1:5: error: mapping values are not allowed in this context"),
      (
        "a:\n\tb: 1\n",
        "t.yaml:2:1: error: found character that cannot start any token (while scanning for the next token)"
      ),
      (
        "link: {url: https://example.com/x}\n",
        "t.yaml:1:18: error: found unexpected ':' (while scanning a plain scalar at line 1, column 13)"
      ),
      ("a: [b, c:d]\n", "t.yaml:1:9: error: found unexpected ':' (while scanning a plain scalar at line 1, column 8)"),
      (
        "a: [a?b]\n",
        "t.yaml:1:6: error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 4)"
      ),
      (
        "k: [1, !, 3]\n",
        "t.yaml:1:9: error: did not find expected whitespace or line break (while scanning a tag at line 1, column 8)"
      ),
      (
        "a: [1, 2\n",
        "t.yaml:2:1: error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 4)"
      ),
      (
        "a: 1\n---\nb: 2\n",
        "t.yaml:2:1: error: expected a single document in the stream (the first starts at line 1, column 1), but found another document"
      ),
      ("a: =\n", "t.yaml:1:4: error: could not determine a constructor for the tag 'tag:yaml.org,2002:value'"),
      ("a: !foo x\n", "t.yaml:1:4: error: could not determine a constructor for the tag '!foo'"),
      (
        "a: !!python/tuple [1]\n",
        "t.yaml:1:4: error: could not determine a constructor for the tag 'tag:yaml.org,2002:python/tuple'"
      ),
      ("\u{FEFF}a: b: c\n", "t.yaml:1:5: error: mapping values are not allowed in this context"),
      (
        "\u{FEFF}k: {a: https://x}\n",
        "t.yaml:1:13: error: found unexpected ':' (while scanning a plain scalar at line 1, column 8)"
      ),
      (
        "a: 1\r\nb: [1,\r\n  x: y: z]\r\n",
        "t.yaml:3:7: error: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 4)"
      ),
      ("a: 1\na: 2\n", "t.yaml:2:1: error: found duplicate key \"a\" with value \"2\" (original value: \"1\")"),
      (
        "x:\n  1: one\n  true: t\n",
        "t.yaml:3:3: error: found duplicate key \"True\" with value \"t\" (original value: \"one\")"
      ),
      ("a: *x\n", "t.yaml:1:4: error: found undefined alias 'x'"),
      (
        "y: {<<: {b: 2}, <<: {c: 1}}\n",
        "t.yaml:1:17: error: found duplicate merge key \"<<\" (while constructing a mapping)"
      ),
      (
        "ab\u{E9}cd", "t.yaml:1:3: error: 'utf-8' codec can't decode byte 0xe9 in position 2: invalid continuation byte"
      ),
    ])
  func malformed(_ text: String, _ expected: String) {
    var bytes = Array(text.utf8)
    if text.hasPrefix("ab") { bytes = [0x61, 0x62, 0xE9, 0x63, 0x64] }
    #expect(throws: Diagnostic.self) { try YAMLParser.parse(bytes, file: "t.yaml") }
    do {
      _ = try YAMLParser.parse(bytes, file: "t.yaml")
    } catch {
      #expect(error.description == expected)
    }
  }
}
