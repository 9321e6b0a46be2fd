/*
 * commands/sh/sh.h - Mica's POSIX shell: what its parts share.
 *
 * The shell is a pipeline of small layers, one file each:
 *
 *   input.c   where bytes come from (a file descriptor or a string), prompts
 *   lex.c     bytes -> tokens (words keep their quotes: expansion needs them),
 *             here-document bodies
 *   parse.c   tokens -> an AST (struct node), allocated in an arena
 *   expand.c  raw words -> fields: parameters, command substitution,
 *             arithmetic (arith.c), field splitting, pathnames (match.c)
 *   exec.c    runs the AST; redir.c the redirections; jobs.c the children
 *   builtin*.c, var.c, trap.c   the shell's own commands, variables, traps
 *   main.c    options, startup, the read-parse-execute loop
 *
 * No longjmp: every layer returns an error (a negative value or NULL) up to
 * the loop that decides (an interactive shell goes back to the prompt, a
 * script exits).  Everything that nests is bounded (SH_MAX_*): hostile input
 * gives "too deeply nested", never a stack overflow.
 *
 * Memory: an AST lives in the arena it was parsed into; a function keeps its
 * arena alive by a reference.  Expansion results are malloc'd and freed by
 * the command that asked for them.
 */
#ifndef MICA_SH_H
#define MICA_SH_H

#include <stddef.h>
#include <sys/types.h>

#define SH_MAX_NEST   100	/* parser nesting (if/while/(...)/$(...) */
#define SH_MAX_CALLS  200	/* function, eval, "." and trap nesting */
#define SH_MAX_ARITH  64	/* arithmetic expression nesting */
#define SH_MAX_LINE   (1 << 20)	/* one word, one line or one here-doc */

/* ---- memory (mem.c) ---- */

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

struct arena;
struct arena *arena_new(void);
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_ref(struct arena *a);
void arena_unref(struct arena *a);

/* A growing byte string; s is always NUL-terminated. */
struct sbuf {
	char *s;
	size_t n, cap;
};
void sb_init(struct sbuf *b);
void sb_addc(struct sbuf *b, char c);
void sb_addn(struct sbuf *b, const char *s, size_t n);
void sb_adds(struct sbuf *b, const char *s);
char *sb_take(struct sbuf *b);	/* the string; b is empty after */
void sb_free(struct sbuf *b);

/* A growing NULL-terminated array of malloc'd strings. */
struct strlist {
	char **v;
	int n, cap;
};
void sl_init(struct strlist *l);
void sl_add(struct strlist *l, char *s);	/* takes ownership of s */
void sl_free(struct strlist *l);

/* ---- input (input.c) ---- */

struct input;
struct input *in_push_fd(int fd, int interactive);
struct input *in_push_string(const char *s, size_t n);
void in_pop(void);
int in_getc(void);		/* next byte, or -1 at end of input */
void in_ungetc(int c);
int in_lineno(void);
void in_set_prompt(int which);	/* 1: PS1, 2: PS2 before the next line */
int in_interrupted(void);	/* reading was cut by SIGINT: drop the line */
void in_clear_interrupt(void);

/* ---- tokens and the AST (lex.c, parse.c) ---- */

enum tok {
	T_EOF, T_WORD, T_NEWLINE, T_SEMI, T_AMP, T_PIPE, T_AND_IF, T_OR_IF,
	T_DSEMI, T_LPAREN, T_RPAREN,
	/* redirection operators, in the order of enum redir_op */
	T_LESS, T_GREAT, T_DGREAT, T_CLOBBER, T_LESSGREAT, T_LESSAND,
	T_GREATAND, T_DLESS, T_DLESSDASH,
};

enum redir_op {
	R_IN, R_OUT, R_APPEND, R_CLOBBER, R_RDWR, R_DUPIN, R_DUPOUT,
	R_HEREDOC, R_HEREDOC_TABS,
};

