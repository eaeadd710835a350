import Testing

@testable import YAML

@Suite("YAMLEmitter profiles: one emitter for tmt's export, results.yaml and readable YAML")
struct EmitterProfileTests {
  static let strings = [
    "plain", "yes", "No", "on", "~", "null", "12", "1.5", "1_000", "0x1F", "10:00:00", "1:30", "2026-11-26",
    "2026-11-26T06:23:52+00:00", ".inf", "-.nan", "a: b", "a #b", "- x", "-x", "? x", ":x", "it's", "'q'", "\"d\"",
    "", " lead", "trail ", "a\nb", "a\n", "tab\there", "bell\u{07}", "del\u{7F}", "é ü", "\u{2028}", "%x", "@x",
    "`x", "!x", "&x", "*x", "|x", ">x", "[x]", "{x}", "#x", ",x", "---", "...", "=", "<<",
    String(repeating: "word ", count: 30) + "end",
  ]
  static let profiles: [YAMLEmitter.Profile] = [.ruamel, .tmtExport, .results]

  /// Every string in every profile, as a mapping value and a key, reads back as the same string.
  @Test(arguments: profiles)
  func stringsReadBack(profile: YAMLEmitter.Profile) throws {
    for string in Self.strings {
      let value = YAMLValue.mapping([YAMLPair(key: YAMLNode(.string(string)), value: YAMLNode(.string(string)))])
      let text = YAMLEmitter.emit(value, profile: profile)
      let parsed = try YAMLParser.parse(text, file: "profile.yaml")?.value
      #expect(parsed.map(Self.dropLocations) == value, "\(string.debugDescription) written as \(text)")
    }
  }

  /// The results profile never folds and quotes by PyYAML's YAML 1.1 rules, which the libyaml profiles do not.
  @Test func resultsProfileQuotesForYAML11AndDoesNotFold() {
    #expect(YAMLEmitter.scalar("yes", profile: .results) == "'yes'")
    #expect(YAMLEmitter.scalar("yes", profile: .tmtExport) == "yes")
    #expect(YAMLEmitter.scalar("10:00:00", profile: .results) == "'10:00:00'")
    let long = String(repeating: "word ", count: 30) + "end"
    #expect(!YAMLEmitter.emit(.string(long), profile: .results).dropLast(5).contains("\n"))
    #expect(YAMLEmitter.emit(.string(long), profile: .tmtExport).dropLast(5).contains("\n"))
  }

  /// Entries named as shared get `&idNNN` where first written and `*idNNN` after, numbered in writing order, and
  /// read back as the same values.
  @Test func sharedEntriesAreAnchoredInWritingOrder() throws {
    func pair(_ key: String, _ items: [String]) -> YAMLPair {
      YAMLPair(key: YAMLNode(.string(key)), value: YAMLNode(.sequence(items.map { YAMLNode(.string($0)) })))
    }
    let (arch, distro, once) = (pair("arch", ["x86_64"]), pair("distro", ["rhel-9", "fedora"]), pair("o", ["1"]))
    let results = YAMLValue.sequence([
      YAMLNode(.mapping([distro, once, arch])), YAMLNode(.mapping([arch, distro])), YAMLNode(.mapping([arch])),
    ])
    let text = YAMLEmitter.emit(results, profile: .results, shared: [arch, distro])
    #expect(
      text == """
        - distro: &id001
          - rhel-9
          - fedora
          o:
          - '1'
          arch: &id002
          - x86_64
        - arch: *id002
          distro: *id001
        - arch: *id002

        """)
    #expect(try YAMLParser.parse(text, file: "anchors.yaml").map { Self.dropLocations($0.value) } == results)
  }

  static func dropLocations(_ value: YAMLValue) -> YAMLValue {
    switch value {
    case .sequence(let items): .sequence(items.map { YAMLNode(dropLocations($0.value)) })
    case .set(let items): .set(items.map { YAMLNode(dropLocations($0.value)) })
    case .mapping(let pairs):
      .mapping(
        pairs.map {
          YAMLPair(key: YAMLNode(dropLocations($0.key.value)), value: YAMLNode(dropLocations($0.value.value)))
        })
    default: value
    }
  }
}
