import Executors
import HPCBasics
import TMTModel

/// `prepare`/`finish` phases with `how: shell`: each script runs with bash in the tree root, under the plan's
/// environment, its output appended to `<plan>/<step>/<phase>-output.txt`.
struct ShellPhase {
  var context: PlanContext
  var treeRoot: String

  /// Runs every script of `phase`; a failing script is a diagnostic naming the phase.
  func run(_ phase: TMTPhase, step: String) async throws(Diagnostic) {
    let scripts = phase["script"]?.scalarList ?? phase["scripts"]?.scalarList ?? []
    let directory = context.planDirectory + "/" + step
    FileSystem.makeDirectories(directory)
    var environment: [String: String] = ["PATH": TestEnvironment.defaultPath]
    for (key, value) in context.planEnvironment { environment[key] = value }
    for (key, value) in context.options.environment { environment[key] = value }
    environment["TMT_PLAN_DATA"] = context.planData
    environment["TMT_PLAN_ENVIRONMENT_FILE"] = context.environmentFile
    environment["TMT_TREE"] = treeRoot
    for script in scripts {
      let invocation = Invocation(
        argv: ["/bin/bash", "-c", "set -eo pipefail\n" + script], environment: environment,
        workingDirectory: treeRoot, outputPath: directory + "/\(phase.name)-output.txt", timeout: .seconds(3600))
      let result = await context.executor.run(invocation)
      switch result {
      case .failure(let error):
        throw .error(error.message, keyPath: "\(context.plan.name):\(step)[\(phase.name)]")
      case .success(let status) where status.shellStatus != 0:
        throw .error(
          "script exited with \(status.shellStatus) (output in \(directory)/\(phase.name)-output.txt)",
          keyPath: "\(context.plan.name):\(step)[\(phase.name)]")
      default: break
      }
    }
  }
}
