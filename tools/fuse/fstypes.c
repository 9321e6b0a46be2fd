/*
 * fstypes.c - the file-system types micafuse knows, and probing.
 *
 * Each file-system library exports one struct fsdriver_fstype (fstype.h);
 * this table lists them in probing order.  Probes only read, so trying one
 * type after another changes nothing on the image.  (The test program
 * micafuse_memfs replaces this file with its own table.)
 */
#include <stdio.h>
#include <string.h>

#include "micafuse.h"

/* In probing order. */
static const struct fsdriver_fstype *const fstypes[] = {
	&mfs_fstype,
	&ext2_fstype,
	&isofs_fstype,
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

/* "mfs, ext2, iso9660": the types this binary knows. */
const char *mf_fstype_names(void)
{
	static char names[64];
	size_t i;

	names[0] = '\0';
	for (i = 0; i < NFSTYPES; i++) {
		if (names[0] != '\0')
			strncat(names, ", ", sizeof(names) - strlen(names) - 1);
		strncat(names, fstypes[i]->name,
		    sizeof(names) - strlen(names) - 1);
	}
	return names;
}
