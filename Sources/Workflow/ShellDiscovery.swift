public import HPCBasics
public import TMTModel
public import YAML

/// `discover: how: shell`: tests written inline in the plan (`tests: [{name, test, duration, ...}]`).
enum ShellDiscovery {
  static func tests(_ phase: TMTPhase, address: String) throws(Diagnostic) -> [TMTTest] {
    guard case .sequence(let items) = phase["tests"]?.value ?? .sequence([]) else {
      throw .error("'tests' must be a list of tests", at: phase["tests"]?.location, keyPath: address + ".tests")
    }
    var tests: [TMTTest] = []
    for (index, item) in items.enumerated() {
      let key = "\(address).tests[\(index)]"
      guard let name = item["name"]?.scalarText, let script = item["test"]?.scalarText else {
        throw .error("a shell test needs 'name' and 'test'", at: item.location, keyPath: key)
      }
      var test = TMTTest(name: name.hasPrefix("/") ? name : "/" + name, test: script)
      if let duration = item["duration"] { test.duration = duration }
      if let result = item["result"]?.scalarText { test.result = result }
      if let order = item["order"]?.scalarText.flatMap({ Int($0) }) { test.order = order }
      if case .mapping(let pairs) = item["environment"]?.value ?? .null {
        test.environment = pairs.compactMap { pair in
          pair.key.scalarText.flatMap { key in pair.value.scalarText.map { (key, $0) } }
        }
      }
      test.path = item["path"]?.scalarText
      tests.append(test)
    }
    return tests
  }
}
