/*
 * commands/script/script.c - script [-a] [-q] [-c command] [file]: run a
 * shell (or "sh -c command") on a pseudo-terminal and copy everything it
 * prints to standard output and to file (default "typescript"), as BSD's
 * and util-linux's script do.  -a appends to file, -q leaves out the
 * start and end lines.
 *
 * The child starts a session, opens the slave (so it becomes the
 * session's controlling terminal: /dev/tty, ^C and job control work
 * there) with the terminal modes and window size of our standard input
 * when that is a terminal, which is then put in raw mode so every key
 * goes through unchanged.  The parent copies standard input to the master
 * and the master to standard output and the file, with poll, until the
 * master reports that the slave is closed by everybody (EIO, or end of
 * file) or the child is gone without ever opening it.  Input is written
 * to the master without blocking, so a child that does not read while it
 * writes never deadlocks with us.  When standard input is not a terminal
 * and ends, the slave gets its end-of-file character.  The status is the
 * child's.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

#include "cmd.h"

#define SCRIPT_BUF 1024

struct script {
	int master, log;
	const char *command;		/* NULL: an interactive shell */
	int tty_in;			/* standard input is a terminal */
	struct termios saved;		/* its modes, restored at the end */
	struct winsize ws;
	pid_t child;
};

static void stamp(int fd, const char *what)
{
	char line[128];
	time_t now = time(NULL);
	int n = snprintf(line, sizeof(line), "Script %s on %s", what,
		ctime(&now));

	if (n > 0)
		cmd_write_all(fd, line, (size_t)n < sizeof(line) ? (size_t)n :
			sizeof(line) - 1);
}

/* The child: a session on the slave, then the shell. */
static void run_child(const struct script *s, const char *slave)
{
	const char *shell = getenv("SHELL");
	int fd;

	if (!shell || !*shell)
		shell = "/bin/sh";
	close(s->master);
	close(s->log);
	if (setsid() < 0 || (fd = open(slave, O_RDWR)) < 0) {
		cmd_err("%s", slave);
		_exit(126);
	}
	if (s->tty_in) {
		tcsetattr(fd, TCSANOW, &s->saved);
		ioctl(fd, TIOCSWINSZ, &s->ws);
	}
	if (dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
		_exit(126);
	if (fd > 2)
		close(fd);
	{
		char *av[] = { "sh", s->command ? "-c" : "-i",
			(char *)s->command, NULL };

		execv(shell, av);
	}
	cmd_err("%s", shell);
	_exit(127);
}

/* Copy from the master to standard output and the log; 0 when the slave
 * side is gone (EIO or end of file), 1 to go on. */
static int from_master(struct script *s)
{
	char buf[SCRIPT_BUF];
	ssize_t n = read(s->master, buf, sizeof(buf));

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 1;
	if (n <= 0)
		return 0;
	cmd_write_all(1, buf, (size_t)n);
	cmd_write_all(s->log, buf, (size_t)n);
	return 1;
}

static int copy_loop(struct script *s)
{
	char in[SCRIPT_BUF];
	size_t have = 0, off = 0;
	int in_open = 1, status = 0, gone = 0;
	struct pollfd p[2];

	for (;;) {
		p[0] = (struct pollfd){ .fd = in_open && !have ? 0 : -1,
			.events = POLLIN };
		p[1] = (struct pollfd){ .fd = s->master,
			.events = POLLIN | (have ? POLLOUT : 0) };
		if (poll(p, 2, 1000) < 0) {
			if (errno == EINTR)
				continue;
			return cmd_err("poll");
		}
		if ((p[1].revents & (POLLIN | POLLERR | POLLHUP)) &&
		    !from_master(s))
			break;
		if (have && (p[1].revents & POLLOUT)) {
			ssize_t n = write(s->master, in + off, have);

			if (n < 0 && errno != EAGAIN && errno != EINTR)
				break;
			if (n > 0) {
				off += (size_t)n;
				have -= (size_t)n;
			}
		}
		if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			ssize_t n = read(0, in, sizeof(in));

			off = 0;
			if (n > 0) {
				have = (size_t)n;
			} else if (n == 0 || errno != EINTR) {
				in_open = 0;
				if (!s->tty_in) {	/* the slave's EOF */
					in[0] = 4;
					have = 1;
				}
			}
		}
		/* a child that ended without ever opening the slave */
		if (!gone && !p[1].revents &&
		    waitpid(s->child, &status, WNOHANG) == s->child) {
			gone = 1;
			if (!(p[1].revents & POLLIN))
				break;
		}
	}
	if (!gone && waitpid(s->child, &status, 0) != s->child)
		return 1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
}

int main(int argc, char **argv)
{
	struct script s = { .command = NULL };
	const char *file = "typescript", *slave;
	int append = 0, quiet = 0, opt, status;
	struct termios raw;

	cmd_init(argv[0]);
	while ((opt = getopt(argc, argv, "aqc:")) != -1) {
		if (opt == 'a')
			append = 1;
		else if (opt == 'q')
			quiet = 1;
		else if (opt == 'c')
			s.command = optarg;
		else
			cmd_usage("script [-a] [-q] [-c command] [file]");
	}
	if (argc - optind > 1)
		cmd_usage("script [-a] [-q] [-c command] [file]");
	if (optind < argc)
		file = argv[optind];
	s.log = open(file, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC),
		0666);
	if (s.log < 0)
		return cmd_err("%s", file);
	if ((s.master = posix_openpt(O_RDWR | O_NOCTTY)) < 0 ||
	    grantpt(s.master) < 0 || unlockpt(s.master) < 0 ||
	    !(slave = ptsname(s.master)))
		return cmd_err("no pseudo-terminal");
	s.tty_in = tcgetattr(0, &s.saved) == 0;
	if (s.tty_in && ioctl(0, TIOCGWINSZ, &s.ws) < 0)
		memset(&s.ws, 0, sizeof(s.ws));
	if (!quiet) {
		printf("Script started, output file is %s\n", file);
		fflush(stdout);
		stamp(s.log, "started");
	}
	if ((s.child = fork()) < 0)
		return cmd_err("fork");
	if (s.child == 0)
		run_child(&s, slave);
	fcntl(s.master, F_SETFL, fcntl(s.master, F_GETFL) | O_NONBLOCK);
	if (s.tty_in) {
		raw = s.saved;
		cfmakeraw(&raw);
		tcsetattr(0, TCSANOW, &raw);
	}
	status = copy_loop(&s);
	if (s.tty_in)
		tcsetattr(0, TCSANOW, &s.saved);
	if (!quiet) {
		stamp(s.log, "done");
		printf("Script done, output file is %s\n", file);
	}
	close(s.log);
	return status;
}
