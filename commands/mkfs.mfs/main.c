/*
 * main.c - mkfs.mfs command line.
 *
 *   mkfs.mfs [-q] [-B blocksize] [-b blocks] [-i inodes] [-d DIR] [-T time]
 *            [-V 1|2|3] [-n 14|30|60] IMAGE
 *
 * Every number is parsed strictly (decimal, no sign, no trailing bytes, no
 * overflow) and every combination checked here, before the image is opened;
 * a bad command line exits 16, an operational failure 8 (util-linux's
 * mkfs.minix: MKFS_EX_USAGE, MKFS_EX_ERROR; checked against it by
 * tests/host/usage_status.sh).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "mkfs.h"

static void mkfs_usage(void)
{
	fprintf(stderr, "usage: mkfs.mfs [-q] [-B blocksize] [-b blocks] "
	    "[-i inodes] [-d dir] [-D table]...\n"
	    "                [-T time] [-V 1|2|3] [-n 14|30|60] image\n");
}

/* Parse a decimal number in [min, max]; -EINVAL with a message if not. */
static int mkfs_number(const char *opt, const char *s, uint64_t min,
    uint64_t max, uint64_t *out)
{
	unsigned long long v;
	char *end;

	errno = 0;
	if (*s < '0' || *s > '9')
		goto bad;
	v = strtoull(s, &end, 10);
	if (errno || *end != '\0' || v < min || v > max)
		goto bad;
	*out = v;
	return OK;
bad:
	fprintf(stderr, "mkfs.mfs: %s: bad number '%s' (expected %llu..%llu)"
	    "\n", opt, s, (unsigned long long)min, (unsigned long long)max);
	return -EINVAL;
}

static int mkfs_parse(int argc, char **argv, struct mkfs_opts *o,
    int *have_bs, int *have_n)
{
	uint64_t v;
	int c;

	while ((c = getopt(argc, argv, "qB:b:i:d:D:T:V:n:")) != -1) {
		switch (c) {
		case 'q': o->quiet = 1; break;
		case 'd': o->srcdir = optarg; break;
		case 'D':
			if (o->ndevtab == MKFS_MAX_DEVTAB) {
				fprintf(stderr, "mkfs.mfs: at most %d -D "
				    "tables\n", MKFS_MAX_DEVTAB);
				return -EINVAL;
			}
			o->devtab[o->ndevtab++] = optarg;
			break;
		case 'B':
			if (mkfs_number("-B", optarg, MFS_MIN_BLOCK_SIZE,
			    MFS_MAX_BLOCK_SIZE, &v))
				return -EINVAL;
			o->block_size = (unsigned int)v;
			*have_bs = 1;
			break;
		case 'b':
			if (mkfs_number("-b", optarg, 1, UINT32_MAX,
			    &o->blocks))
				return -EINVAL;
			break;
		case 'i':
			if (mkfs_number("-i", optarg, 1, UINT32_MAX,
			    &o->inodes))
				return -EINVAL;
			break;
		case 'T':
			if (mkfs_number("-T", optarg, 0, UINT32_MAX, &v))
				return -EINVAL;
			o->time = (uint32_t)v;
			o->have_time = 1;
			break;
		case 'V':
			if (mkfs_number("-V", optarg, 1, 3, &v))
				return -EINVAL;
			o->version = (int)v;
			break;
		case 'n':
			if (mkfs_number("-n", optarg, 14, 60, &v))
				return -EINVAL;
			o->name_max = (unsigned int)v;
			*have_n = 1;
			break;
		default:
			return -EINVAL;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "mkfs.mfs: exactly one image expected\n");
		return -EINVAL;
	}
	o->image = argv[optind];
	return OK;
}

/* Version, block size and name length must make a real format. */
static int mkfs_check_opts(struct mkfs_opts *o, int have_bs, int have_n)
{
	unsigned int bs = o->block_size;

	if ((bs & (bs - 1)) != 0) {
		fprintf(stderr, "mkfs.mfs: -B %u: not a power of two\n", bs);
		return -EINVAL;
	}
	if (o->version < 3) {
		if (have_bs && bs != MFS_V12_BLOCK_SIZE) {
			fprintf(stderr, "mkfs.mfs: V%d has 1024-byte blocks "
			    "only\n", o->version);
			return -EINVAL;
		}
		o->block_size = MFS_V12_BLOCK_SIZE;
		if (!have_n)
			o->name_max = MFS_NAME_V1_30;
		if (o->name_max != MFS_NAME_V1 && o->name_max != MFS_NAME_V1_30) {
			fprintf(stderr, "mkfs.mfs: -n: V%d names are 14 or 30 "
			    "bytes\n", o->version);
			return -EINVAL;
		}
		return OK;
	}
	if (have_n && o->name_max != MFS_NAME_V3) {
		fprintf(stderr, "mkfs.mfs: -n: V3 names are 60 bytes\n");
		return -EINVAL;
	}
	o->name_max = MFS_NAME_V3;
	return OK;
}

int main(int argc, char **argv)
{
	struct mkfs_opts o;
	int have_bs = 0, have_n = 0;

	memset(&o, 0, sizeof(o));
	o.version = 3;
	o.block_size = 4096;
	if (mkfs_parse(argc, argv, &o, &have_bs, &have_n) != OK ||
	    mkfs_check_opts(&o, have_bs, have_n) != OK) {
		mkfs_usage();
		return MKFS_EXIT_USAGE;
	}
	return mkfs_run(&o);
}