struct redir {
	struct redir *next;
	int fd;			/* the descriptor redirected */
	enum redir_op op;
	char *word;		/* raw word: file, fd, or here-doc delimiter */
	char *body;		/* here-doc: raw body */
	int quoted;		/* here-doc: delimiter quoted, no expansion */
};

enum node_type {
	N_CMD, N_PIPE, N_AND, N_OR, N_SEQ, N_BG, N_NOT, N_SUBSHELL, N_GROUP,
	N_IF, N_WHILE, N_UNTIL, N_FOR, N_CASE, N_FUNC,
};

struct case_item {
	struct case_item *next;
	char **pats;		/* raw words */
	int npats;
	struct node *body;	/* may be NULL */
};

struct node {
	enum node_type type;
	int lineno;
	struct redir *redirs;	/* N_CMD and compound commands */
	union {
		struct {
			char **assigns, **words;
			int nassigns, nwords;
		} cmd;
		struct {
			struct node **cmds;
			int n;
		} pipe;
		struct {
			struct node *a, *b;
		} bin;		/* AND OR SEQ; NOT BG SUBSHELL GROUP use a */
		struct {
			struct node *cond, *body, *els;
		} cond;		/* IF WHILE UNTIL */
		struct {
			char *var, **words;
			int nwords, has_in;
			struct node *body;
		} forn;
		struct {
			char *word;
			struct case_item *items;
		} casen;
		struct {
			char *name;
			struct node *body;
		} func;
	} u;
};

struct lexer;
/*
 * Parse one complete command (up to an unquoted newline or EOF) from the
 * current input into arena a.  Returns 1 with *out set (NULL for an empty
 * line), 0 at end of input, -1 after printing a syntax error.
 */
int parse_command(struct arena *a, struct node **out);

/* The lexer interface the parser uses (lex.c). */
struct token {
	enum tok type;
	char *text;		/* T_WORD: raw text (quotes kept) */
	int quoted;		/* T_WORD: had a quote or backslash */
	int ionum;		/* redirection operator: explicit fd or -1 */
	int lineno;
};
void lex_start(struct arena *a);
int lex_next(struct token *t);	/* 0 ok, -1 error (printed) */
void lex_heredoc(struct redir *r);	/* body to read after next newline */

/* Case patterns inside $(...) (casetrack.c). */
struct casetrack {
	char word[8];
	int wlen, incase;
};
int case_track(struct casetrack *t, int c);	/* 1: c is a pattern paren */

/* ---- variables (var.c) ---- */

#define V_EXPORT   1
#define V_READONLY 2

const char *var_get(const char *name);
int var_set(const char *name, const char *val, int flags);	/* -1: readonly */
int var_writable(const char *word);	/* NAME or NAME=v; -1: readonly, said */
int var_unset(const char *name);	/* -1: readonly */
int var_add_flags(const char *name, int flags);
int var_valid_name(const char *s, size_t n);
void var_import(char **envp);
char **var_environ(void);	/* malloc'd; free with var_free_environ */
void var_free_environ(char **env);
void var_print(int flags, const char *prefix);	/* flags==0: all */
/* Temporary assignments for one builtin or function call. */
struct var_save;
struct var_save *var_save_set(struct var_save *chain, const char *name,
			      const char *val);
void var_restore(struct var_save *chain);

/* ---- positional parameters and options ---- */

struct params {
	char **v;		/* $1..$n, malloc'd */
	int n;
};

enum { OPT_E, OPT_X, OPT_U, OPT_F, OPT_N, OPT_V, OPT_C, OPT_M, OPT_A, OPT_I,
	OPT_COUNT };

