/*
 * commands/sh/exec.c - running the AST.
 *
 * One handler per node type, dispatched by table.  Every handler returns
 * the node's exit status; exec_node stores it in $? and applies set -e to
 * simple commands, pipelines and subshells unless a condition is being
 * evaluated (sh.noerrexit).  break, continue and return are pending flags
 * (sh.breaking ...) that lists and loops check after each command.
 *
 * A node run with EX_EXIT is the last thing a forked child does, so an
 * external command there is exec'd without another fork.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct func {
	struct func *next;
	char *name;
	struct node *body;
	struct arena *arena;
};

static struct func *funcs;

static int flow_pending(void)
{
	return sh.breaking || sh.continuing || sh.returning;
}

/* A name for a job: its command's first word, as written. */
static const char *node_name(const struct node *n)
{
	while (n && n->type == N_PIPE)
		n = n->u.pipe.cmds[0];
	if (n && n->type == N_CMD && n->u.cmd.nwords)
		return n->u.cmd.words[0];
	return "(compound)";
}

/* ---- functions ---- */

struct func *func_find(const char *name)
{
	struct func *f;

	for (f = funcs; f; f = f->next)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

int func_unset(const char *name)
{
	struct func **p, *f;

	for (p = &funcs; (f = *p) != NULL; p = &f->next)
		if (strcmp(f->name, name) == 0) {
			*p = f->next;
			arena_unref(f->arena);
			free(f->name);
			free(f);
			return 0;
		}
	return 0;
}

/* Define name as body, which lives in the arena being run (sh.arena). */
int func_define(const char *name, struct node *body)
{
	struct func *f = xmalloc(sizeof(*f));

	func_unset(name);
	f->name = xstrdup(name);
	f->body = body;
	f->arena = sh.arena;
	arena_ref(f->arena);
	f->next = funcs;
	funcs = f;
	return 0;
}

int func_call(struct func *f, char **argv)
{
	struct params saved = sh.pos;
	struct arena *arena = f->arena, *saved_arena = sh.arena;
	struct node *body = f->body;
	int status, saved_loop = sh.loopdepth, n;

	if (sh.calldepth >= SH_MAX_CALLS) {
		sh_error("%s: function nesting too deep", argv[0]);
		return 2;
	}
	for (n = 0; argv[n + 1]; n++)
		;
	sh_set_params(&sh.pos, argv + 1, n);
	arena_ref(arena);
	sh.arena = arena;
	sh.calldepth++;
	sh.funcdepth++;
	sh.loopdepth = 0;
	status = exec_node(body, 0);
	if (sh.returning) {
		sh.returning = 0;
		status = sh.status;
	}
	sh.loopdepth = saved_loop;
	sh.funcdepth--;
	sh.calldepth--;
	sh.arena = saved_arena;
	arena_unref(arena);
	sh_free_params(&sh.pos);
	sh.pos = saved;
	return status;
}

/* ---- children ---- */

/* In a newly forked child of the shell. */
void exec_fork_child(int bg)
{
	int fd;

	sh.subshell = 1;
	sh.interactive = 0;
	trap_child();
	job_forget();
	if (bg && !sh.opt[OPT_M]) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		fd = open("/dev/null", O_RDONLY);
		if (fd >= 0 && fd != 0) {
			dup2(fd, 0);
			close(fd);
		}
	}
}

static void exec_child_exit(int status)
{
	sh_exit(status);
}

/* ---- simple commands ---- */

static void xtrace(char **assigns, char **argv)
{
	const char *ps4 = var_get("PS4");
	int i;

	if (!sh.opt[OPT_X])
		return;
	fputs(ps4 ? ps4 : "+ ", stderr);
	for (i = 0; assigns && assigns[i]; i++)
		fprintf(stderr, "%s%s", i ? " " : "", assigns[i]);
	for (i = 0; argv && argv[i]; i++)
		fprintf(stderr, "%s%s", (i || (assigns && assigns[0])) ? " "
			: "", argv[i]);
	fputc('\n', stderr);
	fflush(stderr);
}

