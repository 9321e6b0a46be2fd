/*
 * usercopy.c - copies through a caller's pointer that may be bogus.
 * Where a wrapper must read or fill the caller's structure itself (a
 * timespec to convert, a status word from PM's reply), touching the
 * pointer directly would kill the caller with SIGSEGV where POSIX wants
 * EFAULT.  So the copy goes through the kernel instead: a grant of the
 * range to this process itself and a safe copy, which the kernel checks
 * like any server's copy (unmapped, kernel or wrapping ranges are
 * EFAULT; pages not yet touched are faulted in by VM as usual).  Costs
 * two kernel calls, so only the wrappers that need it use it.
 */
#include <errno.h>
#include "posix.h"

/* This process's endpoint: from the start frame, or asked of the kernel
 * (a boot module's frame may lack it; fork forgets the parent's). */
static endpoint_t self_ep(void)
{
	int slot;

	if (lc_self == NONE && sys_getinfo(&lc_self, &slot) != OK)
		lc_self = NONE;
	return lc_self;
}

static int user_copy(void *usr, void *local, size_t n, int to_user)
{
	cp_grant_id_t g;
	int r;

	if (!n)
		return 0;
	if (!usr)
		return lc_err(-EFAULT);
	if (self_ep() == NONE)
		return lc_err(-EFAULT);
	if ((g = lc_grant(lc_self, usr, n, to_user ? CPF_WRITE : CPF_READ)) < 0)
		return -1;
	r = to_user ? sys_safecopyto(lc_self, g, 0, local, n) :
		sys_safecopyfrom(lc_self, g, 0, local, n);
	lc_ungrant(g);
	return r == OK ? 0 : lc_err(-EFAULT);
}

int lc_copyin(void *dst, const void *usr, size_t n)
{
	return user_copy((void *)usr, dst, n, 0);
}

int lc_copyout(void *usr, const void *src, size_t n)
{
	return user_copy(usr, (void *)src, n, 1);
}
