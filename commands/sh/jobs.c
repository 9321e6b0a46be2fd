/*
 * commands/sh/jobs.c - children: forking, waiting, background jobs and
 * (on a terminal) job control.
 *
 * Foreground commands are waited for by pid.  Background jobs stay in a
 * table until `wait` collects them (so `wait $!` works after the job has
 * ended), reaped without blocking before each prompt.  With job control
 * (set -m, on by default for an interactive shell on a terminal) every
 * job gets its own process group, the foreground one owns the terminal,
 * and a stopped job (^Z) can be resumed by fg or bg.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

#define JOB_MAX_DONE 256

struct job {
	struct job *next;
	int id, n, stopped;
	pid_t pgrp;
	pid_t *pids;
	int *st;		/* wait status, -1 while running */
	char *what;
};

static struct job *jobs;
static int job_tty = -1;
static pid_t job_shell_pgrp;

int job_status(int w)
{
	if (WIFEXITED(w))
		return WEXITSTATUS(w);
	if (WIFSIGNALED(w))
		return 128 + WTERMSIG(w);
	if (WIFSTOPPED(w))
		return 128 + WSTOPSIG(w);
	return 1;
}

/* Job control on when interactive and the terminal allows it. */
void job_init(void)
{
	int fd;

	if (!sh.interactive)
		return;
	fd = open("/dev/tty", O_RDWR);
	if (fd < 0)
		return;
	job_tty = redir_move_high(fd);
	if (job_tty < 0)
		return;
	job_shell_pgrp = getpid();
	/* a session leader (a login shell) already leads its group */
	if ((getpgrp() != job_shell_pgrp && setpgid(0, job_shell_pgrp) < 0) ||
	    tcsetpgrp(job_tty, job_shell_pgrp) < 0) {
		close(job_tty);
		job_tty = -1;
		return;
	}
	signal(SIGTSTP, SIG_IGN);
	signal(SIGTTIN, SIG_IGN);
	signal(SIGTTOU, SIG_IGN);
	sh.opt[OPT_M] = 1;
}

static int job_control(void)
{
	return sh.opt[OPT_M] && job_tty >= 0 && !sh.subshell;
}

/*
 * fork for a job; *pgrp is the job's process group (0: this child starts
 * one).  In the child: process group, terminal, and shell state reset.
 */
pid_t job_fork(int bg, pid_t *pgrp)
{
	int ctl = job_control();
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		sh_error("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		sigset_t hold, old;

		/* A ^C typed once the job owns the terminal must reach the
		 * job: hold the terminal's signals until the shell's handlers
		 * are gone (exec_fork_child), else one arriving in between
		 * runs the shell's handler here and is lost. */
		sigemptyset(&hold);
		sigaddset(&hold, SIGINT);
		sigaddset(&hold, SIGQUIT);
		sigprocmask(SIG_BLOCK, &hold, &old);
		if (ctl) {
			pid_t pg = *pgrp ? *pgrp : getpid();

			setpgid(0, pg);
			if (!bg)
				tcsetpgrp(job_tty, pg);
			signal(SIGTSTP, SIG_DFL);
			signal(SIGTTIN, SIG_DFL);
			signal(SIGTTOU, SIG_DFL);
		}
		exec_fork_child(bg);
		sigprocmask(SIG_SETMASK, &old, NULL);
		return 0;
	}
	if (ctl) {
		if (!*pgrp)
			*pgrp = pid;
		setpgid(pid, *pgrp);
	}
	return pid;
}

static struct job *job_new(pid_t *pids, int n, pid_t pgrp, const char *what)
{
	struct job *j = xmalloc(sizeof(*j)), **p;
	int i, id = 1;

	for (p = &jobs; *p; p = &(*p)->next)
		if ((*p)->id >= id)
			id = (*p)->id + 1;
	j->next = NULL;
	j->id = id;
	j->n = n;
	j->stopped = 0;
	j->pgrp = pgrp;
	j->pids = xmalloc(n * sizeof(pid_t));
	j->st = xmalloc(n * sizeof(int));
	for (i = 0; i < n; i++) {
		j->pids[i] = pids[i];
		j->st[i] = -1;
	}
	j->what = xstrdup(what ? what : "");
	*p = j;
	return j;
}

static void job_free(struct job *j)
{
	struct job **p;

	for (p = &jobs; *p; p = &(*p)->next)
		if (*p == j) {
			*p = j->next;
			break;
		}
	free(j->pids);
	free(j->st);
	free(j->what);
	free(j);
}

static int job_done(struct job *j)
{
	int i;

	for (i = 0; i < j->n; i++)
		if (j->st[i] == -1)
			return 0;
	return 1;
}

/* Wait for j in the foreground; its status (that of its last process). */
static int job_wait(struct job *j, int stop_ok)
{
	int i, w;
	pid_t r;

	for (i = 0; i < j->n; i++) {
		while (j->st[i] == -1) {
			r = waitpid(j->pids[i], &w, stop_ok ? WUNTRACED : 0);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0) {
				j->st[i] = 0;
				break;
			}
			if (WIFSTOPPED(w)) {
				j->stopped = 1;
				return 128 + WSTOPSIG(w);
			}
			j->st[i] = w;
		}
	}
	j->stopped = 0;
	return job_status(j->st[j->n - 1]);
}

