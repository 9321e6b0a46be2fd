/*
 * test_pmexec.c - exec through PM, VFS and VM for real: init (pid 1) of
 * the "pmexec" suite (VM, PM, VFS, DS, memfs), built with mica-cc.  It
 * installs exec_child (a 560-byte program, child_blob.S) in the file
 * system and runs it: the pid survives exec, argv and envp arrive, a
 * set-user-id file gives its owner as effective uid to a non-root
 * caller, fork+exec+wait in a loop of 100, and the caller's failed
 * exec leaves it running.  TAP through the kernel console (no terminal
 * in this suite).
 */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/reboot.h>
#include <mica/kipc.h>
#include "child_install.h"
#include "../lib/ktap.h"


/* fork, exec path with one argument (and env), wait: the status or -1. */
static int run(const char *path, const char *arg, int as_uid)
{
	char *argv[] = { "child", (char *)arg, NULL };
	char *envp[] = { "MICA=exec", NULL };
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		if (as_uid >= 0 && setuid(as_uid) != 0)
			_exit(0x7d);
		execve(path, argv, envp);
		_exit(0x7c);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	return st;
}

int main(void)
{
	char *argv[] = { "child", "pid", NULL };
	int st, good = 0, i;

	ok(mkdir("/bin", 0755) == 0 && child_install("/bin/child", 0755) == 0,
		"exec_child installed (%d bytes)", (int)(child_elf_end - child_elf));
	{
		pid_t pid = fork();

		if (pid == 0) {
			execve("/bin/child", argv, (char *[]){ NULL });
			_exit(0x7c);
		}
		st = -1;
		waitpid(pid, &st, 0);
		ok(WIFEXITED(st) && WEXITSTATUS(st) == (pid & 0x7f),
			"exec'd program runs with the same pid (%d, status 0x%x)", pid, st);
	}
	st = run("/bin/child", "env", -1);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "argv and envp reach the new program (0x%x)", st);
	st = run("/bin/child", "euid", 1000);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == (1000 & 0x7f), "plain file: euid stays the caller's (0x%x)", st);
	ok(child_install("/bin/suid", 04755) == 0, "a set-user-id copy owned by root");
	st = run("/bin/suid", "euid", 1000);
	ok(WIFEXITED(st) && WEXITSTATUS(st) == 0, "set-user-id file: effective uid 0 after exec (0x%x)", st);
	ok(execve("/bin/none", argv, (char *[]){ NULL }) == -1 && errno == ENOENT,
		"a failed exec returns to the caller (ENOENT) and it runs on");
	for (i = 0; i < 100; i++) {
		st = run("/bin/child", "env", -1);
		good += WIFEXITED(st) && WEXITSTATUS(st) == 0;
	}
	ok(good == 100, "fork+exec+wait 100 times (%d good)", good);
	ok(wait(&st) == -1 && errno == ECHILD, "nothing left to wait for");
	ktap_plan(1);
	/* the last check: a root reboot syncs and powers off (status 0);
	 * getting here again is the failure */
	ok(1, "reboot(RB_POWEROFF) by root: PM holds everyone, VFS syncs, power off");
	reboot(RB_POWEROFF);
	ok(0, "reboot returned: %d", errno);
	return 1;
}
