/*
 * test_fsmnt.c - ext2 and ISO 9660 served in Mica (servers/ext2,
 * servers/isofs), mounted through VFS and the mount command, judged by
 * outside tools on the host (tests/os/fsmnt.check).
 *
 * The suite boots the whole system as `make run` does, with this program
 * in init's place (pid 1: the system powers off with its exit status) and
 * three more boot images on the memory driver (bdev/memory):
 *   /dev/ram1  an ISO 9660 image xorriso made with Rock Ridge and Joliet
 *   /dev/ram2  an ext2 image mke2fs made (-d a tree)
 *   /dev/ram3  that ext2 image with a corrupt superblock
 * (tests/os/fsmnt/mkimages.sh).  With the argument "virtio" (suite
 * fsvirt) the same images are virtio-blk disks /dev/vda (ext2), vdb (ISO)
 * and vdc (bad), the ISO is mounted by `mount DEV DIR` instead of fstab,
 * and no dump is needed: the host checks the disk file itself.  The program
 *   - mounts ram1 with `mount -a` (/etc/fstab: type detected, read-only)
 *     and prints every entry under it as "tree iso TYPE CKSUM SIZE PATH"
 *     lines, which fsmnt.check compares with the same listing of the
 *     source tree made with the host's cksum(1); writes are EROFS;
 *   - mounts ram2 with `mount -t ext2`, lists it the same way ("tree e2"),
 *     then writes (one file also through a shared mapping), renames,
 *     removes, makes a directory and a symlink,
 *     unmounts, remounts read-only (`mount -r`: every change is EROFS),
 *     dumps the device through /dev/ram2 ("img OFFSET HEX", as test_fs
 *     does), so the host rebuilds it and runs e2fsck -fn and debugfs on
 *     it, and unmounts;
 *   - refuses ram3 (ext2 with a bad superblock: EINVAL), a device of
 *     another type (EFTYPE: the server's probe says no), and the ext2
 *     server still mounts ram2 afterwards; an unknown type is ENODEV.
 * TAP goes out by the kernel's debug print, the plan last.  Sizes are
 * POSIX cksum CRCs (the host's cksum(1) computes the same).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <mica/kipc.h>

#define ISO_DIR	"/mnt"		/* /etc/fstab mounts /dev/ram1 here */

/* The three devices: boot images on the memory driver, or (argument
 * "virtio") virtio-blk disks, whose writes the host sees in the disk file. */
static const char *dev_iso = "/dev/ram1", *dev_e2 = "/dev/ram2",
	*dev_bad = "/dev/ram3";
static int on_virtio;
#define E2_DIR	"/tmp/e2"
#define BIG	100000		/* bytes of the file written on ext2 */

static int checks, failed;

static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void out(const char *fmt, ...)
{
	char line[600];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	sys_diag_print(line, n);
}

