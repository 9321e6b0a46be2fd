/*
 * fstab.c - mount -a: the file systems /etc/fstab lists, one a line
 *
 *	device  directory  type  options  [dump  pass]
 *
 * (the BSD/Linux layout; '#' starts a comment).  type is a server label,
 * or "auto" for detection (fstype.c); options are a comma list of rw, ro,
 * defaults, noauto (skipped by -a) and nofail (a device that does not
 * exist, ENXIO, or a server that is not running, ENODEV, is passed over
 * in silence: /etc/fstab can name disks and servers, procfs, that only
 * some boots have).  The "/" line documents the root, which VFS
 * mounted at boot; -a skips it.  A malformed line or an unknown option is
 * an error for that line only.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include "cmd.h"
#include "mount.h"

#define LINE_MAX_FSTAB	512

struct fstab_ent {
	char *dev, *dir, *type;
	unsigned long flags;
	int noauto, nofail;
};

/* Split line into the entry; 0, or -1 with why. */
static int fstab_parse(char *line, struct fstab_ent *e, const char **why)
{
	char *opts, *o, *save;

	memset(e, 0, sizeof(*e));
	e->dev = strtok_r(line, " \t\n", &save);
	e->dir = strtok_r(NULL, " \t\n", &save);
	e->type = strtok_r(NULL, " \t\n", &save);
	opts = strtok_r(NULL, " \t\n", &save);
	if (!e->dev || !e->dir || !e->type || !opts) {
		*why = "fewer than four fields";
		return -1;
	}
	for (o = strtok_r(opts, ",", &save); o; o = strtok_r(NULL, ",", &save)) {
		if (!strcmp(o, "ro"))
			e->flags |= MS_RDONLY;
		else if (!strcmp(o, "noauto"))
			e->noauto = 1;
		else if (!strcmp(o, "nofail"))
			e->nofail = 1;
		else if (strcmp(o, "rw") && strcmp(o, "defaults")) {
			*why = "unknown option";
			return -1;
		}
	}
	return 0;
}

int mount_all(unsigned long flags)
{
	char line[LINE_MAX_FSTAB], *p;
	struct fstab_ent e;
	const char *why, *used;
	int n = 0, status = 0, ro_forced;
	FILE *f;

	if (!(f = fopen(FSTAB, "r")))
		return cmd_err("%s", FSTAB);
	while (fgets(line, sizeof(line), f)) {
		n++;
		if (!strchr(line, '\n') && !feof(f)) {
			status = cmd_msg("%s:%d: line too long", FSTAB, n);
			while (fgets(line, sizeof(line), f) && !strchr(line, '\n'))
				;
			continue;
		}
		if ((p = strchr(line, '#')))
			*p = '\0';
		if (strspn(line, " \t\n") == strlen(line))
			continue;
		if (fstab_parse(line, &e, &why) < 0) {
			status = cmd_msg("%s:%d: %s", FSTAB, n, why);
			continue;
		}
		if (e.noauto || !strcmp(e.dir, "/"))
			continue;
		if (mount_typed(strcmp(e.dev, "none") ? e.dev : NULL, e.dir,
		    e.type, e.flags | flags, &used, &ro_forced) == 0) {
			if (ro_forced)
				cmd_msg("%s is write-protected, mounted read-only",
				    e.dev);
			continue;
		}
		if (e.nofail && (errno == ENXIO || errno == ENODEV))
			continue;
		status = cmd_err("%s on %s", e.dev, e.dir);
	}
	fclose(f);
	return status;
}
