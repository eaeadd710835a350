import Testing

@testable import YAML

@Suite("Python str()/repr() of loaded values, for messages")
struct PythonFormatTests {
  @Test(
    "repr of strings",
    arguments: [("it's", "\"it's\""), ("a\"b", "'a\"b'"), ("x\ny\t\\", "'x\\ny\\t\\\\'"), ("\u{01}é", "'\\x01é'")]
  )
  func strings(_ text: String, _ expected: String) {
    #expect(PythonFormat.repr(text) == expected)
  }

  @Test("repr of bytes")
  func bytes() {
    #expect(PythonFormat.bytesRepr([0, 0x68, 0x69, 0xFF]) == "b'\\x00hi\\xff'")
    #expect(PythonFormat.bytesRepr(Array("it's".utf8)) == "b\"it's\"")
  }

  @Test("str of collections and scalars")
  func collections() throws {
    let list = try #require(try YAMLParser.parse("[1, a, ~, true, 2.5]", file: "t"))
    #expect(PythonFormat.str(list.value) == "[1, 'a', None, True, 2.5]")
    let map = try #require(try YAMLParser.parse("{a: [1]}", file: "t"))
    #expect(PythonFormat.str(map.value) == "{'a': [1]}")
    #expect(PythonFormat.repr(.set([])) == "set()")
    #expect(PythonFormat.str(.timestamp("2024-01-15T10:20:30+00:00")) == "2024-01-15 10:20:30+00:00")
    #expect(PythonFormat.keyStr(.sequence([YAMLNode(.float(1))])) == "(1.0,)")
  }

  @Test("typeName gives Python's type names")
  func typeNames() throws {
    let items = [
      "a", "1", "true", "1.5", "~", "2024-01-01", "2024-01-01 10:00:00", "!!binary aGk=", "!!set {a}", "[]", "{}",
    ]
    let text = items.map { "- " + $0 + "\n" }.joined()
    let node = try #require(try YAMLParser.parse(text, file: "t"))
    let names = node.sequenceValue?.map(\.typeName)
    #expect(names == ["str", "int", "bool", "float", "NoneType", "date", "datetime", "bytes", "set", "list", "dict"])
    #expect(
      node[0]?.stringValue == "a" && node[1]?.intValue == 1 && node[2]?.boolValue == true && node[4]?.isNull == true)
    let map = try #require(try YAMLParser.parse("b: 1\na: x\n3: y", file: "t"))
    #expect(map["a"]?.stringValue == "x" && map["zz"] == nil && map.keys == ["b", "a"])
  }
}
