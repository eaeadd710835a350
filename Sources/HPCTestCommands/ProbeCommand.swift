import ArgumentParser
import HPCBasics
import HardwareProbe

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

  mutating func run(global: GlobalOptions) async throws {
    let inventory: Inventory
    do {
      inventory = try Probe.run(root: global.sysroot)
    } catch {
      Console.error("error: \(error.description)")
      throw ExitCode(2)
    }
    Console.write(fd: 1, json ? inventory.json().rendered() : inventory.summary())
  }
}
