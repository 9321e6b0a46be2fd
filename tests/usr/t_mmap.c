/*
 * t_mmap - /usr/tests program (TAP): mmap of regular files and block
 * devices through VFS and VM's page cache (vm/README.md "File mappings").
 * A pattern file whose size is not a page multiple is mapped private and
 * shared: every byte reads back, the last page's tail is zero, a page
 * wholly past the end is SIGBUS (BUS_ADRERR at its address); private
 * writes stay private; offsets; a fork child sees the same bytes; the
 * mapping outlives close and unlink; shared stores seen by read() (also
 * another process's, and after the mapper's exit without msync), write()
 * seen in the mappings, msync, truncation under a mapping; VFS's
 * refusals (EBADF, ENODEV, EACCES, EINVAL); on /tmp also that exec needs
 * x and not r (mode 0311 for uid 100), and 40 processes faulting at
 * once.  Run on every file system named on the command line (a
 * directory each; default /tmp).
 *
 * t_mmap -c PATH [OFF LEN]: the check other suites call (mmap.sh, test85-
 * style suites): map [OFF, OFF+LEN) of a file or block device (default:
 * all of it, and one page more), private and read-only, and compare every
 * byte with pread; bytes past the end in the last page must be zero and
 * a page wholly past the end SIGBUS.  Prints one line, status 0 if all
 * held, 1 if not (with what differed), 2 on a usage error.
 *
 * t_mmap -a DEV: a second node of block device DEV (mknod in /tmp) maps
 * the same pages: a store through a shared mapping by one node is seen
 * at once in a mapping by the other (one object per device).
 *
 * t_mmap -w PATH OFF TEXT: store TEXT at byte OFF of PATH through a
 * shared writable mapping of its page, then munmap and exit (the
 * write-back at the last unmapping is what puts it in the file/device).
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define PG 4096

static int n_checks, n_failed;
static sigjmp_buf jb;
static volatile void *bus_addr;
static volatile int bus_code;

static void ok(int cond, const char *fmt, const char *where)
{
	char what[200];

	snprintf(what, sizeof(what), fmt, where);
	n_checks++;
	n_failed += !cond;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", n_checks, what);
}

static int map_err(void *p, int e)
{
	return p == MAP_FAILED && errno == e;
}

static void on_bus(int sig, siginfo_t *si, void *ctx)
{
	(void)sig, (void)ctx;
	bus_addr = si->si_addr;
	bus_code = si->si_code;
	siglongjmp(jb, 1);
}

/* Read the byte at p: 0..255, or -1 after a SIGBUS at p. */
static int peek(volatile const unsigned char *p)
{
	bus_addr = NULL;
	if (sigsetjmp(jb, 1))
		return bus_addr == p && bus_code == BUS_ADRERR ? -1 : -2;
	return *p;
}

static unsigned char pat(long i)
{
	return (unsigned char)(i * 13 + (i >> 9) + 1);
}

static int make_file(const char *path, long size)
{
	static unsigned char buf[PG];
	long i, n;
	int fd;

	unlink(path);
	if ((fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644)) < 0)
		return -1;
	for (i = 0; i < size; i += n) {
		n = size - i < PG ? size - i : PG;
		for (long j = 0; j < n; j++)
			buf[j] = pat(i + j);
		if (write(fd, buf, n) != n)
			return -1;
	}
	return fd;
}

/* Every byte of [0, size) is the pattern, [size, page end) zero. */
static int check_map(const unsigned char *m, long off, long size)
{
	long i, end = (size + PG - 1) / PG * PG;

	for (i = off; i < size; i++)
		if (m[i - off] != pat(i))
			return 0;
	for (; i < end; i++)
		if (m[i - off] != 0)
			return 0;
	return 1;
}

static void private_read(const char *dir, const char *path, long size)
{
	long npg = (size + PG - 1) / PG;
	unsigned char *m, *m2;
	int fd = open(path, O_RDONLY), st;
	pid_t p;

	m = mmap(NULL, (npg + 1) * PG, PROT_READ, MAP_PRIVATE, fd, 0);
	ok(m != MAP_FAILED, "%s: mmap private read-only", dir);
	if (m == MAP_FAILED)
		return;
	ok(check_map(m, 0, size), "%s: every byte, zero tail in the last page", dir);
	ok(peek(m + npg * PG) == -1, "%s: page past the end: SIGBUS BUS_ADRERR", dir);
	ok(peek(m + npg * PG + 100) == -1, "%s: again SIGBUS (nothing cached)", dir);
	ok(peek(m) == pat(0), "%s: first page still there", dir);
	p = fork();
	if (p == 0)
		_exit(check_map(m, 0, size) && peek(m + npg * PG) == -1 ? 0 : 1);
	ok(p > 0 && waitpid(p, &st, 0) == p && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0, "%s: a fork child reads the same bytes", dir);
	m2 = mmap(NULL, PG * 2, PROT_READ, MAP_PRIVATE, fd, PG);
	ok(m2 != MAP_FAILED && check_map(m2, PG, size < 3 * PG ? size : 3 * PG),
	    "%s: a second mapping at offset 4096", dir);
	close(fd);
	unlink(path);
	ok(check_map(m, 0, size), "%s: still readable after close and unlink", dir);
	ok(munmap(m, (npg + 1) * PG) == 0 && munmap(m2, PG * 2) == 0,
	    "%s: munmap", dir);
}

