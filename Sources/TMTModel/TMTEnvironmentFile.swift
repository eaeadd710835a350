public import HPCBasics
public import YAML

/// tmt's `Environment.from_file`: a dotenv or YAML file under the tree root, read when the plan is built.
package enum TMTEnvironmentFile {
  /// Variables of `filename` (relative to `root`); tmt's errors for URLs (never fetched: offline, as the
  /// reference dump runs), files outside the root, missing files and bad content.
  package static func read(_ filename: String, root: String, reader: TMTFieldReader) throws(Diagnostic)
    -> [(String, String)]
  {
    let name = filename.strippingWhitespace
    let location = reader.raw("environment-file")?.location
    if name.hasPrefix("http") {
      throw Diagnostic.error(
        "Failed to extract variables from URL '\(name)'.", at: location,
        keyPath: reader.address("environment-file"))
    }
    let base = resolve(root)
    let path = resolve(Path.join(base, name))
    guard path == base || path.hasPrefix(base == "/" ? "/" : base + "/") else {
      throw Diagnostic.error(
        "Failed to extract variables from file '\(path)' as it lies outside the metadata tree root '\(base)'.",
        at: location, keyPath: reader.address("environment-file"))
    }
    guard FileSystem.kind(path) == .file, let bytes = FileSystem.readBytes(path) else {
      throw Diagnostic.error("File '\(path)' doesn't exist.", at: location, keyPath: reader.address("environment-file"))
    }
    let lower = name.lowercased()
    if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
      return try yaml(bytes, path: path)
    }
    guard let pairs = dotenv(String(decoding: bytes, as: UTF8.self)) else {
      throw Diagnostic.error("Failed to extract variables from 'dotenv' format.", at: SourceLocation(file: path))
    }
    return pairs
  }

  /// A YAML mapping of scalars.
  private static func yaml(_ bytes: [UInt8], path: String) throws(Diagnostic) -> [(String, String)] {
    guard let document = try YAMLParser.parse(bytes, file: path) else { return [] }
    guard let entries = document.entries else {
      throw Diagnostic.error(
        "Failed to extract variables from YAML file '\(path)': not a mapping.", at: document.location)
    }
    return entries.map { (PythonText.str($0.key), PythonText.str($0.value)) }
  }

  /// `shlex.split(content, comments=True)`, each token split at the first `=`; nil when a token has no `=`
  /// or the quoting is unbalanced.
  package static func dotenv(_ content: String) -> [(String, String)]? {
    guard let tokens = Shlex.split(content) else { return nil }
    var result: [(String, String)] = []
    for token in tokens {
      guard let equals = token.firstIndex(of: "=") else { return nil }
      TMTPlanEnvironment.put(&result, (String(token[..<equals]), String(token[token.index(after: equals)...])))
    }
    return result
  }

  /// Python's `Path.resolve()` (non-strict): symlinks resolved where the path exists, `.`/`..` folded.
  package static func resolve(_ path: String) -> String {
    if let real = FileSystem.realPath(path) { return real }
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
      if part == "." { continue }
      if part == ".." { _ = parts.popLast() } else { parts.append(part) }
    }
    let folded = "/" + parts.joined(separator: "/")
    if let real = FileSystem.realPath(Path.dirname(folded)) { return Path.join(real, Path.basename(folded)) }
    return folded
  }
}

/// Python's `shlex.split(s, comments=True)` in POSIX mode.
package enum Shlex {
  /// The tokens, or nil on an unterminated quote or escape.
  package static func split(_ text: String) -> [String]? {
    var tokens: [String] = []
    var current = ""
    var inToken = false
    var quote: Character?
    var iterator = Array(text).makeIterator()
    while let char = iterator.next() {
      if let open = quote {
        if char == open {
          quote = nil
        } else if open == "\"" && char == "\\" {
          guard let next = iterator.next() else { return nil }
          if next == "\"" || next == "\\" || next == "$" || next == "`" {
            current.append(next)
          } else {
            current.append("\\")
            if next != "\n" { current.append(next) } else { current.append(next) }
          }
        } else {
          current.append(char)
        }
        continue
      }
      switch char {
      case " ", "\t", "\n", "\r":
        if inToken { tokens.append(current) }
        current = ""
        inToken = false
      case "#" where !inToken:
        while let skipped = iterator.next(), skipped != "\n" {}
      case "\\":
        guard let next = iterator.next() else { return nil }
        if next != "\n" { current.append(next) }
        inToken = true
      case "\"", "'":
        quote = char
        inToken = true
      default:
        current.append(char)
        inToken = true
      }
    }
    if quote != nil { return nil }
    if inToken { tokens.append(current) }
    return tokens
  }
}
