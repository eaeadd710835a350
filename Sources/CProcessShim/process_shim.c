#define _GNU_SOURCE
#include "process_shim.h"
#include "program_start.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

// Everything below runs in the forked supervisor or program: raw system calls and stack buffers only (no malloc,
// no stdio, no Swift), as fork(2) in a multi-threaded process requires. The program's side is in program_start.c.

#define MAX_PROCS 32768

struct proc_entry {
  pid_t pid;
  pid_t ppid;
};

static struct proc_entry procs[MAX_PROCS];  // touched only in the supervisor (its own copy)
static unsigned char marked[MAX_PROCS];

struct supervisor {
  const struct hpct_spawn_request *req;
  pid_t self;
  pid_t child;
  int status;
  int child_done;
  int terminating;
  long long deadline;
  int sfd;
};

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {
  }
}

/// The parent pid of `pid` from `<proc>/<pid>/stat`, or -1.
static pid_t parent_of(const char *proc_root, const char *pid_text) {
  char path[PATH_CAP], tail[64], buf[1024];
  hpct_join(tail, sizeof tail, pid_text, "/stat");
  hpct_join(path, sizeof path, proc_root, "/");
  hpct_join(path, sizeof path, path, tail);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return -1;
  buf[n] = 0;
  char *close_paren = strrchr(buf, ')');
  if (!close_paren || close_paren[1] == 0 || close_paren[2] == 0) return -1;
  char *p = close_paren + 4;  // ") S " then the parent pid
  long ppid = 0;
  for (; *p >= '0' && *p <= '9'; p++) ppid = ppid * 10 + (*p - '0');
  return (pid_t)ppid;
}

/// Reads every process of `<proc>` into `procs`; the count.
static int scan_processes(const char *proc_root) {
  int fd = open(proc_root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return 0;
  char buf[8192];
  int count = 0;
  for (;;) {
    long n = syscall(SYS_getdents64, fd, buf, sizeof buf);
    if (n <= 0) break;
    for (long off = 0; off < n;) {
      unsigned short reclen = *(unsigned short *)(buf + off + 16);
      const char *name = buf + off + 19;
      off += reclen;
      if (name[0] < '1' || name[0] > '9' || count >= MAX_PROCS) continue;
      long pid = 0;
      const char *c = name;
      for (; *c >= '0' && *c <= '9'; c++) pid = pid * 10 + (*c - '0');
      if (*c != 0) continue;
      pid_t ppid = parent_of(proc_root, name);
      if (ppid < 0) continue;
      procs[count].pid = (pid_t)pid;
      procs[count].ppid = ppid;
      count++;
    }
  }
  close(fd);
  return count;
}

/// Sends `sig` to every process whose parent chain leads to `ancestor`; the number signalled.
static int signal_descendants(const char *proc_root, pid_t ancestor, int sig) {
  int count = scan_processes(proc_root);
  memset(marked, 0, (size_t)count);
  for (int changed = 1; changed;) {
    changed = 0;
    for (int i = 0; i < count; i++) {
      if (marked[i]) continue;
      int hit = procs[i].ppid == ancestor;
      for (int j = 0; !hit && j < count; j++) hit = marked[j] && procs[j].pid == procs[i].ppid;
      if (hit) marked[i] = changed = 1;
    }
  }
  int signalled = 0;
  for (int i = 0; i < count; i++) {
    if (marked[i] && kill(procs[i].pid, sig) == 0) signalled++;
  }
  return signalled;
}

/// Sends `sig` to every pid listed in the cgroup's `cgroup.procs`; the number listed.
static int signal_cgroup(const char *dir, int sig) {
  char path[PATH_CAP], buf[4096];
  hpct_join(path, sizeof path, dir, "/cgroup.procs");
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  int listed = 0;
  long pid = 0;
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) {
    for (ssize_t i = 0; i < n; i++) {
      if (buf[i] >= '0' && buf[i] <= '9') {
        pid = pid * 10 + (buf[i] - '0');
      } else if (pid > 0) {
        kill((pid_t)pid, sig);
        listed++;
        pid = 0;
      }
    }
  }
  close(fd);
  return listed;
}

/// SIGKILL to the whole cgroup in one step (`cgroup.kill`, Linux 5.14+); 0 on success.
static int kill_cgroup(const char *dir) {
  char path[PATH_CAP];
  hpct_join(path, sizeof path, dir, "/cgroup.kill");
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  int rc = hpct_write_all(fd, "1", 1);
  close(fd);
  return rc;
}

