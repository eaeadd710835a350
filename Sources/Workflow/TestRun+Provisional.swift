import Executors
import HPCBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Files a new invocation directory gets before its test runs, where tmt writes them only afterwards: making a
/// file is the costliest step of recording a result on some file systems (an inode allocated while the harness
/// waits between tests), and `Execution` makes the next test's directory while one runs. What the run then finds
/// is what tmt leaves: a test that never started has neither file, one whose output held no failure keeps the
/// provisional `failures.yaml` as it is (the empty list tmt writes), any other gets it rewritten.
extension TestRun {
  /// The empty list, as tmt writes `failures.yaml` for a test without failure lines.
  static let noFailures = "[]\n"

  /// `failures.yaml` with the empty list, and (where the test runs on this machine) an empty `output.txt` for
  /// the test to append to. On a guest the output streams into the local file while the directory's copy there is
  /// pulled back afterwards, so a file made here would come back empty over it: none is made then.
  func makeProvisional(in directory: FileSystem.Directory) {
    directory.write("failures.yaml", Self.noFailures)
    guard context.executor.runsHere else { return }
    let file = directory.openForAppend("output.txt")
    if file >= 0 { close(file) }
  }

  /// Removes the provisional files of a test that did not start (`output`: also the output file, still empty) or
  /// whose run could not be interpreted.
  func dropProvisional(_ facts: TestFacts, output: Bool) {
    guard facts.provisional, let directory = facts.directory else { return }
    if directory.holds("failures.yaml", Self.noFailures) { directory.remove("failures.yaml") }
    if output && context.executor.runsHere && directory.holds("output.txt", "") { directory.remove("output.txt") }
  }

  /// The error result of a test that could not be started, without the files made for its run.
  func notRun(_ facts: TestFacts, _ note: String) -> TestRunOutcome {
    dropProvisional(facts, output: true)
    return TestRunOutcome(main: errorResult(note: note))
  }
}
