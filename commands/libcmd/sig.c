/*
 * commands/libcmd/sig.c - signal names, for kill and the shell's trap.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static const struct {
	const char *name;
	int sig;
} sig_tab[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
	{ "ILL", SIGILL }, { "TRAP", SIGTRAP }, { "ABRT", SIGABRT },
	{ "BUS", SIGBUS }, { "FPE", SIGFPE }, { "KILL", SIGKILL },
	{ "USR1", SIGUSR1 }, { "SEGV", SIGSEGV }, { "USR2", SIGUSR2 },
	{ "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM },
	{ "CHLD", SIGCHLD }, { "CONT", SIGCONT }, { "STOP", SIGSTOP },
	{ "TSTP", SIGTSTP }, { "TTIN", SIGTTIN }, { "TTOU", SIGTTOU },
	{ "URG", SIGURG }, { "WINCH", SIGWINCH },
};

#define SIG_N ((int)(sizeof(sig_tab) / sizeof(sig_tab[0])))

int sig_number(const char *name)
{
	char *end;
	long n;
	int i;

	if (*name >= '0' && *name <= '9') {
		n = strtol(name, &end, 10);
		return (*end || n > 64) ? -1 : (int)n;
	}
	if (strncmp(name, "SIG", 3) == 0)
		name += 3;
	for (i = 0; i < SIG_N; i++)
		if (strcmp(sig_tab[i].name, name) == 0)
			return sig_tab[i].sig;
	return -1;
}

const char *sig_name(int sig)
{
	int i;

	for (i = 0; i < SIG_N; i++)
		if (sig_tab[i].sig == sig)
			return sig_tab[i].name;
	return NULL;
}

int sig_count(void)
{
	return SIG_N;
}

int sig_at(int i, const char **name)
{
	*name = sig_tab[i].name;
	return sig_tab[i].sig;
}
