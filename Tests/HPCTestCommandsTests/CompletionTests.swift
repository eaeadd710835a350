import Checks
import Glibc
import HPCBasics
import Testing
import Workflow

@testable import HPCTestCommands

/// Command and check name suggestions, and the completion of `hpctest run`'s own words, in-process and through
/// the generated bash script.
@Suite struct CompletionTests {
  /// Every one-edit typo of `word`: a character dropped, doubled, replaced by `x`, or swapped with its neighbour.
  static func typos(of word: String) -> Set<String> {
    let characters = Array(word)
    var typos: Set<String> = []
    for index in characters.indices {
      var dropped = characters
      dropped.remove(at: index)
      var doubled = characters
      doubled.insert(characters[index], at: index)
      var replaced = characters
      replaced[index] = replaced[index] == "x" ? "y" : "x"
      typos.formUnion([String(dropped), String(doubled), String(replaced)])
      if index + 1 < characters.count {
        var swapped = characters
        swapped.swapAt(index, index + 1)
        typos.insert(String(swapped))
      }
    }
    typos.remove(word)
    return typos
  }

  static let commands = Entry.commandNames
  static let checks = CheckCatalogue.all.map(\.name)

  @Test(arguments: [commands, checks])
  func everyOneEditTypoSuggestsTheNameItCameFrom(names: [String]) {
    for name in names {
      for typo in Self.typos(of: name) where !names.contains(typo) {
        // Only typos that no other name is as close to: those must lead back to `name`.
        let nearest = names.filter { Suggestion.distance(typo, $0) <= 1 }
        guard nearest == [name] else { continue }
        #expect(Suggestion.closest(to: typo, among: names) == name, "\(typo) -> \(name)")
      }
    }
  }

  @Test(arguments: ["xyzzy", "deploy", "gpu.nonexistent-check", "q"])
  func farWordsSuggestNothing(word: String) {
    #expect(Suggestion.closest(to: word, among: Self.commands + Self.checks) == nil)
  }

  @Test(arguments: [
    (["rn"], "no such command 'rn'; did you mean 'run'?"), (["plan", "ls"], "did you mean 'plans'?"),
    (["check", "gpu.pcie-lnk"], "unknown check 'gpu.pcie-lnk'; did you mean 'gpu.pcie-link'?"),
  ])
  func mistypedNamesFailWithASuggestionAndExit2(arguments: [String], message: String) {
    let outcome = EndToEndTests.hpctest(arguments)
    #expect(outcome.status == 2)
    #expect(outcome.output.contains(message), "\(outcome.output)")
  }

  /// Each completion word of a section, with a value where the option takes one, is accepted by the run parser.
  @Test(arguments: ["run"] + RunVocabulary.selectors + RunVocabulary.steps)
  func everyOfferedOptionIsAcceptedByTheRunParser(section: String) throws {
    for option in RunVocabulary.options(in: section) {
      // tmt accepts `report --file` only for the junit and html reports, the others only for html.
      var arguments = section == "run" ? [] : section == "report" ? [section, "-h", "junit", "-h", "html"] : [section]
      arguments += [option.name] + (option.takesValue ? [Self.value(of: option.name, in: section)] : [])
      #expect(throws: Never.self, "\(arguments)") { _ = try RunArguments.parse(arguments) }
    }
  }

  /// A valid value for `option`: a method of the step, a variable, a step name or a plain word.
  static func value(of option: String, in section: String) -> String {
    switch option {
    case "-h", "--how": RunVocabulary.hows[section]?.first ?? ""
    case "-e", "--environment": "NAME=VALUE"
    case "--until", "--since", "--skip", "--after", "--before": "execute"
    case "--display-guest": "auto"
    default: "word"
    }
  }

  @Test(arguments: RunVocabulary.steps)
  func afterAStepItsOptionsAndTheOtherStepsAreOffered(step: String) {
    let offered = Set(RunCompletion.candidates(["hpctest", "run", step, ""], 3, ""))
    #expect(Set(RunVocabulary.options(in: step).map(\.name)).isSubset(of: offered))
    #expect(Set(RunVocabulary.steps).isSubset(of: offered))
    #expect(!offered.contains("--workdir-root"))
    let hows = RunCompletion.candidates(["hpctest", "run", step, "-h", ""], 4, "")
    #expect(hows == (RunVocabulary.hows[step] ?? []))
  }

  @Test func afterRunThePlansOfTheTreeAndRunOptionsAreOffered() {
    let words = ["hpctest", "-r", EndToEndTests.repository, "run", "pl"]
    #expect(
      RunCompletion.candidates(words, 4, "pl") == [
        "plans", "plans/crosstalk", "plans/gpu", "plans/rdma", "plans/rdma-pair", "plans/smoke",
      ])
    #expect(RunCompletion.candidates(["hpctest", "run", "--until", ""], 3, "") == RunVocabulary.steps)
    #expect(RunCompletion.candidates(["hpctest", "run", "--work"], 2, "--work") == ["--workdir-root"])
  }

  /// The generated bash script, sourced in a real bash, asks the binary and offers these words.
  @Test(arguments: [
    (["run", "report", "-h", ""], ["display", "junit", "html"]), (["run", "disc"], ["discover"]),
    (["run", "discover", "--te"], ["--test"]), (["run", "--ign"], ["--ignore-hardware"]),
  ])
  func bashCompletionOffersRunWords(words: [String], expected: [String]) throws {
    let directory = EndToEndTests.temporaryDirectory()
    defer { _ = FileSystem.removeTree(directory) }
    let script = EndToEndTests.hpctest(["--generate-completion-script", "bash"])
    #expect(FileSystem.write(directory + "/hpctest.bash", script.output))
    let line = "hpctest " + words.joined(separator: " ")
    let quoted = (["hpctest"] + words).map { "'\($0)'" }.joined(separator: " ")
    let program = """
      source \(directory)/hpctest.bash; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count)
      COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}; _hpctest; printf '%s\\n' "${COMPREPLY[@]}"
      """
    #expect(FileSystem.write(directory + "/complete.sh", program))
    let bin = Path.dirname(EndToEndTests.binary)
    let outcome = DeployTests.shell("PATH='\(bin)':\"$PATH\" bash '\(directory)/complete.sh'")
    #expect(outcome.output.split(separator: "\n").map(String.init) == expected, "\(outcome.output)")
  }
}
