import HPCBasics

/// Fixture paths for the reporting tests.
enum Support {
  /// `Fixtures/` beside this file.
  static let fixtures: String = {
    let file = #filePath
    return String(file[..<file.lastIndex(of: "/")!]) + "/Fixtures"
  }()

  /// A fixture's text ("" when missing, so the comparison fails visibly).
  static func fixture(_ relative: String) -> String { FileSystem.readText(fixtures + "/" + relative) ?? "" }
}
