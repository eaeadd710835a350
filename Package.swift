// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "hpctest",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "hpctest", targets: ["hpctest"]),
    // The per-test supervisor as a small program of its own (C, libc only), installed beside the binary.
    .executable(name: "hpctest-guard", targets: ["hpctest-guard"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
  ],
  targets: [
    // Basics: locations, diagnostics, tmt durations, the system root.
    .target(name: "HPCBasics"),

    // YAML over the system libyaml.
    .systemLibrary(
      name: "CYAML", pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .yum(["libyaml-devel"])]),
    .target(name: "YAML", dependencies: ["HPCBasics", "CYAML"]),

    // FMF tree loading; knows nothing of TMT.
    .target(
      name: "FMF",
      dependencies: [
        "HPCBasics", "YAML", .product(name: "OrderedCollections", package: "swift-collections"),
      ]),

    // TMT L1/L2 model, results.
    .target(
      name: "TMTModel",
      dependencies: [
        "HPCBasics", "FMF", "YAML", .product(name: "OrderedCollections", package: "swift-collections"),
      ]),

    // libpci through the system library and a small C shim.
    .systemLibrary(
      name: "CLibPCI", pkgConfig: "libpci",
      providers: [.apt(["libpci-dev"]), .yum(["pciutils-devel"])]),
    .target(name: "CPCIShim", dependencies: ["CLibPCI"], linkerSettings: [.linkedLibrary("pci")]),
    .target(name: "HardwareProbe", dependencies: ["HPCBasics", "CPCIShim"]),

    // Evaluates TMT `hardware:` requirements against a probe.
    .target(name: "HardwareMatch", dependencies: ["HPCBasics", "TMTModel", "HardwareProbe"]),

    // Running processes: local, SSH, Slurm. The C shim forks the supervisor that tears a test down (and keeps
    // doing so when hpctest is killed).
    .target(name: "CProcessShim"),
    .executableTarget(name: "hpctest-guard", dependencies: ["CProcessShim"]),
    .target(
      name: "Executors",
      dependencies: [
        "HPCBasics", "CProcessShim",
        .product(name: "Subprocess", package: "swift-subprocess"),
        .product(name: "Logging", package: "swift-log"),
      ]),

    // GPU / RDMA / cross-talk checks.
    .target(name: "Checks", dependencies: ["HPCBasics", "HardwareProbe", "Executors", "YAML"]),

    // JUnit, results.yaml, display.
    .target(name: "Reporting", dependencies: ["HPCBasics", "TMTModel", "YAML"]),

    // The step pipeline.
    .target(
      name: "Workflow",
      dependencies: [
        "HPCBasics", "YAML", "FMF", "TMTModel", "HardwareProbe", "HardwareMatch", "Executors",
        "Checks", "Reporting",
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ]),

    .target(
      name: "HPCTestCommands",
      dependencies: [
        "Workflow", "HPCBasics", "YAML", "FMF", "TMTModel", "HardwareProbe", "HardwareMatch",
        "Checks", "Executors", "Reporting",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "hpctest", dependencies: ["HPCTestCommands"]),

    // Tests
    .target(name: "TestSupport", dependencies: ["HPCBasics"], path: "Tests/TestSupport"),
    .testTarget(name: "HPCBasicsTests", dependencies: ["HPCBasics"]),
    .testTarget(name: "YAMLTests", dependencies: ["YAML"], resources: [.copy("Fixtures")]),
    .testTarget(name: "FMFTests", dependencies: ["FMF", "YAML"], resources: [.copy("Fixtures")]),
    .testTarget(name: "TMTModelTests", dependencies: ["TMTModel", "FMF"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "HardwareProbeTests", dependencies: ["HardwareProbe", "HardwareMatch", "TMTModel", "FMF"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "ExecutorsTests", dependencies: ["Executors"], resources: [.copy("Fixtures")]),
    .testTarget(name: "ReportingTests", dependencies: ["Reporting", "TMTModel"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "ChecksTests", dependencies: ["Checks", "HardwareProbe", "Executors"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "WorkflowTests", dependencies: ["Workflow", "TMTModel", "Reporting"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "HPCTestCommandsTests", dependencies: ["HPCTestCommands", "hpctest"],
      resources: [.copy("Fixtures")]),
  ]
)

// Every test module makes its scratch directories through TestSupport's `Scratch` (removed when the tests exit).
for target in package.targets where target.type == .test { target.dependencies.append("TestSupport") }

// Each module keeps a short README stating its rule; it is documentation, not a resource.
for target in package.targets where target.type == .regular {
  let modulesWithReadme = [
    "Checks", "Executors", "FMF", "HardwareMatch", "HardwareProbe", "HPCBasics", "Reporting", "TMTModel",
    "Workflow",
  ]
  if modulesWithReadme.contains(target.name) { target.exclude.append("README.md") }
}
for target in package.targets where ["FMFTests", "TMTModelTests"].contains(target.name) {
  target.exclude.append("KNOWN-DIFFERENCES.md")
}
for target in package.targets where target.name == "WorkflowTests" {
  target.exclude.append("TmtTrees")  // trees run by the reference tmt in the differential test, read in place
}

// libFuzzer targets (scripts/fuzz): only with HPCTEST_FUZZ=1, since they link libFuzzer's main and need
// `-sanitize=fuzzer`; normal builds and tests never see them.
if Context.environment["HPCTEST_FUZZ"] == "1" {
  package.targets.append(
    .executableTarget(
      name: "hpctest-fuzz", dependencies: ["Checks", "FMF", "HPCBasics", "Reporting", "YAML"],
      path: "Tests/Fuzz/Entry"))
  package.products.append(.executable(name: "hpctest-fuzz", targets: ["hpctest-fuzz"]))
}