/// `sig` to every process of the test: the cgroup's members (the program joined it before exec, so everything it
/// starts is there), or without a cgroup every descendant of the supervisor (a subreaper, so orphans stay its own).
static void signal_all(const struct supervisor *sv, int sig) {
  const char *cgroup = sv->req->cgroup_dir;
  if (!cgroup) {
    signal_descendants(sv->req->proc_root, sv->self, sig);
  } else if (sig != SIGKILL || kill_cgroup(cgroup) != 0) {
    signal_cgroup(cgroup, sig);
  }
}

static void reap(struct supervisor *sv) {
  int status;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    if (pid == sv->child) {
      sv->status = status;
      sv->child_done = 1;
    }
  }
}

static int has_children(void) {
  siginfo_t info;
  memset(&info, 0, sizeof info);
  return !(waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) == -1 && errno == ECHILD);
}

static int cgroup_populated(const char *dir) {
  if (!dir) return 0;
  char path[PATH_CAP], buf[64];
  hpct_join(path, sizeof path, dir, "/cgroup.procs");
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = read(fd, buf, sizeof buf);
  close(fd);
  return n > 0;
}

/// Exits as the program did: its exit code, or its signal re-raised (no core dump); 127 when it never ended.
static void exit_like(const struct supervisor *sv) {
  if (!sv->child_done) _exit(127);
  if (WIFEXITED(sv->status)) _exit(WEXITSTATUS(sv->status));
  int sig = WTERMSIG(sv->status);
  struct rlimit none = {0, 0};
  setrlimit(RLIMIT_CORE, &none);
  struct sigaction dfl;
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigaction(sig, &dfl, NULL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  kill(getpid(), sig);
  _exit(128 + sig);
}

/// SIGKILL to everything left, reaped (bounded: 5 s), then exit like the program.
static void finish(struct supervisor *sv) {
  for (int round = 0; round < 500; round++) {
    signal_all(sv, SIGKILL);
    reap(sv);
    if (!has_children() && !cgroup_populated(sv->req->cgroup_dir)) break;
    sleep_ms(10);
  }
  exit_like(sv);
}

/// Forks the program and reports how that went; 0 when it runs.
static int start_child(struct supervisor *sv) {
  const struct hpct_spawn_request *req = sv->req;
  int errpipe[2];
  struct hpct_spawn_report report = {0, 4, 0};
  if (pipe2(errpipe, O_CLOEXEC) == 0) {
    sv->child = hpct_start_program(req, sv->self, errpipe[1]);
    report.error = errno;
    close(errpipe[1]);
    if (req->go_fd >= 0) close(req->go_fd);  // the program's child waits on it; end of file must reach it alone
    if (sv->child > 0) {
      int message[2] = {0, 0};
      ssize_t n;
      while ((n = read(errpipe[0], message, sizeof message)) < 0 && errno == EINTR) {
      }
      report.pid = n == sizeof message ? 0 : sv->child;
      report.stage = n == sizeof message ? message[0] : 0;
      report.error = n == sizeof message ? message[1] : 0;
    }
    close(errpipe[0]);
  } else {
    report.error = errno;
  }
  hpct_write_all(req->report_fd, &report, sizeof report);
  close(req->report_fd);
  return report.stage;
}

/// Keeps only the signal descriptor (as fd 3) and /dev/null as stdio: nothing of hpctest stays open here.
static void close_inherited(struct supervisor *sv) {
  if (sv->sfd != 3) {
    dup3(sv->sfd, 3, O_CLOEXEC);
    close(sv->sfd);
    sv->sfd = 3;
  }
  int null = open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null >= 0) {
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
  }
  if (syscall(SYS_close_range, 4U, ~0U, 0U) != 0) {
    for (int fd = 4; fd < 65536; fd++) close(fd);
  }
}

static void begin_teardown(struct supervisor *sv) {
  if (sv->terminating) return;
  sv->terminating = 1;
  sv->deadline = now_ms() + sv->req->grace_ms;
  signal_all(sv, SIGTERM);
}