/* Expand NAME=value words into "NAME=expanded" strings. */
static int exec_assigns(char **raw, int n, struct strlist *out)
{
	char *eq, *v, *s;
	int i;

	for (i = 0; i < n; i++) {
		eq = strchr(raw[i], '=');
		v = exp_string(eq + 1, EXP_TILDE | EXP_ASSIGN);
		if (!v)
			return -1;
		s = xmalloc((eq - raw[i]) + strlen(v) + 2);
		memcpy(s, raw[i], eq - raw[i] + 1);
		strcpy(s + (eq - raw[i]) + 1, v);
		free(v);
		sl_add(out, s);
	}
	return 0;
}

static int assign_one(const char *s, int flags)
{
	char *eq = strchr(s, '='), *name;
	int r;

	name = xmalloc(eq - s + 1);
	memcpy(name, s, eq - s);
	name[eq - s] = '\0';
	r = var_set(name, eq + 1, flags);
	free(name);
	return r;
}

/*
 * An assignment refused (a readonly variable, also before a command:
 * "r=1 cmd"): POSIX 2.8.1 makes it fatal to a non-interactive shell,
 * status 2 as dash; an interactive one goes on.
 */
static int assign_failed(void)
{
	if (!sh.interactive)
		sh_exit(2);
	return 2;
}

static struct var_save *assign_temp(struct strlist *as)
{
	struct var_save *save = NULL;
	char *eq, *name;
	int i;

	for (i = 0; i < as->n; i++) {
		eq = strchr(as->v[i], '=');
		name = xmalloc(eq - as->v[i] + 1);
		memcpy(name, as->v[i], eq - as->v[i]);
		name[eq - as->v[i]] = '\0';
		save = var_save_set(save, name, eq + 1);
		free(name);
	}
	return save;
}

static int exec_try(const char *path, char **argv, char **env)
{
	execve(path, argv, env);
	if (errno == ENOEXEC) {
		int fd = open(path, O_RDONLY), i;

		if (fd < 0)
			return errno;
		fd = redir_move_high(fd);
		for (i = 0; argv[i]; i++)
			;
		sh.arg0 = xstrdup(path);
		sh_set_params(&sh.pos, argv + 1, i - 1);
		in_push_fd(fd, 0);
		sh_exit(sh_run_input());
	}
	return errno;
}

/* Replace the shell process with argv; returns only on failure (126/127). */
int exec_argv(char **argv)
{
	const char *path, *p, *colon;
	char **env = var_environ(), buf[4096];
	int err = ENOENT, e;

	fflush(stdout);
	if (strchr(argv[0], '/')) {
		err = exec_try(argv[0], argv, env);
	} else {
		path = var_get("PATH");
		for (p = path ? path : "/bin:/usr/bin"; p; p = colon ? colon + 1
		     : NULL) {
			colon = strchr(p, ':');
			size_t n = colon ? (size_t)(colon - p) : strlen(p);

			if (n + strlen(argv[0]) + 2 > sizeof(buf))
				continue;
			snprintf(buf, sizeof(buf), "%.*s%s%s", (int)n, p,
				 n ? "/" : "", argv[0]);
			e = exec_try(buf, argv, env);
			if (e != ENOENT && e != ENOTDIR)
				err = e;
		}
	}
	var_free_environ(env);
	if (err == ENOENT || err == ENOTDIR) {
		sh_error("%s: not found", argv[0]);
		return 127;
	}
	sh_error("%s: %s", argv[0], strerror(err));
	return 126;
}

static int run_external(char **argv, struct strlist *as, struct redir *r,
			int flags)
{
	pid_t pid, pgrp = 0;
	int i;

	if (!(flags & EX_EXIT)) {
		pid = job_fork(0, &pgrp);
		if (pid < 0)
			return 2;
		if (pid > 0)
			return job_wait_fg(&pid, 1, pgrp, argv[0]);
	}
	if (redir_apply(r, NULL) < 0)
		exec_child_exit(1);
	for (i = 0; i < as->n; i++)
		assign_one(as->v[i], V_EXPORT);
	exec_child_exit(exec_argv(argv));
	return 0;
}

