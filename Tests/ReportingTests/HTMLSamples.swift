import TMTModel

@testable import Reporting

/// Runs built in code for the HTML and comparison tests: every outcome, sub-results with reasons, a check, figures
/// and a test whose name holds characters HTML and terminals must not take literally.
enum HTMLSamples {
  static let nasty = "escape\"<speci&l>_chars\u{1}\u{7}\t'"

  static func figure(
    _ name: String, _ value: Double, reference: Double? = 100, lower: Double? = -0.1,
    upper: Double? = nil, check: String = "rdma.write-bw", unit: String = "Gb/s"
  ) -> ReportFigure {
    ReportFigure(check: check, name: name, value: value, reference: reference, lower: lower, upper: upper, unit: unit)
  }

  static var run: ReportedRun {
    let gpu = ReportedPlan(
      name: "/plans/gpu", executeDirectory: "/runs/run-001/plans/gpu/execute",
      tests: [
        ReportedTest(
          result: TestResult(
            name: "/tests/gpu/pcie-link", serialNumber: 1, result: .fail,
            note: ["0000:3b:00.0: PCIe link 16.0 GT/s x8, expected 16.0 GT/s x16"],
            log: ["data/guest/default-0/tests/gpu/pcie-link-1/output.txt"], duration: "00:00:01",
            subresult: [
              SubResult(name: "/0000:3b:00.0", result: .fail, note: ["x8, expected x16"]),
              SubResult(name: "/0000:af:00.0", result: .pass, note: ["x16"]),
            ],
            check: [CheckResult(name: "dmesg", event: "after-test", result: .pass)])),
        ReportedTest(result: TestResult(name: "/tests/gpu/ecc", serialNumber: 2, result: .pass, duration: "00:00:00")),
        ReportedTest(
          result: TestResult(name: "/tests/gpu/nvlink", serialNumber: 3, result: .skip, note: ["no NVLink"])),
        ReportedTest(result: TestResult(name: "/tests/gpu/pending", serialNumber: 4, result: .pending)),
      ])
    let rdma = ReportedPlan(
      name: "/plans/rdma", executeDirectory: "/runs/run-001/plans/rdma/execute",
      tests: [
        ReportedTest(
          result: TestResult(
            name: "/tests/rdma/bandwidth", serialNumber: 1, result: .warn,
            log: ["data/guest/default-0/tests/rdma/bandwidth-1/output file#1.txt"], duration: "00:00:12"),
          figures: [
            figure("mlx5_0/1:bw", 92.5), figure("mlx5_1/1:bw", 71.25),
            figure("mlx5_0/1:lat", 1.5, reference: 2, lower: nil, upper: 0, check: "rdma.read-lat", unit: "us"),
          ]),
        ReportedTest(
          result: TestResult(
            name: nasty, serialNumber: 2, result: .error, note: ["<b>bold</b> & \u{1B}[31mred\u{1B}[0m"],
            duration: "00:01:01", subresult: [SubResult(name: "/<dev>", result: .info, note: ["a\nb"])])),
        ReportedTest(result: TestResult(name: "/tests/rdma/info", serialNumber: 3, result: .info)),
      ])
    return ReportedRun(path: "/runs/run-001", plans: [gpu, rdma])
  }
}
