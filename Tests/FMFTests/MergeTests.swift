import HPCBasics
import Testing
import YAML

@testable import FMF

@Suite struct MergeTests {
  /// Merges `child` into `parent` for node `/n` and returns the result without locations.
  func merge(_ parent: [YAMLPair], _ child: [YAMLPair]) throws(Diagnostic) -> YAMLNode {
    var data = parent
    try FMFMerger(nodeName: "/n", regex: PythonRegex()).mergeSpecial(&data, child)
    return YAMLNode(.mapping(data)).stripped
  }

  func message(_ parent: [YAMLPair], _ child: [YAMLPair]) -> String? {
    do {
      _ = try merge(parent, child)
      return nil
    } catch {
      return error.message
    }
  }

  @Test(arguments: [
    ("k", FMFMerger.Operation.set, "k"), ("k+", .append, "k"), ("k++", .append, "k"), ("k+<", .prepend, "k"),
    ("k-", .subtract, "k"), ("k--", .subtract, "k"), ("k-~", .removeRegex, "k"), ("k~", .substitute, "k"),
    ("k+~", .substitute, "k+"), ("k<", .set, "k<"), ("k~+", .append, "k~"), ("k-+", .append, "k-"),
    ("+", .append, ""),
  ])
  func suffixDetection(key: String, operation: FMFMerger.Operation, name: String) {
    #expect(FMFMerger.operation(of: key).0 == operation)
    #expect(FMFMerger.operation(of: key).1 == name)
  }

  @Test func appendAndPrepend() throws {
    let parent = Y.pairs(("tag", Y.seq(Y.s("a"))), ("s", Y.s("x")), ("n", Y.i(1)))
    let child = Y.pairs(("tag+", Y.seq(Y.s("b"))), ("tag+<", Y.seq(Y.s("z"))), ("s+", Y.s("y")), ("n+", Y.f(1.5)))
    let expected = Y.map(("tag", Y.seq(Y.s("z"), Y.s("a"), Y.s("b"))), ("s", Y.s("xy")), ("n", Y.f(2.5)))
    #expect(try merge(parent, child) == expected)
  }

  @Test func boolsAddAsIntegers() throws {
    #expect(try merge(Y.pairs(("k", Y.b(true))), Y.pairs(("k+", Y.b(true)))) == Y.map(("k", Y.i(2))))
  }

  @Test func absentKeyStoresValueVerbatim() throws {
    let child = Y.pairs(("k+", Y.map(("a+", Y.i(1)))), ("gone-", Y.i(1)), ("re~", Y.s("/a/b/")))
    #expect(try merge([], child) == Y.map(("k", Y.map(("a+", Y.i(1))))))
  }

