/*
 * t_vnd - /usr/tests program (TAP): the vnode disk's edges that dd cannot
 * show, on a 3.5 KiB file as /dev/vnd2: the size by lseek SEEK_END, st_size
 * 0 and S_ISBLK by fstat; reads and writes at, across and past the end
 * (exact counts; a write across the end changes only the file's last
 * bytes, never its size); detach while open is EBUSY; bdattach's refusals
 * (bad descriptor, access, flags, a non-block path, a device whose driver
 * is no vnd, a non-root caller).
 */
#define __LINUX_ERRNO_EXTENSIONS__	/* newlib's ENOTBLK */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define FILE_SIZE	3584		/* 3 KiB + 512 */
#define DEV		"/dev/vnd2"

static int n_checks, n_failed;

static void ok(int cond, const char *what)
{
	n_checks++;
	n_failed += !cond;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", n_checks, what);
}

static int err(int r, int e)
{
	return r == -1 && errno == e;
}

/* bdattach as uid 1000 in a child: its errno, or 0. */
static int attach_as_user(int fd)
{
	int st;
	pid_t p = fork();

	if (p == 0) {
		if (setuid(1000) != 0)
			_exit(99);
		_exit(bdattach(DEV, fd, 0) == 0 ? 0 : errno & 0x7f);
	}
	if (p < 0 || waitpid(p, &st, 0) != p || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

int main(void)
{
	static char pat[FILE_SIZE], buf[2048], back[2048];
	const char *path = "/tmp/t_vnd.img";
	struct stat st;
	int i, ffd, dfd;

	unlink(path);
	ffd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	for (i = 0; i < FILE_SIZE; i++)
		pat[i] = (char)(i * 7 + 1);
	ok(ffd >= 0 && write(ffd, pat, FILE_SIZE) == FILE_SIZE &&
	    fstat(ffd, &st) == 0 && st.st_size == FILE_SIZE,
	    "a 3.5 KiB pattern file");

	ok(err(bdattach(DEV, 1000, 0), EBADF), "bdattach of a closed fd: EBADF");
	ok(err(bdattach(DEV, ffd, 0x40), EINVAL), "unknown flags: EINVAL");
	ok(err(bdattach(path, ffd, 0), ENOTBLK), "a regular file as the device: ENOTBLK");
	ok(err(bdattach("/dev/ram0", ffd, 0), ENOTTY),
	    "a device whose driver is no vnd (ram0): ENOTTY");
	dfd = open("/tmp", O_RDONLY);
	ok(err(bdattach(DEV, dfd, MS_RDONLY), EINVAL), "a directory's fd: EINVAL");
	close(dfd);
	dfd = open(path, O_RDONLY);
	ok(err(bdattach(DEV, dfd, 0), EBADF),
	    "a read-only fd without MS_RDONLY: EBADF");
	close(dfd);
	ok(attach_as_user(ffd) == EPERM, "a non-root caller: EPERM");
	ok(err(bdattach(DEV, -1, 0), ENXIO), "detaching a free vnd: ENXIO");

	ok(bdattach(DEV, ffd, 0) == 0, "attach");
	ok(err(bdattach(DEV, ffd, 0), EBUSY), "attach again: EBUSY");
	dfd = open(DEV, O_RDWR);
	ok(dfd >= 0, "open " DEV);
	ok(lseek(dfd, 0, SEEK_END) == FILE_SIZE, "lseek SEEK_END: the file's size");
	ok(fstat(dfd, &st) == 0 && S_ISBLK(st.st_mode) && st.st_size == 0,
	    "fstat: a block device, st_size 0");
	ok(pread(dfd, back, 1024, 3072) == 512, "a 1 KiB read across the end: 512");
	ok(pread(dfd, back, 1024, FILE_SIZE) == 0, "a read at the end: 0");
	ok(pread(dfd, back, 1, FILE_SIZE + 4096) == 0, "a read past the end: 0");
	ok(pread(dfd, back, 100, 1000) == 100 && !memcmp(back, pat + 1000, 100),
	    "an unaligned read in the middle: the file's bytes");
	memset(buf, 0x5a, 1024);
	ok(pwrite(dfd, buf, 1024, 3072) == 512, "a 1 KiB write across the end: 512");
	ok(err(pwrite(dfd, buf, 512, FILE_SIZE), ENOSPC),
	    "a write at the end: ENOSPC (Linux's answer)");
	ok(fstat(ffd, &st) == 0 && st.st_size == FILE_SIZE, "the file did not grow");
	ok(pread(ffd, back, 512, 3072) == 512 && !memcmp(back, buf, 512),
	    "the file's last 512 bytes are the written ones");
	ok(err(bdattach(DEV, -1, 0), EBUSY), "detach while open: EBUSY");
	close(dfd);
	ok(bdattach(DEV, -1, 0) == 0, "detach after close");
	ok(err(open(DEV, O_RDONLY), ENXIO), "a detached vnd: ENXIO at open");

	ok(bdattach(DEV, ffd, MS_RDONLY) == 0, "attach read-only (an O_RDWR fd)");
	ok(err(open(DEV, O_RDWR), EROFS), "open for writing: EROFS");
	dfd = open(DEV, O_RDONLY);
	ok(dfd >= 0 && pread(dfd, back, 512, 0) == 512, "open for reading and read");
	close(dfd);
	ok(bdattach(DEV, -1, 0) == 0, "detach");
	close(ffd);
	unlink(path);
	printf("1..%d\n", n_checks);
	return n_failed != 0;
}
