/*
 * commands/ps/ps.c - list processes, from /proc when procfs is mounted
 * there (proc.c), else from PM's table (mica_getprocs, mica/procinfo.h):
 *   ps        user processes: PID PPID UID STAT CMD
 *   ps -e     every process, system services too (-A is the same)
 *   ps -l     long: PGID, SID, effective uid, memory and CPU time as well
 *   ps -c     CMD is the program's name even when the command line is known
 * CMD is the command line (from /proc: the argv exec was given, as
 * MINIX's and Linux's ps -ef show it), or the program's name when there
 * is none (PM's table carries no argv; services and init have none).  A
 * service's name is its label, shown in brackets ("[vm]") as Linux shows
 * kernel threads.  STAT is PM's view: R, S (waiting in PM), T, Z.
 * Mica only: no other system has PM's call.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <mica/procinfo.h>

#include "cmd.h"
#include "ps.h"

#define PS_USAGE "ps [-Acel]"

/* PM's table in malloc'd memory; its size in *n.  Grows and asks again
 * while processes appear between the two calls. */
static struct ps_ent *ps_from_pm(int *n)
{
	struct mica_procinfo *t = NULL, *nt;
	struct ps_ent *e;
	int want = 64, got;

	for (;;) {
		if (!(nt = realloc(t, want * sizeof(*t)))) {
			free(t);
			errno = ENOMEM;
			return NULL;
		}
		t = nt;
		if ((got = mica_getprocs(t, want)) < 0) {
			free(t);
			return NULL;
		}
		if (got <= want)
			break;
		want = got + 16;
	}
	if (!(e = calloc(got ? got : 1, sizeof(*e)))) {
		free(t);
		errno = ENOMEM;
		return NULL;
	}
	for (int i = 0; i < got; i++)
		e[i].pi = t[i];
	free(t);
	*n = got;
	return e;
}

/* /proc when procfs is there, else PM's table. */
static struct ps_ent *get_table(int *n)
{
	struct ps_ent *t = ps_from_proc(n);

	if (t || errno != ENOENT)
		return t;
	return ps_from_pm(n);
}

static int by_pid(const void *a, const void *b)
{
	const struct ps_ent *x = a, *y = b;

	return (x->pi.pid > y->pi.pid) - (x->pi.pid < y->pi.pid);
}

static void print_cmd(const struct ps_ent *e, int name_only)
{
	char name[MICA_PI_NAME_LEN + 1];

	if (!name_only && e->cmd[0]) {
		printf("%s\n", e->cmd);
		return;
	}
	memcpy(name, e->pi.name, MICA_PI_NAME_LEN);
	name[MICA_PI_NAME_LEN] = '\0';
	if (!name[0])
		strcpy(name, "?");
	if (e->pi.flags & MICA_PI_SYSTEM)
		printf("[%s]\n", name);
	else
		printf("%s\n", name);
}

int main(int argc, char **argv)
{
	struct ps_ent *t;
	int all = 0, lng = 0, name_only = 0, n, c;
	long hz = sysconf(_SC_CLK_TCK);

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "Acel")) != -1) {
		switch (c) {
		case 'A': case 'e': all = 1; break;
		case 'c': name_only = 1; break;
		case 'l': lng = 1; break;
		default: cmd_usage(PS_USAGE);
		}
	}
	if (optind < argc)
		cmd_usage(PS_USAGE);
	if (hz <= 0)
		hz = 100;
	if (!(t = get_table(&n)))
		return cmd_err("cannot read the process table");
	qsort(t, n, sizeof(*t), by_pid);
	if (lng)
		printf("%5s %5s %5s %5s %5s %5s %-4s %7s %6s %6s CMD\n", "PID",
			"PPID", "PGID", "SID", "UID", "EUID", "STAT", "VSZ",
			"RSS", "TIME");
	else
		printf("%5s %5s %5s %-4s CMD\n", "PID", "PPID", "UID", "STAT");
	for (int i = 0; i < n; i++) {
		const struct mica_procinfo *p = &t[i].pi;
		unsigned long secs = p->utime / hz;

		if (!all && (p->flags & MICA_PI_SYSTEM))
			continue;
		if (lng)
			printf("%5d %5d %5d %5d %5u %5u %-4c %6uK %5uK %3lu:%02lu ",
				(int)p->pid, (int)p->ppid, (int)p->pgid,
				(int)p->sid, (unsigned)p->uid, (unsigned)p->euid,
				p->state, (unsigned)(p->vsize / 1024),
				(unsigned)(p->rss * 4), secs / 60, secs % 60);
		else
			printf("%5d %5d %5u %-4c ", (int)p->pid, (int)p->ppid,
				(unsigned)p->uid, p->state);
		print_cmd(&t[i], name_only);
	}
	free(t);
	return fflush(stdout) == 0 ? 0 : cmd_err("write error");
}