  @Test func nestedDictMergeAppliesSuffixes() throws {
    let parent = Y.pairs(("env", Y.map(("A", Y.seq(Y.i(1))), ("B", Y.i(2)))))
    let child = Y.pairs(("env+", Y.map(("A+", Y.seq(Y.i(3))), ("C", Y.i(4)))))
    #expect(
      try merge(parent, child) == Y.map(("env", Y.map(("A", Y.seq(Y.i(1), Y.i(3))), ("B", Y.i(2)), ("C", Y.i(4))))))
  }

  @Test func dictPlusListOfDictsDistributes() throws {
    let parent = Y.pairs(("adjust", Y.map(("when", Y.s("a")), ("tag", Y.seq(Y.s("x"))))))
    let child = Y.pairs(("adjust+", Y.seq(Y.map(("tag+", Y.seq(Y.s("y")))), Y.map(("tag-", Y.seq(Y.s("x")))))))
    let expected = Y.map(
      (
        "adjust",
        Y.seq(
          Y.map(("when", Y.s("a")), ("tag", Y.seq(Y.s("x"), Y.s("y")))),
          Y.map(("when", Y.s("a")), ("tag", Y.seq())))
      ))
    #expect(try merge(parent, child) == expected)
  }

  @Test func listOfDictsPlusDictMergesEveryItem() throws {
    let parent = Y.pairs(("p", Y.seq(Y.map(("a", Y.i(1))), Y.map(("a", Y.i(2))))))
    let child = Y.pairs(("p+", Y.map(("b", Y.i(3)))))
    #expect(
      try merge(parent, child)
        == Y.map(("p", Y.seq(Y.map(("a", Y.i(1)), ("b", Y.i(3))), Y.map(("a", Y.i(2)), ("b", Y.i(3)))))))
  }

  @Test func subtract() throws {
    let parent = Y.pairs(
      ("l", Y.seq(Y.s("a"), Y.i(1), Y.b(true))), ("n", Y.i(5)), ("s", Y.s("foo-bar")),
      ("d", Y.map(("A", Y.i(1)), ("B", Y.i(2)))))
    let child = Y.pairs(("l-", Y.seq(Y.i(1))), ("n-", Y.i(2)), ("s-", Y.s("-b.*")), ("d-", Y.seq(Y.s("A"))))
    // Python: True == 1, so both the 1 and the true are removed
    #expect(
      try merge(parent, child)
        == Y.map(("l", Y.seq(Y.s("a"))), ("n", Y.i(3)), ("s", Y.s("foo")), ("d", Y.map(("B", Y.i(2))))))
  }

  @Test func substituteWithBackreferences() throws {
    let parent = Y.pairs(("s", Y.s("fedora-40")), ("l", Y.seq(Y.s("ab"), Y.s("cb"))))
    let child = Y.pairs(("s~", Y.s("/(\\w+)-(\\d+)/\\2:\\1/")), ("l~", Y.seq(Y.s("|b|B|"), Y.s("|^c|C|"))))
    #expect(try merge(parent, child) == Y.map(("s", Y.s("40:fedora")), ("l", Y.seq(Y.s("aB"), Y.s("CB")))))
  }

  @Test func removeByRegex() throws {
    let parent = Y.pairs(
      ("l", Y.seq(Y.s("tier1"), Y.s("gpu"), Y.i(10))), ("s", Y.s("hello")),
      ("d", Y.map(("KEEP", Y.i(1)), ("DROP_X", Y.i(2)))))
    let child = Y.pairs(("l-~", Y.seq(Y.s("^tier"), Y.s("^1"))), ("s-~", Y.s("ell")), ("d-~", Y.s("^DROP")))
    #expect(try merge(parent, child) == Y.map(("l", Y.seq(Y.s("gpu"))), ("s", Y.s("")), ("d", Y.map(("KEEP", Y.i(1))))))
  }

  @Test func keyOrderMatters() throws {
    #expect(try merge([], Y.pairs(("k", Y.seq(Y.i(2))), ("k+", Y.seq(Y.i(3))))) == Y.map(("k", Y.seq(Y.i(2), Y.i(3)))))
    #expect(try merge([], Y.pairs(("k+", Y.seq(Y.i(3))), ("k", Y.seq(Y.i(2))))) == Y.map(("k", Y.seq(Y.i(2)))))
  }

  @Test func errorTexts() {
    let list = Y.pairs(("k", Y.seq(Y.i(1))))
    #expect(
      message(list, Y.pairs(("k+", Y.i(2)))) == "Key 'k' in /n (can only concatenate list (not \"int\") to list).")
    #expect(
      message(Y.pairs(("k", Y.null)), Y.pairs(("k+", Y.i(2))))
        == "Key 'k' in /n (unsupported operand type(s) for +: 'NoneType' and 'int').")
    #expect(
      message(Y.pairs(("k", Y.s("a"))), Y.pairs(("k+", Y.seq())))
        == "Key 'k' in /n (can only concatenate str (not \"list\") to str).")
    #expect(message(Y.pairs(("k", Y.map())), Y.pairs(("k-", Y.map()))) == "Key 'k' in /n (wrong type).")
    #expect(
      message(Y.pairs(("k", Y.seq(Y.s("s")))), Y.pairs(("k+", Y.map(("a", Y.i(1))))))
        == "Item 's' in /n must be a dictionary.")
    #expect(message(Y.pairs(("k", Y.map())), Y.pairs(("k+", Y.seq(Y.i(1))))) == "Item '1' in /n must be a dictionary.")
    #expect(message(Y.pairs(("k", Y.i(1))), Y.pairs(("k~", Y.s("/a/b/")))) == "Key 'k' in /n (wrong type).")
    #expect(message(Y.pairs(("k", Y.seq(Y.i(1)))), Y.pairs(("k~", Y.s("/a/b/")))) == "Key 'k' in /n (not a string).")
    #expect(message(list, Y.pairs(("k~", Y.s("/b/")))) == "'/b/' can't be split in two parts")
    #expect(message(list, Y.pairs(("k~", Y.s("//x/")))) == "Pattern cannot be empty: '//x/'.")
    #expect(message(list, Y.pairs(("k~", Y.s("/a/b")))) == "'/a/b' has to end with '/'.")
    #expect(message(Y.pairs(("k", Y.i(1))), Y.pairs(("k-~", Y.s("x")))) == "Key 'k' in /n (wrong type).")
  }

  @Test func errorsCarryTheChildKeyLocation() {
    let key = YAMLNode(.string("k+"), at: SourceLocation(file: "a/main.fmf", line: 3, column: 1))
    var data = Y.pairs(("k", Y.seq()))
    #expect {
      try FMFMerger(nodeName: "/a", regex: PythonRegex()).mergeSpecial(&data, [YAMLPair(key: key, value: Y.i(1))])
    } throws: { error in
      (error as? Diagnostic)?.description
        == "a/main.fmf:3:1: error: Key 'k' in /a (can only concatenate list (not \"int\") to list)."
    }
  }
}
