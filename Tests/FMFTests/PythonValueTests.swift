import Testing
import YAML

@testable import FMF

@Suite struct PythonValueTests {
  @Test(arguments: [
    (YAMLValue.string("s"), "s"), (.int(3), "3"), (.bool(true), "True"), (.null, "None"), (.float(1e16), "1e+16"),
    (.float(0.5), "0.5"), (.sequence([Y.s("a"), Y.i(1)]), "['a', 1]"),
    (.mapping(Y.pairs(("k", Y.s("it's")))), "{'k': \"it's\"}"),
    (.timestamp("2024-01-15"), "2024-01-15"), (.timestamp("2024-01-15T10:20:30+00:00"), "2024-01-15 10:20:30+00:00"),
  ])
  func pythonStr(value: YAMLValue, expected: String) {
    #expect(PythonValue.str(value) == expected)
  }

  @Test func equalityFollowsPython() {
    #expect(PythonValue.equal(.int(1), .bool(true)))
    #expect(PythonValue.equal(.int(1), .float(1.0)))
    #expect(!PythonValue.equal(.string("1"), .int(1)))
    #expect(
      PythonValue.equal(
        .mapping(Y.pairs(("a", Y.i(1)), ("b", Y.i(2)))), .mapping(Y.pairs(("b", Y.i(2)), ("a", Y.i(1))))))
    #expect(!PythonValue.equal(.string("e\u{301}"), .string("\u{e9}")))
  }

  @Test func additionTypeErrors() {
    func message(_ a: YAMLValue, _ b: YAMLValue) -> String? {
      if case .failure(let error) = PythonValue.add(a, b) { return error.message }
      return nil
    }
    #expect(message(.int(1), .string("a")) == "unsupported operand type(s) for +: 'int' and 'str'")
    #expect(
      message(.timestamp("2024-01-15"), .int(1)) == "unsupported operand type(s) for +: 'datetime.date' and 'int'")
    #expect(message(.sequence([]), .null) == "can only concatenate list (not \"NoneType\") to list")
    #expect(message(.int(Int.max), .int(1)) == "integer result out of the supported 64-bit range")
    #expect((try? PythonValue.add(.bool(true), .float(0.5)).get()) == .float(1.5))
  }
}
