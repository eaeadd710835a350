// swift-tools-version: 6.0
// Shows that ThreadSanitizer cannot see Synchronization.Mutex on Linux (docs/RELIABILITY.md, "Sanitizers"):
// `swift build --sanitize=thread && .build/debug/Repro` prints 8000 and a "Swift access race" inside `withLock`.
import PackageDescription

let package = Package(name: "Repro", targets: [.executableTarget(name: "Repro")])
