/*
 * commands/sh/builtin.c - the builtin table, and the builtins about
 * control flow, files and processes: : true false break continue return
 * exit . eval exec cd pwd umask wait jobs fg bg trap, and echo printf
 * test [ (the commands' code, run without a fork).  Variable builtins
 * are in builtin_var.c.  Special builtins (POSIX 2.14) are marked
 * BI_SPECIAL: found before functions, their assignments persist.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "sh.h"

int bi_set(char **argv);
int bi_export(char **argv);
int bi_readonly(char **argv);
int bi_unset(char **argv);
int bi_shift(char **argv);
int bi_read(char **argv);

static int bi_true(char **argv)
{
	(void)argv;
	return 0;
}

static int bi_false(char **argv)
{
	(void)argv;
	return 1;
}

/* A non-negative decimal operand, or def if absent; -1 if bad. */
static long bi_number(char **argv, long def)
{
	char *end;
	long n;

	if (!argv[1])
		return def;
	n = strtol(argv[1], &end, 10);
	if (!*argv[1] || *end || n < 0) {
		sh_error("%s: %s: bad number", argv[0], argv[1]);
		return -1;
	}
	return n;
}

static int bi_loopctl(char **argv, int *flag)
{
	long n = bi_number(argv, 1);

	if (n < 0)
		return 1;
	if (n == 0) {
		sh_error("%s: count must be positive", argv[0]);
		return 1;
	}
	if (sh.loopdepth == 0)
		return 0;
	*flag = n > sh.loopdepth ? sh.loopdepth : (int)n;
	return 0;
}

static int bi_break(char **argv)
{
	return bi_loopctl(argv, &sh.breaking);
}

static int bi_continue(char **argv)
{
	return bi_loopctl(argv, &sh.continuing);
}

static int bi_return(char **argv)
{
	long n = bi_number(argv, sh.status);

	if (n < 0)
		return 2;
	sh.returning = 1;
	sh.status = (int)(n & 255);
	return sh.status;
}

static int bi_exit(char **argv)
{
	long n = bi_number(argv, sh.status);

	sh_exit(n < 0 ? 2 : (int)(n & 255));
}

static int bi_eval(char **argv)
{
	struct sbuf b;
	int i, status;

	sb_init(&b);
	for (i = 1; argv[i]; i++) {
		if (i > 1)
			sb_addc(&b, ' ');
		sb_adds(&b, argv[i]);
	}
	if (!b.n) {
		sb_free(&b);
		return 0;
	}
	status = sh_run_string(b.s, b.n);
	sb_free(&b);
	return status;
}

/* The file "." reads: as given if it has a '/', else searched in PATH. */
static int bi_dot_open(const char *name)
{
	const char *p = var_get("PATH"), *colon;
	char buf[PATH_MAX];
	struct stat st;
	size_t n;
	int fd;

	if (strchr(name, '/'))
		return open(name, O_RDONLY);
	for (; p; p = colon ? colon + 1 : NULL) {
		colon = strchr(p, ':');
		n = colon ? (size_t)(colon - p) : strlen(p);
		if (snprintf(buf, sizeof(buf), "%.*s%s%s", (int)n, p,
			     n ? "/" : "", name) >= (int)sizeof(buf))
			continue;
		if (stat(buf, &st) == 0 && S_ISREG(st.st_mode) &&
		    (fd = open(buf, O_RDONLY)) >= 0)
			return fd;
	}
	errno = ENOENT;
	return -1;
}

static int bi_dot(char **argv)
{
	int fd, status;

	if (!argv[1]) {
		sh_error(".: usage: . file");
		return 2;
	}
	if (sh.calldepth >= SH_MAX_CALLS) {
		sh_error(".: nesting too deep");
		return 2;
	}
	fd = bi_dot_open(argv[1]);
	if (fd < 0 || (fd = redir_move_high(fd)) < 0) {
		sh_error(".: %s: %s", argv[1], strerror(errno));
		if (!sh.interactive)
			sh_exit(2);
		return 2;
	}
	in_push_fd(fd, 0);
	sh.calldepth++;
	sh.funcdepth++;
	sh.status = 0;
	status = sh_run_input();
	if (sh.returning) {
		sh.returning = 0;
		status = sh.status;
	}
	sh.funcdepth--;
	sh.calldepth--;
	in_pop();
	close(fd);
	return status;
}

