/*
 * <setjmp.h> for Mica: newlib's, plus POSIX sigsetjmp/siglongjmp, which
 * newlib declares only for Cygwin and RTEMS.  sigsetjmp must be a macro
 * (setjmp returns twice into its caller's frame); it saves the signal
 * mask when asked, and siglongjmp (lib/libposix/sigjmp.c) puts it back
 * before the longjmp: the way out of a signal handler that must not
 * return, such as one for SIGSEGV.
 */
#ifndef MICA_LIBC_SETJMP_H
#define MICA_LIBC_SETJMP_H

#include_next <setjmp.h>
#include <signal.h>

struct __mica_sigjmp {
	jmp_buf __jb;
	int __saved;		/* the mask below is to be restored */
	sigset_t __mask;
};
typedef struct __mica_sigjmp sigjmp_buf[1];

#define sigsetjmp(env, savemask) __extension__ ({			\
	struct __mica_sigjmp *__e = (env);				\
	__e->__saved = (savemask) != 0;					\
	if (__e->__saved)						\
		sigprocmask(SIG_BLOCK, (sigset_t *)0, &__e->__mask);	\
	setjmp(__e->__jb); })

void siglongjmp(sigjmp_buf env, int val) __attribute__((__noreturn__));

#endif /* MICA_LIBC_SETJMP_H */
