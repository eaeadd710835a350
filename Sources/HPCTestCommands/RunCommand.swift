import ArgumentParser
import HPCBasics
import Workflow

/// `hpctest run`: tmt's `run` with its step sub-commands (`discover -h fmf --test RE`, `report -h junit --file F`,
/// `plans --name RE`, ...), parsed by hand after `run` because steps follow each other like commands.
struct RunCommand: GlobalCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run TMT plans on this machine or on guests over SSH (tmt run -a provision -h local|connect).",
    discussion: """
      Usage: hpctest run [RUN OPTIONS] [PLAN ...] [STEP [STEP OPTIONS]] ...
        PLAN                      plans/gpu, plans/gpu.fmf or /plans/gpu (the plan and its children)
        -a, --all                 run all steps (needed when naming steps, as in tmt)
        -i, --id DIR|NAME         run directory (a bare name lives under the workdir root)
        -l, --last                reopen the last run;  --scratch  --keep  --rm  -n/--dry
        --workdir-root DIR        where runs live (default /var/tmp/hpctest)
        --site FILE               the site file for every check (else $HPCTEST_SITE); validated first
        -e NAME=VALUE             environment for every test (wins over test and plan values)
        -v/-vv/-vvv, -q           verbosity
        --until/--since/--skip/--after/--before STEP
        --again                   re-run steps of an existing run (with: tests --failed-only)
        --ignore-hardware         run plans whose hardware requirements are not met
        --no-install              only check required packages, never install
      Steps and selectors:
        plans --name RE           tests --name RE | --filter EXPR | --failed-only
        discover -h fmf|shell --test RE --filter EXPR --exclude RE
        provision -h local        prepare --no-install      execute -h tmt -x --ignore-duration
        provision -h slurm --nodes N --partition P --nodelist L --exclude L --constraint F --gres G
                  --account A --qos Q --time T --reservation R --stage-dir DIR --node-dir DIR(%n, %j)
        provision -h connect -g HOST [-u USER] [-P PORT] [-k KEY ...] [--ssh-option OPT ...] [--become]
                                  (key authentication only: -p/--password is refused)
        report -h display|junit|html --file F              finish
               (html: --absolute-paths --display-guest auto|always|never)
      """)

  @Argument(
    parsing: .captureForPassthrough, help: "Run options, plans and steps (see above).",
    completion: .custom(RunCompletion.candidates))
  var arguments: [String] = []

  mutating func run(global: GlobalOptions) async throws {
    if arguments.contains("--help") {
      Console.out(Self.helpMessage())
      return
    }
    var options: RunOptions
    do { options = try RunArguments.parse(arguments) } catch {
      Console.error(error.description)
      throw ExitCode(2)
    }
    options.context = global.context
    options.sysroot = global.sysroot
    options.sysrootGiven = global.sysrootGiven
    options.noColor = options.noColor || global.noColor
    if let interval = RunEnvironment.resultsInterval { options.resultsInterval = interval }
    if options.site == nil, let site = RunEnvironment.site { options.site = Path.absolute(site) }
    options.hpctestBinary = FileSystem.readLink("/proc/self/exe")
    if let root = RunEnvironment.workdirRoot, !arguments.contains("--workdir-root") { options.workdirRoot = root }
    let code = await RunCatalog.run(root: global.root, options: options)
    if code != 0 { throw ExitCode(code) }
  }
}
