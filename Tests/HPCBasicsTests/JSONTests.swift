import HPCBasics
import Testing

@Suite struct JSONTests {
  static let sample = JSON.object([
    ("name", .string("gpu \"0\"\n")), ("count", .int(Int?(3))), ("ratio", .double(2.5)), ("whole", .double(32.0)),
    ("missing", .double(.nan)), ("ok", .flag(true)), ("ids", .array([.int(Int?(1)), .text("a")])),
    ("links", .array([.object([("speed", .text("16.0 GT/s"))])])), ("empty", .array([])), ("none", .object([])),
  ])

  @Test func compactUsesPythonSeparators() {
    #expect(
      JSONTests.sample.compact
        == """
        {"name": "gpu \\"0\\"\\n", "count": 3, "ratio": 2.5, "whole": 32, "missing": null, "ok": true, \
        "ids": [1, "a"], "links": [{"speed": "16.0 GT/s"}], "empty": [], "none": {}}
        """)
  }

  @Test func prettyIndentsContainersAndKeepsScalarArraysOnOneLine() {
    let value = JSON.object([
      ("ids", .array([.number("1"), .null])), ("links", .array([.object([("x", .bool(false))])])),
      ("empty", .object([])),
    ])
    #expect(
      value.rendered() == """
        {
          "ids": [1, null],
          "links": [
            {
              "x": false
            }
          ],
          "empty": {}
        }

        """)
  }

  @Test(arguments: [
    ("plain é", "\"plain é\""), ("a\"b\\c", "\"a\\\"b\\\\c\""), ("\n\t\r", "\"\\n\\t\\r\""),
    ("\u{1}\u{1f}", "\"\\u0001\\u001f\""), ("\u{8}\u{c}", "\"\\b\\f\""),
  ])
  func escapesStrings(text: String, literal: String) {
    #expect(JSON.quote(text) == literal)
  }

  @Test func escapesNonASCIIAsUTF16UnitsWhenAsked() {
    #expect(JSON.quote("é😀\u{7f}~", ascii: true) == #""\u00e9\ud83d\ude00\u007f~""#)
    #expect(JSON.quote("é😀", ascii: false) == "\"é😀\"")
  }

  @Test func parsesAfterBannerAndSkipsEmptyContainers() {
    let json = JSON.parse("header [x] {}\n{\"a\": [1, -2.5e1, false, null], \"s\": \"\\u00e9\\n\\/\"}")
    #expect(json?["a"]?.elements.map(\.text) == ["1", "-25", "false", nil])
    #expect(json?["s"]?.text == "é\n/")
    #expect(json?["a"]?.elements[1] == .number("-2.5e1"))
    #expect(json?["nope"] == nil)
    #expect(json?.allObjects.count == 1)
  }

  @Test func roundTripsThroughTheWriter() {
    #expect(JSON.parse(JSONTests.sample.rendered()) == JSONTests.sample)
    #expect(JSON.parse(JSONTests.sample.compact)?.compact == JSONTests.sample.compact)
  }

  @Test(arguments: ["", "no json", "{\"a\": tru}", "[1, 2", "{\"a\" 1}"])
  func rejectsMalformedDocuments(text: String) {
    #expect(JSON.parse(text) == nil)
  }
}
