/*
 * fstypes.c - the file-system types micafuse knows, and probing.
 *
 * Each file-system library exports one struct fsdriver_fstype (fstype.h);
 * this table lists them in probing order.  Probes only read, so trying one
 * type after another changes nothing on the image.  (The test program
 * micafuse_memfs replaces this file with its own table.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "micafuse.h"

/* In probing order. */
static const struct fsdriver_fstype *const fstypes[] = {
	&mfs_fstype,
	&ext2_fstype,
	&isofs_fstype,
	&romfs_fstype,
};

#define NFSTYPES	(sizeof(fstypes) / sizeof(fstypes[0]))

/* The type named 'name', or NULL. */
const struct fsdriver_fstype *mf_fstype_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < NFSTYPES; i++) {
		if (strcmp(fstypes[i]->name, name) == 0)
			return fstypes[i];
	}
	return NULL;
}

/* Probe 'dev' with each type in turn; NULL if none matched. */
const struct fsdriver_fstype *mf_fstype_probe(dev_t dev, const char *image)
{
	size_t i;
	int r;

	for (i = 0; i < NFSTYPES; i++) {
		if (fstypes[i]->probe == NULL)
			continue;
		r = fstypes[i]->probe(dev);
		if (r == 1)
			return fstypes[i];
		if (r < 0)
			fprintf(stderr, "micafuse: %s: probing for %s: %s\n",
			    image, fstypes[i]->name, strerror(-r));
	}
	fprintf(stderr, "micafuse: %s: no known file system found "
	    "(tried %s)\n", image, mf_fstype_names());
	return NULL;
}

/* "a, b, c" from the names of list[0..n), in memory the caller frees;
 * NULL if out of memory.  Sized from the names: never truncated. */
char *mf_fstype_join(const struct fsdriver_fstype *const *list, size_t n)
{
	size_t i, len = 1;
	char *s, *p;

	for (i = 0; i < n; i++)
		len += strlen(list[i]->name) + 2;
	if ((s = p = malloc(len)) == NULL)
		return NULL;
	*p = '\0';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%s", i > 0 ? ", " : "", list[i]->name);
	return s;
}

/* "mfs, ext2, iso9660": the types this binary knows (built once). */
const char *mf_fstype_names(void)
{
	static char *names;

	if (names == NULL)
		names = mf_fstype_join(fstypes, NFSTYPES);
	return names != NULL ? names : "(out of memory)";
}
