import TMTModel

/// JUnit testcase names for multihost plans: a test that ran on more than one guest gets the guest in its name
/// (`/tests/both (client-1)`), so GitLab and Jenkins show the runs apart; tests that ran on one guest keep their
/// name, as in tmt.
enum JUnitGuestNames {
  /// `results` with the names of tests that ran on several guests suffixed with ` (GUEST)`.
  static func apply(_ results: [TestResult]) -> [TestResult] {
    var guests: [String: Set<String>] = [:]
    for result in results { guests[result.name, default: []].insert(result.guest.name) }
    guard guests.values.contains(where: { $0.count > 1 }) else { return results }
    return results.map { result in
      guard (guests[result.name]?.count ?? 0) > 1 else { return result }
      var renamed = result
      renamed.name = "\(result.name) (\(result.guest.name))"
      return renamed
    }
  }
}