static int run_builtin(const struct builtin *bi, struct func *fn,
		       char **argv, struct strlist *as, struct redir *r)
{
	struct redir_save *save = NULL;
	struct var_save *vs = NULL;
	int status, i;

	if (bi && (bi->flags & BI_SPECIAL)) {
		for (i = 0; i < as->n; i++)
			if (assign_one(as->v[i], 0) < 0)
				return assign_failed();
	} else {
		vs = assign_temp(as);
	}
	if (bi && bi->fn == NULL) {
		/* exec without a command: redirections stay */
		status = redir_apply(r, NULL) < 0 ? 1 : 0;
		var_restore(vs);
		return status;
	}
	if (redir_apply(r, &save) < 0) {
		status = 1;
		if (bi && (bi->flags & BI_SPECIAL) && !sh.interactive) {
			redir_restore(save);
			sh_exit(status);
		}
	} else {
		status = fn ? func_call(fn, argv) : bi->fn(argv);
	}
	fflush(stdout);
	fflush(stderr);
	redir_restore(save);
	var_restore(vs);
	return status;
}

/* A command with no name: assignments and redirections only. */
static int exec_noname(struct node *n, struct strlist *as)
{
	struct redir_save *save = NULL;
	int i, status;

	for (i = 0; i < as->n; i++)
		if (assign_one(as->v[i], 0) < 0)
			return assign_failed();
	status = sh.cmdsubst_status >= 0 ? sh.cmdsubst_status : 0;
	if (redir_apply(n->redirs, &save) < 0)
		status = 1;
	redir_restore(save);
	return status;
}

static int exec_cmd(struct node *n, int flags)
{
	struct strlist argv, as;
	const struct builtin *bi;
	struct func *fn = NULL;
	int i, status;

	sl_init(&argv);
	sl_init(&as);
	sh.cmdsubst_status = -1;
	for (i = 0; i < n->u.cmd.nwords; i++)
		if (exp_fields(n->u.cmd.words[i], EXP_SPLIT | EXP_TILDE,
			       &argv) < 0)
			goto experr;
	if (exec_assigns(n->u.cmd.assigns, n->u.cmd.nassigns, &as) < 0)
		goto experr;
	xtrace(as.v, argv.v);
	for (i = 0; argv.n > 0 && i < as.n; i++)
		if (var_writable(as.v[i]) < 0) {	/* VAR=x cmd, VAR readonly */
			status = assign_failed();
			goto out;
		}
	if (argv.n == 0) {
		status = exec_noname(n, &as);
	} else {
		bi = bi_find(argv.v[0]);
		if (!bi || !(bi->flags & BI_SPECIAL))
			fn = func_find(argv.v[0]);
		if (bi && !strcmp(argv.v[0], "exec") && argv.n > 1)
			status = run_external(argv.v + 1, &as, n->redirs,
					      EX_EXIT);
		else if (fn || bi)
			status = run_builtin(fn ? NULL : bi, fn, argv.v, &as,
					     n->redirs);
		else
			status = run_external(argv.v, &as, n->redirs, flags);
	}
out:
	sl_free(&argv);
	sl_free(&as);
	return status;
experr:
	sl_free(&argv);
	sl_free(&as);
	if (!sh.interactive)
		sh_exit(2);
	return 2;
}

/* ---- compound commands ---- */

static int exec_seq(struct node *n, int flags)
{
	int status = exec_node(n->u.bin.a, 0);

	if (flow_pending())
		return status;
	return exec_node(n->u.bin.b, flags);
}

static int exec_cond(struct node *n)
{
	int status;

	sh.noerrexit++;
	status = exec_node(n, 0);
	sh.noerrexit--;
	return status;
}

