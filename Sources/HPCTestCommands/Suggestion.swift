/// "Did you mean ...?" for mistyped command and check names: the closest candidate by edit distance
/// (insertions, deletions, substitutions and swaps of neighbours), within a third of the word's length.
enum Suggestion {
  /// The candidate closest to `word`, or nil when none is close enough to be a plausible typo.
  static func closest(to word: String, among candidates: [String]) -> String? {
    let limit = max(1, (word.count + 2) / 3)
    let scored = candidates.map { (candidate: $0, distance: distance(word, $0)) }
    guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit else {
      return candidates.first { $0.hasPrefix(word) && !word.isEmpty }
    }
    return best.candidate
  }

  /// The optimal-string-alignment distance between `a` and `b`.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + [Int](repeating: 0, count: b.count)
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      previous2 = previous
      previous = current
    }
    return previous[b.count]
  }

  /// `; did you mean 'X'?` for `word`, or an empty string.
  static func phrase(for word: String, among candidates: [String]) -> String {
    closest(to: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }
}
