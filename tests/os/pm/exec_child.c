/*
 * exec_child.c - the program the exec tests run: tiny on purpose (one
 * read-only text segment, no data, no C library, under 2 KiB), so it fits
 * the memfs stand-in file system.  It starts at _start_exec with the
 * exec frame (mica/exec.h) at its stack pointer and exits through PM
 * with a status that says what it found:
 *   argv[1] "pid"   -> its pid & 0x7f (the pid survives exec)
 *   argv[1] "euid"  -> its effective uid & 0x7f (set-user-id files)
 *   argv[1] "env"   -> 0 if envp[0] is "MICA=exec" and argc is 2
 *   argv[1] "true"  -> 0 at once (the benchmark's /bin/true)
 *   anything else   -> 0x7e
 */
#include <mica/type.h>
#include <mica/com.h>
#include <mica/ipc.h>
#include <mica/callnr.h>

static int trap_sendrec(endpoint_t dst, message *m)
{
	int r;

	__asm__ volatile("int $0x80" : "=a"(r)
		: "a"(IPC_SENDREC), "b"(dst), "c"(m), "d"(0) : "memory");
	return r;
}

static int same(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static void pm_exit(int status) __attribute__((noreturn));
static void pm_exit(int status)
{
	message m;

	for (u32_t i = 0; i < sizeof(m); i++)
		((volatile u8_t *)&m)[i] = 0;
	m.m_lc_pm_exit.status = status;
	trap_sendrec(PM_PROC_NR, (m.m_type = PM_EXIT, &m));
	for (;;)
		;
}

void child_main(u32_t *sp) __attribute__((noreturn, used));
void child_main(u32_t *sp)
{
	u32_t argc = sp[0];
	char **argv = (char **)(sp + 1), **envp = argv + argc + 1;
	message m;

	if (argc >= 2 && same(argv[1], "true"))
		pm_exit(0);
	for (u32_t i = 0; i < sizeof(m); i++)
		((volatile u8_t *)&m)[i] = 0;
	m.m_type = PM_GETIDS;
	if (argc < 2 || trap_sendrec(PM_PROC_NR, &m) != 0 || m.m_type < 0)
		pm_exit(0x7e);
	if (same(argv[1], "pid"))
		pm_exit(m.m_pm_lc_ids.pid & 0x7f);
	if (same(argv[1], "euid"))
		pm_exit(m.m_pm_lc_ids.euid & 0x7f);
	if (same(argv[1], "env"))
		pm_exit(argc == 2 && envp[0] && same(envp[0], "MICA=exec") ? 0 : 1);
	pm_exit(0x7e);
}

__asm__(".text\n.globl _start_exec\n_start_exec:\n"
	"\tpushl %esp\n\tcall child_main\n");
