/*
 * ps.h - one process as ps prints it, from either source: /proc
 * (proc.c: status and cmdline of each PID directory, when procfs is
 * mounted) or PM's table (ps.c: mica_getprocs, when it is not).
 */
#ifndef PS_PS_H
#define PS_PS_H

#include <mica/procinfo.h>

struct ps_ent {
	struct mica_procinfo pi;
	char cmd[MICA_CMDLINE_MAX + 1];	/* argv joined by spaces; "" none */
};

/* The processes /proc lists, malloc'd, their number in *n; NULL with
 * errno ENOENT when /proc is not procfs (not mounted), other errno on
 * failure. */
struct ps_ent *ps_from_proc(int *n);

#endif /* PS_PS_H */
