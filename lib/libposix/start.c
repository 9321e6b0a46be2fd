/*
 * start.c - from the exec frame (mica/exec.h) to main: check the frame,
 * point argv/environ into it, learn the process's endpoint from auxv,
 * run the constructors and call exit(main(argc, argv, envp)), so atexit
 * handlers, then the destructors, run and stdio is flushed.
 */
#include <stdlib.h>
#include <mica/exec.h>
#include <mica/const.h>
#include "posix.h"

extern char **environ;
int main(int argc, char **argv, char **envp);
void lc_exec_start(void *sp) __attribute__((noreturn));

typedef void (*lc_ctor)(void);
extern lc_ctor __init_array_start[], __init_array_end[];
extern lc_ctor __fini_array_start[], __fini_array_end[];

/* Destructors, last to first, after every atexit handler main registered. */
static void run_fini(void)
{
	for (lc_ctor *d = __fini_array_end; d > __fini_array_start; )
		(*--d)();
}

void lc_start(void *frame, u32_t size)
{
	struct exec_frame f;
	u32_t *w = frame;
	lc_ctor *c;

	if (exec_frame_parse(frame, size, (vir_bytes)frame, &f) != OK)
		sys_exit(127);
	lc_self = exec_frame_aux(frame, &f, AT_MICA_SELF, NONE);
	environ = (char **)(w + f.envp_word);
	atexit(run_fini);
	for (c = __init_array_start; c < __init_array_end; c++)
		(*c)();
	exit(main(f.argc, (char **)(w + f.argv_word), environ));
}

/* Entry from _start_exec: the frame runs up to the top of the stack. */
void lc_exec_start(void *sp)
{
	lc_start(sp, USER_STACK_TOP - (vir_bytes)sp);
}
