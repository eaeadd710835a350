import FMF
import HPCBasics
import TMTModel
import Testing
import YAML

@Suite("selection and fmf filters")
struct TMTSelectionTests {
  private let data: YAMLNode = Y.node(
    YAMLNode(
      .mapping([
        YAMLPair(
          key: YAMLNode(.string("tag")),
          value: YAMLNode(.sequence([YAMLNode(.string("gpu")), YAMLNode(.string("slow"))]))),
        YAMLPair(key: YAMLNode(.string("tier")), value: YAMLNode(.string("1"))),
        YAMLPair(key: YAMLNode(.string("enabled")), value: YAMLNode(.bool(true))),
      ]))
  ).yaml

  @Test(arguments: [
    ("tag: gpu", true), ("tag:gpu", true), ("tag: cpu", false), ("tier: 1", true), ("tier: 1 & tag: cpu", false),
    ("tier: 2 | tag: slow", true), ("tag: -slow", false), ("tag: -cpu", true), ("tag: g.*", true),
    ("tag: cpu, gpu", true), ("enabled: true", true), ("enabled: True", true), ("component: x", false),
    ("/tests/x", false), ("", true),
  ])
  func filter(_ expression: String, _ expected: Bool) throws {
    #expect(try TMTFilter.matches(expression, data: data) == expected)
  }

  @Test func namesAreRegexSearchesAndPathsSelectSubtrees() throws {
    let names = ["/plans/gpu", "/plans/gpu-burn", "/plans/rdma", "/tests/gpu/pcie"]
    let tree = FMFTree(root: "/nonexistent-root", version: 1, nodes: [])
    func pick(_ patterns: [String], excludes: [String] = []) throws -> [String] {
      try TMTSelection(names: patterns, excludes: excludes).select(
        names, tree: tree, cwd: "/nonexistent-root", name: { $0 }, metadata: { _ in YAMLNode(.mapping([])) })
    }
    #expect(try pick(["gpu"]) == ["/plans/gpu", "/plans/gpu-burn", "/tests/gpu/pcie"])
    #expect(try pick(["gpu$"]) == ["/plans/gpu"])
    #expect(try pick(["^/plans", "pcie"], excludes: ["burn"]) == ["/plans/gpu", "/plans/rdma", "/tests/gpu/pcie"])
    #expect(Trees.error { _ = try pick(["("]) } == "Invalid regular expression '('.")
  }

  @Test func treePathForms() throws {
    let root = ConformanceCorpus.directory + "/corpus/hw-tmt-plans"
    let tree = FMFTree(root: root, version: 1, nodes: [])
    let names = ["/plans/gpu", "/plans/other", "/tests/x"]
    func pick(_ pattern: String, cwd: String = root) throws -> [String] {
      try TMTSelection(names: [pattern]).select(
        names, tree: tree, cwd: cwd, name: { $0 }, metadata: { _ in YAMLNode(.mapping([])) })
    }
    #expect(try pick("plans") == ["/plans/gpu", "/plans/other"])
    #expect(try pick("plans/main.fmf") == ["/plans/gpu", "/plans/other"])
    #expect(try pick(".", cwd: root + "/plans") == ["/plans/gpu", "/plans/other"])
    #expect(try pick(".") == names)
  }
}

@Suite("Python text and tmt JSON")
struct PythonTextTests {
  @Test(arguments: [
    (1.0, "1.0"), (1.5, "1.5"), (1e20, "1e+20"), (1e16, "1e+16"), (1234567890123456.0, "1234567890123456.0"),
    (0.0001, "0.0001"), (1e-05, "1e-05"), (-2.5e-10, "-2.5e-10"), (0.0, "0.0"), (123.456, "123.456"),
  ])
  func floatRepr(_ value: Double, _ expected: String) {
    #expect(PythonText.float(value) == expected)
  }

  @Test func reprQuoting() {
    #expect(PythonText.quote("it's") == #""it's""#)
    #expect(PythonText.quote(#"a'b"c"#) == #"'a\'b"c'"#)
    #expect(PythonText.quote("tab\there\n") == #"'tab\there\n'"#)
  }

  @Test func jsonEscapesLikePython() throws {
    let node = YAMLNode(
      .mapping([
        YAMLPair(key: YAMLNode(.string("s")), value: YAMLNode(.string("héllo \u{1} \"q\" 😀"))),
        YAMLPair(key: YAMLNode(.string("f")), value: YAMLNode(.float(.infinity))),
      ]))
    #expect(try TMTJSON.render(node) == #"{"s": "h\u00e9llo \u0001 \"q\" \ud83d\ude00", "f": Infinity}"#)
    #expect(
      Trees.error { _ = try TMTJSON.render(YAMLNode(.timestamp("2024-01-01"))) }
        == "Cannot serialize object of <class 'datetime.date'>")
  }
}
