import HPCBasics
import Testing

@testable import Executors

#if canImport(Glibc)
  import Glibc
#endif

/// Where `hpctest-guard` is taken from, and that it is taken only when no other user can change it.
@Suite struct SupervisorProgramTests {
  /// The build puts `hpctest-guard` beside the test runner, as an install puts it in libexec: it is found.
  @Test func theBuiltProgramIsFound() throws {
    let path = try #require(SupervisorProgram.path)
    #expect(Path.basename(path) == "hpctest-guard")
  }

  /// Beside the binary and in `<prefix>/libexec/hpctest/`; refused when the file or its directory is group- or
  /// world-writable, not executable, or not a regular file.
  @Test func onlyAProgramNoOtherUserCanChangeIsTaken() throws {
    let root = Support.temporaryDirectory()
    let binary = root + "/usr/bin/hpctest"
    let libexec = root + "/usr/libexec/hpctest/hpctest-guard"
    FileSystem.makeDirectories(root + "/usr/bin")
    FileSystem.makeDirectories(root + "/usr/libexec/hpctest")
    #expect(FileSystem.write(binary, "#!/bin/sh\n"))
    #expect(SupervisorProgram.locate(executable: binary) == nil)
    #expect(FileSystem.write(libexec, "#!/bin/sh\n"))
    chmod(libexec, 0o755)
    chmod(root + "/usr/libexec/hpctest", 0o755)
    #expect(SupervisorProgram.locate(executable: binary) == libexec)
    for mode: mode_t in [0o775, 0o757, 0o644] {
      chmod(libexec, mode)
      #expect(SupervisorProgram.locate(executable: binary) == nil, "mode \(String(mode, radix: 8))")
    }
    chmod(libexec, 0o755)
    chmod(root + "/usr/libexec/hpctest", 0o777)
    #expect(SupervisorProgram.locate(executable: binary) == nil, "a world-writable directory")
    #expect(mkdir(root + "/usr/bin/hpctest-guard", 0o755) == 0)
    #expect(SupervisorProgram.locate(executable: binary) == nil, "a directory is not a program")
  }

  /// Started by anything but hpctest's spawn (wrong arguments, or a parent that is not the one named), the program
  /// refuses with exit 2 and starts nothing.
  @Test func theProgramRefusesArgumentsItWasNotStartedWith() async throws {
    let path = try #require(SupervisorProgram.path)
    let dir = Support.temporaryDirectory()
    let executor = LocalExecutor()
    for argv in [[path], [path, "1", "2", "1000", "1", "", "/proc", dir, "/bin/true", "true"]] {
      let outcome = try await executor.run(
        Invocation(argv: argv, environment: [:], workingDirectory: dir, outputPath: dir + "/out.txt")
      ).get()
      #expect(outcome.termination == .exited(2), "\(argv)")
    }
  }
}
