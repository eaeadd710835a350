import FMF
import HPCBasics
import TMTModel
import Testing
import YAML

@Suite("tmt test normalisation")
struct TMTTestNormaliseTests {
  @Test func defaultsExportInTmtOrder() throws {
    let test = try Trees.test(["test": "./t.sh"], file: "tests/gpu/main.fmf")
    #expect(
      json(test.exported)
        == #"{"name": "/x", "summary": null, "description": null, "author": [], "contact": [], "enabled": true, "#
        + #""order": 50, "link": [], "id": null, "tag": [], "tier": null, "component": [], "test": "./t.sh", "#
        + #""path": "/tests/gpu", "framework": "shell", "manual": false, "tty": false, "require": [], "#
        + #""recommend": [], "environment": {}, "duration": "5m", "result": "respect", "where": null, "check": [], "#
        + #""restart-on-exit-code": [], "restart-max-count": 1, "restart-with-reboot": false, "#
        + #""sources": ["/srv/tree/tests/gpu/main.fmf"]}"#)
  }

  @Test(arguments: [
    (Y("20"), 20), (Y(1.9), 1), (Y(true), 1), (Y(nil), 50), (Y(-1), -1), (Y(" 7 "), 7),
  ])
  func orderIsIntConverted(_ raw: Y, _ expected: Int) throws {
    #expect(try Trees.test(["test": "t", "order": raw]).order == expected)
  }

  @Test func orderNotIntIsValueError() {
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "order": "abc"]) }
        == "invalid literal for int() with base 10: 'abc'")
  }

  @Test(arguments: [(Y(1), "1"), (Y(1.5), "1.5"), (Y(true), "True"), (Y("2"), "2")])
  func tierIsStr(_ raw: Y, _ expected: String) throws {
    #expect(try Trees.test(["test": "t", "tier": raw]).tier == expected)
  }

  @Test func environmentValuesArePythonStr() throws {
    let test = try Trees.test([
      "test": "t",
      "environment": [
        "B": true, "F": 1.5, "N": nil, "L": [1, "x", "it's"], "D": ["x": 1], "E": 1e20, "S": 1e-5,
        "T": .date("2024-01-01"),
      ],
    ])
    #expect(
      test.environment.map(\.1) == [
        "True", "1.5", "None", #"[1, 'x', "it's"]"#, "{'x': 1}", "1e+20", "1e-05", "2024-01-01",
      ])
  }

  @Test func environmentMustBeMapping() {
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "environment": "A=1"]) }
        == "Field '/x:environment' must be unset or a dictionary, 'str' found.")
  }

  @Test func stringListsAndTheirErrors() throws {
    #expect(try Trees.test(["test": "t", "tag": "a, b"]).tag == ["a, b"])
    #expect(try Trees.test(["test": "t", "tag": nil]).tag == [])
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "tag": [1, 2]]) }
        == "Field '/x:tag[0]' must be a string, 'int' found.")
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "contact": ["a": 1]]) }
        == "Field '/x:contact' must be a string or a list of strings, 'dict' found.")
  }

  @Test func testKeyIsRequiredAndAString() {
    #expect(Trees.error { _ = try Trees.test(["test": nil]) } == "The 'test' attribute in '/x' must be defined.")
    #expect(Trees.error { _ = try Trees.test(["test": 42]) } == "Field '/x:test' must be a string, 'int' found.")
  }

  @Test func resultInterpretation() {
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "result": "bogus"]) }
        == "Invalid result interpretation 'bogus'.")
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "result": nil]) }
        == "Invalid result interpretation 'None' at /x:result.")
  }

  @Test func idMustNotBeInherited() throws {
    let node = Trees.node("/x/child", ["test": "t", "id": "abc"], inherited: ["id"])
    #expect(
      Trees.error { _ = try TMTTest(node: node, tree: Trees.tree([node])) }
        == "The 'id' key 'abc' in '/x/child' is inherited from parent, should be defined in a leaf.")
    #expect(try Trees.test(["test": "t", "id": "abc"]).id == "abc")
  }

  @Test func pathForms() throws {
    #expect(try Trees.test(["test": "t"]).path == "/")
    #expect(try Trees.test(["test": "t", "path": "/a//b/./c/"]).path == "/a/b/c")
    #expect(try Trees.test(["test": "t", "path": "."]).path == ".")
    #expect(try Trees.test(["test": "t", "path": nil]).path == nil)
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "path": 1]) }
        == "Field '/x:path' must be a string, 'int' found.")
  }

  @Test func passThroughKeys() throws {
    let test = try Trees.test([
      "test": "t", "enabled": "no", "duration": 300, "restart-max-count": "3", "where": "client", "manual": nil,
    ])
    #expect(json(test.exported).contains(#""enabled": "no""#))
    #expect(test.duration == YAMLNode(.int(300)))
    #expect(test.restartMaxCount == YAMLNode(.string("3")))
    #expect(test.where == YAMLNode(.string("client")))
    #expect(test.manual == YAMLNode(.null))
  }

  @Test func restartOnExitCode() throws {
    #expect(try Trees.test(["test": "t", "restart-on-exit-code": 3]).restartOnExitCode == [3])
    #expect(try Trees.test(["test": "t", "restart-on-exit-code": ["3", 4.5, true]]).restartOnExitCode == [3, 4, 1])
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "restart-on-exit-code": ["a"]]) }
        == "Field '/x:restart_on_exit_code[0]' must be an integer, 'str' found.")
  }
}