struct shell {
	char *arg0;		/* $0 */
	struct params pos;	/* $1... */
	int status;		/* $? */
	pid_t pid;		/* $$ */
	pid_t lastbg;		/* $!, 0 if none */
	char opt[OPT_COUNT];	/* set -e -x ... */
	int interactive;
	int subshell;		/* we are a forked child of the shell */
	int noerrexit;		/* >0: in a condition, set -e ignored */
	int breaking, continuing, returning;	/* pending control flow */
	int loopdepth, funcdepth, calldepth;
	int cmdsubst_status;	/* status of the last $(...), -1 none */
	int exiting;
	struct arena *arena;	/* arena of the AST being run */
};
extern struct shell sh;

void sh_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void sh_exit(int status) __attribute__((noreturn));
/* Run every command read from the current input; returns the last status. */
int sh_run_input(void);
int sh_run_string(const char *s, size_t n);
void sh_set_params(struct params *p, char **argv, int n);
void sh_free_params(struct params *p);
const char *sh_optletters(char *buf);	/* $- */
int sh_setopt_name(const char *name, int on);	/* set -o NAME */
int sh_setopt_letter(int c, int on);

/* ---- expansion (expand.c, arith.c, match.c) ---- */

#define EXP_SPLIT 1		/* field splitting and pathname expansion */
#define EXP_TILDE 2		/* leading ~ */
#define EXP_ASSIGN 4		/* ~ also after ':' (assignment value) */

/* Expand raw word w into fields appended to out; -1 on error (printed). */
int exp_fields(const char *w, int flags, struct strlist *out);
/* Expand w to one string (no splitting, no pathnames); NULL on error. */
char *exp_string(const char *w, int flags);
/* Expand w as a pattern: quoted pattern characters come back escaped. */
char *exp_pattern(const char *w);
/* Expand a here-document body ($, ` and \ only). */
char *exp_heredoc(const char *body);

int arith_eval(const char *expr, long *out);	/* -1 on error (printed) */

/* Does str match the shell pattern pat (\ escapes, * ? [...])? */
int pmatch(const char *pat, const char *str);
/* Pathnames matching pat, sorted, appended to out; count added. */
int glob_expand(const char *pat, struct strlist *out);

/* ---- execution (exec.c, redir.c, jobs.c) ---- */

#define EX_EXIT 1		/* we are a child about to exit: may exec */

int exec_node(struct node *n, int flags);
/* Replace the process with argv (PATH search); returns 126/127. */
int exec_argv(char **argv);
void exec_fork_child(int bg);	/* reset state in a new child */

struct redir_save;
int redir_apply(struct redir *r, struct redir_save **save);
void redir_restore(struct redir_save *save);
int redir_move_high(int fd);	/* dup fd to >= 10, close-on-exec */

pid_t job_fork(int bg, pid_t *pgrp);	/* fork, with process groups */
/* Wait for a foreground job (named what if it stops); status of last. */
int job_wait_fg(pid_t *pids, int n, pid_t pgrp, const char *what);
void job_add_bg(pid_t *pids, int n, pid_t pgrp, const char *what);
int job_wait_all(void);
int job_wait_pid_spec(const char *spec);	/* pid or %N; 127 unknown */
void job_forget(void);
void job_reap(int report);
int job_fg_bg(char **argv, int fg);
void job_list(void);
void job_init(void);
int job_status(int wstatus);

/* ---- traps and signals (trap.c) ---- */

void trap_init(void);
void trap_run_pending(void);
int trap_pending(void);
void trap_child(void);		/* in a new child: traps back to default */
void trap_exit(void);		/* run the EXIT trap once */
int trap_sig_caught(void);	/* last signal that interrupted a wait */
int trap_builtin(char **argv);
int trap_signum(const char *name);
const char *trap_signame(int sig);

/* ---- builtins (builtin.c, builtin_var.c, builtin_job.c) ---- */

#define BI_SPECIAL 1

struct builtin {
	const char *name;
	int (*fn)(char **argv);
	int flags;
};
const struct builtin *bi_find(const char *name);

/* Functions (exec.c). */
struct func;
struct func *func_find(const char *name);
int func_define(const char *name, struct node *body);
int func_unset(const char *name);
int func_call(struct func *f, char **argv);

#endif
