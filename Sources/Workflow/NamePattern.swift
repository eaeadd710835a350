public import HPCBasics

/// A test or plan name selector: a Python-style regular expression searched anywhere in the name (tmt's
/// `--name`/`test:` semantics).
package struct NamePattern: @unchecked Sendable {
  private let regex: Regex<AnyRegexOutput>
  /// The pattern as written.
  package let text: String

  /// Compiles `text`; an invalid pattern is a diagnostic naming `key`.
  package init(_ text: String, key: String) throws(Diagnostic) {
    self.text = text
    do { regex = try Regex(text) } catch {
      throw .error("invalid regular expression '\(text)'", keyPath: key)
    }
  }

  /// True when the pattern occurs in `name`.
  package func matches(_ name: String) -> Bool { name.contains(regex) }
}