static void supervise(const struct hpct_spawn_request *req) {
  struct supervisor sv = {req, getpid(), 0, 0, 0, 0, 0, -1};
  setsid();
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  prctl(PR_SET_NAME, "hpctest-guard");
  struct sigaction action;
  memset(&action, 0, sizeof action);
  for (int sig = 1; sig < 65; sig++) {
    action.sa_handler = sig == SIGPIPE ? SIG_IGN : SIG_DFL;
    if (sig != SIGKILL && sig != SIGSTOP) sigaction(sig, &action, NULL);
  }
  sigset_t set;
  sigemptyset(&set);
  int watched[] = {SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGQUIT};
  for (int i = 0; i < 5; i++) sigaddset(&set, watched[i]);
  sigprocmask(SIG_SETMASK, &set, NULL);
  sv.sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
  if (sv.sfd < 0 || start_child(&sv) != 0) {
    if (sv.child > 0) waitpid(sv.child, NULL, 0);
    _exit(127);
  }
  close_inherited(&sv);
  for (;;) {
    long timeout = 100;
    if (sv.terminating) {
      long long left = sv.deadline - now_ms();
      timeout = left < 0 ? 0 : left < timeout ? (long)left : timeout;
    }
    struct pollfd pfd = {sv.sfd, POLLIN, 0};
    poll(&pfd, 1, (int)timeout);
    struct signalfd_siginfo info;
    while (read(sv.sfd, &info, sizeof info) == sizeof info) {
      if (info.ssi_signo != SIGCHLD) begin_teardown(&sv);
    }
    reap(&sv);
    if (getppid() != req->parent) finish(&sv);  // hpctest is gone: nothing of the test may outlive it
    if (!sv.terminating && sv.child_done) finish(&sv);
    if (sv.terminating && (!has_children() || now_ms() >= sv.deadline)) finish(&sv);
  }
}

int hpct_report_pipe(int fds[2]) {
  if (pipe2(fds, O_CLOEXEC) != 0) return -1;
  return fcntl(fds[0], F_SETFL, O_NONBLOCK) == 0 ? 0 : -1;
}

pid_t hpct_spawn_supervised(const struct hpct_spawn_request *request) {
  pid_t pid = fork();
  if (pid == 0) supervise(request);
  return pid;
}

pid_t hpct_spawn_guard(const char *guard_path, char *const *guard_argv, char *const *envp, int output_fd,
                       int report_fd, int go_fd) {
  // As posix_spawn does: every signal blocked around vfork, so no handler of hpctest runs in the child while it
  // shares hpctest's memory; execve keeps the mask and the supervisor sets its own.
  sigset_t all, saved;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &saved);
  pid_t pid = vfork();
  if (pid == 0) {
    fcntl(output_fd, F_SETFD, 0);  // the child's own descriptor table: hpctest's flags stay as they are
    fcntl(report_fd, F_SETFD, 0);
    if (go_fd >= 0) fcntl(go_fd, F_SETFD, 0);
    execve(guard_path, guard_argv, envp);
    struct hpct_spawn_report report = {0, 5, errno};
    hpct_write_all(report_fd, &report, sizeof report);
    _exit(127);
  }
  int saved_errno = errno;
  pthread_sigmask(SIG_SETMASK, &saved, NULL);
  errno = saved_errno;
  return pid;
}

/// A non-negative decimal number, or -1.
static long parse_number(const char *text) {
  long value = 0;
  if (!text || !*text) return -1;
  for (; *text; text++) {
    if (*text < '0' || *text > '9' || value > 100000000000L) return -1;
    value = value * 10 + (*text - '0');
  }
  return value;
}

int hpct_guard_main(int argc, char **argv, char **envp) {
  if (argc < 11) {
    static const char usage[] = "hpctest-guard: started by hpctest only (OUTPUT-FD REPORT-FD GRACE-MS PARENT GO-FD "
                                "CGROUP PROC CWD PATH ARGV...)\n";
    hpct_write_all(2, usage, sizeof usage - 1);
    return 2;
  }
  long output = parse_number(argv[1]), report = parse_number(argv[2]), grace = parse_number(argv[3]);
  int no_go = strcmp(argv[5], "-1") == 0;
  long parent = parse_number(argv[4]), go = no_go ? -1 : parse_number(argv[5]);
  if (output < 0 || report < 0 || grace < 0 || parent <= 0 || output > 65535 || report > 65535) return 2;
  if ((!no_go && go < 0) || go > 65535) return 2;
  if (getppid() != (pid_t)parent) return 2;  // hpctest is gone already (or this was not started by it)
  struct hpct_spawn_request request = {
      argv[9], argv + 10, envp, argv[8], (int)output, argv[6][0] ? argv[6] : NULL, argv[7], (int)report, grace,
      (pid_t)parent, (int)go};
  supervise(&request);
  return 127;
}
