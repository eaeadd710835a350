#ifndef HPCTEST_PROCESS_SHIM_H
#define HPCTEST_PROCESS_SHIM_H
#include <sys/types.h>

/// What Swift cannot do through swift-subprocess: run code in a child between fork and exec, and keep a watcher
/// alive after hpctest itself is killed. `hpct_spawn_supervised` forks a supervisor that runs only the
/// async-signal-safe C below (raw system calls, no allocation) and never returns into Swift. The supervisor is a
/// child subreaper in its own session; it forks the program (in a session of its own, in the cgroup when one is
/// given, with PR_SET_PDEATHSIG tied to the single-threaded supervisor), and owns the teardown:
///   - the program exits: every process left (the cgroup, and every descendant of the supervisor) gets SIGKILL;
///   - SIGTERM/SIGINT/SIGHUP to the supervisor: SIGTERM to every process of the test, SIGKILL after the grace;
///   - its parent (hpctest) dies, even by SIGKILL: SIGKILL to every process of the test at once.
/// It then exits as the program did (same exit code, or the same signal, without a core dump).

/// One supervised spawn. Every pointer must stay valid until `hpct_spawn_supervised` returns.
struct hpct_spawn_request {
  const char *path;            ///< absolute path of the executable
  char *const *argv;           ///< NULL-terminated
  char *const *envp;           ///< NULL-terminated, the complete environment
  const char *cwd;             ///< working directory
  int output_fd;               ///< stdout and stderr of the program
  const char *cgroup_dir;      ///< an empty cgroup v2 directory for the program, or NULL (descendant walk only)
  const char *proc_root;       ///< "/proc"
  int report_fd;               ///< the supervisor writes one `hpct_spawn_report` here, then closes it
  long grace_ms;               ///< SIGTERM → SIGKILL grace at a teardown request
  pid_t parent;                ///< the caller's pid: the supervisor notices when it is re-parented
  int go_fd;                   ///< -1, or a pipe or socket the program's child (made at once, set up) waits on: one
                               ///< byte and it runs execve; end of file (the caller closed it, or died) and nothing
                               ///< is started (stage 6)
};

/// What the supervisor reports once the program was started (or could not be).
struct hpct_spawn_report {
  int pid;                     ///< the program's pid (its session and process group id), 0 when not started
  int stage;                   ///< 0 started; 1 cgroup join, 2 working directory, 3 exec, 4 fork, 5 guard exec failed,
                               ///< 6 not started: `go_fd` reached end of file
  int error;                   ///< errno of the failed stage
};

/// A close-on-exec pipe whose read end (`fds[0]`) is non-blocking, for the supervisor's report; 0 or -1 (errno).
int hpct_report_pipe(int fds[2]);

/// Forks the supervisor; its pid, or -1 with errno set.
pid_t hpct_spawn_supervised(const struct hpct_spawn_request *request);

/// Starts the supervisor as its own small program (`hpctest-guard`, whose main is `hpct_guard_main`) with vfork and
/// execve: nothing of hpctest's memory is copied. `guard_argv` is `guard_path OUTPUT-FD REPORT-FD GRACE-MS PARENT
/// GO-FD CGROUP-DIR-or-"" PROC-ROOT CWD PATH ARGV...` (GO-FD: `go_fd` of `hpct_spawn_request`, -1 for none),
/// `envp` the program's environment; `output_fd`, `report_fd` and `go_fd` (unless -1) are inherited by the guard
/// only. When execve fails, the report says stage 5 with its errno. The pid, or -1 (errno).
pid_t hpct_spawn_guard(const char *guard_path, char *const *guard_argv, char *const *envp, int output_fd,
                       int report_fd, int go_fd);

/// The supervisor as a program: `argv` as `hpct_spawn_guard` passes it, `envp` the program's environment. Runs the
/// supervisor (never returns) or returns 2 for arguments it was not started with.
int hpct_guard_main(int argc, char **argv, char **envp);

/// One wait for a supervisor to end (`hpct_wait_supervisor`).
struct hpct_wait_request {
  pid_t pid;                   ///< the supervisor
  int wake_fd;                 ///< readable (a byte written to its pipe) when the caller is cancelled
  long long timeout_ms;        ///< the invocation's limit, -1 for none
  long long kill_after_ms;     ///< after a teardown request, SIGKILL to the supervisor once this has passed
};

/// How the wait ended.
struct hpct_wait_result {
  int status;                  ///< the supervisor's wait status (it exits as the program did)
  int timed_out;               ///< 1 when the limit was reached (SIGTERM was sent)
  int cancelled;               ///< 1 when `wake_fd` became readable first (SIGTERM was sent)
};

/// Blocks the calling thread until the supervisor ended, then reaps it. Sleeps in poll(2) on a pidfd (Linux 5.3+;
/// 1-20 ms polls of waitid without one): no wake-up while the program runs. At the limit or on the wake byte the
/// supervisor gets SIGTERM (its teardown), SIGKILL when it has not ended `kill_after_ms` later. The supervisor is
/// not reaped before it ended, so its pid cannot be reused while it is signalled. 0, or -1 with errno set.
int hpct_wait_supervisor(const struct hpct_wait_request *request, struct hpct_wait_result *result);

#endif
