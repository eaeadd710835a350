import HPCBasics
import Reporting
import TMTModel
import Testing

@testable import Workflow

/// The execute step's append-only journal: framing, torn and corrupt records, replay as the board composes
/// results.yaml, and the board's own journal.
@Suite struct ResultsJournalTests {
  /// A deterministic generator (SplitMix64), so a failing case can be replayed from its seed.
  struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Text with the characters that could confuse a line-based reader: newlines, spaces, digits, non-ASCII.
  static func text(_ random: inout Seeded) -> String {
    let pieces = ["- name: /t", "\n", " ", "7 3 12", "é", "ü€", "'quoted'", "F 0 1 2 3 4\n", ""]
    return (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
  }

  static func records(_ random: inout Seeded, count: Int) -> [ResultsJournal.Record] {
    (0..<count).map { _ in
      let slot = Int.random(in: 0...2, using: &random)
      let index = Int.random(in: 0...20, using: &random)
      switch Int.random(in: 0...3, using: &random) {
      case 0: return .begin(slot: slot, index: index, entry: text(&random))
      case 1: return .finish(slot: slot, index: index, main: nil, extras: text(&random))
      case 2: return .done
      default: return .finish(slot: slot, index: index, main: text(&random), extras: text(&random))
      }
    }
  }

  static func journal(_ records: [ResultsJournal.Record]) -> [UInt8] {
    Array(ResultsJournal.magic.utf8) + records.flatMap(ResultsJournal.encode)
  }

  @Test(arguments: 0..<50) func recordsSurviveTheRoundTrip(seed: UInt64) {
    var random = Seeded(state: seed)
    let records = Self.records(&random, count: Int.random(in: 0...12, using: &random))
    #expect(ResultsJournal.decode(Self.journal(records)) == records)
  }

  /// A record cut at any byte (a kill during the write) is dropped with nothing after it; the records before stay.
  @Test(arguments: 0..<10) func aTornLastRecordIsIgnored(seed: UInt64) {
    var random = Seeded(state: seed)
    let records = Self.records(&random, count: 4)
    let whole = Self.journal(records)
    let last = ResultsJournal.encode(records[3]).count
    for cut in (whole.count - last)..<whole.count {
      #expect(ResultsJournal.decode(Array(whole[..<cut])) == Array(records[..<3]), "cut at \(cut)")
    }
  }

  /// A changed payload byte fails the checksum: that record and everything after it are not trusted.
  @Test(arguments: 0..<10) func aCorruptRecordStopsTheReading(seed: UInt64) {
    var random = Seeded(state: seed)
    let records =
      [ResultsJournal.Record.begin(slot: 0, index: 0, entry: "- a\n")] + Self.records(&random, count: 3)
      + [.finish(slot: 1, index: 2, main: "- result: pass\n", extras: "")]
    var bytes = Self.journal(records)
    let start = bytes.count - ResultsJournal.encode(records[4]).count
    let payload = bytes.count - "- result: pass\n".utf8.count
    bytes[Int.random(in: payload..<bytes.count, using: &random)] ^= 0x20
    #expect(ResultsJournal.decode(bytes) == Array(records[..<4]))
    #expect(ResultsJournal.decode(Array(bytes[..<start])) == Array(records[..<4]))
  }

  @Test func aFileWithoutTheMagicLineIsNoJournal() {
    #expect(ResultsJournal.decode(Array("- name: /t\n".utf8)) == nil)
    #expect(ResultsJournal.decode([]) == nil)
  }

  /// Replay gives per guest its tests' entries in index order (the latest record of each wins; nil main drops the
  /// entry) followed by its extras in arrival order; only records after the last `done` count.
  @Test func replayComposesLikeTheBoard() {
    let records: [ResultsJournal.Record] = [
      .begin(slot: 0, index: 0, entry: "old\n"), .done,
      .begin(slot: 1, index: 0, entry: "b0\n"), .begin(slot: 0, index: 1, entry: "a1\n"),
      .begin(slot: 0, index: 0, entry: "a0\n"), .begin(slot: 0, index: 2, entry: "a2\n"),
      .finish(slot: 0, index: 1, main: "A1\n", extras: "x1\n"), .finish(slot: 1, index: 0, main: nil, extras: "y\n"),
      .finish(slot: 0, index: 2, main: "A2\n", extras: ""), .finish(slot: 0, index: 0, main: "A0\n", extras: "x0\n"),
    ]
    #expect(ResultsJournal.replay(records) == "A0\nA1\nA2\nx1\nx0\ny\n")
    #expect(ResultsJournal.replay(records + [.done]) == nil)
    #expect(ResultsJournal.replay([]) == nil)
  }

  /// The board journals every finished test and rewrites results.yaml only when `interval` has passed; replaying
  /// its journal gives what it would write now, and after `close` there is nothing to replay.
  @Test(arguments: [(Duration.seconds(3600), 0), (.zero, 7)])
  func boardJournalsEveryTestAndThrottlesTheRewrite(interval: Duration, rewrites: Int) throws {
    let directory = Harness().workdirRoot
    defer { FileSystem.removeTree(directory) }
    let path = directory + "/" + ResultsJournal.fileName
    let written = Harness.Lines()
    let board = ResultsBoard(guests: 2, journal: path, interval: interval) { parts in
      var text = ""
      parts { text += $0 }
      written.append(text)
    }
    board.begin(slot: 0, entries: ["- p0\n", "- p1\n", "- p2\n", nil])
    board.begin(slot: 1, entries: ["- q0\n", "- q1\n"])
    let finishes: [(Int, Int, String?, [String])] = [
      (0, 0, "- r0\n", []), (1, 0, "- s0\n", ["- s0x\n"]), (0, 1, nil, ["- r1a\n", "- r1b\n"]), (0, 2, "- r2\n", []),
      (0, 3, "- r3\n", []), (1, 1, "- s1\n", []), (0, 0, "- r0'\n", []),
    ]
    for (slot, index, main, extras) in finishes { board.finish(slot: slot, index: index, main: main, extras: extras) }
    let expected = "- r0'\n- r2\n- r3\n- r1a\n- r1b\n- s0\n- s1\n- s0x\n"
    #expect(written.all.count == rewrites)
    if rewrites > 0 { #expect(written.all.last == expected) }
    let records = try #require(ResultsJournal.decode(FileSystem.readBytes(path) ?? []))
    #expect(records.count == 5 + finishes.count)
    #expect(ResultsJournal.replay(records) == expected)
    board.close()
    #expect(ResultsJournal.replay(ResultsJournal.decode(FileSystem.readBytes(path) ?? []) ?? []) == nil)
  }

  /// After a kill, `recover` rebuilds results.yaml from the intact records, drops a torn last record from the
  /// journal and marks it done, so a second recovery changes nothing.
  @Test func recoverRebuildsResultsAndClosesTheJournal() throws {
    let directory = Harness().workdirRoot
    defer { FileSystem.removeTree(directory) }
    let path = directory + "/" + ResultsJournal.fileName
    let records: [ResultsJournal.Record] = [
      .begin(slot: 0, index: 0, entry: "- pending a\n"), .begin(slot: 0, index: 1, entry: "- pending b\n"),
      .finish(slot: 0, index: 0, main: "- pass a\n", extras: ""),
    ]
    let torn = ResultsJournal.encode(.finish(slot: 0, index: 1, main: "- pass b\n", extras: "")).dropLast(3)
    FileSystem.write(path, String(decoding: Self.journal(records) + torn, as: UTF8.self))
    FileSystem.write(directory + "/results.yaml", "- pending a\n- pending b\n")
    #expect(ResultsJournal.recover(executeDirectory: directory))
    #expect(FileSystem.readText(directory + "/results.yaml") == "- pass a\n- pending b\n")
    #expect(ResultsJournal.decode(FileSystem.readBytes(path) ?? []) == records + [.done])
    #expect(!ResultsJournal.recover(executeDirectory: directory))
  }
}