static int exec_and(struct node *n, int flags)
{
	int status = exec_cond(n->u.bin.a);

	if (status != 0 || flow_pending())
		return status;
	return exec_node(n->u.bin.b, flags);
}

static int exec_or(struct node *n, int flags)
{
	int status = exec_cond(n->u.bin.a);

	if (status == 0 || flow_pending())
		return status;
	return exec_node(n->u.bin.b, flags);
}

static int exec_not(struct node *n, int flags)
{
	(void)flags;
	return !exec_cond(n->u.bin.a);
}

static int exec_bg(struct node *n, int flags)
{
	pid_t pid, pgrp = 0;

	(void)flags;
	pid = job_fork(1, &pgrp);
	if (pid < 0)
		return 2;
	if (pid == 0)
		exec_child_exit(exec_node(n->u.bin.a, EX_EXIT));
	sh.lastbg = pid;
	job_add_bg(&pid, 1, pgrp, node_name(n->u.bin.a));
	return 0;
}

static int exec_subshell(struct node *n, int flags)
{
	pid_t pid = 0, pgrp = 0;

	if (!(flags & EX_EXIT)) {
		pid = job_fork(0, &pgrp);
		if (pid < 0)
			return 2;
		if (pid > 0)
			return job_wait_fg(&pid, 1, pgrp, "(subshell)");
	}
	if (redir_apply(n->redirs, NULL) < 0)
		exec_child_exit(1);
	exec_child_exit(exec_node(n->u.bin.a, EX_EXIT));
	return 0;
}

/* Run fn(n) with n's redirections in place (compound commands). */
static int with_redirs(struct node *n, int (*fn)(struct node *, int),
		       int flags)
{
	struct redir_save *save = NULL;
	int status;

	if (!n->redirs)
		return fn(n, flags);
	if (redir_apply(n->redirs, &save) < 0) {
		redir_restore(save);
		return 1;
	}
	status = fn(n, flags & ~EX_EXIT);
	fflush(stdout);
	redir_restore(save);
	return status;
}

static int do_group(struct node *n, int flags)
{
	return exec_node(n->u.bin.a, flags);
}

static int do_if(struct node *n, int flags)
{
	int c = exec_cond(n->u.cond.cond);

	if (flow_pending())
		return c;
	if (c == 0)
		return exec_node(n->u.cond.body, flags);
	if (n->u.cond.els)
		return exec_node(n->u.cond.els, flags);
	return 0;
}

/* After a loop body: 1 if the loop must end (break, return, outer
 * continue). */
static int loop_end(void)
{
	if (sh.breaking) {
		sh.breaking--;
		return 1;
	}
	if (sh.continuing) {
		if (--sh.continuing == 0)
			return 0;
		return 1;
	}
	return sh.returning;
}

static int do_while(struct node *n, int flags)
{
	int status = 0, c;

	(void)flags;
	sh.loopdepth++;
	for (;;) {
		c = exec_cond(n->u.cond.cond);
		if (flow_pending()) {
			if (loop_end())
				break;
			continue;
		}
		if ((c == 0) != (n->type == N_WHILE))
			break;
		status = exec_node(n->u.cond.body, 0);
		if (flow_pending() && loop_end())
			break;
	}
	sh.loopdepth--;
	return status;
}

static int do_for(struct node *n, int flags)
{
	struct strlist items;
	int status = 0, i;

	(void)flags;
	sl_init(&items);
	if (!n->u.forn.has_in) {
		for (i = 0; i < sh.pos.n; i++)
			sl_add(&items, xstrdup(sh.pos.v[i]));
	} else {
		for (i = 0; i < n->u.forn.nwords; i++)
			if (exp_fields(n->u.forn.words[i],
				       EXP_SPLIT | EXP_TILDE, &items) < 0) {
				sl_free(&items);
				if (!sh.interactive)
					sh_exit(2);
				return 2;
			}
	}
	sh.loopdepth++;
	for (i = 0; i < items.n; i++) {
		if (var_set(n->u.forn.var, items.v[i], 0) < 0) {
			status = assign_failed();
			break;
		}
		status = exec_node(n->u.forn.body, 0);
		if (flow_pending() && loop_end())
			break;
	}
	sh.loopdepth--;
	sl_free(&items);
	return status;
}

