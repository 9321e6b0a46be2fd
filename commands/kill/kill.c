/*
 * commands/kill/kill.c - send a signal:
 *   kill [-s signal | -signal] pid...     (default TERM; pid may be -pgrp)
 *   kill -l [exit-status]                 list signal names
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

#define KILL_USAGE "kill [-s signal | -signal] pid... | kill -l [status]"

static int kill_list(const char *status)
{
	const char *name;
	int i, sig;

	if (status) {
		sig = atoi(status);
		if (sig > 128)
			sig -= 128;
		name = sig_name(sig);
		if (!name)
			return cmd_msg("%s: unknown signal", status);
		puts(name);
		return 0;
	}
	for (i = 0; i < sig_count(); i++) {
		sig = sig_at(i, &name);
		printf("%s%c", name, i + 1 < sig_count() ? ' ' : '\n');
	}
	(void)sig;
	return 0;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, status = 0;
	char *end;
	long pid;

	cmd_init(argv[0]);
	if (argc < 2)
		cmd_usage(KILL_USAGE);
	if (!strcmp(argv[1], "-l"))
		return kill_list(argc > 2 ? argv[2] : NULL);
	if (!strcmp(argv[1], "-s")) {
		if (argc < 3)
			cmd_usage(KILL_USAGE);
		sig = sig_number(argv[2]);
		i = 3;
	} else if (argv[1][0] == '-' && argv[1][1]) {
		if (!strcmp(argv[1], "--"))
			i = 2;
		else {
			sig = sig_number(argv[1] + 1);
			i = 2;
		}
	}
	if (sig < 0) {
		cmd_msg("%s: unknown signal", argv[i - 1]);
		cmd_usage(KILL_USAGE);
	}
	if (i >= argc)
		cmd_usage(KILL_USAGE);
	for (; i < argc; i++) {
		pid = strtol(argv[i], &end, 10);
		if (!*argv[i] || *end) {
			status = cmd_msg("%s: not a process id", argv[i]);
			continue;
		}
		if (kill((pid_t)pid, sig) < 0)
			status = cmd_err("%s", argv[i]);
	}
	return status;
}
