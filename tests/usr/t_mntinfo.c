/*
 * t_mntinfo - /usr/tests program (TAP): getmntinfo() against what stat
 * says about the same files: the root's record has "/"'s st_dev and
 * /dev/ram0's st_rdev, is read-write, and is the only path-reachable
 * mount in the make-run boot (PFS's hidden mount is not listed); a
 * second call gives the same table.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>

static int n_checks, n_failed;

static void ok(int cond, const char *what)
{
	n_checks++;
	n_failed += !cond;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", n_checks, what);
}

int main(void)
{
	struct mica_mntinfo *m, first;
	struct stat root, ram0, tmp;
	int n, n2;

	n = getmntinfo(&m);
	ok(n == 1, "one mount reachable by a path (PFS's is hidden)");
	if (n < 1) {
		printf("1..%d\n", n_checks);
		return 1;
	}
	first = m[0];
	ok(stat("/", &root) == 0 && first.dev == (u32_t)root.st_dev,
	    "the root's record has the st_dev of /");
	ok(stat("/tmp", &tmp) == 0 && first.dev == (u32_t)tmp.st_dev,
	    "... and of /tmp, on the same file system");
	ok(stat("/dev/ram0", &ram0) == 0 && first.rdev == (u32_t)ram0.st_rdev,
	    "its device is /dev/ram0's number");
	ok(!strcmp(first.point, "/"), "mounted on /");
	ok(!strcmp(first.type, "root"), "the type is VFS's label of the root");
	ok(!(first.flags & (MICA_MNT_RDONLY | MICA_MNT_DEAD)),
	    "read-write, its server alive");
	ok(memchr(first.type, '\0', sizeof(first.type)) != NULL &&
	    memchr(first.point, '\0', sizeof(first.point)) != NULL,
	    "the strings are terminated");
	n2 = getmntinfo(&m);
	ok(n2 == n && !memcmp(&m[0], &first, sizeof(first)),
	    "a second call gives the same table");
	ok(getmntinfo(NULL) == -1, "a NULL list pointer is refused");
	printf("1..%d\n", n_checks);
	return n_failed != 0;
}
