/// `nvidia-smi nvlink -s` output: per GPU, each link's speed or `<inactive>`.
package struct NVLinkStatus: Sendable, Hashable {
  /// One GPU's links.
  package struct GPU: Sendable, Hashable {
    /// `GPU 0: NVIDIA A100-SXM4-80GB (UUID: ...)` → `GPU 0`.
    package var label: String
    /// Link number → GB/s (nil when inactive).
    package var links: [(Int, Double?)]

    package static func == (a: GPU, b: GPU) -> Bool {
      a.label == b.label && a.links.map(\.0) == b.links.map(\.0) && a.links.map(\.1) == b.links.map(\.1)
    }
    package func hash(into hasher: inout Hasher) { hasher.combine(label) }
  }

  /// The GPUs in output order.
  package var gpus: [GPU]

  /// Parses the output (empty output: no NVLink on this machine).
  package init(parsing text: String) {
    var gpus: [GPU] = []
    for line in text.lines.map(\.trimmed) {
      if line.hasPrefix("GPU "), let colon = line.firstIndex(of: ":") {
        gpus.append(GPU(label: String(line[..<colon]), links: []))
      } else if line.hasPrefix("Link "), !gpus.isEmpty, let number = Int(String(line.dropFirst(5)).before(":")) {
        let value = line.after(":") ?? ""
        gpus[gpus.count - 1].links.append((number, value.contains("inactive") ? nil : value.leadingNumber))
      }
    }
    self.gpus = gpus
  }

  /// Inactive links fail; links slower than `minimumGBs` warn.
  package static func judge(_ gpu: GPU, minimumGBs: Double?) -> CheckItem {
    let inactive = gpu.links.filter { $0.1 == nil }.map { String($0.0) }
    let active = gpu.links.count - inactive.count
    if !inactive.isEmpty {
      let message =
        "\(gpu.label): NVLink \(inactive.joined(separator: ", ")) inactive, expected all \(gpu.links.count) active"
      return CheckItem(gpu.label, .fail, message)
    }
    if let minimumGBs, let slow = gpu.links.first(where: { ($0.1 ?? 0) < minimumGBs }) {
      let message =
        "\(gpu.label): NVLink \(slow.0) at \((slow.1 ?? 0).formatted()) GB/s, expected \(minimumGBs.formatted()) GB/s"
      return CheckItem(gpu.label, .warn, message)
    }
    return CheckItem(gpu.label, .pass, "\(gpu.label): \(active) NVLinks active")
  }
}
