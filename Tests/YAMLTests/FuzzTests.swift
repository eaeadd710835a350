import HPCBasics
import Testing

@testable import YAML

/// A small deterministic generator (SplitMix64) so fuzz runs are reproducible.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Random byte and line mutations of the corpus: the parser returns or throws a located diagnostic,
/// never crashes.
@Suite("Fuzzing the parser with mutated corpus files")
struct FuzzTests {
  static let interesting: [UInt8] =
    Array(":-[]{}&*!|>#%?,'\"\t\n\r @`=~<".utf8) + [0x00, 0xE9, 0xFF, 0xC3, 0xEF, 0xBB, 0xBF]

  static func mutate(_ bytes: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
    var bytes = bytes
    for _ in 0..<Int.random(in: 1...4, using: &rng) {
      let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
      switch Int.random(in: 0..<6, using: &rng) {
      case 0 where !bytes.isEmpty: bytes[position] = interesting.randomElement(using: &rng)!
      case 1: bytes.insert(interesting.randomElement(using: &rng)!, at: position)
      case 2 where !bytes.isEmpty: bytes.remove(at: position)
      case 3: bytes = lineMutation(bytes, &rng)
      case 4 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &rng)
      default: bytes = Array(bytes.prefix(position))
      }
    }
    return bytes
  }

  static func lineMutation(_ bytes: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    guard !lines.isEmpty else { return bytes }
    let index = Int.random(in: 0..<lines.count, using: &rng)
    switch Int.random(in: 0..<4, using: &rng) {
    case 0: lines.insert(lines[index], at: index)
    case 1: lines.remove(at: index)
    case 2: lines[index] = Array("  ".utf8) + lines[index]
    default: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &rng))
    }
    return Array(lines.joined(separator: [0x0A]))
  }

  @Test("mutated corpus files parse or fail with a location")
  func mutations() throws {
    var rng = SeededGenerator(state: 20_261_126)
    let files = Corpus.allFMFFiles().compactMap { FileSystem.readBytes($0) }
    var (parsed, failed) = (0, 0)
    for round in 0..<8 {
      for original in files {
        let bytes = Self.mutate(original, &rng)
        do {
          _ = try YAMLParser.parse(bytes, file: "fuzz.fmf")
          parsed += 1
        } catch {
          failed += 1
          #expect(error.location != nil && error.location!.line > 0, "round \(round): \(error)")
        }
      }
    }
    #expect(parsed + failed == files.count * 8)
    #expect(parsed > 0 && failed > 0)
  }

  @Test("alias bombs are refused")
  func billionLaughs() {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(previous)]\n"
    }
    #expect(throws: Diagnostic.self) { try YAMLParser.parse(text, file: "bomb.yaml") }
  }
}
