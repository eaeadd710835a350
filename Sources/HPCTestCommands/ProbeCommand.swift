import ArgumentParser
import HPCBasics
import HardwareProbe
import TMTModel

/// `hpctest probe`: what hardware this node (or `--sysroot DIR`) has: GPUs, RDMA adapters and ports, SR-IOV,
/// topology, warnings; `--json` for the stable schema in Sources/HardwareProbe/README.md.
struct ProbeCommand: GlobalCommand {
  static let configuration = CommandConfiguration(
    commandName: "probe",
    abstract: "Show the node's GPUs, RDMA adapters, SR-IOV functions and PCIe topology.",
    discussion: "Reads /sys and /proc (under --sysroot DIR when given). Exit 0 even with warnings; 2 when the "
      + "system root does not exist.")

  @Flag(name: .long, help: "Print the inventory as JSON (schema hpctest.probe/1).")
  var json = false

  @Flag(name: .long, help: "Name every PCI function from pci.ids, not only GPUs and network devices (slower).")
  var allNames = false

  @Flag(
    name: .long,
    help: "Check the plans' provision hardware against this machine (exit 1 when one does not match).")
  var match = false

  @Argument(help: "With --match: plan names (regular expressions, as 'hpctest plans ls'); all plans when none.")
  var plans: [String] = []

  mutating func run(global: GlobalOptions) async throws {
    let inventory: Inventory
    do {
      inventory = try Probe.run(root: global.sysroot, options: ProbeOptions(allNames: allNames))
    } catch {
      Console.error("error: \(error.description)")
      throw ExitCode(2)
    }
    guard match else {
      if !plans.isEmpty {
        Console.error("error: plan names are only accepted with --match")
        throw ExitCode(2)
      }
      Console.write(fd: 1, json ? inventory.renderedJSON() : inventory.summary())
      return
    }
    let catalog = try SelectionSupport.catalog(global)
    let options = try SelectionOptions.parse(["--"] + plans)
    try SelectionSupport.requireClean(catalog, kind: "plan", options: options)
    let selected = try SelectionSupport.select(
      catalog.plans, selection: options.selection, catalog: catalog, name: \.name, metadata: \.exported)
    let verdicts = ProbeMatch.verdicts(selected, inventory: inventory)
    Console.write(fd: 1, ProbeMatch.render(verdicts))
    let code = ProbeMatch.exitCode(verdicts)
    if code != 0 { throw ExitCode(code) }
  }
}
