#define _GNU_SOURCE
#include "process_shim.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

// hpctest's side of a supervised run: waiting for the supervisor. This runs on an ordinary thread of hpctest (not in
// a forked child): it may block.

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/// True once `pid` (a child of this process) ended; it is left unreaped (WNOWAIT).
static int has_ended(pid_t pid) {
  siginfo_t info;
  memset(&info, 0, sizeof info);
  if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0) return errno == ECHILD;
  return info.si_pid == pid;
}

/// How long poll(2) may sleep until the next thing to do, in ms (-1: until woken).
static int wait_timeout(long long now, long long deadline, long long kill_at, int have_pidfd) {
  long long next = kill_at >= 0 ? kill_at : deadline;
  long long left = next < 0 ? -1 : next > now ? next - now : 0;
  if (!have_pidfd) left = left < 0 || left > 20 ? 20 : left;
  if (left > 1000000) left = 1000000;
  return (int)left;
}

static void request_teardown(const struct hpct_wait_request *req, long long now, long long *kill_at) {
  if (*kill_at >= 0) return;
  kill(req->pid, SIGTERM);
  *kill_at = now + req->kill_after_ms;
}

int hpct_wait_supervisor(const struct hpct_wait_request *req, struct hpct_wait_result *result) {
  memset(result, 0, sizeof *result);
  int pidfd = (int)syscall(SYS_pidfd_open, req->pid, 0);
  long long deadline = req->timeout_ms < 0 ? -1 : now_ms() + req->timeout_ms;
  long long kill_at = -1;
  int killed = 0;
  while (!has_ended(req->pid)) {
    long long now = now_ms();
    if (kill_at < 0 && deadline >= 0 && now >= deadline) {
      result->timed_out = 1;
      request_teardown(req, now, &kill_at);
    }
    if (kill_at >= 0 && now >= kill_at && !killed) {
      kill(req->pid, SIGKILL);
      killed = 1;
    }
    struct pollfd fds[2] = {{pidfd, POLLIN, 0}, {kill_at < 0 ? req->wake_fd : -1, POLLIN, 0}};
    int timeout = wait_timeout(now, deadline, killed ? -1 : kill_at, pidfd >= 0);
    if (poll(fds, 2, killed && pidfd < 0 ? 20 : timeout) > 0 && (fds[1].revents & POLLIN)) {
      result->cancelled = 1;
      request_teardown(req, now_ms(), &kill_at);
    }
  }
  if (pidfd >= 0) close(pidfd);
  int status = 0;
  while (waitpid(req->pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  result->status = status;
  return 0;
}
