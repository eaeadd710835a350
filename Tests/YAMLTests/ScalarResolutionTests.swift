import HPCBasics
import Testing

@testable import YAML

/// Parses `a: <text>` and returns the value of `a`.
func value(of text: String) throws -> YAMLValue {
  let root = try YAMLParser.parse("a: " + text + "\n", file: "t.yaml")
  guard case .mapping(let pairs)? = root?.value, let first = pairs.first else {
    Issue.record("not a mapping: \(String(describing: root))")
    return .null
  }
  return first.value.value
}

@Suite("Scalar resolution (ruamel YAML 1.2 resolver, FMF-NOTES §3)")
struct ScalarResolutionTests {
  @Test(
    "plain scalars resolve like ruamel",
    arguments: [
      ("true", YAMLValue.bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)), ("false", .bool(false)),
      ("False", .bool(false)), ("FALSE", .bool(false)), ("tRUE", .string("tRUE")),
      ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
      ("y", .string("y")), ("Yes", .string("Yes")), ("n", .string("n")),
      ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null), ("nULL", .string("nULL")),
      ("''", .string("")), ("42", .int(42)), ("-7", .int(-7)), ("+5", .int(5)), ("010", .int(10)),
      ("07", .int(7)), ("09", .int(9)), ("0o17", .int(15)), ("0x1F", .int(31)), ("0b101", .int(5)),
      ("1_000", .int(1000)), ("0x_1", .int(1)), ("1__0", .int(10)), ("00", .int(0)), ("-0", .int(0)),
      ("0o8", .string("0o8")), ("08", .int(8)), ("0x", .string("0x")), ("_", .string("_")),
      ("1:20", .string("1:20")), ("1.2.3", .string("1.2.3")), ("1.10", .float(1.1)), ("1.5", .float(1.5)),
      ("1e3", .float(1000)), (".5", .float(0.5)), ("5.", .float(5)), ("-.5", .float(-0.5)),
      ("+.5e+3", .float(500)), (".5e3", .string(".5e3")), ("1e", .string("1e")), ("0_.1", .float(0.1)),
      ("1E5", .float(100_000)), ("6.02e23", .float(6.02e23)), (".inf", .float(.infinity)),
      ("-.Inf", .float(-.infinity)), ("+.inf", .float(.infinity)), (".INF", .float(.infinity)),
      ("-.nan", .string("-.nan")), ("20240115", .int(20_240_115)),
      ("2024-01-15", .timestamp("2024-01-15")), ("2024-01-15T10:20:30Z", .timestamp("2024-01-15T10:20:30+00:00")),
      ("2024-01-15 10:20:30", .timestamp("2024-01-15T10:20:30")),
      ("2024-01-15T10:20:30.5+02:00", .timestamp("2024-01-15T10:20:30.500000+02:00")),
      ("2024-01-15 10:20:30 Z", .timestamp("2024-01-15T10:20:30+00:00")),
      ("2024-01-15t10:20:30.1234567-5", .timestamp("2024-01-15T10:20:30.123457-05:00")),
      ("2024-1-5 1:02:03", .timestamp("2024-01-05T01:02:03")),
      ("2024-12-31T23:59:59.9999999Z", .timestamp("2025-01-01T00:00:00+00:00")),
      ("2024-01-15T10:20:30.", .timestamp("2024-01-15T10:20:30")),
      ("2024-1-5", .string("2024-1-5")), ("=x", .string("=x")), ("<<x", .string("<<x")),
      ("plain text # comment", .string("plain text")), ("a#b", .string("a#b")), ("\"a: b\"", .string("a: b")),
      ("'single ''quoted'''", .string("single 'quoted'")), ("\"tab\\tnl\\n\\u00e9\"", .string("tab\tnl\né")),
      ("\"true\"", .string("true")), ("'42'", .string("42")), ("! 12", .int(12)), ("! \"12\"", .int(12)),
    ])
  func plain(_ text: String, _ expected: YAMLValue) throws {
    let actual = try value(of: text)
    if case .float(let x) = expected, x.isNaN { return }
    #expect(actual == expected, "\(text)")
  }

  @Test("nan resolves to a NaN float", arguments: [".nan", ".NaN", ".NAN"])
  func nan(_ text: String) throws {
    guard case .float(let x) = try value(of: text) else {
      Issue.record("not a float")
      return
    }
    #expect(x.isNaN)
  }
}
