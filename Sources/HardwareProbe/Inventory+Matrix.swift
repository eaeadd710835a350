extension Inventory {
  /// The `nvidia-smi topo -m`-like matrix: rows are GPUs, columns GPUs then physical adapters, plus NUMA node.
  func topologyMatrix() -> [String] {
    let columns = gpus.map { "GPU\($0.index)" } + physicalAdapters.filter { $0.address != nil }.map(\.name)
    guard !gpus.isEmpty, columns.count > 1 else { return [] }
    let width = max(6, (columns.map(\.count).max() ?? 0) + 2)
    func pad(_ text: String) -> String { text + String(repeating: " ", count: max(width - text.count, 1)) }
    var lines = ["  " + pad("") + columns.map(pad).joined() + "NUMA"]
    for gpu in gpus {
      let row = "GPU\(gpu.index)"
      let cells = columns.map { column in
        column == row
          ? "X"
          : topology.first { ($0.from == row && $0.to == column) || ($0.from == column && $0.to == row) }?.path.rawValue
            ?? "-"
      }
      lines.append("  " + pad(row) + cells.map(pad).joined() + (gpu.numaNode.map(String.init) ?? "-"))
    }
    return lines
  }
}
