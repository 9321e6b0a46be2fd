/*
 * strerror.c - error messages from Mica's one table (MICA_ERRNO_TABLE in
 * mica/errno.h), replacing newlib's strerror.o whole: strerror,
 * strerror_l and _strerror_r, which newlib's strerror_r, perror and
 * __xpg_strerror_r call.  newlib's own switch was built without
 * __LINUX_ERRNO_EXTENSIONS__ and knows neither ENOTBLK nor the IPC
 * errors.  prog.ld names these symbols EXTERN, so this object is linked
 * before the archive search could pull newlib's (the two would clash).
 * An unknown number gets "Unknown error N" and errno EINVAL, as POSIX
 * allows.
 */
#include <mica/errno.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <reent.h>

#define ROW(name, text) case name: return text;

static const char *errno_text(int e)
{
	switch (e) {
	case 0: return "Success";
	MICA_ERRNO_TABLE(ROW)
	default: return NULL;
	}
}

char *_strerror_r(struct _reent *ptr, int errnum, int internal, int *errptr)
{
	static char unknown[32];
	const char *t = errno_text(errnum);

	(void)internal;
	if (t)
		return (char *)t;
	snprintf(unknown, sizeof(unknown), "Unknown error %d", errnum);
	if (errptr)
		*errptr = EINVAL;
	else if (ptr)
		ptr->_errno = EINVAL;
	return unknown;
}

char *strerror(int errnum)
{
	return _strerror_r(_REENT, errnum, 0, NULL);
}

char *strerror_l(int errnum, locale_t locale)
{
	(void)locale;
	return _strerror_r(_REENT, errnum, 0, NULL);
}
