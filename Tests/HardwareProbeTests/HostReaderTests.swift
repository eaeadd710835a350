import Testing

@testable import HardwareProbe

@Suite struct HostReaderTests {
  @Test func readsTheRealH200Host() throws {
    let host = HostReader.read(root: Fixtures.sysroot("h200-x86_64"))
    #expect(host.arch == "x86_64", "from commands/uname.txt")
    #expect(host.cpu.processors == 16)
    #expect(host.cpu.vendor == "GenuineIntel")
    #expect(host.cpu.flags.contains("avx512f"))
    // Unwrapped first: the `UInt64?` comparison inside #expect trips AddressSanitizer in the Swift runtime's
    // _convertToAnyHashable (a 9-byte memcpy from an 8-byte slot; docs/RELIABILITY.md, Sanitizers).
    let memory = try #require(host.memoryBytes)
    #expect(memory == 131_981_020 * 1024)
    #expect(host.nvidiaDriver == "580.159.04")
  }

  @Test func readsArmCPUInfo() {
    let host = HostReader.read(root: Fixtures.sysroot("a30-cx6-aarch64"))
    #expect(host.arch == "aarch64")
    #expect(host.cpu.processors == 16)
    #expect(host.cpu.modelName == "Neoverse-N1")
    #expect(host.cpu.vendor == "ARM")
    #expect(host.numaNodes == [0, 1])
  }

  @Test func countsSocketsCoresAndThreads() {
    let cpu = HostReader.read(root: Fixtures.sysroot("intel-max1550-x86_64")).cpu
    #expect((cpu.sockets, cpu.cores, cpu.processors, cpu.threadsPerCore) == (2, 8, 16, 2))
  }

  @Test(arguments: [
    ("Linux vm 6.18.44 #1 SMP PREEMPT_DYNAMIC @0 x86_64 x86_64 x86_64 GNU/Linux", "x86_64"),
    ("aarch64\n", "aarch64"), ("Linux box 6.1.0 #1 SMP ppc64le GNU/Linux", "ppc64le"), ("garbage", nil),
  ])
  func findsTheMachineInUname(text: String, arch: String?) {
    #expect(HostReader.archFromUname(text) == arch)
  }

  @Test func guessesArchFromCPUInfoAndSurvivesGarbage() {
    #expect(CPUInfoParser.guessArch("processor\t: 0\nCPU architecture: 8\n") == "aarch64")
    #expect(CPUInfoParser.guessArch("processor\t: 0\nflags\t\t: fpu lm sse\n") == "x86_64")
    let garbage = CPUInfoParser.parse("\u{0}\u{1}::: \n\n::\nprocessor: x\n")
    #expect(garbage.processors == 1)
    #expect(CPUInfoParser.parse("").processors == 0)
    #expect(HostReader.memTotal("MemTotal: lots kB") == nil)
    #expect(HostReader.memTotal("MemFree: 1 kB\nMemTotal:  2 kB\n") == 2048)
  }
}
