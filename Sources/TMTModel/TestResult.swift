/// The guest a result was produced on (`guest:` in results.yaml).
public struct ResultGuest: Sendable, Hashable {
  /// Guest name, `default-0` for local runs.
  public var name: String
  /// Multihost role, nil when none.
  public var role: String?
  /// Address; `localhost` for local runs.
  public var primaryAddress: String?

  /// Creates guest data.
  public init(name: String = "default-0", role: String? = nil, primaryAddress: String? = "localhost") {
    self.name = name
    self.role = role
    self.primaryAddress = primaryAddress
  }
}

/// The result of one check run around a test (`check:` entries), e.g. `dmesg` or `internal/timeout`.
public struct CheckResult: Sendable, Hashable {
  /// Check name: `dmesg`, `avc`, `internal/timeout`, ...
  public var name: String
  /// `before-test` or `after-test`.
  public var event: String
  /// The interpreted outcome.
  public var result: ResultOutcome
  /// The outcome before interpretation.
  public var originalResult: ResultOutcome
  /// Notes, one string each.
  public var note: [String]
  /// Log paths relative to `<plan>/execute/`.
  public var log: [String]
  /// ISO 8601 UTC start, nil when unknown.
  public var startTime: String?
  /// ISO 8601 UTC end, nil when unknown.
  public var endTime: String?
  /// `HH:MM:SS`, nil when unknown.
  public var duration: String?

  /// Creates a check result.
  public init(
    name: String, event: String, result: ResultOutcome, originalResult: ResultOutcome? = nil,
    note: [String] = [], log: [String] = [], startTime: String? = nil, endTime: String? = nil,
    duration: String? = nil
  ) {
    self.name = name
    self.event = event
    self.result = result
    self.originalResult = originalResult ?? result
    self.note = note
    self.log = log
    self.startTime = startTime
    self.endTime = endTime
    self.duration = duration
  }
}

/// A sub-result reported from inside a test (`tmt-report-result`), one per device in hpctest checks.
public struct SubResult: Sendable, Hashable {
  /// Name, starting with `/`.
  public var name: String
  /// The interpreted outcome.
  public var result: ResultOutcome
  /// The outcome before interpretation.
  public var originalResult: ResultOutcome
  /// Notes.
  public var note: [String]
  /// Log paths relative to `<plan>/execute/`.
  public var log: [String]
  /// ISO 8601 start (null for tmt-report-result sub-results).
  public var startTime: String?
  /// ISO 8601 end.
  public var endTime: String?
  /// `HH:MM:SS` or nil.
  public var duration: String?
  /// Checks attached to the sub-result.
  public var check: [CheckResult]

  /// Creates a sub-result.
  public init(
    name: String, result: ResultOutcome, originalResult: ResultOutcome? = nil, note: [String] = [],
    log: [String] = [], startTime: String? = nil, endTime: String? = nil, duration: String? = nil,
    check: [CheckResult] = []
  ) {
    self.name = name
    self.result = result
    self.originalResult = originalResult ?? result
    self.note = note
    self.log = log
    self.startTime = startTime
    self.endTime = endTime
    self.duration = duration
    self.check = check
  }
}

/// One entry of `results.yaml`: tmt's `Result`, every key tmt writes.
public struct TestResult: Sendable, Hashable {
  /// Test name (`/tests/gpu/pcie-link`).
  public var name: String
  /// 1-based position in execution order.
  public var serialNumber: Int
  /// The interpreted outcome.
  public var result: ResultOutcome
  /// The outcome before `result:` interpretation and checks.
  public var originalResult: ResultOutcome
  /// Notes.
  public var note: [String]
  /// Log paths relative to `<plan>/execute/`; the first is the main log (`output.txt`).
  public var log: [String]
  /// ISO 8601 UTC with microseconds, nil while pending.
  public var startTime: String?
  /// ISO 8601 UTC with microseconds, nil while pending.
  public var endTime: String?
  /// `HH:MM:SS`, nil while pending.
  public var duration: String?
  /// `TMT_TEST_DATA` relative to `<plan>/execute/`, nil while pending.
  public var dataPath: String?
  /// The guest.
  public var guest: ResultGuest
  /// The fmf identifier: at least `name`; `url`, `ref`, `path` when the tree is in git.
  public var fmfID: [(String, String?)]
  /// The fmf context the test ran under.
  public var context: [(String, [String])]
  /// `id` and `extra-*` identifiers.
  public var ids: [(String, String?)]
  /// Link to the test's source, nil when unknown.
  public var webLink: String?
  /// Sub-results.
  public var subresult: [SubResult]
  /// Check results.
  public var check: [CheckResult]

  /// Creates a result.
  public init(
    name: String, serialNumber: Int, result: ResultOutcome, originalResult: ResultOutcome? = nil,
    note: [String] = [], log: [String] = [], startTime: String? = nil, endTime: String? = nil,
    duration: String? = nil, dataPath: String? = nil, guest: ResultGuest = ResultGuest(),
    fmfID: [(String, String?)]? = nil, context: [(String, [String])] = [],
    ids: [(String, String?)] = [("id", nil)], webLink: String? = nil, subresult: [SubResult] = [],
    check: [CheckResult] = []
  ) {
    self.name = name
    self.serialNumber = serialNumber
    self.result = result
    self.originalResult = originalResult ?? result
    self.note = note
    self.log = log
    self.startTime = startTime
    self.endTime = endTime
    self.duration = duration
    self.dataPath = dataPath
    self.guest = guest
    self.fmfID = fmfID ?? [("name", name)]
    self.context = context
    self.ids = ids
    self.webLink = webLink
    self.subresult = subresult
    self.check = check
  }

  /// A `pending` placeholder, as tmt writes right after discover.
  public static func pending(name: String, serialNumber: Int, guest: ResultGuest = ResultGuest()) -> TestResult {
    TestResult(name: name, serialNumber: serialNumber, result: .pending, guest: guest)
  }
}

extension TestResult {
  /// Equality over every field (tuples are compared element-wise).
  public static func == (a: TestResult, b: TestResult) -> Bool {
    a.name == b.name && a.serialNumber == b.serialNumber && a.result == b.result
      && a.originalResult == b.originalResult && a.note == b.note && a.log == b.log
      && a.startTime == b.startTime && a.endTime == b.endTime && a.duration == b.duration
      && a.dataPath == b.dataPath && a.guest == b.guest && a.webLink == b.webLink
      && a.subresult == b.subresult && a.check == b.check
      && a.fmfID.elementsEqual(b.fmfID, by: { $0 == $1 })
      && a.context.elementsEqual(b.context, by: { $0 == $1 })
      && a.ids.elementsEqual(b.ids, by: { $0 == $1 })
  }

  /// Hashes the identifying fields.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(serialNumber)
    hasher.combine(result)
  }
}
