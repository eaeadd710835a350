// swift-tools-version: 6.0
// Reproduces the AddressSanitizer report in the Swift runtime's _convertToAnyHashable (docs/RELIABILITY.md,
// "Sanitizers"): `swift test --sanitize=address` here reports "stack-buffer-overflow ... READ of size 9".
import PackageDescription

let package = Package(name: "Repro", targets: [.testTarget(name: "ReproTests")])
