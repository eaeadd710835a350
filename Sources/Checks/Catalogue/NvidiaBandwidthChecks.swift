/// Host↔device and peer-to-peer bandwidth through `nvbandwidth`.
enum NvidiaBandwidthChecks {
  static let all = [hostDevice, peerToPeer]

  static let hostDevice = CheckDefinition(
    "gpu.h2d-bandwidth", "host↔device copy bandwidth per GPU ≥ a fraction of the PCIe link's bandwidth",
    needs: "nvbandwidth", keys: ["h2d-gbs", "h2d-fraction"]
  ) { context in
    let gpus = NodeFacts(context).nvidiaGPUs
    guard !gpus.isEmpty else { return .skip("gpu.h2d-bandwidth", "no NVIDIA GPU found") }
    let argv = ["nvbandwidth", "-t", "host_to_device_memcpy_ce", "-t", "device_to_host_memcpy_ce"]
    switch await context.tool(argv, for: "gpu.h2d-bandwidth") {
    case .unavailable(let result): return result
    case .ran(let status, let output):
      let parsed = NVBandwidth(parsing: output)
      guard status == 0, !parsed.matrices.isEmpty else {
        return .error("gpu.h2d-bandwidth", "nvbandwidth exited \(status) without results")
      }
      return judgeHostDevice(parsed, gpus: gpus, context)
    }
  }

  static func judgeHostDevice(_ parsed: NVBandwidth, gpus: [PCIDeviceFacts], _ context: CheckContext) -> CheckResult {
    let fraction = context.expectations.double("h2d-fraction") ?? 0.7
    var result = CheckResult(check: "gpu.h2d-bandwidth", items: [])
    for matrix in parsed.matrices where matrix.testcase.contains("host") {
      for (label, value) in NVBandwidth.perGPU(matrix) {
        let gpu = Int(label).flatMap { $0 < gpus.count ? gpus[$0] : nil }
        let reference = context.expectations.double("h2d-gbs") ?? gpu.flatMap { linkGBs($0, context) }
        let figure = CheckFigure(
          "GPU \(label):\(matrix.testcase)", value: value, reference: reference,
          lower: reference.map { _ in fraction - 1 },
          unit: "GB/s")
        result.figures.append(figure)
        result.items.append(item(figure, fraction: fraction))
      }
    }
    return result
  }

  /// The link's theoretical GB/s per direction (expected generation and width, else the maximum).
  static func linkGBs(_ gpu: PCIDeviceFacts, _ context: CheckContext) -> Double? {
    let expected = GPUChecks.expected(gpu, context)
    guard let width = expected.width ?? gpu.link.maxWidth else { return nil }
    let speed = expected.generation.map { LinkFacts.speed(generation: $0) } ?? gpu.link.maxSpeed ?? 0
    let encoding = speed >= 8 ? 128.0 / 130.0 : 0.8
    return speed * Double(width) * encoding / 8
  }

  static func item(_ figure: CheckFigure, fraction: Double) -> CheckItem {
    let value = "\(figure.value.formatted()) \(figure.unit)"
    guard let reference = figure.reference else {
      return CheckItem(figure.name, .pass, "\(figure.name): \(value) (no reference)")
    }
    let floor = reference * fraction
    let expected = "expected ≥ \(floor.formatted()) \(figure.unit) (\(fraction.formatted()) × \(reference.formatted()))"
    return CheckItem(figure.name, figure.withinTolerance ? .pass : .fail, "\(figure.name): \(value), \(expected)")
  }

  static let peerToPeer = CheckDefinition(
    "gpu.p2p", "GPU↔GPU copies work between every pair (and reach p2p-gbs when set)", needs: "nvbandwidth",
    keys: ["p2p-gbs"]
  ) { context in
    let gpus = NodeFacts(context).nvidiaGPUs
    guard gpus.count >= 2 else { return .skip("gpu.p2p", "fewer than 2 NVIDIA GPUs") }
    let testcase = "device_to_device_memcpy_read_ce"
    switch await context.tool(["nvbandwidth", "-t", testcase], for: "gpu.p2p") {
    case .unavailable(let result): return result
    case .ran(let status, let output):
      guard let matrix = NVBandwidth(parsing: output).matrix(testcase), status == 0 else {
        return .error("gpu.p2p", "nvbandwidth exited \(status) without the \(testcase) matrix")
      }
      return judgePeers(matrix, minimum: context.expectations.double("p2p-gbs"))
    }
  }

  static func judgePeers(_ matrix: NVBandwidth.Matrix, minimum: Double?) -> CheckResult {
    var result = CheckResult(check: "gpu.p2p", items: [])
    for row in matrix.rows {
      for (column, value) in zip(matrix.columns, row.values) where column != row.label {
        let name = "GPU \(row.label)→GPU \(column)"
        guard let value, value > 0 else {
          result.items.append(CheckItem(name, .fail, "\(name): no peer-to-peer copy, expected a bandwidth"))
          continue
        }
        result.figures.append(
          CheckFigure(name, value: value, reference: minimum, lower: minimum.map { _ in 0 }, unit: "GB/s"))
        let low = minimum.map { value < $0 } ?? false
        let expected = minimum.map { ", expected ≥ \($0.formatted()) GB/s" } ?? ""
        result.items.append(CheckItem(name, low ? .fail : .pass, "\(name): \(value.formatted()) GB/s\(expected)"))
      }
    }
    return result
  }
}