static int do_case(struct node *n, int flags)
{
	struct case_item *ci;
	char *word = exp_string(n->u.casen.word, EXP_TILDE), *pat;
	int i, hit;

	if (!word)
		return 2;
	for (ci = n->u.casen.items; ci; ci = ci->next)
		for (i = 0; i < ci->npats; i++) {
			pat = exp_pattern(ci->pats[i]);
			hit = pat && pmatch(pat, word);
			free(pat);
			if (hit) {
				free(word);
				return exec_node(ci->body, flags);
			}
		}
	free(word);
	return 0;
}

static int exec_func(struct node *n, int flags)
{
	(void)flags;
	return func_define(n->u.func.name, n->u.func.body);
}

static int exec_compound(struct node *n, int flags)
{
	static int (*const tab[])(struct node *, int) = {
		[N_GROUP] = do_group, [N_IF] = do_if, [N_WHILE] = do_while,
		[N_UNTIL] = do_while, [N_FOR] = do_for, [N_CASE] = do_case,
	};

	return with_redirs(n, tab[n->type], flags);
}

/* A pipeline: every command in a child, connected by pipes. */
static int exec_pipe(struct node *n, int flags)
{
	int i, in = -1, p[2];
	pid_t *pids = xmalloc(n->u.pipe.n * sizeof(pid_t)), pgrp = 0;
	int status, count = 0;

	(void)flags;
	for (i = 0; i < n->u.pipe.n; i++) {
		p[0] = p[1] = -1;
		if (i + 1 < n->u.pipe.n && pipe(p) < 0) {
			sh_error("pipe: %s", strerror(errno));
			break;
		}
		pids[i] = job_fork(0, &pgrp);
		if (pids[i] == 0) {
			if (in >= 0) {
				dup2(in, 0);
				close(in);
			}
			if (p[1] >= 0) {
				close(p[0]);
				dup2(p[1], 1);
				close(p[1]);
			}
			exec_child_exit(exec_node(n->u.pipe.cmds[i], EX_EXIT));
		}
		if (in >= 0)
			close(in);
		if (p[1] >= 0)
			close(p[1]);
		in = p[0];
		if (pids[i] < 0)
			break;
		count++;
	}
	if (in >= 0)
		close(in);
	status = count ? job_wait_fg(pids, count, pgrp, node_name(n)) : 2;
	if (count < n->u.pipe.n)
		status = 2;
	free(pids);
	return status;
}

static int (*const exec_tab[])(struct node *, int) = {
	[N_CMD] = exec_cmd, [N_PIPE] = exec_pipe, [N_AND] = exec_and,
	[N_OR] = exec_or, [N_SEQ] = exec_seq, [N_BG] = exec_bg,
	[N_NOT] = exec_not, [N_SUBSHELL] = exec_subshell,
	[N_GROUP] = exec_compound, [N_IF] = exec_compound,
	[N_WHILE] = exec_compound, [N_UNTIL] = exec_compound,
	[N_FOR] = exec_compound, [N_CASE] = exec_compound,
	[N_FUNC] = exec_func,
};

/* Run n; its status is also left in $?. */
int exec_node(struct node *n, int flags)
{
	int status;

	if (trap_pending())
		trap_run_pending();
	if (!n)
		return 0;
	status = exec_tab[n->type](n, flags);
	sh.status = status;
	if (status && sh.opt[OPT_E] && !sh.noerrexit && !flow_pending() &&
	    (n->type == N_CMD || n->type == N_PIPE || n->type == N_SUBSHELL))
		sh_exit(status);
	if (trap_pending())
		trap_run_pending();
	return status;
}
