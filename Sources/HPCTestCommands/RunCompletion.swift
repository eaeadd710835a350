import HPCBasics
import TMTModel

/// Shell completion for `hpctest run`, whose arguments the generic completion script cannot see (they are parsed
/// by hand, step after step): the shell calls `hpctest ---completion run -- ...` with the words typed so far.
enum RunCompletion {
  /// Candidates for the word at `index` of `words` (the words after `hpctest`), which starts with `prefix`.
  @Sendable static func candidates(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
    let before = Array(words.prefix(max(0, min(index, words.count))))
    return values(before, root: root(in: before)).filter { $0.hasPrefix(prefix) }
  }

  /// Every word that may come after `before`.
  static func values(_ before: [String], root: String) -> [String] {
    let section = before.last { RunVocabulary.steps.contains($0) || RunVocabulary.selectors.contains($0) } ?? "run"
    let options = RunVocabulary.options(in: section)
    if let previous = before.last, let option = options.first(where: { $0.name == previous }), option.takesValue {
      return argumentValues(of: previous, in: section)
    }
    let words = options.map(\.name) + RunVocabulary.steps + RunVocabulary.selectors
    return section == "run" ? words + plans(root: root) : words
  }

  private static func argumentValues(of option: String, in section: String) -> [String] {
    switch option {
    case "-h", "--how": return RunVocabulary.hows[section] ?? []
    case "--until", "--since", "--skip", "--after", "--before": return RunVocabulary.steps
    default: return []
    }
  }

  /// The tree root given with `-r/--root` before `run`, or the current directory.
  static func root(in words: [String]) -> String {
    guard let flag = words.firstIndex(where: { $0 == "-r" || $0 == "--root" }), flag + 1 < words.count else {
      return "."
    }
    return words[flag + 1]
  }

  /// The plans of the tree at `root`, as `hpctest run` accepts them (`plans/gpu`); none outside a tree.
  static func plans(root: String) -> [String] {
    guard let catalog = try? TMTCatalog.load(root: Path.absolute(root), context: [], tests: false) else {
      return []
    }
    return catalog.plans.map { String($0.name.dropFirst()) }
  }
}