static int bi_cd(char **argv)
{
	const char *dir = argv[1], *old = var_get("PWD");
	char *oldcopy = old ? xstrdup(old) : NULL, buf[PATH_MAX];
	int print = 0;

	if (dir && strcmp(dir, "--") == 0)
		dir = argv[2];
	if (!dir && !(dir = var_get("HOME"))) {
		sh_error("cd: HOME not set");
		free(oldcopy);
		return 1;
	}
	if (strcmp(dir, "-") == 0) {
		dir = var_get("OLDPWD");
		print = 1;
		if (!dir) {
			sh_error("cd: OLDPWD not set");
			free(oldcopy);
			return 1;
		}
	}
	if (chdir(dir) < 0) {
		sh_error("cd: %s: %s", dir, strerror(errno));
		free(oldcopy);
		return 1;
	}
	if (oldcopy)
		var_set("OLDPWD", oldcopy, 0);
	free(oldcopy);
	if (getcwd(buf, sizeof(buf)))
		var_set("PWD", buf, 0);
	if (print)
		printf("%s\n", buf);
	return 0;
}

/* pwd [-L|-P]: both print the physical path (the shell keeps no logical
 * one); another option is a usage error, status 2, as dash's. */
static int bi_pwd(char **argv)
{
	char buf[PATH_MAX];

	for (argv++; *argv && (*argv)[0] == '-' && (*argv)[1]; argv++) {
		if (!strcmp(*argv, "--"))
			break;
		if ((*argv)[strspn(*argv + 1, "LP") + 1]) {
			sh_error("pwd: usage: pwd [-L|-P]");
			return 2;
		}
	}
	if (!getcwd(buf, sizeof(buf))) {
		sh_error("pwd: %s", strerror(errno));
		return 1;
	}
	printf("%s\n", buf);
	return 0;
}

static int bi_umask(char **argv)
{
	mode_t m;
	char *end;
	long v;

	if (!argv[1]) {
		m = umask(0);
		umask(m);
		printf("%04o\n", (unsigned)m);
		return 0;
	}
	v = strtol(argv[1], &end, 8);
	if (*end || v < 0 || v > 0777) {
		sh_error("umask: %s: bad mask (octal only)", argv[1]);
		return 1;
	}
	umask((mode_t)v);
	return 0;
}

static int bi_wait(char **argv)
{
	int i, status = 0;

	if (!argv[1])
		return job_wait_all();
	for (i = 1; argv[i]; i++)
		status = job_wait_pid_spec(argv[i]);
	return status;
}

static int bi_jobs(char **argv)
{
	(void)argv;
	job_list();
	return 0;
}

static int bi_fg(char **argv)
{
	return job_fg_bg(argv, 1);
}

static int bi_bg(char **argv)
{
	return job_fg_bg(argv, 0);
}

/* echo, printf and test: the commands' own code (commands/X/X.c). */
static int bi_command(char **argv, int (*fn)(int, char **))
{
	int argc;

	for (argc = 0; argv[argc]; argc++)
		;
	cmd_init(argv[0]);
	return fn(argc, argv);
}

static int bi_echo(char **argv)
{
	return bi_command(argv, echo_main);
}

static int bi_printf(char **argv)
{
	return bi_command(argv, printf_main);
}

static int bi_test(char **argv)
{
	return bi_command(argv, test_main);
}

static const struct builtin bi_tab[] = {
	{ ".", bi_dot, BI_SPECIAL }, { ":", bi_true, BI_SPECIAL },
	{ "break", bi_break, BI_SPECIAL }, { "continue", bi_continue,
	BI_SPECIAL }, { "eval", bi_eval, BI_SPECIAL },
	{ "exec", NULL, BI_SPECIAL }, { "exit", bi_exit, BI_SPECIAL },
	{ "export", bi_export, BI_SPECIAL },
	{ "readonly", bi_readonly, BI_SPECIAL },
	{ "return", bi_return, BI_SPECIAL }, { "set", bi_set, BI_SPECIAL },
	{ "shift", bi_shift, BI_SPECIAL }, { "trap", trap_builtin,
	BI_SPECIAL }, { "unset", bi_unset, BI_SPECIAL },
	{ "bg", bi_bg, 0 }, { "cd", bi_cd, 0 }, { "false", bi_false, 0 },
	{ "fg", bi_fg, 0 }, { "jobs", bi_jobs, 0 }, { "pwd", bi_pwd, 0 },
	{ "read", bi_read, 0 }, { "true", bi_true, 0 },
	{ "umask", bi_umask, 0 }, { "wait", bi_wait, 0 },
	{ "echo", bi_echo, 0 }, { "printf", bi_printf, 0 },
	{ "test", bi_test, 0 }, { "[", bi_test, 0 },
};

const struct builtin *bi_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(bi_tab) / sizeof(bi_tab[0]); i++)
		if (strcmp(bi_tab[i].name, name) == 0)
			return &bi_tab[i];
	return NULL;
}
