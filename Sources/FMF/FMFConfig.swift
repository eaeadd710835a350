import HPCBasics
import YAML

/// `.fmf/config`: fmf only uses `explore.include`, the hidden names to load anyway. Its errors surface only
/// when a hidden name is met, as in fmf.
struct FMFConfig {
  private let include: Result<[String], Diagnostic>

  /// No config file.
  init() { include = .success([]) }

  /// Reads `<root>/.fmf/config` when present.
  init(root: String) throws(Diagnostic) {
    let path = root + "/.fmf/config"
    guard FileSystem.kind(path) != nil else {
      include = .success([])
      return
    }
    let location = SourceLocation(file: ".fmf/config")
    guard FileSystem.kind(path) == .file else {
      throw Diagnostic.error("Failed to read '\(path)': not a regular file.", at: location)
    }
    let data = try FMFYAMLFile.parse(path, display: ".fmf/config")
    include = Self.explore(data, location)
  }

  /// `config["explore"]["include"]`, checked like fmf's `explore_include` property.
  private static func explore(_ data: YAMLNode?, _ location: SourceLocation) -> Result<[String], Diagnostic> {
    guard case .mapping(let pairs) = data?.value else {
      return .failure(.error("The fmf config must be a mapping.", at: data?.location ?? location))
    }
    guard let explore = pairs.first(where: { $0.key.value == .string("explore") })?.value else { return .success([]) }
    guard case .mapping(let section) = explore.value else {
      return .failure(.error("The 'explore' config section must be a mapping.", at: explore.location ?? location))
    }
    guard let value = section.first(where: { $0.key.value == .string("include") })?.value else {
      return .success([])
    }
    guard case .sequence(let items) = value.value else {
      return .failure(
        .error(
          "The 'include' config section should be a list, found '\(PythonValue.str(value.value))'.",
          at: value.location ?? location))
    }
    let names = items.compactMap { item -> String? in
      if case .string(let name) = item.value { return name }
      return nil
    }
    if names.contains(".fmf") {
      return .failure(
        .error("The '.fmf' directory cannot be used for storing fmf metadata.", at: value.location ?? location))
    }
    return .success(names)
  }

  /// The hidden names to explore, or the config error.
  func exploreInclude() throws(Diagnostic) -> [String] {
    try include.get()
  }
}
