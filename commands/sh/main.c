/*
 * commands/sh/main.c - Mica's POSIX shell: options, startup and the
 * read-parse-execute loop.
 *
 *   sh [-eixufnvCam] [-o opt] [file [arg...]]
 *   sh [options] -c command [name [arg...]]
 *   sh [options] [-s] [arg...]          commands from standard input
 *
 * Commands come from -c's string, the script file, or standard input
 * (interactive when -i, or when stdin and stderr are terminals: then
 * prompts PS1, "# " for root and "$ " otherwise, and PS2).  Reading stops
 * at end of input; the status is that of the last command.  A syntax
 * error ends a non-interactive shell with status 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

extern char **environ;

struct shell sh;

/* Option letters in $- order, with their set -o names. */
static const struct {
	char letter;
	const char *name;
} sh_opts[OPT_COUNT] = {
	[OPT_E] = { 'e', "errexit" }, [OPT_X] = { 'x', "xtrace" },
	[OPT_U] = { 'u', "nounset" }, [OPT_F] = { 'f', "noglob" },
	[OPT_N] = { 'n', "noexec" }, [OPT_V] = { 'v', "verbose" },
	[OPT_C] = { 'C', "noclobber" }, [OPT_M] = { 'm', "monitor" },
	[OPT_A] = { 'a', "allexport" }, [OPT_I] = { 'i', "interactive" },
};

void sh_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", sh.arg0 ? sh.arg0 : "sh");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
}

/* Leave the shell: run the EXIT trap (once), flush, exit. */
void sh_exit(int status)
{
	sh.status = status;
	if (!sh.exiting) {
		sh.exiting = 1;
		trap_exit();
	}
	fflush(stdout);
	fflush(stderr);
	exit(status & 255);
}

void sh_set_params(struct params *p, char **argv, int n)
{
	int i;

	p->v = xmalloc((n + 1) * sizeof(char *));
	for (i = 0; i < n; i++)
		p->v[i] = xstrdup(argv[i]);
	p->v[n] = NULL;
	p->n = n;
}

void sh_free_params(struct params *p)
{
	int i;

	for (i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

const char *sh_optletters(char *buf)
{
	int i, n = 0;

	for (i = 0; i < OPT_COUNT; i++)
		if (sh.opt[i])
			buf[n++] = sh_opts[i].letter;
	buf[n] = '\0';
	return buf;
}

int sh_setopt_letter(int c, int on)
{
	int i;

	for (i = 0; i < OPT_COUNT; i++)
		if (sh_opts[i].letter == c && i != OPT_I) {
			sh.opt[i] = (char)on;
			return 0;
		}
	return -1;
}

int sh_setopt_name(const char *name, int on)
{
	int i;

	for (i = 0; i < OPT_COUNT; i++)
		if (strcmp(sh_opts[i].name, name) == 0 && i != OPT_I) {
			sh.opt[i] = (char)on;
			return 0;
		}
	sh_error("set: %s: unknown option name", name);
	return -1;
}

/* Read, parse and run commands from the current input until its end. */
int sh_run_input(void)
{
	struct arena *a, *saved;
	struct node *n;
	int r, top = sh.calldepth == 0 && sh.interactive;

	for (;;) {
		if (top) {
			job_reap(1);
			in_set_prompt(1);
		}
		a = arena_new();
		r = parse_command(a, &n);
		if (in_interrupted()) {
			in_clear_interrupt();
			arena_unref(a);
			trap_run_pending();
			sh.status = 130;
			continue;
		}
		if (r == 0) {
			arena_unref(a);
			break;
		}
		if (r < 0) {
			arena_unref(a);
			sh.status = 2;
			if (!sh.interactive)
				sh_exit(2);
			continue;
		}
		if (n && !sh.opt[OPT_N]) {
			saved = sh.arena;
			sh.arena = a;
			exec_node(n, 0);
			sh.arena = saved;
		}
		arena_unref(a);
		if (sh.breaking || sh.continuing || sh.returning)
			break;
	}
	return sh.status;
}

/* Run the commands in s[0..n) (eval, traps, $(...), -c). */
int sh_run_string(const char *s, size_t n)
{
	int status;

	if (sh.calldepth >= SH_MAX_CALLS) {
		sh_error("eval nesting too deep");
		return 2;
	}
	sh.calldepth++;
	in_push_string(s, n);
	status = sh_run_input();
	in_pop();
	sh.calldepth--;
	return status;
}

static void sh_usage(void)
{
	fprintf(stderr, "usage: sh [-eixufnvCam] [-o option] "
		"[-c command [name [arg...]] | -s [arg...] | file [arg...]]\n");
	exit(2);
}

/* Options of the command line; returns the index of the first operand. */
static int sh_options(int argc, char **argv, int *cmd, int *stdin_mode)
{
	int i, on;
	const char *p;

	for (i = 1; i < argc; i++) {
		p = argv[i];
		if ((p[0] != '-' && p[0] != '+') || !p[1])
			break;
		if (strcmp(p, "--") == 0)
			return i + 1;
		on = p[0] == '-';
		for (p++; *p; p++) {
			if (*p == 'c' && on)
				*cmd = 1;
			else if (*p == 's' && on)
				*stdin_mode = 1;
			else if (*p == 'i')
				sh.opt[OPT_I] = (char)on;
			else if (*p == 'o') {
				if (++i >= argc || sh_setopt_name(argv[i], on) < 0)
					sh_usage();
			} else if (sh_setopt_letter(*p, on) < 0) {
				fprintf(stderr, "sh: -%c: unknown option\n", *p);
				sh_usage();
			}
		}
	}
	return i;
}

static void sh_defaults(void)
{
	var_import(environ);
	var_set("IFS", " \t\n", 0);
	if (!var_get("PS1"))
		var_set("PS1", geteuid() == 0 ? "# " : "$ ", 0);
	if (!var_get("PS2"))
		var_set("PS2", "> ", 0);
	if (!var_get("PS4"))
		var_set("PS4", "+ ", 0);
	if (!var_get("PATH"))
		var_set("PATH", "/bin:/usr/bin", 0);
	var_set("OPTIND", "1", 0);
}

int main(int argc, char **argv)
{
	int cmd = 0, stdin_mode = 0, i, fd;

	sh.pid = getpid();
	sh.arg0 = argv[0] ? argv[0] : "sh";
	sh.cmdsubst_status = -1;
	sh_defaults();
	i = sh_options(argc, argv, &cmd, &stdin_mode);
	if (cmd) {
		if (i >= argc) {
			fprintf(stderr, "sh: -c: needs a command string\n");
			sh_usage();
		}
		in_push_string(argv[i], strlen(argv[i]));
		if (++i < argc)
			sh.arg0 = argv[i++];
	} else if (i < argc && !stdin_mode) {
		fd = open(argv[i], O_RDONLY);
		if (fd < 0 || (fd = redir_move_high(fd)) < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[i], strerror(errno));
			exit(errno == ENOENT ? 127 : 126);
		}
		sh.arg0 = argv[i++];
		in_push_fd(fd, 0);
	} else {
		sh.interactive = sh.opt[OPT_I] || (isatty(0) && isatty(2));
		sh.opt[OPT_I] = (char)sh.interactive;
		in_push_fd(0, sh.interactive);
	}
	sh_set_params(&sh.pos, argv + i, argc - i);
	trap_init();
	job_init();
	sh_exit(sh_run_input());
}
