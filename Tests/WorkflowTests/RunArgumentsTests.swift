import HPCBasics
import Testing

@testable import Workflow

@Suite struct RunArgumentsTests {
  @Test func tmtForms() throws {
    let options = try RunArguments.parse([
      "-a", "-vv", "--id", "/tmp/x", "-e", "A=1", "-e", "B=x=y", "provision", "-h", "local", "plans", "--name", "gpu",
      "tests", "--name", "b-fail", "--filter", "tag:gpu", "discover", "-h", "fmf", "--test", "^/tests/a$", "execute",
      "-x", "report", "-h", "junit", "--file", "out.xml", "--feeling-safe",
    ])
    #expect(options.verbosity == 2)
    #expect(options.id == "/tmp/x")
    #expect(options.environment.map { "\($0.0)=\($0.1)" } == ["A=1", "B=x=y"])
    #expect(options.provisionHow == "local")
    #expect(options.planNames == ["gpu"])
    #expect(options.testNames == ["b-fail"] && options.testFilters == ["tag:gpu"])
    #expect(options.discoverTests == ["^/tests/a$"])
    #expect(options.exitFirst)
    #expect(options.junitFile == "out.xml")
    #expect(options.enabledSteps == nil)
  }

  @Test func namedStepsWithoutAllRunAlone() throws {
    #expect(try RunArguments.parse(["provision", "-h", "local"]).enabledSteps == [.provision])
    #expect(try RunArguments.parse(["--last", "report", "-h", "junit"]).enabledSteps == [.report])
  }

  @Test func stepRanges() throws {
    #expect(
      try RunArguments.parse(["--until", "execute"]).enabledSteps == [.discover, .provision, .prepare, .execute])
    #expect(try RunArguments.parse(["--since", "report"]).enabledSteps == [.report, .finish])
    #expect(try RunArguments.parse(["--skip", "prepare"]).enabledSteps?.contains(.prepare) == false)
  }

  @Test func positionalPlansAndAgain() throws {
    let options = try RunArguments.parse(["plans/gpu", "/plans/rdma.fmf", "--again", "tests", "--failed-only"])
    #expect(options.planNames == ["plans/gpu", "/plans/rdma.fmf"])
    #expect(options.again && options.failedOnly)
  }

  @Test(arguments: [
    (["--bogus"], "no such option '--bogus' for 'run'"),
    (["provision", "-h", "virtual"], "'provision --how virtual' is not supported yet"),
    (["provision", "-h", "connect", "-p", "pw"], "'provision -p': password authentication is not supported"),
    (["provision", "-P", "http"], "'provision -P' must be a port number (1-65535), got 'http'"),
    (["execute", "--frob"], "no such option '--frob' for 'run execute'"),
    (["--id"], "option '--id' needs a value"),
    (["-e", "NOVALUE"], "invalid environment variable specification 'NOVALUE'"),
    (["--until", "nowhere"], "'--until' expects a step"),
  ])
  func clearErrors(arguments: [String], message: String) {
    #expect {
      _ = try RunArguments.parse(arguments)
    } throws: { error in
      (error as? Diagnostic)?.message.contains(message) == true
    }
  }

  @Test func planSelectors() {
    #expect(Runner.matches("/plans/gpu", selector: "plans/gpu"))
    #expect(Runner.matches("/plans/gpu", selector: "plans/gpu.fmf"))
    #expect(Runner.matches("/plans/gpu/nvlink", selector: "/plans/gpu"))
    #expect(Runner.matches("/plans/gpu", selector: "gpu"))
    #expect(!Runner.matches("/plans/rdma", selector: "plans/gpu"))
  }
}
