// hpctest-guard: the per-test supervisor as a program of its own (Sources/CProcessShim, `hpct_guard_main`). hpctest
// starts it with vfork + execve instead of forking a copy of itself for every test.
#include "process_shim.h"

int main(int argc, char **argv, char **envp) { return hpct_guard_main(argc, argv, envp); }
