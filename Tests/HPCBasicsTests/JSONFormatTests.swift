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
      (
        nil, false, false,
        #"""
        {"b": [1, {"z": null, "a": true}], "a": "\#u{E9} \#u{2028} \#u{1F600} \t\u0001", "c": [], "d": {}}
        """#
      ),
      (
        nil, false, true,
        #"""
        {"b": [1, {"z": null, "a": true}], "a": "\u00e9 \u2028 \ud83d\ude00 \t\u0001", "c": [], "d": {}}
        """#
      ),
      (
        nil, true, false,
        #"""
        {"a": "\#u{E9} \#u{2028} \#u{1F600} \t\u0001", "b": [1, {"a": true, "z": null}], "c": [], "d": {}}
        """#
      ),
      (
        nil, true, true,
        #"""
        {"a": "\u00e9 \u2028 \ud83d\ude00 \t\u0001", "b": [1, {"a": true, "z": null}], "c": [], "d": {}}
        """#
      ),
      (
        2, false, false,
        #"""
        {
          "b": [
            1,
            {
              "z": null,
              "a": true
            }
          ],
          "a": "\#u{E9} \#u{2028} \#u{1F600} \t\u0001",
          "c": [],
          "d": {}
        }
        """#
      ),
      (
        2, false, true,
        #"""
        {
          "b": [
            1,
            {
              "z": null,
              "a": true
            }
          ],
          "a": "\u00e9 \u2028 \ud83d\ude00 \t\u0001",
          "c": [],
          "d": {}
        }
        """#
      ),
      (
        2, true, false,
        #"""
        {
          "a": "\#u{E9} \#u{2028} \#u{1F600} \t\u0001",
          "b": [
            1,
            {
              "a": true,
              "z": null
            }
          ],
          "c": [],
          "d": {}
        }
        """#
      ),
      (
        2, true, true,
        #"""
        {
          "a": "\u00e9 \u2028 \ud83d\ude00 \t\u0001",
          "b": [
            1,
            {
              "a": true,
              "z": null
            }
          ],
          "c": [],
          "d": {}
        }
        """#
      ),
      (
        4, false, false,
        #"""
        {
            "b": [
                1,
                {
                    "z": null,
                    "a": true
                }
            ],
            "a": "\#u{E9} \#u{2028} \#u{1F600} \t\u0001",
            "c": [],
            "d": {}
        }
        """#
      ),
      (
        4, false, true,
        #"""
        {
            "b": [
                1,
                {
                    "z": null,
                    "a": true
                }
            ],
            "a": "\u00e9 \u2028 \ud83d\ude00 \t\u0001",
            "c": [],
            "d": {}
        }
        """#
      ),
      (
        4, true, false,
        #"""
        {
            "a": "\#u{E9} \#u{2028} \#u{1F600} \t\u0001",
            "b": [
                1,
                {
                    "a": true,
                    "z": null
                }
            ],
            "c": [],
            "d": {}
        }
        """#
      ),
      (
        4, true, true,
        #"""
        {
            "a": "\u00e9 \u2028 \ud83d\ude00 \t\u0001",
            "b": [
                1,
                {
                    "a": true,
                    "z": null
                }
            ],
            "c": [],
            "d": {}
        }
        """#
      ),
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