static int ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int ok(int cond, const char *fmt, ...)
{
	char what[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	out("%sok %d - %s", cond ? "" : "not ", ++checks, what);
	failed += !cond;
	return cond;
}

/* r == -1 with errno e. */
static int err(int r, int e, const char *what)
{
	return ok(r == -1 && errno == e, "%s fails with errno %d (got %d, errno %d)",
		what, e, r, r == -1 ? errno : 0);
}

/* ---- POSIX cksum: CRC-32 (0x04C11DB7, MSB first) over the bytes and
 * then the length's bytes, least significant first, complemented ---- */

static unsigned int crc_step(unsigned int crc, unsigned char c)
{
	int i;

	crc ^= (unsigned int)c << 24;
	for (i = 0; i < 8; i++)
		crc = crc & 0x80000000u ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
	return crc;
}

static unsigned int crc_end(unsigned int crc, unsigned long long len)
{
	for (; len; len >>= 8)
		crc = crc_step(crc, (unsigned char)len);
	return ~crc;
}

/* The cksum of a file and its length; -1 on a read error. */
static int file_cksum(const char *path, unsigned int *crc, long *len)
{
	static unsigned char buf[8192];
	unsigned int c = 0;
	long n = 0;
	ssize_t r;
	int fd, i;

	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	while ((r = read(fd, buf, sizeof(buf))) > 0) {
		for (i = 0; i < r; i++)
			c = crc_step(c, buf[i]);
		n += r;
	}
	close(fd);
	if (r < 0)
		return -1;
	*crc = crc_end(c, (unsigned long long)n);
	*len = n;
	return 0;
}

/* ---- the tree listing fsmnt.check compares ---- */

static int walk_errors, walk_entries;

/* "tree TAG f CKSUM SIZE PATH", "tree TAG d - - PATH",
 * "tree TAG l - - PATH -> TARGET" for everything under root/rel. */
static void walk(const char *tag, const char *root, const char *rel)
{
	char path[1100], sub[1024], target[512];
	struct dirent *e;
	struct stat st;
	unsigned int crc;
	long len;
	ssize_t n;
	DIR *d;

	snprintf(path, sizeof(path), "%s%s%s", root, *rel ? "/" : "", rel);
	if (!(d = opendir(path))) {
		out("# walk: opendir %s: errno %d", path, errno);
		walk_errors++;
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "", e->d_name);
		snprintf(path, sizeof(path), "%s/%s", root, sub);
		walk_entries++;
		if (lstat(path, &st) < 0) {
			out("# walk: lstat %s: errno %d", path, errno);
			walk_errors++;
		} else if (S_ISDIR(st.st_mode)) {
			out("tree %s d - - %s", tag, sub);
			walk(tag, root, sub);
		} else if (S_ISLNK(st.st_mode)) {
			n = readlink(path, target, sizeof(target) - 1);
			target[n < 0 ? 0 : n] = '\0';
			walk_errors += n < 0;
			out("tree %s l - - %s -> %s", tag, sub, target);
		} else if (file_cksum(path, &crc, &len) < 0) {
			out("# walk: read %s: errno %d", path, errno);
			walk_errors++;
		} else {
			walk_errors += len != (long)st.st_size;
			out("tree %s f %u %ld %s", tag, crc, len, sub);
		}
	}
	closedir(d);
}

/* ---- helpers ---- */

/* Run a command (console as its descriptors); its exit status or -1. */
static int run(char *const argv[])
{
	static char *const env[] = { "PATH=/bin", NULL };
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		execve(argv[0], argv, env);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Byte i of the file written on ext2 (fsmnt.check computes the same). */
static unsigned char big_byte(long i)
{
	return (unsigned char)((i * 7 + i / 251) & 0xff);
}

static int write_file(const char *path, const void *buf, size_t len)
{
	int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);
	ssize_t r;

	if (fd < 0)
		return -1;
	r = write(fd, buf, len);
	return close(fd) == 0 && r == (ssize_t)len ? 0 : -1;
}

/* Print a device for fsmnt.check: "img OFFSET HEX" per 32 bytes that
 * are not all zero, then "img end SIZE" (tests/os/imgdump.py reads it). */
static int dump_device(const char *dev)
{
	static const char digits[] = "0123456789abcdef";
	static unsigned char blk[4096];
	char hex[65];
	long off = 0;
	ssize_t r;
	int fd, i, j;

	if ((fd = open(dev, O_RDONLY)) < 0)
		return -1;
	while ((r = read(fd, blk, sizeof(blk))) > 0) {
		for (i = 0; i < r; i += 32) {
			for (j = 0; j < 32 && i + j < r && blk[i + j] == 0; j++)
				;
			if (j == 32 || i + j >= r)
				continue;
			for (j = 0; j < 32; j++) {
				hex[2 * j] = digits[blk[i + j] >> 4];
				hex[2 * j + 1] = digits[blk[i + j] & 15];
			}
			hex[64] = '\0';
			out("img %lx %s", off + i, hex);
		}
		off += r;
	}
	out("img end %lx", off);
	close(fd);
	return r < 0 ? -1 : 0;
}

/* Uptime in clock ticks (times()). */
static unsigned long ticks(void)
{
	struct tms t;

	return (unsigned long)times(&t);
}

/* Read path whole 'rounds' times; the bytes read.  Prints the clock ticks
 * it took as a comment, a rough in-OS read rate (never an assertion). */
static long read_rate(const char *what, const char *path, int rounds)
{
	static char buf[65536];
	unsigned long t0 = ticks();
	long total = 0;
	ssize_t r;
	int fd, i;

	for (i = 0; i < rounds; i++) {
		if ((fd = open(path, O_RDONLY)) < 0)
			break;
		while ((r = read(fd, buf, sizeof(buf))) > 0)
			total += r;
		close(fd);
	}
	out("# read rate %s: %ld bytes in %lu ticks (%d/s)", what, total,
		ticks() - t0, HZ);
	return total;
}

