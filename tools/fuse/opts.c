/*
 * opts.c - micafuse's command line.
 *
 *   micafuse [options] IMAGE MOUNTPOINT
 *
 * fuse_opt_parse() runs first with micafuse's own template: it takes IMAGE
 * (the first non-option) and the options only micafuse understands (type=,
 * uid=, gid=, umask=, offset=, cache_size=, force, counts, all_requests)
 * out of the vector.  "ro" and "rw" are noted and left in, because the
 * kernel must see them too; so are everything else (allow_other, default_permissions, -f, -d, -s, the
 * MOUNTPOINT), which main.c hands to fuse_parse_cmdline() and
 * fuse_session_new().  Values are checked strictly: a bad number is an
 * error, not a zero.
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "micafuse.h"

enum {
	KEY_RO, KEY_RW, KEY_FORCE, KEY_UID, KEY_GID, KEY_UMASK, KEY_OFFSET,
	KEY_CACHE, KEY_HELP, KEY_VERSION, KEY_COUNTS, KEY_ALLREQ
};

static const struct fuse_opt opts_template[] = {
	{ "type=%s", offsetof(struct mf_opts, type), 0 },
	FUSE_OPT_KEY("ro", KEY_RO),
	FUSE_OPT_KEY("rw", KEY_RW),
	FUSE_OPT_KEY("force", KEY_FORCE),
	FUSE_OPT_KEY("counts", KEY_COUNTS),
	FUSE_OPT_KEY("all_requests", KEY_ALLREQ),
	FUSE_OPT_KEY("uid=", KEY_UID),
	FUSE_OPT_KEY("gid=", KEY_GID),
	FUSE_OPT_KEY("umask=", KEY_UMASK),
	FUSE_OPT_KEY("offset=", KEY_OFFSET),
	FUSE_OPT_KEY("cache_size=", KEY_CACHE),
	FUSE_OPT_KEY("-h", KEY_HELP),
	FUSE_OPT_KEY("--help", KEY_HELP),
	FUSE_OPT_KEY("-V", KEY_VERSION),
	FUSE_OPT_KEY("--version", KEY_VERSION),
	FUSE_OPT_END
};

/* Parse "123", "64K", "8M", "1G" (binary units). */
int mf_parse_size(const char *s, uint64_t *out, int *suffixed)
{
	unsigned long long v;
	unsigned int shift = 0;
	char *end;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0)
		return -1;
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	default: break;
	}
	if (*end != '\0' || (shift > 0 && v > (UINT64_MAX >> shift)))
		return -1;
	*out = (uint64_t)v << shift;
	if (suffixed != NULL)
		*suffixed = shift > 0;
	return 0;
}

/* A decimal id below (unsigned)-1, the "no change" value of chown. */
static int opts_id(const char *s, unsigned int *out)
{
	unsigned long v;
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v >= UINT_MAX)
		return -1;
	*out = (unsigned int)v;
	return 0;
}

static int opts_umask(const char *s, mode_t *out)
{
	unsigned long v;
	char *end;

	if (*s < '0' || *s > '7')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 8);
	if (errno != 0 || *end != '\0' || v > 0777)
		return -1;
	*out = (mode_t)v;
	return 0;
}

/* A key=value option: store it or say what is wrong with it. */
static int opts_value(struct mf_opts *o, const char *arg, int key)
{
	const char *val = strchr(arg, '=') + 1;
	unsigned int id;
	int bad = 0;

	switch (key) {
	case KEY_UID:
		bad = opts_id(val, &id);
		o->uid = id;
		o->set_uid = 1;
		break;
	case KEY_GID:
		bad = opts_id(val, &id);
		o->gid = id;
		o->set_gid = 1;
		break;
	case KEY_UMASK:
		bad = opts_umask(val, &o->umask);
		o->set_umask = 1;
		break;
	case KEY_OFFSET:
		bad = mf_parse_size(val, &o->offset, NULL);
		break;
	case KEY_CACHE:
		bad = mf_parse_size(val, &o->cache_size, &o->cache_in_bytes) ||
		    o->cache_size == 0;
		break;
	}
	if (bad) {
		fprintf(stderr, "micafuse: bad value in option '%s'\n", arg);
		return -1;
	}
	return 0;
}

/* fuse_opt_parse callback: 0 drops the argument, 1 keeps it. */
static int opts_proc(void *data, const char *arg, int key,
    struct fuse_args *outargs)
{
	struct mf_opts *o = data;

	(void)outargs;
	switch (key) {
	case FUSE_OPT_KEY_NONOPT:
		if (o->image != NULL)
			return 1;	/* MOUNTPOINT (or an extra: libfuse
					 * reports it) */
		o->image = arg;
		return 0;
	case KEY_RO:
		o->rdonly = 1;
		return 1;
	case KEY_RW:
		o->rdonly = 0;
		return 1;
	case KEY_FORCE:
		o->force = 1;
		return 0;
	case KEY_COUNTS:
		o->counts = 1;
		return 0;
	case KEY_ALLREQ:
		o->all_requests = 1;
		return 0;
	case KEY_HELP:
		o->show_help = 1;
		return 1;
	case KEY_VERSION:
		o->show_version = 1;
		return 1;
	case KEY_UID: case KEY_GID: case KEY_UMASK: case KEY_OFFSET:
	case KEY_CACHE:
		return opts_value(o, arg, key) == 0 ? 0 : -1;
	default:
		return 1;
	}
}

/* Take micafuse's options and IMAGE out of 'args'. */
int mf_opts_parse(struct fuse_args *args, struct mf_opts *o)
{
	memset(o, 0, sizeof(*o));
	if (fuse_opt_parse(args, o, opts_template, opts_proc) != 0)
		return -1;
	if (o->image == NULL && !o->show_help && !o->show_version) {
		fprintf(stderr, "micafuse: no IMAGE given "
		    "(usage: micafuse [options] IMAGE MOUNTPOINT)\n");
		return -1;
	}
	return 0;
}

void mf_opts_usage(const char *prog, const char *types)
{
	printf("usage: %s [options] IMAGE MOUNTPOINT\n\n"
	    "Mount a MINIX (mfs), ext2 or ISO 9660 image with FUSE.\n\n"
	    "micafuse options:\n"
	    "    -o ro|rw               read-only / read-write (default rw)\n"
	    "    -o type=TYPE           one of: %s (default: probe)\n"
	    "    -o uid=N,gid=N         show every file as owned by N\n"
	    "    -o umask=OOO           clear these permission bits when "
	    "showing modes\n"
	    "    -o offset=BYTES        the file system starts at BYTES "
	    "(K/M/G suffixes)\n"
	    "    -o cache_size=N        cache N blocks (or N K/M/G bytes)\n"
	    "    -o force               mount even if not cleanly "
	    "unmounted\n"
	    "    -o counts              print request counts at unmount "
	    "(also -d; SIGUSR1: now)\n"
	    "    -o all_requests        serve open, flush, create and plain "
	    "readdir\n"
	    "                           as well (request counts before the "
	    "cuts)\n"
	    "    -o allow_other,default_permissions   passed to the "
	    "kernel\n\n", prog, types);
}
