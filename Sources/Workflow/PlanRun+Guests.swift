import Executors
import HPCBasics
import Reporting
import TMTModel

#if canImport(Glibc)
  import Glibc
#endif

/// One guest of a plan with its context and the tests that run on it.
struct GuestRun: Sendable {
  /// The plan context for this guest (name, role, executor, topology).
  var context: PlanContext
  /// The tests whose discover phase's `where` names this guest or its role, with tree roots where the guest
  /// sees them.
  var tests: [DiscoveredTest]
  /// The SSH connection to close at the end, nil for this machine.
  var ssh: SSHExecutor?
}

extension PlanRun {
  /// Provisions every guest of the plan: `local` ones run here; `connect` ones get one master connection each and,
  /// in one transfer, the helper scripts (with this `hpctest` binary), the tests' directories (plus `.fmf`) under
  /// `<plan>/discover/<phase>/tests` and the plan data.
  func provisionGuests(_ tests: [DiscoveredTest]) async throws(Diagnostic) -> [GuestRun] {
    let specs = try GuestSpec.guests(of: context.plan, options: options)
    try checkDiscoverWhere(specs)
    let topology = specs.map { TopologyGuest(name: $0.name, role: $0.role, hostname: $0.host) }
    let remote = specs.contains { $0.how == "connect" }
    if remote { try await stageLocally(tests) }
    var guests: [GuestRun] = []
    for spec in specs {
      var guestContext = context
      guestContext.guest = spec.name
      guestContext.role = spec.role
      guestContext.topology = topology
      guestContext.createGuestFiles()
      var run = GuestRun(context: guestContext, tests: [])
      do {
        run.tests = try testsOn(spec, tests)
        if spec.how == "connect" { try await connect(spec, run: &run) }
      } catch {
        // The guests connected so far are closed: no master connection or socket outlives a failed provision.
        await releaseGuests(guests)
        throw error
      }
      log.line("guest: \(spec.name)\(spec.role.map { " (role \($0))" } ?? "") via \(spec.how)", level: 2)
      guests.append(run)
    }
    log.line("summary: \(Display.listed(guests.count, "guest")) provisioned", level: 2, minimumVerbosity: 1)
    return guests
  }

  /// Closes the master connections.
  func releaseGuests(_ guests: [GuestRun]) async {
    for guest in guests { await guest.ssh?.close() }
  }

  /// True when a phase's `where` (guest names or roles; none = every guest) selects `guest`.
  static func selects(_ phase: TMTPhase?, guest: PlanContext) -> Bool {
    selects(phase, name: guest.guest, role: guest.role)
  }

  /// True when a phase's `where` selects the guest called `name` with `role`.
  static func selects(_ phase: TMTPhase?, name: String, role: String?) -> Bool {
    guard let names = phase?["where"]?.scalarList, !names.isEmpty else { return true }
    return names.contains(name) || role.map(names.contains) == true
  }

  /// Fails when a discover phase's `where` selects none of the guests (tmt: "No guests queued for phase").
  private func checkDiscoverWhere(_ specs: [GuestSpec]) throws(Diagnostic) {
    for phase in context.plan.phases(.discover)
    where !specs.contains(where: { spec in
      Self.selects(phase, name: spec.name, role: spec.role)
    }) {
      let names = (phase["where"]?.scalarList ?? []).map { "'\($0)'" }.joined(separator: " or ")
      throw .error(
        "no guest is named or has the role \(names): no guests queued for phase '\(phase.name)' (a typo in 'where'?)",
        keyPath: "\(context.plan.name):discover[\(phase.name)].where")
    }
  }

  private func testsOn(_ spec: GuestSpec, _ tests: [DiscoveredTest]) throws(Diagnostic) -> [DiscoveredTest] {
    let phases = context.plan.phases(.discover)
    var probe = context
    probe.guest = spec.name
    probe.role = spec.role
    let selected = { (test: DiscoveredTest) in Self.selects(phases.first { $0.name == test.phase }, guest: probe) }
    // A local guest that runs every test shares the plan's array (no copy of 10,000 tests per guest).
    if spec.how != "connect" && tests.allSatisfy(selected) { return tests }
    return tests.filter(selected).map { test in
      var test = test
      if spec.how == "connect" { test.treeRoot = context.stagedTree(phase: test.phase) }
      return test
    }
  }

  private func connect(_ spec: GuestSpec, run: inout GuestRun) async throws(Diagnostic) {
    let key = "\(context.plan.name):provision[\(spec.name)]"
    let target = SSHTarget(
      host: spec.host ?? "", user: spec.user, port: spec.port, keys: spec.keys,
      options: spec.sshOptions, become: spec.become)
    let state = context.run.path + "/ssh/" + SafeName.sanitize(spec.name, allowSlash: false)
    var ssh = SSHExecutor(name: spec.name, target: target, stateDirectory: state)
    if let error = await ssh.open() { throw .error(error.message, keyPath: key) }
    let directories = [context.run.scripts, context.planData] + Set(run.tests.map(\.treeRoot)).sorted()
    if let error = await ssh.push(directories) {
      await ssh.close()
      throw .error(error.message, keyPath: key)
    }
    run.context.executor = ssh
    run.context.remote = true
    run.ssh = ssh
  }
}