static void private_write(const char *dir, const char *path, long size)
{
	unsigned char *m, b = 0;
	int fd = make_file(path, size);

	m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ok(m != MAP_FAILED, "%s: mmap private writable", dir);
	if (m == MAP_FAILED)
		return;
	m[10] = 0xaa;
	m[PG + 1] = 0xbb;
	ok(m[10] == 0xaa && m[PG + 1] == 0xbb && m[11] == pat(11),
	    "%s: private writes read back", dir);
	ok(pread(fd, &b, 1, 10) == 1 && b == pat(10),
	    "%s: ... but not through read()", dir);
	ok(munmap(m, size) == 0, "%s: munmap", dir);
	close(fd);
}

static int child_ok(pid_t p)
{
	int st;

	return p > 0 && waitpid(p, &st, 0) == p && WIFEXITED(st) &&
		WEXITSTATUS(st) == 0;
}

static int byte_at(int fd, long off)
{
	unsigned char b;

	return pread(fd, &b, 1, off) == 1 ? b : -1;
}

/* MAP_SHARED: stores reach read() (this fd, another, another process's
 * store), write() reaches the mapping (and an unwritten private page),
 * msync, bytes past the end never extend the file, a child's mapping
 * written back at its exit. */
static void shared(const char *dir, const char *path)
{
	long size = 2 * PG + 100;
	unsigned char *m, *pm;
	int fd = make_file(path, size), fd2;
	struct stat st;
	pid_t p;

	m = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	pm = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ok(m != MAP_FAILED && pm != MAP_FAILED, "%s: mmap shared and private", dir);
	if (m == MAP_FAILED || pm == MAP_FAILED)
		return;
	ok(pm[9] == pat(9) && pm[PG + 3] == pat(PG + 3), "%s: private reads", dir);
	pm[PG + 3] = 0x11;
	m[5] = 'X';
	ok(byte_at(fd, 5) == 'X', "%s: a shared store is seen by read()", dir);
	fd2 = open(path, O_RDONLY);
	ok(byte_at(fd2, 5) == 'X', "%s: ... and through another descriptor", dir);
	p = fork();
	if (p == 0) {
		m[PG + 7] = 'Y';
		_exit(m[5] == 'X' ? 0 : 1);
	}
	ok(child_ok(p) && m[PG + 7] == 'Y' && byte_at(fd2, PG + 7) == 'Y',
	    "%s: a fork child's store: in the mapping and the file", dir);
	ok(pwrite(fd, "Z", 1, 9) == 1 && m[9] == 'Z',
	    "%s: write() is seen in the shared mapping", dir);
	ok(pm[9] == 'Z', "%s: ... and in an unwritten private page", dir);
	ok(pwrite(fd, "W", 1, PG + 4) == 1 && pm[PG + 4] == pat(PG + 4) &&
	    pm[PG + 3] == 0x11, "%s: ... but not in a privately written one", dir);
	ok(byte_at(fd, PG + 3) == pat(PG + 3), "%s: private stores stay private", dir);
	m[size + 5] = 'Q';
	ok(msync(m, 3 * PG, MS_SYNC) == 0, "%s: msync(MS_SYNC)", dir);
	ok(fstat(fd, &st) == 0 && st.st_size == size,
	    "%s: a store past the end does not extend the file", dir);
	ok(msync(m + 1, PG, MS_SYNC) == -1 && errno == EINVAL,
	    "%s: msync of an unaligned address: EINVAL", dir);
	ok(munmap(m, 3 * PG) == 0 && munmap(pm, 3 * PG) == 0, "%s: munmap", dir);
	p = fork();
	if (p == 0) {
		unsigned char *c = mmap(NULL, PG, PROT_READ | PROT_WRITE,
			MAP_SHARED, fd, 0);
		if (c == MAP_FAILED)
			_exit(2);
		c[100] = 'E';
		_exit(0);
	}
	ok(child_ok(p) && byte_at(fd2, 100) == 'E',
	    "%s: a child's shared store, no msync, is in the file after its exit", dir);
	close(fd2);
	close(fd);
}

