import HPCBasics
import Testing

@testable import FMF

@Suite struct RuleTests {
  static let fedora: FMFContext = [("distro", ["fedora-40"]), ("arch", ["x86_64"])]
  static let rhel: FMFContext = [
    ("distro", ["rhel-9.2"]), ("arch", ["aarch64"]), ("component", ["bash", "sand-and-more"]),
  ]

  func decide(_ rule: String, _ context: FMFContext, caseSensitive: Bool = false) throws -> Bool? {
    let regex = PythonRegex()
    return try FMFRuleContext(context, caseSensitive: caseSensitive, regex: regex).matches(FMFRule(parsing: rule))
  }

  /// FMF-NOTES §4 truth table: fedora context | rhel context | no context.
  @Test(
    arguments: [
      ("distro == fedora", true, false, nil), ("distro == rhel-9", false, true, nil),
      ("distro < fedora-41", true, nil, nil), ("distro ~< rhel-9.3", nil, true, nil),
      ("distro ~!= rhel-9.2", true, false, nil), ("arch == aarch64, x86_64", true, true, nil),
      ("arch is defined", true, true, false), ("arch is not defined", false, false, true),
      ("foo == bar or true", true, true, true), ("foo == bar and false", false, false, false),
      ("distro = fedora", true, false, nil), ("trueish == 1", true, true, true),
      ("component == sand", nil, true, nil), ("component == bash-5", nil, false, nil),
      ("arch != x86_64", false, true, nil),
      ("distro ~ ^fedora", true, false, nil), ("distro !~ ^fedora", false, true, nil),
    ] as [(String, Bool?, Bool?, Bool?)])
  func truthTable(rule: String, fedora: Bool?, rhel: Bool?, none: Bool?) throws {
    #expect(try decide(rule, Self.fedora) == fedora)
    #expect(try decide(rule, Self.rhel) == rhel)
    #expect(try decide(rule, []) == none)
  }

  @Test func versionsAndCase() throws {
    #expect(try decide("distro == centos", [("distro", ["centos-stream-9"])]) == true)
    #expect(try decide("pkg >= bash-5.10", [("pkg", ["bash-5.2.15"])]) == false)
    #expect(try decide("distro ~ ^Fedora", [("distro", ["fedora-40"])]) == false)
    #expect(try decide("distro == Fedora-40", [("distro", ["fedora-40"])]) == true)
    #expect(try decide("distro == Fedora-40", [("distro", ["fedora-40"])], caseSensitive: true) == false)
    #expect(try decide("distro == rhel-9.2", [("distro", ["rhel-9"])]) == false)
    #expect(try decide("distro > fedora-rawhide", [("distro", ["fedora-41"])]) == false)
    #expect(try decide("distro < fedora", [("distro", ["fedora"])]) == false)
    #expect(try decide("distro < fedora-41", [("distro", ["fedora"])]) == nil)
    #expect(try decide("distro ~< rhel-8.3", [("distro", ["rhel-9.2"])]) == nil)
    #expect(try decide("distro ~< rhel-10", [("distro", ["rhel-9.2"])]) == true)
  }

  @Test(arguments: [
    ("component == sand-and-more", "Cannot parse expression '-more'."),
    ("(distro == fedora)", "Cannot parse expression '(distro == fedora)'."),
    ("distro == fedora and ", "Empty AND expression in distro == fedora and ."),
    ("distro == fedora or", "Empty OR expression in distro == fedora or."),
    ("distro", "Cannot parse expression 'distro'."),
  ])
  func invalidRules(rule: String, message: String) {
    #expect {
      _ = try FMFRule(parsing: rule)
    } throws: { error in
      (error as? PythonError)?.message == message
    }
  }

  /// One cache serves the threads that adjust sub-trees side by side: whichever thread parses a text first, every
  /// lookup, valid or not, gives what parsing that text alone gives.
  @Test func theSharedRuleCacheAnswersAsParsingOnItsOwn() {
    let texts = (0..<40).map { index in
      index % 5 == 4 ? "distro == f\(index) and " : "distro == fedora-\(index) or arch is defined"
    }
    let cache = RuleCache()
    let lookups = (0..<4_000).map { texts[($0 * 7) % texts.count] }
    let cached = Parallel.map(lookups) { text in
      Self.answer { () throws(PythonError) in try cache.rule(text) }
    }
    let alone = lookups.map { text in Self.answer { () throws(PythonError) in try FMFRule(parsing: text) } }
    #expect(cached == alone)
    #expect(cached.contains { $0.hasPrefix("error: Empty AND expression") })
  }

  /// A parsed rule as text, or its error.
  private static func answer(_ parse: () throws(PythonError) -> FMFRule) -> String {
    do throws(PythonError) { return "\(try parse().groups)" } catch { return "error: \(error.message)" }
  }

  @Test func parsingQuirks() throws {
    #expect(
      FMFRule.rewriteEquals("a = b and c == d and e != f and g <= h") == "a == b and c == d and e != f and g <= h")
    #expect(FMFRule.split("android and orca", on: "and") == ["android ", " orca"])
    #expect(try decide("xis defined", [("x", ["1"])]) == true)
    #expect(try decide("distro < =5", [("distro", ["a"])]) == nil)
  }
}
