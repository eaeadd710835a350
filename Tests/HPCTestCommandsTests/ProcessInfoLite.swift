import Glibc

/// `getenv` as an optional String.
enum ProcessInfoLite {
  static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    let text = String(cString: value)
    return text.isEmpty ? nil : text
  }
}