/* Many processes fault on pages not cached at once: more fills in flight
 * than VM's senda table holds (16) and its first grant table (32), so
 * the notices wait for room and the table grows. */
static void crowd(const char *dir, const char *path)
{
	enum { KIDS = 40 };
	unsigned char *m;
	int fd = make_file(path, KIDS * PG), i, good = 0;
	pid_t kid[KIDS];

	m = mmap(NULL, KIDS * PG, PROT_READ, MAP_SHARED, fd, 0);
	ok(m != MAP_FAILED, "%s: a mapping of 40 pages, none touched", dir);
	if (m == MAP_FAILED)
		return;
	for (i = 0; i < KIDS; i++)
		if ((kid[i] = fork()) == 0)
			_exit(m[(long)i * PG + 3] == pat((long)i * PG + 3) ? 0 : 1);
	for (i = 0; i < KIDS; i++)
		good += child_ok(kid[i]);
	ok(good == KIDS, "%s: 40 children each fault on their own page: right bytes", dir);
	munmap(m, KIDS * PG);
	close(fd);
}

/* Truncation under a shared mapping: pages past the new end SIGBUS, the
 * new last page's tail zero; grown again, the pages read zero. */
static void truncation(const char *dir, const char *path)
{
	unsigned char *m, *pm;
	int fd = make_file(path, 3 * PG);

	m = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	pm = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ok(m != MAP_FAILED && m[2 * PG + 1] == pat(2 * PG + 1) &&
	    pm != MAP_FAILED, "%s: a shared and a private mapping of 3 pages", dir);
	if (m == MAP_FAILED || pm == MAP_FAILED)
		return;
	pm[2 * PG + 1] = 'P';		/* a private copy past the coming end */
	m[PG + 50] = 'T';
	ok(ftruncate(fd, PG + 100) == 0, "%s: ftruncate to 1 page + 100 under it", dir);
	ok(peek(m + 2 * PG) == -1, "%s: the page past the new end: SIGBUS", dir);
	ok(peek(pm + 2 * PG + 1) == -1,
	    "%s: ... also where the private mapping had its own copy", dir);
	ok(m[PG + 50] == 'T' && m[PG + 99] == pat(PG + 99) && m[PG + 100] == 0 &&
	    m[2 * PG - 1] == 0, "%s: the last page: data, then a zero tail", dir);
	ok(byte_at(fd, PG + 50) == 'T', "%s: the store before it is in the file", dir);
	ok(ftruncate(fd, 3 * PG) == 0 && peek(m + 2 * PG + 5) == 0 &&
	    m[PG + 100] == 0, "%s: grown again: zeros", dir);
	munmap(m, 3 * PG);
	munmap(pm, 3 * PG);
	close(fd);
}

/* A server copying into (read) or out of (write) a mapped buffer whose
 * pages are not present yet: VFS makes them present first, or it would
 * wait for the file system, which waits for VM, which waits for VFS. */
static void copies(const char *dir, const char *path)
{
	char other[300];
	unsigned char *m, *o;
	int fd = make_file(path, 3 * PG), ofd, i, good = 1;

	snprintf(other, sizeof(other), "%s.o", path);
	ofd = make_file(other, 3 * PG);
	m = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	o = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, ofd, 0);
	ok(m != MAP_FAILED && o != MAP_FAILED, "%s: two files mapped", dir);
	if (m == MAP_FAILED || o == MAP_FAILED)
		return;
	ok(pread(ofd, m, 2 * PG + 10, PG / 2) == 2 * PG + 10,
	    "%s: read() into an untouched shared mapping of another file", dir);
	for (i = 0; i < 2 * PG + 10; i++)
		good &= m[i] == pat(PG / 2 + i);
	ok(good && byte_at(fd, 2 * PG + 9) == pat(PG / 2 + 2 * PG + 9),
	    "%s: ... the bytes, in the mapping and the file", dir);
	ok(pread(fd, o + PG, PG, 0) == PG && o[PG] == pat(PG / 2) &&
	    byte_at(ofd, PG) == pat(PG), "%s: read() into a private mapping", dir);
	munmap(m, 3 * PG);
	m = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ok(m != MAP_FAILED && pread(fd, m + 2 * PG, PG, 0) == PG &&
	    m[2 * PG + 1] == pat(PG / 2 + 1),
	    "%s: read() of a file into its own untouched mapping", dir);
	munmap(o, 3 * PG);
	o = mmap(NULL, 3 * PG, PROT_READ, MAP_PRIVATE, ofd, 0);
	ok(o != MAP_FAILED && pwrite(fd, o, 2 * PG, 0) == 2 * PG &&
	    m[PG + 1] == pat(PG + 1) && byte_at(fd, 5) == pat(5),
	    "%s: write() from an untouched mapping of another file", dir);
	munmap(m, 3 * PG);
	munmap(o, 3 * PG);
	close(ofd);
	unlink(other);
	close(fd);
}

