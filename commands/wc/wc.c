/*
 * commands/wc/wc.c - wc [-c|-m] [-lw] [file...]: newlines, words and bytes
 * (-m counts bytes too: Mica has no multibyte locale).  With several
 * files a total line follows.  Counts are printed in columns of the width
 * of the largest number, as GNU does, space-separated as POSIX asks.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

struct counts {
	unsigned long long l, w, c;
};

static int wc_fd(int fd, struct counts *n)
{
	static char buf[65536];
	int inword = 0;
	ssize_t r, i;

	while ((r = read(fd, buf, sizeof(buf))) > 0)
		for (i = 0; i < r; i++) {
			int sp = buf[i] == ' ' || (buf[i] >= '\t' && buf[i] <= '\r');

			n->c++;
			n->l += buf[i] == '\n';
			if (!sp && !inword)
				n->w++;
			inword = !sp;
		}
	return r < 0 ? -1 : 0;
}

static int wc_show_l, wc_show_w, wc_show_c, wc_width = 1;

static void wc_print(const struct counts *n, const char *name)
{
	const char *sep = "";

	if (wc_show_l) {
		printf("%*llu", wc_width, n->l);
		sep = " ";
	}
	if (wc_show_w) {
		printf("%s%*llu", sep, wc_width, n->w);
		sep = " ";
	}
	if (wc_show_c)
		printf("%s%*llu", sep, wc_width, n->c);
	if (name)
		printf(" %s", name);
	putchar('\n');
}

int main(int argc, char **argv)
{
	struct counts total = { 0, 0, 0 }, one[argc > 1 ? argc : 1];
	int c, i, fd, status = 0, ok[argc > 1 ? argc : 1];
	unsigned long long max;

	cmd_init(argv[0]);
	while ((c = getopt(argc, argv, "clmw")) != -1) {
		if (c == 'l')
			wc_show_l = 1;
		else if (c == 'w')
			wc_show_w = 1;
		else if (c == 'c' || c == 'm')
			wc_show_c = 1;
		else
			cmd_usage("wc [-c|-m] [-lw] [file...]");
	}
	if (!wc_show_l && !wc_show_w && !wc_show_c)
		wc_show_l = wc_show_w = wc_show_c = 1;
	if (optind == argc) {
		memset(&one[0], 0, sizeof(one[0]));
		if (wc_fd(0, &one[0]) < 0)
			return cmd_err("stdin");
		if (wc_show_l + wc_show_w + wc_show_c > 1)
			wc_width = 7;
		wc_print(&one[0], NULL);
		return 0;
	}
	for (i = optind; i < argc; i++) {
		memset(&one[i], 0, sizeof(one[i]));
		ok[i] = 0;
		fd = strcmp(argv[i], "-") ? open(argv[i], O_RDONLY) : 0;
		if (fd < 0 || wc_fd(fd, &one[i]) < 0) {
			status = cmd_err("%s", argv[i]);
		} else {
			ok[i] = 1;
			total.l += one[i].l;
			total.w += one[i].w;
			total.c += one[i].c;
		}
		if (fd > 0)
			close(fd);
	}
	for (max = total.c > total.l ? total.c : total.l; max >= 10; max /= 10)
		wc_width++;
	if (argc - optind == 1 && wc_show_l + wc_show_w + wc_show_c == 1)
		wc_width = 1;
	for (i = optind; i < argc; i++)
		if (ok[i])
			wc_print(&one[i], argv[i]);
	if (argc - optind > 1)
		wc_print(&total, "total");
	return status;
}