/* ---- the parts ---- */

/* Services come up beside us; VFS mounts "/" at the first file call. */
static void t_console(void)
{
	struct timespec pause = { 0, 100 * 1000 * 1000 };
	int fd, tries = 100;

	while ((fd = open("/dev/console", O_RDWR)) < 0 && --tries > 0)
		nanosleep(&pause, NULL);
	ok(fd == 0, "root up, console open as fd 0 (fd %d)", fd);
	dup2(0, 1);
	dup2(0, 2);
}

/* RS starts the ext2 and ISO 9660 servers beside us, and VFS knows a
 * type only once DS has its label (ENODEV before): wait for both by
 * mounting the bad image, which each refuses once it is up. */
static void t_servers(void)
{
	static const char *const types[] = { "ext2", "iso9660" };
	struct timespec pause = { 0, 100 * 1000 * 1000 };
	int i, r, tries;

	for (i = 0; i < 2; i++) {
		tries = 100;
		while ((r = mount(dev_bad, E2_DIR, types[i], MS_RDONLY, NULL)) < 0 &&
		    errno == ENODEV && --tries > 0)
			nanosleep(&pause, NULL);
		ok(r < 0 && errno != ENODEV, "the %s server is up (errno %d for the bad image)",
			types[i], r < 0 ? errno : 0);
	}
}

/* A private mapping of path holds what read() gives, page by page, and
 * zeros after the end in the last page.  0 or -1. */
static int map_matches(const char *path)
{
	static unsigned char buf[4096];
	struct stat st;
	unsigned char *m;
	long off, n, end;
	int fd = open(path, O_RDONLY), bad = 0;

	if (fd < 0 || fstat(fd, &st) < 0 || st.st_size <= 0)
		return -1;
	end = (st.st_size + 4095) / 4096 * 4096;
	if ((m = mmap(NULL, end, PROT_READ, MAP_PRIVATE, fd, 0)) == MAP_FAILED)
		return -1;
	for (off = 0; off < st.st_size && !bad; off += n) {
		n = st.st_size - off < 4096 ? st.st_size - off : 4096;
		bad = pread(fd, buf, n, off) != n || memcmp(buf, m + off, n);
	}
	for (off = st.st_size; off < end && !bad; off++)
		bad = m[off] != 0;
	munmap(m, end);
	close(fd);
	return bad ? -1 : 0;
}

/* 6000 dots, then MAPPED_LINE at byte 4090 (across a page boundary)
 * stored through a MAP_SHARED mapping, unmapped: the write-back at the
 * last unmapping (vm/README.md) must put it in the file, and umount then
 * on the disk (fsmnt.check reads it with debugfs).  0 or -1. */
#define MAPPED_LINE "stored through a shared mapping\n"
static int map_store(const char *path)
{
	static char dots[6000];
	char back[sizeof(MAPPED_LINE)];
	char *m;
	int fd;

	memset(dots, '.', sizeof(dots));
	if (write_file(path, dots, sizeof(dots)) != 0 ||
	    (fd = open(path, O_RDWR)) < 0)
		return -1;
	m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (m == MAP_FAILED)
		return -1;
	memcpy(m + 4090, MAPPED_LINE, sizeof(MAPPED_LINE) - 1);
	if (munmap(m, 8192) != 0 ||
	    pread(fd, back, sizeof(back) - 1, 4090) != sizeof(back) - 1)
		return -1;
	close(fd);
	back[sizeof(back) - 1] = '\0';
	return strcmp(back, MAPPED_LINE) ? -1 : 0;
}

