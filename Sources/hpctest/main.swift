import Dispatch
import HPCTestCommands

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs `Entry.main` on this thread until its first real suspension, then exits with its code.
///
/// An `async` top-level `main` hands its work to Dispatch's thread pool (four threads and a malloc arena
/// each, ~1.5 ms of CPU) even for `--version`. Started immediately instead, a command that never suspends
/// (`--version`, `--help`, usage errors, `tests ls`, `probe`) runs and exits on the main thread; one that does
/// suspend continues on the pool while the main thread parks in `dispatchMain()`, as an async `main` would.
nonisolated func start(_ arguments: [String]) {
  if #available(macOS 26.0, *) {
    Task.immediate { exit(await Entry.main(arguments)) }
  } else {
    Task { exit(await Entry.main(arguments)) }
  }
}

start(Array(CommandLine.arguments.dropFirst()))
dispatchMain()
