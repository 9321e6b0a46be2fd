/*
 * t_mntinfo - /usr/tests program (TAP): getmntinfo() against what stat
 * says about the same files.  The usr suite's boot has three path-reachable
 * mounts (PFS's hidden one is not listed): the root first, with "/"'s
 * st_dev and /dev/ram0's st_rdev, read-write; /dev/ram1 (an ext2
 * image) read-only on /mnt, with /mnt's st_dev; procfs on /proc, without
 * a device, read-only.  A second call gives the same table.
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
	struct mica_mntinfo *m, first, second, third;
	struct stat root, ram0, tmp, mnt, ram1, proc;
	int n, n2;

	n = getmntinfo(&m);
	ok(n == 3, "three mounts reachable by a path (PFS's is hidden)");
	if (n < 3) {
		printf("1..%d\n", n_checks);
		return 1;
	}
	first = m[0];
	second = m[1];
	third = m[2];
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
	ok(stat("/mnt", &mnt) == 0 && second.dev == (u32_t)mnt.st_dev &&
	    second.dev != first.dev, "the second has /mnt's st_dev");
	ok(stat("/dev/ram1", &ram1) == 0 && second.rdev == (u32_t)ram1.st_rdev,
	    "its device is /dev/ram1's number");
	ok(!strcmp(second.point, "/mnt"), "mounted on /mnt");
	ok(!strcmp(second.type, "ext2"), "its type is its server's label");
	ok((second.flags & MICA_MNT_RDONLY) && !(second.flags & MICA_MNT_DEAD),
	    "read-only (as /etc/fstab says), its server alive");
	ok(stat("/proc", &proc) == 0 && third.dev == (u32_t)proc.st_dev &&
	    !strcmp(third.point, "/proc") && !strcmp(third.type, "procfs") &&
	    (third.flags & MICA_MNT_RDONLY) && third.rdev == 0,
	    "the third is procfs on /proc: read-only, no device");
	n2 = getmntinfo(&m);
	ok(n2 == n && !memcmp(&m[0], &first, sizeof(first)) &&
	    !memcmp(&m[1], &second, sizeof(second)),
	    "a second call gives the same table");
	ok(getmntinfo(NULL) == -1, "a NULL list pointer is refused");
	printf("1..%d\n", n_checks);
	return n_failed != 0;
}