static void t_iso(void)
{
	char *mount_a[] = { "/bin/mount", "-a", NULL };
	char *mount_auto[] = { "/bin/mount", (char *)dev_iso, ISO_DIR, NULL };
	char *umount[] = { "/bin/umount", ISO_DIR, NULL };
	char *copy[] = { "/bin/cp", ISO_DIR "/big.bin", "/tmp/big.bin", NULL };
	long total;

	if (on_virtio)
		ok(run(mount_auto) == 0, "mount %s %s (type detected)", dev_iso, ISO_DIR);
	else
		ok(run(mount_a) == 0, "mount -a mounts /etc/fstab (ram1, type detected)");
	walk_errors = walk_entries = 0;
	walk("iso", ISO_DIR, "");
	ok(walk_errors == 0 && walk_entries >= 50,
		"ISO tree walked: %d entries, %d errors", walk_entries, walk_errors);
	err(open(ISO_DIR "/new", O_CREAT | O_WRONLY, 0644), EROFS, "create on the ISO");
	err(mkdir(ISO_DIR "/newdir", 0755), EROFS, "mkdir on the ISO");
	err(unlink(ISO_DIR "/hello.txt"), EROFS, "unlink on the ISO");
	err(open(ISO_DIR "/hello.txt", O_WRONLY), EROFS, "open for writing on the ISO");
	total = read_rate("iso9660", ISO_DIR "/big.bin", 40);
	ok(total == 40 * 307200, "big.bin read 40 times whole (%ld bytes)", total);
	ok(map_matches(ISO_DIR "/big.bin") == 0,
		"big.bin mapped (2 KiB blocks): every page as read() gives it");
	/* The same bytes from MFS (the root), for the notes' comparison. */
	ok(run(copy) == 0, "cp of big.bin from the ISO to /tmp (MFS)");
	total = read_rate("mfs", "/tmp/big.bin", 40);
	ok(total == 40 * 307200 && unlink("/tmp/big.bin") == 0,
		"/tmp/big.bin read 40 times whole (%ld bytes)", total);
	ok(run(umount) == 0, "umount " ISO_DIR);
}

static void t_ext2_write(void)
{
	static unsigned char big[BIG];
	char *mount_e2[] = { "/bin/mount", "-t", "ext2", (char *)dev_e2, E2_DIR, NULL };
	unsigned int crc = 0, want;
	long len = 0, i;
	int r;

	r = run(mount_e2);
	ok(r == 0, "mount -t ext2 %s " E2_DIR " (status %d)", dev_e2, r);
	walk_errors = walk_entries = 0;
	walk("e2", E2_DIR, "");
	ok(walk_errors == 0 && walk_entries >= 7,
		"ext2 tree walked: %d entries, %d errors", walk_entries, walk_errors);
	for (i = 0, want = 0; i < BIG; i++) {
		big[i] = big_byte(i);
		want = crc_step(want, big[i]);
	}
	want = crc_end(want, BIG);
	ok(mkdir(E2_DIR "/new", 0755) == 0, "mkdir new");
	ok(write_file(E2_DIR "/new/big.bin", big, BIG) == 0, "write new/big.bin (%d bytes)", BIG);
	ok(write_file(E2_DIR "/new/small.txt", "written in Mica\n", 16) == 0, "write new/small.txt");
	ok(map_store(E2_DIR "/new/mapped.txt") == 0,
		"new/mapped.txt: 6000 dots, a line stored at 4090 through a shared mapping");
	ok(rename(E2_DIR "/hello.txt", E2_DIR "/renamed.txt") == 0, "rename hello.txt renamed.txt");
	ok(rename(E2_DIR "/dir/keep.txt", E2_DIR "/new/moved.txt") == 0,
		"rename dir/keep.txt new/moved.txt (across directories)");
	ok(unlink(E2_DIR "/remove.me") == 0, "unlink remove.me");
	ok(rmdir(E2_DIR "/emptydir") == 0, "rmdir emptydir");
	ok(symlink("new/big.bin", E2_DIR "/biglink") == 0, "symlink biglink");
	ok(truncate(E2_DIR "/dir/sub/data.bin", 5000) == 0, "truncate dir/sub/data.bin to 5000");
	/* Last, so no new file takes its inode: a deleted inode stays for
	 * e2fsck to judge (its dtime). */
	ok(write_file(E2_DIR "/gone.tmp", "x", 1) == 0 && unlink(E2_DIR "/gone.tmp") == 0,
		"a file written and unlinked");
	r = file_cksum(E2_DIR "/new/big.bin", &crc, &len);
	ok(r == 0 && crc == want && len == BIG,
		"new/big.bin reads back (cksum %u, %ld bytes)", crc, len);
	len = read_rate("ext2", E2_DIR "/new/big.bin", 123);
	ok(len == 123L * BIG, "new/big.bin read 123 times whole (%ld bytes)", len);
	err(unlink(E2_DIR "/remove.me"), ENOENT, "unlink of the removed file");
	err(rmdir(E2_DIR "/dir"), ENOTEMPTY, "rmdir of a non-empty directory");
	ok(umount(E2_DIR) == 0, "umount " E2_DIR);
}

