/*
 * panic.c - a service's last words: print the reason on the console,
 * report it to RS (RS_PANIC, so RS can log the label and cause and start
 * its recovery policy) and exit.  For broken invariants only, never for
 * bad input.  The report is a plain send: RS never blocks on a service for
 * long, and a cycle (RS sending to us) fails at once with ELOCKED; without
 * an RS that initialised us there is no report.
 */
#include <mica/syslib.h>
#include <mica/sef.h>
#include <mica/fmt.h>

void panic(const char *fmt, ...)
{
	message m = { 0 };
	const char *label = sef_label();
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m.m_rs_panic.reason, sizeof(m.m_rs_panic.reason), fmt, ap);
	va_end(ap);
	printf("%s(%d): panic: %s\n", label[0] ? label : "service", sys_self,
		m.m_rs_panic.reason);
	m.m_type = RS_PANIC;
	if (sef_rs_inited())
		ipc_send(RS_PROC_NR, &m);
	sys_exit(1);
}
