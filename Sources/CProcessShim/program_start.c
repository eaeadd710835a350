#define _GNU_SOURCE
#include "program_start.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

// The program's side of a supervised spawn. The child runs only raw system calls on its own stack and ends in
// execve or _exit: either a vfork(2) child sharing the supervisor's memory until execve (so it writes no memory but
// its own stack frames), or a fork of the single-threaded supervisor (by clone3: glibc's cached thread id is not
// updated there, which no call below reads).

#ifndef SYS_clone3
#define SYS_clone3 435  // the same number on x86_64 and aarch64
#endif

#define HPCT_CLONE_INTO_CGROUP 0x200000000ULL

/// `struct clone_args` as of Linux 5.7 (CLONE_ARGS_SIZE_VER2), spelled out so that older kernel headers build it.
struct hpct_clone_args {
  uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};

void hpct_join(char *out, size_t cap, const char *a, const char *b) {
  size_t n = 0;
  for (; *a && n + 1 < cap; a++) out[n++] = *a;
  for (; *b && n + 1 < cap; b++) out[n++] = *b;
  out[n] = 0;
}

int hpct_write_all(int fd, const void *data, size_t len) {
  const char *p = data;
  while (len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return -1;
    p += n;
    len -= (size_t)n;
  }
  return 0;
}

static void fail_child(int errfd, int stage) {
  int message[2] = {stage, errno};
  hpct_write_all(errfd, message, sizeof message);
  _exit(127);
}

/// The child: default signals, death signal, own session, cgroup (unless `joined`), stdio, cwd, the go when one
/// is awaited, exec. The supervisor has set every signal to its default except SIGPIPE (ignored) and installs no
/// handler: SIGPIPE is the one disposition left to reset (the blocked mask is reset before exec).
static void run_child(const struct hpct_spawn_request *req, pid_t supervisor, int errfd, int joined) {
  struct sigaction dfl;
  memset(&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigaction(SIGPIPE, &dfl, NULL);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != supervisor) _exit(127);
  setsid();
  if (req->cgroup_dir && !joined) {
    char path[PATH_CAP];
    hpct_join(path, sizeof path, req->cgroup_dir, "/cgroup.procs");
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0 || hpct_write_all(fd, "0", 1) != 0) fail_child(errfd, 1);
    close(fd);
  }
  if (dup2(req->output_fd, 1) < 0 || dup2(req->output_fd, 2) < 0) fail_child(errfd, 3);
  int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (null < 0 || dup2(null, 0) < 0) fail_child(errfd, 3);
  if (chdir(req->cwd) != 0) fail_child(errfd, 2);
  if (syscall(SYS_close_range, 3U, ~0U, 4U /* CLOSE_RANGE_CLOEXEC */) != 0) {
    for (int fd = 3; fd < 65536; fd++) fcntl(fd, F_SETFD, FD_CLOEXEC);
  }
  if (req->go_fd >= 0) {
    char go;
    ssize_t n;
    while ((n = read(req->go_fd, &go, 1)) < 0 && errno == EINTR) {
    }
    if (n != 1) {
      errno = 0;
      fail_child(errfd, 6);
    }
  }
  sigset_t empty;
  sigemptyset(&empty);
  sigprocmask(SIG_SETMASK, &empty, NULL);
  execve(req->path, req->argv, req->envp);
  fail_child(errfd, 3);
}

/// A fork of the caller, made inside the cgroup directory `dir` (`joined` set) or, where clone3 cannot do that
/// (older kernel, seccomp, a cgroup it may not enter), a plain fork.
static pid_t fork_into(const char *dir, int *joined) {
  *joined = 0;
  int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW) : -1;
  if (fd >= 0) {
    struct hpct_clone_args args;
    memset(&args, 0, sizeof args);
    args.flags = HPCT_CLONE_INTO_CGROUP;
    args.exit_signal = SIGCHLD;
    args.cgroup = (uint64_t)fd;
    pid_t pid = (pid_t)syscall(SYS_clone3, &args, sizeof args);
    if (pid >= 0) {
      if (pid > 0) close(fd);
      *joined = 1;
      return pid;
    }
    close(fd);
  }
  return fork();
}

/// The program's child. One that waits for its go, or that goes into a cgroup, is a fork made inside the cgroup by
/// clone3: writing a running process's pid to `cgroup.procs` takes the kernel's cgroup_threadgroup_rwsem for
/// writing, which waits out an RCU grace period (11.7 ms measured on the 2-core VM, seven times the whole cycle of a
/// prestarted test), while a process made inside the cgroup never moves. Otherwise a vfork(2) child.
pid_t hpct_start_program(const struct hpct_spawn_request *req, pid_t supervisor, int errfd) {
  if (req->go_fd >= 0 || req->cgroup_dir) {
    int joined;
    pid_t pid = fork_into(req->cgroup_dir, &joined);
    if (pid == 0) run_child(req, supervisor, errfd, joined);
    return pid;
  }
  pid_t pid = vfork();
  if (pid == 0) run_child(req, supervisor, errfd, 0);
  return pid;
}