static void refusals(const char *dir, const char *path)
{
	int fd = make_file(path, 100), wfd, dfd;

	ok(map_err(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 77, 0), EBADF),
	    "%s: a closed descriptor: EBADF", dir);
	dfd = open(dir, O_RDONLY);
	ok(map_err(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, dfd, 0), ENODEV),
	    "%s: a directory: ENODEV", dir);
	close(dfd);
	wfd = open(path, O_WRONLY);
	ok(map_err(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, wfd, 0), EACCES),
	    "%s: a write-only descriptor: EACCES", dir);
	close(wfd);
	close(fd);
	fd = open(path, O_RDONLY);
	ok(map_err(mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
	    EACCES), "%s: shared writable on a read-only fd: EACCES", dir);
	ok(map_err(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 100), EINVAL),
	    "%s: an unaligned offset: EINVAL", dir);
	ok(map_err(mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_SHARED, fd, 0),
	    EINVAL), "%s: private and shared: EINVAL", dir);
	ok(map_err(mmap(NULL, 0, PROT_READ, MAP_PRIVATE, fd, 0), EINVAL),
	    "%s: a length of 0: EINVAL", dir);
	ok(map_err(mmap(NULL, PG, PROT_READ, MAP_PRIVATE | 0x4000, fd, 0), EINVAL),
	    "%s: an unknown flag: EINVAL", dir);
	ok(map_err(mmap((void *)0x1000, PG, PROT_READ, MAP_PRIVATE | MAP_FIXED,
	    fd, 0), EINVAL), "%s: MAP_FIXED outside user space: EINVAL", dir);
	ok(map_err(mmap(NULL, 0xfffff001u, PROT_READ, MAP_PRIVATE, fd, 0), EINVAL),
	    "%s: a length that wraps when rounded: EINVAL", dir);
	close(fd);
	unlink(path);
}

/* Exec needs x, not r (issue 12's VFS/VM list; vfsexec has 0711 and
 * 0744 as uid 100, and no x bit even for root): a copy of /bin/true with
 * mode 0311 runs for uid 100, who can neither open nor map it. */
static void exec_bits(void)
{
	static char buf[PG];
	const char *path = "/tmp/t_mmap.true";
	int in = open("/bin/true", O_RDONLY), out;
	ssize_t n;
	pid_t p;

	unlink(path);
	out = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0700);
	while (in >= 0 && out >= 0 && (n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n)
			break;
	close(in);
	close(out);
	ok(chmod(path, 0311) == 0, "%s: a copy of /bin/true, mode 0311", "/tmp");
	p = fork();
	if (p == 0) {
		char *argv[] = { "true", NULL }, *envp[] = { NULL };
		int fd;

		if (setuid(100) != 0)
			_exit(10);
		if ((fd = open(path, O_RDONLY)) >= 0 || errno != EACCES)
			_exit(11);
		execve(path, argv, envp);
		_exit(12);
	}
	ok(child_ok(p), "%s: uid 100 cannot read it (EACCES) but execs it", "/tmp");
	p = fork();
	if (p == 0) {
		char *argv[] = { "true", NULL }, *envp[] = { NULL };

		if (chmod(path, 0644) != 0 || setuid(100) != 0)
			_exit(10);
		execve(path, argv, envp);
		_exit(errno == EACCES ? 0 : 11);
	}
	ok(child_ok(p), "%s: mode 0644: uid 100 may read it but not exec it (EACCES)",
	    "/tmp");
	unlink(path);
}

static void suite(const char *dir)
{
	static const long sizes[] = { 3 * PG + 1000, 2 * PG, 1, 5 * 1024 + 512 };
	char path[256];
	unsigned i;
	int fd;

	snprintf(path, sizeof(path), "%s/t_mmap.%d", dir, (int)getpid());
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		if ((fd = make_file(path, sizes[i])) < 0) {
			ok(0, "%s: making the pattern file", dir);
			return;
		}
		close(fd);
		printf("# %s: a file of %ld bytes\n", dir, sizes[i]);
		private_read(dir, path, sizes[i]);
	}
	private_write(dir, path, 2 * PG + 7);
	shared(dir, path);
	truncation(dir, path);
	copies(dir, path);
	crowd(dir, path);
	refusals(dir, path);
	unlink(path);
}

