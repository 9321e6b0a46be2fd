/*
 * commands/dd/dd.c - dd [operand...]: copy with block sizes.
 *   if=file of=file bs=n ibs=n obs=n count=n skip=n seek=n
 *   conv=notrunc,sync,noerror
 * Numbers may end in k (1024), b (512), M (2^20) or be products "AxB".
 * With bs= each input block is written as read; otherwise input is
 * re-blocked into obs-sized writes.  The record counts go to stderr.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

#define DD_USAGE "dd [if=file] [of=file] [bs=n] [ibs=n] [obs=n] " \
	"[count=n] [skip=n] [seek=n] [conv=notrunc,sync,noerror]"
#define DD_MAX_BS (64UL << 20)

struct dd {
	const char *in, *out;
	unsigned long long ibs, obs, bs, count, skip, seek;
	int have_count, notrunc, sync, noerror;
	unsigned long long rin_full, rin_part, rout_full, rout_part;
};

static int dd_num(const char *s, unsigned long long *out)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10), f;

	if (end == s || *s == '-')
		return -1;
	if (*end == 'k')
		v *= 1024, end++;
	else if (*end == 'b')
		v *= 512, end++;
	else if (*end == 'M')
		v <<= 20, end++;
	if (*end == 'x') {
		if (dd_num(end + 1, &f) < 0)
			return -1;
		v *= f;
	} else if (*end) {
		return -1;
	}
	*out = v;
	return 0;
}

static int dd_conv(struct dd *d, char *s)
{
	char *tok;

	for (tok = strtok(s, ","); tok; tok = strtok(NULL, ",")) {
		if (!strcmp(tok, "notrunc"))
			d->notrunc = 1;
		else if (!strcmp(tok, "sync"))
			d->sync = 1;
		else if (!strcmp(tok, "noerror"))
			d->noerror = 1;
		else
			return -1;
	}
	return 0;
}

static int dd_args(struct dd *d, int argc, char **argv)
{
	static const char *const keys[] = {
		"ibs", "obs", "bs", "count", "skip", "seek",
	};
	unsigned long long *vals[] = {
		&d->ibs, &d->obs, &d->bs, &d->count, &d->skip, &d->seek,
	};
	char *eq;
	size_t k;
	int i;

	for (i = 1; i < argc; i++) {
		eq = strchr(argv[i], '=');
		if (!eq)
			return -1;
		*eq++ = '\0';
		if (!strcmp(argv[i], "if")) {
			d->in = eq;
		} else if (!strcmp(argv[i], "of")) {
			d->out = eq;
		} else if (!strcmp(argv[i], "conv")) {
			if (dd_conv(d, eq) < 0)
				return -1;
		} else {
			for (k = 0; k < 6 && strcmp(argv[i], keys[k]); k++)
				;
			if (k == 6 || dd_num(eq, vals[k]) < 0)
				return -1;
			if (k == 3)
				d->have_count = 1;
		}
	}
	if (d->bs)
		d->ibs = d->obs = d->bs;
	return (d->ibs && d->obs && d->ibs <= DD_MAX_BS && d->obs <= DD_MAX_BS)
		? 0 : -1;
}

static ssize_t dd_read(int fd, char *buf, size_t n)
{
	ssize_t r;

	do
		r = read(fd, buf, n);
	while (r < 0 && errno == EINTR);
	return r;
}

static int dd_flush(struct dd *d, int out, const char *buf, size_t n)
{
	if (!n)
		return 0;
	if (cmd_write_all(out, buf, n) < 0)
		return cmd_err("%s", d->out ? d->out : "stdout");
	if (n == d->obs)
		d->rout_full++;
	else
		d->rout_part++;
	return 0;
}

static int dd_skip(struct dd *d, int in, char *buf)
{
	unsigned long long i;

	if (!d->skip || lseek(in, (off_t)(d->skip * d->ibs), SEEK_CUR) >= 0)
		return 0;
	for (i = 0; i < d->skip; i++)
		if (dd_read(in, buf, d->ibs) <= 0)
			break;
	return 0;
}

static int dd_copy(struct dd *d, int in, int out)
{
	char *ibuf = malloc(d->ibs), *obuf = malloc(d->obs);
	size_t ofill = 0, take;
	ssize_t r;
	int status = 0;

	if (!ibuf || !obuf)
		return cmd_msg("out of memory");
	dd_skip(d, in, ibuf);
	while (!d->have_count || d->rin_full + d->rin_part < d->count) {
		r = dd_read(in, ibuf, d->ibs);
		if (r < 0) {
			status = cmd_err("%s", d->in ? d->in : "stdin");
			if (d->noerror)
				continue;
			break;
		}
		if (r == 0)
			break;
		if ((unsigned long long)r == d->ibs)
			d->rin_full++;
		else
			d->rin_part++;
		if (d->sync && (unsigned long long)r < d->ibs) {
			memset(ibuf + r, 0, d->ibs - (size_t)r);
			r = (ssize_t)d->ibs;
		}
		if (d->bs) {
			if (dd_flush(d, out, ibuf, (size_t)r))
				break;
			continue;
		}
		for (take = 0; take < (size_t)r; ) {
			size_t n = d->obs - ofill;

			if (n > (size_t)r - take)
				n = (size_t)r - take;
			memcpy(obuf + ofill, ibuf + take, n);
			ofill += n;
			take += n;
			if (ofill == d->obs) {
				if (dd_flush(d, out, obuf, ofill))
					goto out;
				ofill = 0;
			}
		}
	}
	status |= dd_flush(d, out, obuf, ofill);
out:
	free(ibuf);
	free(obuf);
	return status;
}

int main(int argc, char **argv)
{
	struct dd d;
	int in = 0, out = 1, status;

	memset(&d, 0, sizeof(d));
	d.ibs = d.obs = 512;
	cmd_init(argv[0]);
	if (dd_args(&d, argc, argv) < 0)
		cmd_usage(DD_USAGE);
	if (d.in && (in = open(d.in, O_RDONLY)) < 0)
		return cmd_err("%s", d.in);
	if (d.out) {
		out = open(d.out, O_WRONLY | O_CREAT | (d.seek || d.notrunc ? 0
			   : O_TRUNC), 0666);
		if (out < 0)
			return cmd_err("%s", d.out);
		if (d.seek && !d.notrunc &&
		    ftruncate(out, (off_t)(d.seek * d.obs)) < 0 && errno != EINVAL)
			return cmd_err("%s", d.out);
	}
	if (d.seek && lseek(out, (off_t)(d.seek * d.obs), SEEK_SET) < 0)
		return cmd_err("%s", d.out ? d.out : "stdout");
	status = dd_copy(&d, in, out);
	if (out != 1 && close(out) < 0)
		status = cmd_err("%s", d.out);
	fprintf(stderr, "%llu+%llu records in\n%llu+%llu records out\n",
		d.rin_full, d.rin_part, d.rout_full, d.rout_part);
	return status;
}
