public import Executors
public import HPCBasics
public import TMTModel

/// What every test of one plan shares: where things live and the plan-level environment.
package struct PlanContext: Sendable {
  /// The plan.
  package var plan: TMTPlan
  /// The run directory.
  package var run: RunDirectory
  /// Command-line options.
  package var options: RunOptions
  /// A number unique to this run (`TMT_TEST_ITERATION_ID` prefix).
  package var runID: String
  /// The guest name.
  package var guest = "default-0"
  /// The guest's multihost role, nil when none.
  package var role: String?
  /// Runs the guest's tests and scripts (this machine, or the guest over SSH).
  package var executor: any InvocationExecutor = LocalExecutor(containment: .configured)
  /// The execute directory, held open while the execute step runs (`Execution`): each test's directory is then
  /// walked to from here instead of from `/`.
  package var executeHandle: FileSystem.Directory?
  /// True when the guest is reached over SSH: files are copied there and back around each test.
  package var remote = false
  /// Every guest of the plan as (name, role, hostname), for the topology files.
  package var topology: [TopologyGuest] = [TopologyGuest(name: "default-0")]

  /// Creates the context.
  package init(plan: TMTPlan, run: RunDirectory, options: RunOptions, runID: String) {
    self.plan = plan
    self.run = run
    self.options = options
    self.runID = runID
  }

  /// `<run>/plans/<plan>`.
  package var planDirectory: String { run.planDirectory(plan.name) }
  /// `<plan>/execute`: log paths in results are relative to it.
  package var executeDirectory: String { planDirectory + "/execute" }
  /// `<plan>/data` (`TMT_PLAN_DATA`).
  package var planData: String { planDirectory + "/data" }
  /// `TMT_PLAN_ENVIRONMENT_FILE`.
  package var environmentFile: String { planData + "/variables.env-" + guest }
  /// `TMT_PLAN_SOURCE_SCRIPT`.
  package var sourceScript: String { planData + "/plan-source-script.sh" }
  /// `<plan>/execute/results.yaml`.
  package var resultsFile: String { executeDirectory + "/results.yaml" }

  /// The invocation directory of a test, relative to the execute directory.
  package func invocationPath(_ test: DiscoveredTest) -> String {
    "data/guest/\(SafeName.relativePath(guest))/\(SafeName.relativePath(test.test.name))-\(test.serial)"
  }

  /// `<plan>/discover/<phase>/tests`: where a remote guest gets the tree of a discover phase (as tmt lays it out).
  package func stagedTree(phase: String) -> String { planDirectory + "/discover/" + phase + "/tests" }

  /// The plan's `environment:` as texts.
  package var planEnvironment: [(String, String)] {
    plan.environment.compactMap { key, node in node.scalarText.map { (key, $0) } }
  }

  /// The guest as results.yaml records it: name, role and address (`localhost` for this machine).
  package var resultGuest: ResultGuest {
    let address = topology.first { $0.name == guest }?.hostname
    return ResultGuest(name: guest, role: role, primaryAddress: remote ? address : "localhost")
  }

  /// Creates this guest's empty plan environment file.
  package func createGuestFiles() {
    if !FileSystem.exists(environmentFile) { FileSystem.write(environmentFile, "") }
  }

  /// Creates the plan's directories and empty data files.
  package func createDirectories() -> Bool {
    for directory in [executeDirectory, planData, planDirectory + "/discover", planDirectory + "/report"]
    where !FileSystem.makeDirectories(directory) {
      return false
    }
    if !FileSystem.exists(environmentFile) { FileSystem.write(environmentFile, "") }
    if !FileSystem.exists(sourceScript) { FileSystem.write(sourceScript, "") }
    return true
  }
}
