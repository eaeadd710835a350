import TMTModel
import Testing
import YAML

@Suite("link, require and check normalisation")
struct TMTLinkRequireCheckTests {
  @Test func linkForms() throws {
    let test = try Trees.test([
      "test": "t",
      "link": [
        "https://example.com/a", "verifies:/stories/x", ["verifies": "https://bz/123"],
        ["relates": "/x", "note": "n"], ["blocked-by": ["url": "https://github.com/x/y", "name": "/z"]],
        ["url": "u", "name": "/n"],
      ],
    ])
    #expect(
      json(.list(test.link)) == #"[{"relates": "https://example.com/a"}, {"verifies": "/stories/x"}, "#
        + #"{"verifies": "https://bz/123"}, {"relates": "/x", "note": "n"}, "#
        + #"{"blocked-by": {"url": "https://github.com/x/y", "ref": null, "path": null, "name": "/z"}}, "#
        + #"{"relates": {"url": "u", "ref": null, "path": null, "name": "/n"}}]"#)
  }

  @Test func linkErrors() {
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "link": ["foo": "/bar"]]) }
        == "Invalid link relation 'foo' (should be verifies, verified-by, implements, implemented-by, documents, "
        + "documented-by, blocks, blocked-by, duplicates, duplicated-by, parent, child, relates or test-script).")
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "link": [["verifies": "/x", "blocks": "/y"]]]) }
        == "Multiple relations specified for the link (verifies and blocks).")
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "link": 5]) }
        == "Field 'link' must be a string, a fmf id or a list of their combinations, 'int' found.")
  }

  @Test func requireForms() throws {
    let test = try Trees.test([
      "test": "t",
      "require": [
        "make", "library(openssl/certgen)",
        ["url": "https://github.com/beakerlib/openssl", "name": "/certgen", "nick": "o", "destination": "d/"],
        ["type": "file", "pattern": "/files"],
      ],
      "recommend": "single",
    ])
    #expect(
      json(.list(test.require)) == #"["make", "library(openssl/certgen)", "#
        + #"{"url": "https://github.com/beakerlib/openssl", "name": "/certgen", "destination": "d", "nick": "o", "#
        + #""type": "library"}, {"type": "file", "pattern": ["/files"]}]"#)
    #expect(json(.list(test.recommend)) == #"["single"]"#)
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "require": 5]) }
        == "Field '/x:require' must be a string, a library, a file or a list of their combinations, 'int' found.")
  }

  @Test func checkDefaults() throws {
    let test = try Trees.test(["test": "t", "check": ["avc", ["how": "dmesg", "enabled": false]]])
    #expect(
      json(.list(test.check)) == #"[{"how": "avc", "enabled": true, "result": "respect", "#
        + #""test-method": "timestamp", "delay-before-report": 5, "#
        + #""ignore-pattern": ["type=USER_AVC.*received policyload notice"]}, "#
        + #"{"how": "dmesg", "enabled": false, "result": "respect", "failure-pattern": ["Call Trace:", "\\ssegfault\\s"]}]"#
    )
  }

  @Test func checkErrors() {
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "check": 123]) }
        == "Field '/x:check' must be a string, a dictionary, or a list of their combinations, 'int' found.")
    #expect(
      Trees.error { _ = try Trees.test(["test": "t", "check": ["nonexistent"]]) }?
        .hasPrefix("Cannot instantiate check from '/x:check[0]'.") == true)
  }
}
