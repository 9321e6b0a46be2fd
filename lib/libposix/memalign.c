/*
 * memalign.c - posix_memalign over newlib's memalign: newlib's generic
 * build has none, and its aligned_alloc calls it.
 */
#include <stdlib.h>
#include <malloc.h>
#include <errno.h>

int posix_memalign(void **out, size_t align, size_t size)
{
	void *p;

	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	if (!(p = memalign(align, size)))
		return ENOMEM;
	*out = p;
	return 0;
}