static void t_ext2_rdonly(void)
{
	char *mount_r[] = { "/bin/mount", "-r", "-t", "ext2", (char *)dev_e2, E2_DIR, NULL };
	unsigned int crc = 0;
	long len = 0;
	int r;

	r = run(mount_r);
	ok(r == 0, "mount -r -t ext2 (status %d)", r);
	err(open(E2_DIR "/x", O_CREAT | O_WRONLY, 0644), EROFS, "create on read-only ext2");
	err(open(E2_DIR "/renamed.txt", O_WRONLY), EROFS, "open for writing on read-only ext2");
	err(mkdir(E2_DIR "/d", 0755), EROFS, "mkdir on read-only ext2");
	err(unlink(E2_DIR "/renamed.txt"), EROFS, "unlink on read-only ext2");
	err(rename(E2_DIR "/renamed.txt", E2_DIR "/r2"), EROFS, "rename on read-only ext2");
	err(symlink("x", E2_DIR "/sl"), EROFS, "symlink on read-only ext2");
	err(truncate(E2_DIR "/renamed.txt", 0), EROFS, "truncate on read-only ext2");
	r = file_cksum(E2_DIR "/new/big.bin", &crc, &len);
	ok(r == 0 && len == BIG, "the written file survived the unmount (%ld bytes)", len);
	/* The device is reachable as a block special file while a file
	 * system has it mounted (vfs/blk.c), through ext2's cache. */
	if (!on_virtio)	/* a boot module is never written back to the host */
		ok(dump_device(dev_e2) == 0,
			"%s dumped for the host's e2fsck (fsmnt.check)", dev_e2);
	ok(umount(E2_DIR) == 0, "umount the read-only mount");
}

static void t_refused(void)
{
	char *mount_bad[] = { "/bin/mount", "-t", "ext2", (char *)dev_bad, E2_DIR, NULL };
	char *mount_auto[] = { "/bin/mount", (char *)dev_bad, E2_DIR, NULL };
	char *mount_ro[] = { "/bin/mount", "-r", "-t", "ext2", (char *)dev_e2, E2_DIR, NULL };
	struct stat st;

	ok(run(mount_bad) != 0, "mount -t ext2 of a corrupt superblock fails");
	err(mount(dev_bad, E2_DIR, "ext2", 0, NULL), EINVAL,
		"mount(2) of the corrupt ext2 (the probe passes, the mount refuses)");
	err(mount(dev_bad, E2_DIR, "iso9660", MS_RDONLY, NULL), EFTYPE,
		"mount(2) of the ext2 image as iso9660 (its probe says no)");
	err(mount(dev_iso, E2_DIR, "ext2", MS_RDONLY, NULL), EFTYPE,
		"mount(2) of the ISO as ext2 (its probe says no)");
	ok(run(mount_auto) != 0, "mount without -t finds no file system on it");
	err(mount(dev_e2, E2_DIR, "nosuchfs", 0, NULL), ENODEV, "mount of an unknown type");
	err(mount(dev_e2, E2_DIR, "tty", 0, NULL), ENODEV,
		"mount of a label that is no file system (the TTY)");
	ok(stat(E2_DIR "/hello.txt", &st) < 0 && errno == ENOENT,
		"nothing mounted on " E2_DIR " after the refusals");
	ok(run(mount_ro) == 0 && stat(E2_DIR "/renamed.txt", &st) == 0,
		"the ext2 server still mounts the good image");
	ok(umount(E2_DIR) == 0, "umount");
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "virtio")) {
		on_virtio = 1;
		dev_e2 = "/dev/vda", dev_iso = "/dev/vdb", dev_bad = "/dev/vdc";
	}
	t_console();
	mkdir(E2_DIR, 0755);
	t_servers();
	t_iso();
	t_ext2_write();
	t_ext2_rdonly();
	t_refused();
	{
		char plan[32];
		int n = snprintf(plan, sizeof(plan), "1..%d\n", checks);
		sys_diag_print(plan, n);
	}
	sync();
	return failed ? 1 : 0;
}
