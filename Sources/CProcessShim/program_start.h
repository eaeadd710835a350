#ifndef HPCTEST_PROGRAM_START_H
#define HPCTEST_PROGRAM_START_H
#include <stddef.h>
#include <sys/types.h>

#include "process_shim.h"

// Shared by process_shim.c and program_start.c; not part of the module's interface.

#define PATH_CAP 4096

/// `a` + `b` into `out` (truncated to `cap`).
void hpct_join(char *out, size_t cap, const char *a, const char *b);

/// Writes all of `data`, retrying after EINTR; 0, or -1 on an error.
int hpct_write_all(int fd, const void *data, size_t len);

/// Starts the program of `req` as a child of the supervisor `supervisor` (the caller, single-threaded): own
/// session, death signal, the cgroup, stdio, working directory, default signals, then execve. A failure before the
/// exec writes `{stage, errno}` to `errfd` (close-on-exec: end of file there means the exec happened) and ends the
/// child. Returns the child's pid, or -1 (errno).
///
/// Where a cgroup is given, or `req->go_fd`, the child is a fork: clone3 with CLONE_INTO_CGROUP (Linux 5.7), so it is
/// born in the cgroup and no write to `cgroup.procs` has to move it (such a write waits out an RCU grace period,
/// about 12 ms; a plain fork and that write where clone3 cannot). Otherwise it is a vfork(2) child (no copy of the
/// page tables that exec throws away). With `req->go_fd` the child is made ahead, while an earlier test runs, set up
/// completely, then it waits on `go_fd`: one byte and it runs execve; end of file (hpctest let go of it, or died)
/// and it reports stage 6 and ends.
pid_t hpct_start_program(const struct hpct_spawn_request *req, pid_t supervisor, int errfd);

#endif
