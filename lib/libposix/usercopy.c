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
#include <mica/const.h>
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

/* The length of the caller's string s, read through the kernel a piece
 * at a time, never past the page the piece starts in: 0 with *len, or -1
 * with EFAULT (not readable) or ENAMETOOLONG (no NUL in max bytes).
 * Once measured, the string is known readable and may be used as is. */
int lc_strlen_user(const char *s, size_t max, size_t *len)
{
	char piece[256];
	size_t n = 0, k, i, in_page;

	if (!s)
		return lc_err(-EFAULT);
	while (n < max) {
		in_page = PAGE_SIZE - (((vir_bytes)s + n) & (PAGE_SIZE - 1));
		k = in_page < sizeof(piece) ? in_page : sizeof(piece);
		if (k > max - n)
			k = max - n;
		if (lc_copyin(piece, s + n, k) < 0)
			return -1;
		for (i = 0; i < k; i++)
			if (!piece[i]) {
				*len = n + i;
				return 0;
			}
		n += k;
	}
	return lc_err(-ENAMETOOLONG);
}

/* A caller's NULL-terminated vector of strings (execve's argv, envp):
 * the pointers read a page's worth at a time, each string measured, so
 * exec_frame_size may then walk it as is.  0, or -1 with EFAULT, or
 * E2BIG when the vector or a string could not fit in an exec frame. */
int lc_strvec_user(char *const *v, size_t max_bytes)
{
	char *chunk[64];
	size_t i = 0, j, k, len;

	for (;;) {
		vir_bytes a = (vir_bytes)(v + i);

		k = (PAGE_SIZE - (a & (PAGE_SIZE - 1))) / sizeof(char *);
		if (k == 0)		/* a pointer across two pages */
			k = 1;
		if (k > sizeof(chunk) / sizeof(chunk[0]))
			k = sizeof(chunk) / sizeof(chunk[0]);
		if (lc_copyin(chunk, v + i, k * sizeof(char *)) < 0)
			return -1;
		for (j = 0; j < k; j++, i++) {
			if (!chunk[j])
				return 0;
			if ((i + 1) * sizeof(char *) > max_bytes)
				return lc_err(-E2BIG);
			if (lc_strlen_user(chunk[j], max_bytes, &len) < 0)
				return errno == ENAMETOOLONG ? lc_err(-E2BIG) : -1;
		}
	}
}