/* -c: see the top.  size: the file's or device's size. */
static int mapcheck(const char *path, long long off, long long len)
{
	static unsigned char buf[PG];
	long long size, i, end;
	unsigned char *m;
	int fd = open(path, O_RDONLY), v;
	long n;

	if (fd < 0 || (size = lseek(fd, 0, SEEK_END)) < 0) {
		printf("mapcheck: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (len < 0)
		len = (size - off + PG - 1) / PG * PG + PG;
	if ((m = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, off)) == MAP_FAILED) {
		printf("mapcheck: mmap %s: %s\n", path, strerror(errno));
		return 1;
	}
	end = (size + PG - 1) / PG * PG;
	for (i = off; i < off + len; i++) {
		if (i < size && (i - off) % PG == 0) {
			n = size - i < PG ? size - i : PG;
			if (pread(fd, buf, n, i) != n) {
				printf("mapcheck: %s: pread at %lld failed\n", path, i);
				return 1;
			}
		}
		v = peek(m + (i - off));
		if (i < size ? v != buf[(i - off) % PG] : i < end ? v != 0 : v != -1) {
			printf("mapcheck: %s: byte %lld of %lld is %d\n", path, i,
				size, v);
			return 1;
		}
		if (i >= end)		/* one byte per page past the end */
			i += PG - 1 - (i - off) % PG;
	}
	printf("mapcheck: %s: %lld bytes from %lld match, size %lld\n", path,
		len, off, size);
	munmap(m, len);
	close(fd);
	return 0;
}

/* -w: see the top. */
static int mapwrite(const char *path, long long off, const char *text)
{
	long long base = off / PG * PG;
	size_t n = strlen(text);
	unsigned char *m;
	int fd = open(path, O_RDWR);

	if (fd < 0 || off - base + n > PG) {
		printf("mapwrite: %s: %s\n", path, fd < 0 ? strerror(errno) : "too long");
		return 1;
	}
	m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, base);
	if (m == MAP_FAILED) {
		printf("mapwrite: mmap %s: %s\n", path, strerror(errno));
		return 1;
	}
	close(fd);
	memcpy(m + (off - base), text, n);
	return munmap(m, PG) == 0 ? 0 : 1;
}

/* -a: see the top. */
static int alias(const char *dev)
{
	const char *other = "/tmp/t_mmap.alias";
	unsigned char *a, *b;
	struct stat st;
	int fa, fb, r;

	unlink(other);
	if (stat(dev, &st) < 0 || !S_ISBLK(st.st_mode) ||
	    mknod(other, S_IFBLK | 0600, st.st_rdev) < 0 ||
	    (fa = open(dev, O_RDWR)) < 0 || (fb = open(other, O_RDWR)) < 0) {
		printf("alias: %s: %s\n", dev, strerror(errno));
		return 1;
	}
	a = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fa, 0);
	b = mmap(NULL, PG, PROT_READ, MAP_SHARED, fb, 0);
	if (a == MAP_FAILED || b == MAP_FAILED) {
		printf("alias: mmap: %s\n", strerror(errno));
		return 1;
	}
	r = b[7];
	a[7] = (unsigned char)(r + 1);
	r = b[7] == (unsigned char)(r + 1) ? 0 : 1;
	a[7]--;
	printf("alias: %s and %s: %s\n", dev, other, r ? "different pages" : "one page");
	munmap(a, PG);
	munmap(b, PG);
	close(fa);
	close(fb);
	unlink(other);
	return r;
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	int i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_bus;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGBUS, &sa, NULL);
	if (argc == 3 && !strcmp(argv[1], "-a"))
		return alias(argv[2]);
	if (argc == 5 && !strcmp(argv[1], "-w"))
		return mapwrite(argv[2], atoll(argv[3]), argv[4]);
	if (argc >= 3 && !strcmp(argv[1], "-c")) {
		if (argc != 3 && argc != 5)
			return 2;
		return mapcheck(argv[2], argc == 5 ? atoll(argv[3]) : 0,
			argc == 5 ? atoll(argv[4]) : -1);
	}
	if (argc < 2) {
		suite("/tmp");
		exec_bits();
	}
	for (i = 1; i < argc; i++)
		suite(argv[i]);
	printf("1..%d\n", n_checks);
	return n_failed ? 1 : 0;
}
