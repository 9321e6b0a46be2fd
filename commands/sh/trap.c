/*
 * commands/sh/trap.c - signals and the trap builtin.
 *
 * A caught signal only sets a flag; the actions run between commands
 * (trap_run_pending, called by the executor and after waits), never inside
 * the handler.  An interactive shell catches SIGINT itself (to drop the
 * line being typed) and ignores SIGQUIT and SIGTERM; a child of the shell
 * gets the defaults back (trap_child), except signals the user asked to
 * ignore.  Signals ignored when a non-interactive shell started cannot be
 * trapped (POSIX).  EXIT (0) runs once, from sh_exit.  Signal names
 * come from libcmd (sig.c), shared with kill.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "sh.h"

#define TRAP_NSIG 65

static char *trap_cmd[TRAP_NSIG];	/* NULL default, "" ignore */
static char trap_ign_start[TRAP_NSIG];
static volatile sig_atomic_t trap_flag[TRAP_NSIG], trap_any, trap_last;


static void trap_handler(int sig)
{
	if (sig > 0 && sig < TRAP_NSIG)
		trap_flag[sig] = 1;
	trap_any = 1;
	trap_last = sig;
}

static void trap_signal(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;	/* no SA_RESTART: reads and waits return */
	sigaction(sig, &sa, NULL);
}

/* Signal number of a name ("EXIT", "INT", "SIGINT", "2"); -1 if unknown. */
int trap_signum(const char *name)
{
	int sig;

	if (strcmp(name, "EXIT") == 0)
		return 0;
	sig = sig_number(name);
	return sig < TRAP_NSIG ? sig : -1;
}

const char *trap_signame(int sig)
{
	return sig == 0 ? "EXIT" : sig_name(sig);
}

void trap_init(void)
{
	struct sigaction sa;
	int i;

	for (i = 1; i < TRAP_NSIG; i++)
		if (sigaction(i, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
			trap_ign_start[i] = !sh.interactive;
	if (sh.interactive) {
		trap_signal(SIGINT, trap_handler);
		trap_signal(SIGQUIT, SIG_IGN);
		trap_signal(SIGTERM, SIG_IGN);
	}
}

int trap_pending(void)
{
	return trap_any;
}

int trap_sig_caught(void)
{
	return trap_last;
}

/* Run the actions of the signals caught since last time; $? is kept. */
void trap_run_pending(void)
{
	int i, saved;

	if (!trap_any)
		return;
	trap_any = 0;
	for (i = 1; i < TRAP_NSIG; i++) {
		if (!trap_flag[i])
			continue;
		trap_flag[i] = 0;
		if (trap_cmd[i] && *trap_cmd[i]) {
			char *cmd = xstrdup(trap_cmd[i]);

			saved = sh.status;
			sh_run_string(cmd, strlen(cmd));
			sh.status = saved;
			free(cmd);
		}
	}
}

/* In a new child: caught signals back to default, actions forgotten. */
void trap_child(void)
{
	int i;

	for (i = 0; i < TRAP_NSIG; i++) {
		if (trap_cmd[i] && !*trap_cmd[i])
			continue;
		free(trap_cmd[i]);
		trap_cmd[i] = NULL;
		trap_flag[i] = 0;
		if (i && !trap_ign_start[i])
			trap_signal(i, SIG_DFL);
	}
	trap_any = 0;
}

void trap_exit(void)
{
	char *cmd = trap_cmd[0];

	if (!cmd)
		return;
	trap_cmd[0] = NULL;
	if (*cmd)
		sh_run_string(cmd, strlen(cmd));
	free(cmd);
}

/* Set the action of sig: NULL default, "" ignore, else a command. */
static void trap_set(int sig, const char *cmd)
{
	free(trap_cmd[sig]);
	trap_cmd[sig] = cmd ? xstrdup(cmd) : NULL;
	if (sig == 0)
		return;
	if (!cmd)
		trap_signal(sig, (sh.interactive && sig == SIGINT) ? trap_handler
			    : (sh.interactive && (sig == SIGQUIT ||
			       sig == SIGTERM)) ? SIG_IGN : SIG_DFL);
	else
		trap_signal(sig, *cmd ? trap_handler : SIG_IGN);
}

static void trap_print(void)
{
	int i;
	const char *c, *name;

	for (i = 0; i < TRAP_NSIG; i++) {
		if (!trap_cmd[i] || !(name = trap_signame(i)))
			continue;
		fputs("trap -- '", stdout);
		for (c = trap_cmd[i]; *c; c++)
			if (*c == '\'')
				fputs("'\\''", stdout);
			else
				putchar(*c);
		printf("' %s\n", name);
	}
}

/* trap [action condition...] */
int trap_builtin(char **argv)
{
	const char *action;
	int i = 1, sig, status = 0;

	if (argv[1] && strcmp(argv[1], "--") == 0)
		i++;
	if (!argv[i]) {
		trap_print();
		return 0;
	}
	action = argv[i];
	if ((*action >= '0' && *action <= '9') || !argv[i + 1])
		action = NULL;	/* trap N... or trap SIG: reset */
	else
		i++;
	if (action && strcmp(action, "-") == 0)
		action = NULL;
	for (; argv[i]; i++) {
		sig = trap_signum(argv[i]);
		if (sig < 0 || sig == SIGKILL || sig == SIGSTOP) {
			sh_error("trap: %s: bad trap", argv[i]);
			status = 1;
			continue;
		}
		if (trap_ign_start[sig])
			continue;
		trap_set(sig, action);
	}
	return status;
}
