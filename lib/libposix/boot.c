/*
 * boot.c - start-up of a C program launched by the kernel as a boot
 * module, which gets only its endpoint and its command-line words.  The
 * words become the argument vector, except "env:NAME=VALUE" words, which
 * become environment entries; argv[0] is the process's name.  The result
 * is built as a standard exec frame (lib/libexec) in this stack frame, so
 * everything after it runs exactly as for an exec'd program.
 */
#include <string.h>
#include <mica/exec.h>
#include <mica/const.h>
#include "posix.h"

#define BOOT_ARGS_MAX 256		/* bytes of command line we take */
#define BOOT_WORDS    32

void lc_boot_start(endpoint_t self, const char *args) __attribute__((noreturn));

/* Split a copy of args into argv (after argv[0]) and envp. */
static void split_words(char *s, char **argv, char **envp)
{
	int na = 1, ne = 0;

	while (*s) {
		while (*s == ' ')
			*s++ = '\0';
		if (!*s)
			break;
		if (!strncmp(s, "env:", 4) && ne < BOOT_WORDS - 1)
			envp[ne++] = s + 4;
		else if (na < BOOT_WORDS - 1)
			argv[na++] = s;
		while (*s && *s != ' ')
			s++;
	}
	argv[na] = NULL;
	envp[ne] = NULL;
}

static void self_name(char *buf)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = SYS_GETINFO;
	m.m_proc.endpt = SELF;
	if (kernel_call(&m) == OK && m.m_proc.name[0]) {
		memcpy(buf, m.m_proc.name, PROC_NAME_LEN);
		buf[PROC_NAME_LEN - 1] = '\0';
	} else {
		strcpy(buf, "prog");
	}
}

void lc_boot_start(endpoint_t self, const char *args)
{
	char line[BOOT_ARGS_MAX], name[PROC_NAME_LEN];
	char *argv[BOOT_WORDS], *envp[BOOT_WORDS];
	struct exec_auxv aux[] = { { AT_PAGESZ, PAGE_SIZE }, { AT_MICA_SELF, (u32_t)self } };
	static u32_t frame[(BOOT_ARGS_MAX + 2 * BOOT_WORDS * 4 + 64 + PROC_NAME_LEN) / 4 + 8];
	int size;

	strncpy(line, args ? args : "", sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	self_name(name);
	argv[0] = name;
	split_words(line, argv, envp);
	size = exec_frame_size(argv, envp, 2);
	if (size < 0 || (u32_t)size > sizeof(frame) ||
	    exec_frame_build(frame, size, (vir_bytes)frame, argv, envp, aux, 2) != OK)
		sys_exit(127);
	lc_start(frame, size);
}
