import HPCBasics
import Testing

@Suite struct JSONFormatTests {
  /// `{"b": [1, {"z": null, "a": true}], "a": "é \u{2028} 😀 \t\u{1}", "c": [], "d": {}}`, members in this order.
  static let value = JSON.object([
    ("b", .array([.number("1"), .object([("z", .null), ("a", .bool(true))])])),
    ("a", .string("\u{E9} \u{2028} \u{1F600} \t\u{1}")), ("c", .array([])), ("d", .object([])),
  ])

  /// Python 3.11's `json.dumps(value, indent=…, sort_keys=…, ensure_ascii=…)` of `value`, for every combination
  /// (printed by `python3 -c 'import json; print(repr(json.dumps(...)))'`).
  @Test(
    arguments: [
      (nil, false, false, "{\"b\": [1, {\"z\": null, \"a\": true}], \"a\": \"\u{E9} \u{2028} \u{1F600} \\t\\u0001\", \"c\": [], \"d\": {}}"),
      (nil, false, true, "{\"b\": [1, {\"z\": null, \"a\": true}], \"a\": \"\\u00e9 \\u2028 \\ud83d\\ude00 \\t\\u0001\", \"c\": [], \"d\": {}}"),
      (nil, true, false, "{\"a\": \"\u{E9} \u{2028} \u{1F600} \\t\\u0001\", \"b\": [1, {\"a\": true, \"z\": null}], \"c\": [], \"d\": {}}"),
      (nil, true, true, "{\"a\": \"\\u00e9 \\u2028 \\ud83d\\ude00 \\t\\u0001\", \"b\": [1, {\"a\": true, \"z\": null}], \"c\": [], \"d\": {}}"),
      (2, false, false, "{\n  \"b\": [\n    1,\n    {\n      \"z\": null,\n      \"a\": true\n    }\n  ],\n  \"a\": \"\u{E9} \u{2028} \u{1F600} \\t\\u0001\",\n  \"c\": [],\n  \"d\": {}\n}"),
      (2, false, true, "{\n  \"b\": [\n    1,\n    {\n      \"z\": null,\n      \"a\": true\n    }\n  ],\n  \"a\": \"\\u00e9 \\u2028 \\ud83d\\ude00 \\t\\u0001\",\n  \"c\": [],\n  \"d\": {}\n}"),
      (2, true, false, "{\n  \"a\": \"\u{E9} \u{2028} \u{1F600} \\t\\u0001\",\n  \"b\": [\n    1,\n    {\n      \"a\": true,\n      \"z\": null\n    }\n  ],\n  \"c\": [],\n  \"d\": {}\n}"),
      (2, true, true, "{\n  \"a\": \"\\u00e9 \\u2028 \\ud83d\\ude00 \\t\\u0001\",\n  \"b\": [\n    1,\n    {\n      \"a\": true,\n      \"z\": null\n    }\n  ],\n  \"c\": [],\n  \"d\": {}\n}"),
      (4, false, false, "{\n    \"b\": [\n        1,\n        {\n            \"z\": null,\n            \"a\": true\n        }\n    ],\n    \"a\": \"\u{E9} \u{2028} \u{1F600} \\t\\u0001\",\n    \"c\": [],\n    \"d\": {}\n}"),
      (4, false, true, "{\n    \"b\": [\n        1,\n        {\n            \"z\": null,\n            \"a\": true\n        }\n    ],\n    \"a\": \"\\u00e9 \\u2028 \\ud83d\\ude00 \\t\\u0001\",\n    \"c\": [],\n    \"d\": {}\n}"),
      (4, true, false, "{\n    \"a\": \"\u{E9} \u{2028} \u{1F600} \\t\\u0001\",\n    \"b\": [\n        1,\n        {\n            \"a\": true,\n            \"z\": null\n        }\n    ],\n    \"c\": [],\n    \"d\": {}\n}"),
      (4, true, true, "{\n    \"a\": \"\\u00e9 \\u2028 \\ud83d\\ude00 \\t\\u0001\",\n    \"b\": [\n        1,\n        {\n            \"a\": true,\n            \"z\": null\n        }\n    ],\n    \"c\": [],\n    \"d\": {}\n}"),
    ] as [(Int?, Bool, Bool, String)])
  func formatIsJSONDumps(indent: Int?, sortKeys: Bool, ensureASCII: Bool, expected: String) {
    let format = JSON.Format(indent: indent, sortKeys: sortKeys, ensureASCII: ensureASCII)
    #expect(Self.value.text(format) == expected)
  }

  @Test func presetsAreTheRenderings() {
    #expect(Self.value.text(.compact) == Self.value.compact)
    #expect(Self.value.text(.pretty) + "\n" == Self.value.rendered())
    #expect(Self.value.text(.pretty).contains("\"z\": null"))
  }
}
