import FMF
import HPCBasics
import TMTModel
import Testing
import YAML

@Suite("tmt plan normalisation")
struct TMTPlanNormaliseTests {
  @Test func defaultPhasesPerStep() throws {
    let plan = try Trees.plan(["execute": ["how": "tmt"]])
    #expect(
      TMTStep.allCases.map { plan.phases($0).map(\.how) } == [
        ["shell"], ["virtual"], ["shell"], ["tmt"], ["display"], ["shell"], ["tmt"],
      ])
    #expect(json(.list(plan.phases(.discover).map { .map($0.data) })) == #"[{"name": "default-0", "how": "shell"}]"#)
    #expect(json(.list(plan.phases(.execute).map { .map($0.data) })) == #"[{"how": "tmt", "name": "default-0"}]"#)
  }

  @Test func defaultNamesSkipUsedNamesAndUnderscoresBecomeDashes() throws {
    let plan = try Trees.plan([
      "execute": ["how": "tmt"], "prepare": [["how": "shell"], ["name": "default-0", "exit_first": true]],
    ])
    #expect(plan.phases(.prepare).map(\.name) == ["default-1", "default-0"])
    #expect(plan.phases(.prepare)[1].data.map(\.0) == ["name", "exit-first", "how"])
  }

  @Test func invalidStepConfig() {
    #expect(
      Trees.error { _ = try Trees.plan(["execute": ["how": "tmt"], "discover": "fmf"]) }
        == "Invalid 'discover' config in '/plans/x'.")
  }

  @Test func contextOverlaidByCLI() throws {
    let plan = try Trees.plan(
      ["execute": ["how": "tmt"], "context": ["distro": "fedora-40", "arch": ["x86_64", "aarch64"]]],
      context: [("distro", ["rhel-9"]), ("foo", ["a", "b"])])
    #expect(plan.context.map(\.0) == ["distro", "arch", "foo"])
    #expect(plan.context.map(\.1) == [["rhel-9"], ["x86_64", "aarch64"], ["a", "b"]])
  }

  @Test func variablesExpandFromPlanEnvironmentAndContext() throws {
    let plan = try Trees.plan(
      [
        "environment": ["FROM_PLAN": "plan-value"],
        "discover": [
          "how": "shell", "tests": [["name": "/a", "test": "echo $FROM_PLAN ${FROM_PLAN} $HOME $@distro $@{arch}"]],
        ],
        "execute": ["how": "tmt"],
      ], context: [("distro", ["fedora-40"])])
    let tests = plan.phases(.discover)[0]["tests"]
    #expect(json(tests!) == #"[{"name": "/a", "test": "echo plan-value plan-value $HOME fedora-40 $@{arch}"}]"#)
  }

  @Test func exportedExtrasOnlyWhenTruthy() throws {
    let plan = try Trees.plan([
      "environment": ["B": 2], "extra-polarion": "ABC", "extra-empty": "", "gate": "merge", "execute": ["how": "tmt"],
    ])
    let text = json(plan.exported)
    #expect(
      text.contains(#""sources": ["/srv/tree/main.fmf"], "environment": {"B": 2}, "extra-polarion": "ABC", "discover""#)
    )
    #expect(text.contains(#""gate": "merge", "login": null, "ansible": {}"#))
    #expect(plan.resolvedEnvironment.map(\.0) == ["B", "TMT_VERSION"])
  }

  @Test func environmentFileOutsideRootAndMissing() {
    #expect(
      Trees.error { _ = try Trees.plan(["environment-file": ["env.txt"], "execute": ["how": "tmt"]]) }
        == "File '/srv/tree/env.txt' doesn't exist.")
    #expect(
      Trees.error { _ = try Trees.plan(["environment-file": ["../x.env"], "execute": ["how": "tmt"]]) }
        == "Failed to extract variables from file '/srv/x.env' as it lies outside the metadata tree root '/srv/tree'.")
  }

  @Test func dotenvParsing() {
    let pairs = TMTEnvironmentFile.dotenv("A=1\n# comment\nB='two words' C=\"x y\"\n")
    #expect(pairs?.map { "\($0.0)=\($0.1)" } == ["A=1", "B=two words", "C=x y"])
  }
}
