/*
 * commands/sh/redir.c - redirections.
 *
 * redir_apply performs a command's redirections in order.  For a builtin,
 * function or compound command (run inside the shell) it first saves each
 * descriptor it replaces on a high, close-on-exec descriptor, and
 * redir_restore puts them back, newest first; a forked child passes no
 * save list and keeps the result.  A here-document reaches the command
 * through a pipe: written at once when it fits in PIPE_BUF, otherwise by a
 * detached grandchild so a large body cannot block the shell.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

struct redir_save {
	struct redir_save *next;
	int fd, saved;		/* saved -1: fd was closed before */
};

/* Move fd to a descriptor >= 10 with close-on-exec; the new fd or -1. */
int redir_move_high(int fd)
{
	int n = fcntl(fd, F_DUPFD, 10);

	if (n >= 0)
		fcntl(n, F_SETFD, FD_CLOEXEC);
	close(fd);
	return n;
}

static int write_all(int fd, const char *s, size_t n)
{
	ssize_t r;

	while (n) {
		r = write(fd, s, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		s += r;
		n -= r;
	}
	return 0;
}

/* A descriptor to read text from. */
static int redir_heredoc_fd(const char *text)
{
	int p[2], st;
	size_t n = strlen(text);
	pid_t pid;

	if (pipe(p) < 0)
		return -1;
	if (n <= PIPE_BUF) {
		write_all(p[1], text, n);
	} else {
		pid = fork();
		if (pid == 0) {
			close(p[0]);
			if (fork() == 0) {
				write_all(p[1], text, n);
				_exit(0);
			}
			_exit(0);
		}
		if (pid > 0)
			while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
				;
	}
	close(p[1]);
	return p[0];
}

/* The fd named by a <& or >& word; -1 after a message. */
static int redir_dup_source(const char *w)
{
	char *end;
	long n = strtol(w, &end, 10);

	if (!*w || *end || n < 0 || n > 9999) {
		sh_error("%s: bad file descriptor number", w);
		return -1;
	}
	if (fcntl((int)n, F_GETFD) < 0) {
		sh_error("%s: %s", w, strerror(errno));
		return -1;
	}
	return (int)n;
}

static int redir_open_file(struct redir *r, const char *w)
{
	static const int modes[] = {
		[R_IN] = O_RDONLY, [R_OUT] = O_WRONLY | O_CREAT | O_TRUNC,
		[R_APPEND] = O_WRONLY | O_CREAT | O_APPEND,
		[R_CLOBBER] = O_WRONLY | O_CREAT | O_TRUNC,
		[R_RDWR] = O_RDWR | O_CREAT,
	};
	int mode = modes[r->op], fd;
	struct stat st;

	/* set -C refuses to truncate an existing regular file only */
	if (r->op == R_OUT && sh.opt[OPT_C] &&
	    (stat(w, &st) < 0 || S_ISREG(st.st_mode)))
		mode |= O_EXCL;
	fd = open(w, mode, 0666);
	if (fd < 0)
		sh_error("%s: %s", w, strerror(errno));
	return fd;
}

/* Open the source of r; *keep: fd is the caller's to close afterwards. */
static int redir_source(struct redir *r, int *keep)
{
	char *w, *text;
	int fd;

	*keep = 1;
	if (r->op == R_HEREDOC || r->op == R_HEREDOC_TABS) {
		text = r->quoted ? xstrdup(r->body ? r->body : "")
			: exp_heredoc(r->body ? r->body : "");
		if (!text)
			return -1;
		fd = redir_heredoc_fd(text);
		free(text);
		return fd;
	}
	w = exp_string(r->word, EXP_TILDE);
	if (!w)
		return -1;
	if (r->op == R_DUPIN || r->op == R_DUPOUT) {
		if (strcmp(w, "-") == 0) {
			free(w);
			return -2;	/* close */
		}
		fd = redir_dup_source(w);
		*keep = 0;
	} else {
		fd = redir_open_file(r, w);
	}
	free(w);
	return fd;
}

static void redir_save_fd(struct redir_save **save, int fd)
{
	struct redir_save *s = xmalloc(sizeof(*s));

	s->fd = fd;
	s->saved = fcntl(fd, F_DUPFD, 10);
	if (s->saved >= 0)
		fcntl(s->saved, F_SETFD, FD_CLOEXEC);
	s->next = *save;
	*save = s;
}

/* Perform the redirections r; 0, or -1 after a message. */
int redir_apply(struct redir *r, struct redir_save **save)
{
	int fd, keep;

	for (; r; r = r->next) {
		if (save)
			redir_save_fd(save, r->fd);
		fd = redir_source(r, &keep);
		if (fd == -1)
			return -1;
		if (fd == -2) {
			close(r->fd);
			continue;
		}
		if (fd != r->fd) {
			if (dup2(fd, r->fd) < 0) {
				sh_error("%d: %s", r->fd, strerror(errno));
				if (keep)
					close(fd);
				return -1;
			}
			if (keep)
				close(fd);
		}
		fcntl(r->fd, F_SETFD, 0);
	}
	return 0;
}

/* Undo redir_apply's changes, newest first, and free the save list. */
void redir_restore(struct redir_save *s)
{
	struct redir_save *next;

	for (; s; s = next) {
		next = s->next;
		if (s->saved >= 0) {
			dup2(s->saved, s->fd);
			close(s->saved);
		} else {
			close(s->fd);
		}
		free(s);
	}
}
