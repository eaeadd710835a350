import Glibc
import HPCBasics
import TestSupport

/// Debian's `chromium-headless-shell`, driven with `--dump-dom`: the DOM after the page's scripts ran.
enum Chromium {
  /// The browser, when installed.
  static let path: String? = ["/usr/bin/chromium-headless-shell", "/usr/lib/chromium/headless_shell"].first {
    FileSystem.exists($0)
  }

  /// Why the browser tests are skipped where it is absent.
  static let absence = "chromium-headless-shell is not installed (apt-get install chromium-headless-shell)"

  struct Dump {
    /// The serialised DOM.
    var dom: String
    /// Wall time of the whole browser run (start-up included), in seconds.
    var seconds: Double
  }

  /// The DOM of `url` after load, or nil when the browser failed (its output is then in the message).
  static func dumpDOM(_ url: String) -> (Dump?, String) {
    let output = Scratch.file("hpctest-chromium-", name: "page")
    defer {
      unlink(output + ".dom")
      unlink(output + ".err")
    }
    let quote = { (text: String) in "'" + text.replacing("'", with: "'\\''") + "'" }
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    let command =
      "timeout 120 \(path ?? "false") --no-sandbox --disable-gpu --headless --dump-dom \(quote(url))"
      + " >\(output).dom 2>\(output).err </dev/null"
    let start = now()
    let status = system(command)
    let seconds = now() - start
    let dom = FileSystem.readText(output + ".dom") ?? ""
    guard status == 0, dom.contains("</html>") else {
      return (nil, "exit \(status >> 8): " + (FileSystem.readText(output + ".err") ?? ""))
    }
    return (Dump(dom: dom, seconds: seconds), "")
  }

  /// `file://` URL of an absolute path (percent-encoding what a path may hold), with an optional fragment.
  static func url(_ path: String, fragment: String? = nil) -> String {
    var encoded = ""
    for byte in path.utf8 {
      let scalar = Unicode.Scalar(byte)
      let plain =
        byte < 0x80 && (Character(scalar).isLetter || Character(scalar).isNumber || "-._~/".contains(Character(scalar)))
      encoded += plain ? String(scalar) : "%" + String(byte, radix: 16, uppercase: true)
    }
    return "file://" + encoded + (fragment.map { "#" + $0 } ?? "")
  }

  private static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  /// The numbers of `<tbody class="test" data-outcome="X"...>` elements per outcome, split by hidden or shown.
  static func tests(in dom: String) -> (shown: [String], hidden: [String]) {
    var shown: [String] = []
    var hidden: [String] = []
    for match in dom.matches(of: /<tbody class="test" data-outcome="([a-z]+)"( hidden="")?>/) {
      if match.output.2 == nil { shown.append(String(match.output.1)) } else { hidden.append(String(match.output.1)) }
    }
    return (shown, hidden)
  }

  /// The integer of `attribute="N"` in the DOM.
  static func integer(_ attribute: String, in dom: String) -> Int? {
    guard let range = dom.firstRange(of: attribute + "=\"") else { return nil }
    return Int(dom[range.upperBound...].prefix { $0.isNumber })
  }

  /// The shown-count the filter wrote.
  static func shownCount(in dom: String) -> Int? {
    guard let range = dom.firstRange(of: "<span id=\"shown-count\">") else { return nil }
    return Int(dom[range.upperBound...].prefix { $0.isNumber })
  }
}
