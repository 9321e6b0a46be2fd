/*
 * <limits.h> for Mica: newlib's (and the compiler's), plus SSIZE_MAX,
 * which POSIX puts here and newlib's generic build leaves out.
 */
#include_next <limits.h>

#ifndef SSIZE_MAX
#define SSIZE_MAX	((long)(__SIZE_MAX__ >> 1))	/* ssize_t: as wide as size_t */
#endif
