import Checks
import Testing
import YAML

/// Slurm hostlist expressions, globs and `feature:NAME` in the site file's `match`.
@Suite struct HostListTests {
  struct Case: CustomStringConvertible, Sendable {
    var pattern: String
    var host: String
    var matches: Bool
    var description: String { "\(pattern) ~ \(host) = \(matches)" }
  }

  static let cases: [Case] = [
    Case(pattern: "gpu[001-128,200]", host: "gpu001", matches: true),
    Case(pattern: "gpu[001-128,200]", host: "gpu128", matches: true),
    Case(pattern: "gpu[001-128,200]", host: "gpu200", matches: true),
    Case(pattern: "gpu[001-128,200]", host: "gpu129", matches: false),
    Case(pattern: "gpu[001-128,200]", host: "gpu1", matches: false),
    Case(pattern: "gpu[001-128,200]", host: "gpu0001", matches: false),
    Case(pattern: "gpu[001-128,200]", host: "gpu001.cluster.example", matches: true),
    Case(pattern: "gpu[001-128,200]", host: "gpu001x", matches: false),
    Case(pattern: "n[1-3]", host: "n1", matches: true),
    Case(pattern: "n[1-3]", host: "n3", matches: true),
    Case(pattern: "n[1-3]", host: "n4", matches: false),
    Case(pattern: "n[1-3]", host: "n01", matches: false),
    Case(pattern: "n[1-12]", host: "n12", matches: true),
    Case(pattern: "n[1-12]", host: "n13", matches: false),
    Case(pattern: "r[1-2]n[01-16]", host: "r2n07", matches: true),
    Case(pattern: "r[1-2]n[01-16]", host: "r3n07", matches: false),
    Case(pattern: "r[1-2]n[01-16]", host: "r1n17", matches: false),
    Case(pattern: "r[1-2]-n[1-4]", host: "r1-n4", matches: true),
    Case(pattern: "n[1-3],login1", host: "login1", matches: true),
    Case(pattern: "n[1-3],login1", host: "login2", matches: false),
    Case(pattern: "n[1-3],gpu[01-02]", host: "gpu02", matches: true),
    Case(pattern: "n[7]", host: "n7", matches: true),
    Case(pattern: "gpu-a30-*", host: "gpu-a30-17", matches: true),
    Case(pattern: "gpu-a30-*", host: "gpu-h200-1", matches: false),
    Case(pattern: "node[abc]", host: "nodeb", matches: true),
    Case(pattern: "node[abc]", host: "node1", matches: false),
    Case(pattern: "nightly-?", host: "nightly-3.example", matches: true),
    Case(pattern: "feature:a30", host: "n1", matches: false),
  ]

  @Test(arguments: cases) func matchesLikeSlurm(_ item: Case) {
    #expect(HostList.matches(item.pattern, item.host) == item.matches)
  }

  @Test func featuresComeFromTheTaskLocal() {
    HostList.$features.withValue(["a30", "ib"]) {
      #expect(HostList.matches("feature:a30", "n1"))
      #expect(HostList.matches("gpu[1-4],feature:ib", "n1"))
      #expect(!HostList.matches("feature:h200", "n1"))
    }
    #expect(!HostList.matches("feature:a30", "n1"))
  }

  @Test(arguments: ["n[3-1]", "n[2-1,x]", "n[1-2", "n[]"]) func malformedRangesAreGlobsThatMatchNothingNumeric(
    _ pattern: String
  ) {
    #expect(!HostList.matches(pattern, "n1"))
    #expect(!HostList.matches(pattern, "n2"))
  }

  @Test func siteFileSectionsMatchHostListsAndFeatures() throws {
    let yaml = """
      defaults: {gpus: 0}
      hosts:
        - match: "gpu[001-004]"
          expect: {gpus: 4, gpu-model: A30}
        - match: ["feature:h200"]
          expect: {gpus: 8, gpu-model: H200}
      """
    let node = try #require(try YAMLParser.parse(yaml, file: "site.yaml"))
    #expect(try SiteFile.expectations(node, hostname: "gpu003", file: "site.yaml")["gpus"] == "4")
    #expect(try SiteFile.expectations(node, hostname: "gpu005", file: "site.yaml")["gpus"] == "0")
    let h200 = try HostList.$features.withValue(["h200"]) {
      try SiteFile.expectations(node, hostname: "x1", file: "site.yaml")
    }
    #expect(h200["gpu-model"] == "H200")
  }
}
