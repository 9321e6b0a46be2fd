/*
 * init - the first user process (pid 1, a boot module).  It opens the
 * console as fds 0, 1 and 2, runs "/bin/sh /etc/rc" and waits for it,
 * then keeps a login shell on the console: a new session and process
 * group for it, respawned when it ends.  Every orphan PM hands to init is
 * reaped by the same wait loop.
 *
 * Arguments (boot command line words, see tools/qemu/run.sh):
 *   once   the console shell is started once; when it ends init exits with
 *          its status, and PM syncs and powers off (a scripted session:
 *          `printf 'ls /\n' | make run`).
 *   rc=PATH the script run (by /bin/sh) instead of /etc/rc: the "usr" test
 *          suite boots with rc=/etc/rc.tests, which ends in the in-OS test
 *          runner powering the machine off with its verdict
 *          (tests/usr/README.md).
 * A shell that dies within a second of its start 10 times in a row ends
 * init (and so the system, with status 1): a broken /bin/sh cannot spin
 * forever, and a boot that cannot reach a prompt ends with an error.
 * init is a boot module (crt0's _start), not exec'd.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#define CONSOLE   "/dev/console"
#define SHELL     "/bin/sh"
#define RC        "/etc/rc"
#define FAST_DEATHS_MAX 10
#define CONSOLE_WAIT_MS 10000
#define PAUSE_MAX_NS    (100 * 1000 * 1000)

static char *const shell_env[] = {
	"PATH=/bin:/sbin:/usr/bin", "HOME=/", "TERM=vt100", "PS1=# ", NULL
};

static void say(const char *what)
{
	fprintf(stderr, "init: %s: %s\n", what, strerror(errno));
}

/*
 * The boot services come up in parallel with init (RS starts them, DS
 * learns their labels as they answer).  VFS holds file calls until the
 * root is mounted (vfs/root.c), but a first open can still fail: the
 * console's driver may not be up yet, or the root mount failed.  So init
 * tries for CONSOLE_WAIT_MS, then gives up.
 * The pause between tries doubles from 1 ms to 100 ms: the root is
 * usually there a few milliseconds after init starts, and a fixed 100 ms
 * made every boot wait 100 to 200 ms for nothing (tests/bench/boot).
 */
static int open_console(void)
{
	struct timespec pause = { 0, 1000 * 1000 };
	long waited_ms = 0;
	int fd;

	while ((fd = open(CONSOLE, O_RDWR)) < 0 && waited_ms < CONSOLE_WAIT_MS) {
		nanosleep(&pause, NULL);
		waited_ms += pause.tv_nsec / (1000 * 1000);
		pause.tv_nsec *= 2;
		if (pause.tv_nsec > PAUSE_MAX_NS)
			pause.tv_nsec = PAUSE_MAX_NS;
	}
	if (fd < 0)
		return -1;
	if ((fd != 0 && dup2(fd, 0) < 0) || dup2(0, 1) < 0 || dup2(0, 2) < 0)
		return -1;
	if (fd > 2)
		close(fd);
	return 0;
}

/* Start argv as a child in a session of its own; its pid, or -1. */
static pid_t spawn(char *const argv[], int own_tty)
{
	pid_t pid = fork();

	if (pid != 0) {
		if (pid < 0)
			say("fork");
		return pid;
	}
	setsid();
	if (own_tty) {
		/* the session leader opens the console: it becomes the
		 * session's controlling terminal (/dev/tty, job control) */
		int fd = open(CONSOLE, O_RDWR);

		if (fd >= 0)
			close(fd);
		tcsetpgrp(0, getpid());
	}
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	execve(argv[0], argv, shell_env);
	fprintf(stderr, "init: %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

/* Wait for pid, reaping whatever else ends meanwhile; its status. */
static int wait_for(pid_t pid)
{
	int status;
	pid_t r;

	for (;;) {
		r = waitpid(-1, &status, 0);
		if (r == pid)
			return status;
		if (r < 0 && errno != EINTR) {
			say("waitpid");
			return -1;
		}
	}
}

int main(int argc, char **argv)
{
	char *rc_argv[] = { SHELL, RC, NULL };	/* rc=PATH replaces RC */
	char *sh_path_argv[] = { SHELL, "-i", NULL };
	int once = 0, fast = 0, status, i;
	struct timespec t0, t1;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "once"))
			once = 1;
		else if (!strncmp(argv[i], "rc=", 3) && argv[i][3] != '\0')
			rc_argv[1] = argv[i] + 3;
	}
	if (open_console() < 0)
		return 1;	/* no console: nobody to tell */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);

	if (access(rc_argv[1], R_OK) == 0) {
		pid_t rc = spawn(rc_argv, 0);
		if (rc > 0 && (status = wait_for(rc)) != 0)
			fprintf(stderr, "init: %s: status %d\n", rc_argv[1],
			    status);
	} else if (strcmp(rc_argv[1], RC) != 0) {
		say(rc_argv[1]);	/* one asked for is missing: say so */
	}

	for (;;) {
		pid_t sh;

		clock_gettime(CLOCK_MONOTONIC, &t0);
		if ((sh = spawn(sh_path_argv, 1)) < 0)
			return 1;
		status = wait_for(sh);
		if (once || status < 0)
			return status < 0 ? 1 : WIFEXITED(status) ? WEXITSTATUS(status) : 128 +
			    (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		fast = t1.tv_sec - t0.tv_sec < 1 ? fast + 1 : 0;
		if (fast >= FAST_DEATHS_MAX) {
			fprintf(stderr, "init: %s keeps dying; giving up\n",
			    SHELL);
			return 1;	/* PM powers off: no endless respawn */
		}
	}
}
