/*
 * sigjmp.c - siglongjmp: the mask sigsetjmp saved (lib/libc/include/
 * setjmp.h) comes back through PM first, then the plain longjmp.
 */
#include <setjmp.h>
#include <signal.h>

void siglongjmp(sigjmp_buf env, int val)
{
	if (env->__saved)
		sigprocmask(SIG_SETMASK, &env->__mask, (sigset_t *)0);
	longjmp(env->__jb, val);
}
