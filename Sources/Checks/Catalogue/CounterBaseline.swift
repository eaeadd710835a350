import HPCBasics

/// Port error counters read at the plan's first `rdma.counters` run, kept in the plan's data directory so later
/// runs (after the load tests) judge the increase.
struct CounterBaseline {
  /// The file, nil when there is no plan directory.
  var path: String?
  /// Port label → counter → value at the first reading.
  var counters: [String: [String: Int]] = [:]

  init(_ context: CheckContext) {
    path = context.stateDirectory.map { Path.join($0, "hpctest-ib-counters.txt") }
    guard let path, let text = FileSystem.readText(path) else { return }
    for line in text.lines {
      let words = line.words
      guard words.count == 3, let value = Int(words[2]) else { continue }
      counters[words[0], default: [:]][words[1]] = value
    }
  }

  /// Writes the current counters when no baseline exists yet.
  func saveIfNew(_ facts: NodeFacts) {
    guard let path, counters.isEmpty, !FileSystem.exists(path) else { return }
    var text = ""
    for port in facts.rdma.flatMap(\.ports) {
      for (name, value) in port.errorCounters.sorted(by: { $0.key < $1.key }) {
        text += "\(port.label) \(name) \(value)\n"
      }
    }
    if !text.isEmpty { FileSystem.write(path, text) }
  }
}
