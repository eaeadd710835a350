import Testing

@testable import Executors

@Suite struct RenderersTests {
  let invocation = Invocation(
    argv: ["/bin/bash", "-c", "echo 'it''s' \"$HOME\""], environment: ["TMT_TEST_NAME": "/tests/a b", "A": "1"],
    workingDirectory: "/var/tmp/run 1/tests", outputPath: "/var/tmp/run 1/output.txt", timeout: .seconds(90061))

  let target = SSHTarget(
    host: "node01", user: "hpc", port: 2222, keys: ["/root/.ssh/id", "/root/.ssh/id2"], socketPath: "/tmp/s.sock",
    options: ["ServerAliveInterval=7"], become: true)

  /// Every SSH command line of a guest, one block per command, against one golden file.
  @Test func sshCommandLines() {
    let pidFile = "/var/tmp/hpctest/run-001/ssh/node01/1.sid"
    let blocks = [
      SSHCommand.argv(target, command: SSHCommand.remoteCommand(invocation, pidFile: pidFile, sudo: true)),
      [SSHCommand.teardownCommand(pidFile: pidFile, grace: .milliseconds(1500))],
      SSHCommand.masterArgv(target), SSHCommand.exitArgv(target),
      SSHTransfer.push(["/var/tmp/run 1/a", "/var/tmp/b"], target: target, method: .rsync, archive: "/tmp/x.tar"),
      SSHTransfer.pull(["/var/tmp/run 1/a"], target: target, method: .tar, archive: "/tmp/x.tar"),
    ]
    let text = blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n----\n") + "\n"
    #expect(text == Support.read(Support.fixtures + "/golden/ssh-argv.txt"))
  }

  @Test func sshMinimal() {
    let argv = SSHCommand.argv(SSHTarget(host: "n1"), command: "true")
    #expect(
      argv == ["ssh"] + SSHCommand.defaultOptions + [
        "-oBatchMode=yes", "-oLogLevel=ERROR", "-oPasswordAuthentication=no", "n1", "--", "true",
      ])
    #expect(!SSHTarget(host: "n1", user: "root", become: true).usesSudo)
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