/* Take the terminal back after a foreground job. */
static void job_fg_done(struct job *j, int status)
{
	if (job_control())
		tcsetpgrp(job_tty, job_shell_pgrp);
	if (j->stopped) {
		fprintf(stderr, "\n[%d] Stopped %s\n", j->id, j->what);
		return;
	}
	if (status > 128 && status - 128 == SIGINT && sh.interactive)
		fputc('\n', stderr);
	job_free(j);
}

/* Wait for a foreground pipeline's processes; status of the last. */
int job_wait_fg(pid_t *pids, int n, pid_t pgrp, const char *what)
{
	struct job *j = job_new(pids, n, pgrp, what);
	int status = job_wait(j, job_control());

	job_fg_done(j, status);
	return status;
}

void job_add_bg(pid_t *pids, int n, pid_t pgrp, const char *what)
{
	struct job *j = job_new(pids, n, pgrp, what);
	struct job *k, *next;
	int done = 0;

	for (k = jobs; k; k = k->next)
		done += job_done(k);
	for (k = jobs; k && done > JOB_MAX_DONE; k = next) {
		next = k->next;
		if (job_done(k)) {
			job_free(k);
			done--;
		}
	}
	if (sh.interactive)
		fprintf(stderr, "[%d] %ld\n", j->id, (long)pids[n - 1]);
}

/* Collect finished background processes; report: print "Done" lines. */
void job_reap(int report)
{
	struct job *j, *next;
	int i, w;

	for (j = jobs; j; j = next) {
		next = j->next;
		for (i = 0; i < j->n; i++)
			if (j->st[i] == -1 &&
			    waitpid(j->pids[i], &w, WNOHANG) == j->pids[i])
				j->st[i] = w;
		if (report && job_done(j)) {
			fprintf(stderr, "[%d] Done %s\n", j->id, j->what);
			job_free(j);
		}
	}
}

/* The wait builtin without operands: every job; 128+sig if a trap cut it. */
int job_wait_all(void)
{
	struct job *j;
	int i, w;
	pid_t r;

	while ((j = jobs) != NULL) {
		for (i = 0; i < j->n; i++) {
			while (j->st[i] == -1) {
				r = waitpid(j->pids[i], &w, 0);
				if (r < 0 && errno == EINTR && trap_pending())
					return 128 + trap_sig_caught();
				if (r < 0 && errno == EINTR)
					continue;
				j->st[i] = r < 0 ? 0 : w;
			}
		}
		job_free(j);
	}
	return 0;
}

static struct job *job_find(const char *spec)
{
	struct job *j, *last = NULL;
	char *end;
	long n;
	int i;

	for (j = jobs; j; j = j->next)
		last = j;
	if (spec[0] == '%') {
		if (!spec[1] || !strcmp(spec, "%%") || !strcmp(spec, "%+"))
			return last;
		n = strtol(spec + 1, &end, 10);
		for (j = jobs; j && !*end; j = j->next)
			if (j->id == n)
				return j;
		return NULL;
	}
	n = strtol(spec, &end, 10);
	if (*end || n <= 0)
		return NULL;
	for (j = jobs; j; j = j->next)
		for (i = 0; i < j->n; i++)
			if (j->pids[i] == n)
				return j;
	return NULL;
}

/* wait PID or %N: its status, 127 if unknown. */
int job_wait_pid_spec(const char *spec)
{
	struct job *j = job_find(spec);
	int i, w, status;
	pid_t r;

	if (!j)
		return 127;
	for (i = 0; i < j->n; i++) {
		while (j->st[i] == -1) {
			r = waitpid(j->pids[i], &w, 0);
			if (r < 0 && errno == EINTR && trap_pending())
				return 128 + trap_sig_caught();
			if (r < 0 && errno == EINTR)
				continue;
			j->st[i] = r < 0 ? 0 : w;
		}
	}
	status = job_status(j->st[j->n - 1]);
	job_free(j);
	return status;
}

/* fg / bg [%N] */
int job_fg_bg(char **argv, int fg)
{
	struct job *j = job_find(argv[1] ? argv[1] : "%");
	int status;

	if (!job_control()) {
		sh_error("%s: no job control", argv[0]);
		return 1;
	}
	if (!j) {
		sh_error("%s: no such job", argv[0]);
		return 1;
	}
	fprintf(stderr, "%s\n", j->what);
	if (fg)
		tcsetpgrp(job_tty, j->pgrp);
	kill(-j->pgrp, SIGCONT);
	j->stopped = 0;
	if (!fg)
		return 0;
	status = job_wait(j, 1);
	job_fg_done(j, status);
	return status;
}

void job_list(void)
{
	struct job *j;

	job_reap(0);
	for (j = jobs; j; j = j->next)
		printf("[%d] %s %s\n", j->id, job_done(j) ? "Done" :
		       j->stopped ? "Stopped" : "Running", j->what);
}

/* In a child: the parent's jobs are not ours. */
void job_forget(void)
{
	while (jobs)
		job_free(jobs);
}
