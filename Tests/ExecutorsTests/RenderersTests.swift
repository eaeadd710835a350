import Testing

@testable import Executors

@Suite struct RenderersTests {
  let invocation = Invocation(
    argv: ["/bin/bash", "-c", "echo 'it''s' \"$HOME\""], environment: ["TMT_TEST_NAME": "/tests/a b", "A": "1"],
    workingDirectory: "/var/tmp/run 1/tests", outputPath: "/var/tmp/run 1/output.txt", timeout: .seconds(90061))

  @Test func sshArgv() {
    let target = SSHTarget(
      host: "node01", user: "root", port: 2222, identityFile: "/root/.ssh/id", controlPath: "/tmp/s.sock",
      options: ["ServerAliveInterval=5"])
    let golden = Support.read(Support.fixtures + "/golden/ssh-argv.txt")
    #expect(SSHCommand.argv(target: target, invocation: invocation).joined(separator: "\n") + "\n" == golden)
  }

  @Test func sshMinimal() {
    let argv = SSHCommand.argv(target: SSHTarget(host: "n1"), invocation: invocation)
    #expect(argv.prefix(5) == ["ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=accept-new"])
    #expect(argv[5] == "n1")
  }

  @Test func slurmScript() {
    let job = SlurmJob(
      name: "hpctest /tests/x", partition: "gpu", nodes: 2, nodeList: ["n1", "n2"], gres: ["gpu:4"],
      account: "hpc", extra: ["--exclusive"], invocation: invocation)
    #expect(SlurmScript.render(job) == Support.read(Support.fixtures + "/golden/slurm.sh"))
  }

  @Test(arguments: [(59, "00:00:59"), (3600, "01:00:00"), (90061, "1-01:01:01")])
  func slurmTimeLimit(seconds: Int, text: String) {
    #expect(SlurmScript.timeLimit(.seconds(seconds)) == text)
  }

  @Test func quoting() {
    #expect(ShellQuote.quote("plain-word_1.txt") == "plain-word_1.txt")
    #expect(ShellQuote.quote("") == "''")
    #expect(ShellQuote.quote("it's") == "'it'\\''s'")
    #expect(ShellQuote.quote("$HOME") == "'$HOME'")
  }
}
