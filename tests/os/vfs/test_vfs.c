/*
 * test_vfs.c - the POSIX file calls through the real VFS, in the spirit
 * of MINIX's test17-35: an ordinary C program (tools/mica-cc, newlib +
 * libposix) doing every file call VFS serves and checking results and
 * error codes.  argv[1] picks the suite's extras (pm, tty, mfs, exec;
 * vfs/README.md lists them); a memfs instance labelled memfs2 is mounted
 * on /mnt.  TAP goes to the console by the kernel's debug print: the
 * process has no descriptors VFS did not give it, and stdout is one of
 * the things under test.  The plan comes last.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/select.h>
#include <sys/statvfs.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <sys/mman.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/sysmacros.h>
#include <termios.h>
#include <signal.h>
#include <time.h>
#include <mica/kipc.h>
#include <mica/callnr.h>
#include <mica/ipc.h>
#include <mica/pmvfs.h>
#include <mica/procinfo.h>
#include <mica/com.h>
#include "../lib/ktap.h"

extern endpoint_t lc_self;		/* libposix: this process (its start frame) */


static void t_open_rw(void)
{
	char buf[64];
	int fd, fd2;
	struct stat st;

	fd = open("/f1", O_CREAT | O_RDWR, 0644);
	ok(fd >= 0, "open O_CREAT makes /f1 (fd %d)", fd);
	ok(write(fd, "hello world", 11) == 11, "write 11 bytes");
	ok(lseek(fd, 0, SEEK_CUR) == 11, "position after write is 11");
	ok(lseek(fd, 6, SEEK_SET) == 6, "lseek SEEK_SET 6");
	memset(buf, 0, sizeof(buf));
	ok(read(fd, buf, sizeof(buf)) == 5 && !memcmp(buf, "world", 5), "read the rest: '%s'", buf);
	ok(read(fd, buf, sizeof(buf)) == 0, "read at EOF gives 0");
	ok(lseek(fd, -3, SEEK_END) == 8, "lseek SEEK_END -3");
	err(lseek(fd, -20, SEEK_CUR), EINVAL, "lseek before 0");
	err(lseek(fd, 0, 7), EINVAL, "lseek with a bad whence");
	ok(pread(fd, buf, 5, 0) == 5 && !memcmp(buf, "hello", 5), "pread at 0");
	ok(lseek(fd, 0, SEEK_CUR) == 8, "pread leaves the position");
	ok(pwrite(fd, "HE", 2, 0) == 2, "pwrite at 0");
	ok(pread(fd, buf, 11, 0) == 11 && !memcmp(buf, "HEllo world", 11), "pwrite's bytes read back");
	err(pread(fd, buf, 1, -1), EINVAL, "pread at a negative offset");
	ok(fstat(fd, &st) == 0 && st.st_size == 11 && S_ISREG(st.st_mode) &&
		(st.st_mode & 0777) == 0644, "fstat: regular, 11 bytes, mode 0644 (umask 022)");
	ok(close(fd) == 0, "close");
	err(close(fd), EBADF, "close twice");
	err(read(fd, buf, 1), EBADF, "read on a closed fd");
	err(write(-1, buf, 1), EBADF, "write on fd -1");
	err(read(1000, buf, 1), EBADF, "read on fd 1000");

	err(open("/f1", O_CREAT | O_EXCL | O_RDWR, 0644), EEXIST, "O_CREAT|O_EXCL on an existing file");
	err(open("/nonexistent", O_RDONLY), ENOENT, "open a missing file");
	err(open("/nodir/x", O_CREAT | O_RDWR, 0644), ENOENT, "create in a missing directory");
	err(open("/f1/x", O_RDONLY), ENOTDIR, "a file used as a directory");
	err(open("/", O_WRONLY), EISDIR, "open a directory for writing");
	err(open("/f1", O_RDONLY | O_DIRECTORY), ENOTDIR, "O_DIRECTORY on a file");
	err(open("", O_RDONLY), ENOENT, "open of an empty path");
	err(open("/f1", O_RDWR | O_WRONLY | O_RDONLY | 3), EINVAL, "open with access mode 3");

	fd = open("/f1", O_RDONLY);
	err(write(fd, "x", 1), EBADF, "write on a read-only fd");
	close(fd);
	fd = open("/f1", O_WRONLY);
	err(read(fd, buf, 1), EBADF, "read on a write-only fd");
	close(fd);

	fd = open("/f1", O_WRONLY | O_TRUNC);
	ok(fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0, "O_TRUNC empties the file");
	close(fd);
	fd = open("/f1", O_WRONLY | O_APPEND);
	fd2 = open("/f1", O_WRONLY);
	ok(write(fd2, "abc", 3) == 3 && write(fd, "XY", 2) == 2, "two writers, one O_APPEND");
	ok(write(fd2, "d", 1) == 1, "the plain writer writes at its own position");
	close(fd);
	close(fd2);
	fd = open("/f1", O_RDONLY);
	memset(buf, 0, sizeof(buf));
	ok(read(fd, buf, sizeof(buf)) == 5 && !memcmp(buf, "abcdY", 5),
		"O_APPEND wrote at the end: '%s'", buf);
	close(fd);
	ok(creat("/f2", 0600) >= 0, "creat");
	ok(stat("/f2", &st) == 0 && (st.st_mode & 0777) == 0600, "creat's mode");
}

static void t_fds(void)
{
	int fd, d, flags;
	char c;

	fd = open("/f1", O_RDONLY);
	d = dup(fd);
	ok(d > fd, "dup gives the lowest free fd above (%d)", d);
	ok(read(fd, &c, 1) == 1 && lseek(d, 0, SEEK_CUR) == 1, "dup shares the position");
	ok(dup2(fd, 20) == 20, "dup2 to 20");
	ok(dup2(fd, fd) == fd, "dup2 to itself");
	err(dup2(fd, -1), EBADF, "dup2 to -1");
	err(dup2(99, 21), EBADF, "dup2 of a closed fd");
	ok(fcntl(fd, F_DUPFD, 30) == 30, "F_DUPFD from 30");
	err(fcntl(fd, F_DUPFD, -1), EINVAL, "F_DUPFD from -1");
	ok(fcntl(fd, F_GETFD) == 0, "no close-on-exec by default");
	ok(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC, "F_SETFD FD_CLOEXEC");
	ok(fcntl(d, F_GETFD) == 0, "close-on-exec is per descriptor");
	flags = fcntl(fd, F_GETFL);
	ok((flags & O_ACCMODE) == O_RDONLY, "F_GETFL: read-only");
	ok(fcntl(fd, F_SETFL, O_NONBLOCK | O_APPEND) == 0 &&
		(fcntl(d, F_GETFL) & (O_NONBLOCK | O_APPEND)) == (O_NONBLOCK | O_APPEND),
		"F_SETFL is shared by duplicates");
	err(fcntl(fd, 999), EINVAL, "fcntl with an unknown command");
	err(fcntl(77, F_GETFL), EBADF, "fcntl on a closed fd");
	close(fd); close(d); close(20); close(30);
	fd = open("/f1", O_RDONLY | O_CLOEXEC);
	ok(fcntl(fd, F_GETFD) == FD_CLOEXEC, "O_CLOEXEC sets FD_CLOEXEC");
	close(fd);
	for (d = 0; (fd = open("/f1", O_RDONLY)) >= 0; d++)
		;
	ok(errno == EMFILE && d > 8, "EMFILE after %d opens", d);
	for (fd = 0; fd < 64; fd++)
		close(fd);
}

static int count_entries(const char *path, const char *want, int *found)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	*found = 0;
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		n++;
		if (want && !strcmp(e->d_name, want))
			*found = 1;
	}
	closedir(d);
	return n;
}

int lc_getdents(int fd, void *buf, size_t n);
static int getdents_probe(int fd)
{
	char buf[256];

	return lc_getdents(fd, buf, sizeof(buf)) == -1 && errno == ENOTDIR;
}

static void t_dirs(void)
{
	char cwd[128];
	struct stat st;
	int found, fd;

	ok(mkdir("/d", 0755) == 0, "mkdir /d");
	err(mkdir("/d", 0755), EEXIST, "mkdir of an existing name");
	err(mkdir("/nodir/x", 0755), ENOENT, "mkdir in a missing directory");
	err(mkdir("/f1/x", 0755), ENOTDIR, "mkdir under a file");
	ok(mkdir("/d/e", 0700) == 0 && stat("/d/e", &st) == 0 && S_ISDIR(st.st_mode) &&
		(st.st_mode & 0777) == 0700, "mkdir /d/e with mode 0700");
	ok(stat("/d", &st) == 0 && st.st_nlink == 3, "a directory's link count counts subdirectories");
	ok(chdir("/d/e") == 0, "chdir /d/e");
	ok(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/d/e"), "getcwd: %s", cwd);
	err(getcwd(cwd, 3) ? 0 : -1, ERANGE, "getcwd into 3 bytes");
	ok(chdir("..") == 0 && getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/d"), "chdir .. : %s", cwd);
	fd = open("f", O_CREAT | O_WRONLY, 0644);
	ok(fd >= 0 && stat("/d/f", &st) == 0, "a relative create lands in the cwd");
	close(fd);
	ok(chdir("/") == 0, "chdir /");
	ok(chdir("/..") == 0 && getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/"), "/.. is /");
	err(chdir("/f1"), ENOTDIR, "chdir to a file");
	err(chdir("/missing"), ENOENT, "chdir to a missing directory");
	fd = open("/d", O_RDONLY);
	ok(fchdir(fd) == 0 && getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/d"), "fchdir");
	close(fd);
	fd = open("/f1", O_RDONLY);
	err(fchdir(fd), ENOTDIR, "fchdir to a file");
	close(fd);
	chdir("/");
	ok(count_entries("/d", "f", &found) == 4 && found, "readdir /d: . .. e f");
	err(rmdir("/d"), ENOTEMPTY, "rmdir of a non-empty directory");
	err(rmdir("/d/f"), ENOTDIR, "rmdir of a file");
	err(rmdir("/d/."), EINVAL, "rmdir of .");
	err(unlink("/d"), EPERM, "unlink of a directory");
	ok(unlink("/d/f") == 0, "unlink /d/f");
	err(unlink("/d/f"), ENOENT, "unlink twice");
	ok(rmdir("/d/e") == 0, "rmdir /d/e");
	ok(count_entries("/d", "f", &found) == 2 && !found, "readdir /d: only . and ..");
	fd = open("/d", O_RDONLY);
	err(read(fd, cwd, 10), EISDIR, "read on a directory");
	close(fd);
	fd = open("/f1", O_RDONLY);
	ok(getdents_probe(fd), "getdents on a file fails with ENOTDIR");
	close(fd);
}

static void t_names(void)
{
	char buf[64];
	struct stat st, st2;
	int fd, n;

	ok(link("/f1", "/f1link") == 0, "link");
	ok(stat("/f1", &st) == 0 && stat("/f1link", &st2) == 0 && st.st_ino == st2.st_ino &&
		st.st_nlink == 2, "a hard link is the same node, nlink 2");
	err(link("/f1", "/f2"), EEXIST, "link onto an existing name");
	err(link("/d", "/dlink"), EPERM, "link to a directory");
	err(link("/missing", "/x"), ENOENT, "link from a missing file");
	ok(unlink("/f1link") == 0 && stat("/f1", &st) == 0 && st.st_nlink == 1, "unlink one name");

	ok(symlink("/f1", "/s1") == 0, "symlink /s1 -> /f1");
	n = readlink("/s1", buf, sizeof(buf));
	ok(n == 3 && !memcmp(buf, "/f1", 3), "readlink gives the text (%d)", n);
	err(readlink("/f1", buf, sizeof(buf)), EINVAL, "readlink of a file");
	ok(stat("/s1", &st) == 0 && S_ISREG(st.st_mode), "stat follows the link");
	ok(lstat("/s1", &st) == 0 && S_ISLNK(st.st_mode), "lstat does not");
	fd = open("/s1", O_RDONLY);
	ok(fd >= 0 && read(fd, buf, 5) == 5 && !memcmp(buf, "abcdY", 5), "open through a link");
	close(fd);
	err(open("/s1", O_RDONLY | O_NOFOLLOW), ELOOP, "O_NOFOLLOW on a link");
	ok(symlink("d", "/s2") == 0 && mkdir("/s2/sub", 0755) == 0 && stat("/d/sub", &st) == 0,
		"a relative link in the middle of a path");
	ok(symlink("/loop2", "/loop1") == 0 && symlink("/loop1", "/loop2") == 0, "two links in a loop");
	err(stat("/loop1", &st), ELOOP, "stat of a link loop");
	err(open("/loop1/x", O_RDONLY), ELOOP, "a loop in the middle of a path");
	err(symlink("/f1", "/s1"), EEXIST, "symlink onto an existing name");
	ok(symlink("/nothere", "/dangling") == 0, "a dangling link can be made");
	err(stat("/dangling", &st), ENOENT, "stat of a dangling link");
	fd = open("/dangling", O_CREAT | O_WRONLY, 0644);
	ok(fd >= 0 && stat("/nothere", &st) == 0, "O_CREAT through a dangling link creates the target");
	close(fd);

	ok(rename("/f2", "/f3") == 0, "rename a file");
	err(stat("/f2", &st), ENOENT, "the old name is gone");
	ok(stat("/f3", &st) == 0, "the new name is there");
	ok(rename("/f3", "/nothere") == 0, "rename over an existing file");
	err(rename("/missing", "/x"), ENOENT, "rename a missing file");
	err(rename("/d", "/d/sub/x"), EINVAL, "rename a directory into itself");
	err(rename("/d", "/f1"), ENOTDIR, "rename a directory over a file");
	err(rename("/f1", "/d"), EISDIR, "rename a file over a directory");
	ok(mkdir("/e", 0755) == 0 && rename("/e", "/d/sub/e") == 0 && stat("/d/sub/e", &st) == 0,
		"move a directory");
	err(rename("/", "/x"), EINVAL, "rename of /");
}

static void t_attrs(void)
{
	struct stat st;
	struct timespec ts[2];
	int fd;

	ok(chmod("/f1", 0600) == 0 && stat("/f1", &st) == 0 && (st.st_mode & 07777) == 0600, "chmod");
	fd = open("/f1", O_RDONLY);
	ok(fchmod(fd, 0640) == 0 && fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0640, "fchmod");
	ok(fchown(fd, 5, 6) == 0 && fstat(fd, &st) == 0 && st.st_uid == 5 && st.st_gid == 6, "fchown");
	close(fd);
	ok(chown("/f1", 0, 0) == 0 && stat("/f1", &st) == 0 && st.st_uid == 0, "chown back to root");
	ok(lchown("/s1", 7, 7) == 0 && lstat("/s1", &st) == 0 && st.st_uid == 7 &&
		stat("/f1", &st) == 0 && st.st_uid == 0, "lchown changes the link only");
	err(chmod("/missing", 0644), ENOENT, "chmod of a missing file");
	ts[0].tv_sec = 100; ts[0].tv_nsec = 0;
	ts[1].tv_sec = 200; ts[1].tv_nsec = 0;
	ok(utimensat(AT_FDCWD, "/f1", ts, 0) == 0 && stat("/f1", &st) == 0 &&
		st.st_atime == 100 && st.st_mtime == 200, "utimensat sets both times");
	ts[0].tv_nsec = UTIME_OMIT; ts[1].tv_sec = 300; ts[1].tv_nsec = 0;
	ok(utimensat(AT_FDCWD, "/f1", ts, 0) == 0 && stat("/f1", &st) == 0 &&
		st.st_atime == 100 && st.st_mtime == 300, "UTIME_OMIT leaves atime");
	ts[0].tv_nsec = 1000000000;
	err(utimensat(AT_FDCWD, "/f1", ts, 0), EINVAL, "utimensat with nsec 1e9");
	fd = open("/f1", O_RDONLY);
	ok(futimens(fd, NULL) == 0 && fstat(fd, &st) == 0 && st.st_mtime != 300, "futimens(NULL) is now");
	close(fd);
	ok(access("/f1", R_OK | W_OK) == 0, "access R|W as root");
	err(access("/f1", X_OK), EACCES, "access X without any x bit, even root");
	err(access("/missing", F_OK), ENOENT, "access of a missing file");
	err(access("/f1", 0100), EINVAL, "access with a bad mode");
	ok(umask(077) == 022 && umask(022) == 077, "umask returns the old mask");
	ok(truncate("/f1", 3) == 0 && stat("/f1", &st) == 0 && st.st_size == 3, "truncate to 3");
	ok(truncate("/f1", 100) == 0 && stat("/f1", &st) == 0 && st.st_size == 100, "truncate up to 100");
	err(truncate("/d", 0), EISDIR, "truncate a directory");
	err(truncate("/f1", -1), EINVAL, "truncate to -1");
	fd = open("/f1", O_RDONLY);
	err(ftruncate(fd, 0), EBADF, "ftruncate on a read-only fd");
	close(fd);
	fd = open("/f1", O_RDWR);
	ok(ftruncate(fd, 1) == 0 && fstat(fd, &st) == 0 && st.st_size == 1, "ftruncate");
	close(fd);
}

static void t_mount(void)
{
	struct statvfs sv;
	struct stat st, st2;
	char cwd[64];
	int fd;

	ok(mkdir("/mnt", 0755) == 0, "mkdir /mnt");
	err(mount(NULL, "/mnt", "nosuchfs", 0, NULL), ENODEV, "mount of an unknown server");
	err(mount(NULL, "/f1", "memfs2", 0, NULL), ENOTDIR, "mount on a file");
	ok(mount(NULL, "/mnt", "memfs2", 0, NULL) == 0, "mount memfs2 on /mnt");
	err(mount(NULL, "/mnt", "memfs2", 0, NULL), EBUSY, "mount on a mount point");
	ok(stat("/", &st) == 0 && stat("/mnt", &st2) == 0 && st.st_dev != st2.st_dev, "/mnt has its own st_dev");
	fd = open("/mnt/g", O_CREAT | O_RDWR, 0644);
	ok(fd >= 0 && write(fd, "mounted", 7) == 7, "a file on the mounted fs");
	ok(statvfs("/mnt", &sv) == 0 && sv.f_bsize > 0 && sv.f_namemax > 0, "statvfs");
	ok(fstatvfs(fd, &sv) == 0 && sv.f_files > 0, "fstatvfs");
	err(umount("/mnt"), EBUSY, "umount while a file is open");
	close(fd);
	err(link("/mnt/g", "/g"), EXDEV, "link across mounts");
	err(rename("/mnt/g", "/g"), EXDEV, "rename across mounts");
	ok(chdir("/mnt") == 0 && mkdir("sub", 0755) == 0 && chdir("sub") == 0 &&
		getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/mnt/sub"), "getcwd across a mount: %s", cwd);
	ok(chdir("../..") == 0 && getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/"), ".. leaves the mount: %s", cwd);
	ok(stat("/mnt/sub/../../f1", &st) == 0, "a path climbing out of a mount");
	ok(chdir("/mnt") == 0, "cwd on the mount");
	err(umount("/mnt"), EBUSY, "umount while it is a cwd");
	chdir("/");
	err(umount("/d"), EINVAL, "umount of a non-mount-point");
	ok(umount("/mnt") == 0, "umount /mnt");
	err(stat("/mnt/g", &st), ENOENT, "the mount's files are gone from view");
	ok(mount(NULL, "/mnt", "memfs2", 0, NULL) == 0 && stat("/mnt/g", &st) == 0,
		"mount again: the files are back");
	sync();
	ok(1, "sync returns");
	fd = open("/f1", O_RDONLY);
	ok(fsync(fd) == 0, "fsync");
	close(fd);
}

static void t_poll(void)
{
	struct pollfd p[3];
	fd_set rd, wr;
	struct timeval tv;
	int fd = open("/f1", O_RDWR);

	p[0].fd = fd; p[0].events = POLLIN | POLLOUT;
	p[1].fd = 55; p[1].events = POLLIN;
	p[2].fd = -1; p[2].events = POLLIN;
	ok(poll(p, 3, 0) == 2 && (p[0].revents & (POLLIN | POLLOUT)) == (POLLIN | POLLOUT) &&
		p[1].revents == POLLNVAL && p[2].revents == 0,
		"poll: a file is ready, a closed fd is POLLNVAL, fd -1 ignored");
	ok(poll(p, 1, 1000) == 1, "poll with a long timeout returns at once when ready");
	FD_ZERO(&rd); FD_ZERO(&wr);
	FD_SET(fd, &rd); FD_SET(fd, &wr);
	tv.tv_sec = 0; tv.tv_usec = 0;
	ok(select(fd + 1, &rd, &wr, NULL, &tv) == 2 && FD_ISSET(fd, &rd) && FD_ISSET(fd, &wr),
		"select: a file is readable and writable");
	FD_ZERO(&rd); FD_SET(40, &rd);
	err(select(41, &rd, NULL, NULL, &tv), EBADF, "select on a closed fd");
	ok(poll(NULL, 0, 30) == 0, "poll with no descriptors sleeps for the timeout");
	close(fd);
}

static void t_pipe(void)
{
	static char big[9000];
	struct pollfd p[2];
	struct stat st;
	char buf[16];
	int fd[2], n;

	n = pipe(fd);
	ok(n == 0 && fd[1] == fd[0] + 1, "pipe: fds %d, %d", fd[0], fd[1]);
	ok(fstat(fd[0], &st) == 0 && S_ISFIFO(st.st_mode), "fstat: a FIFO");
	err(lseek(fd[0], 0, SEEK_SET), ESPIPE, "lseek on a pipe");
	err(pread(fd[0], buf, 1, 0), ESPIPE, "pread on a pipe");
	err(write(fd[0], "x", 1), EBADF, "write on the read end");
	err(read(fd[1], buf, 1), EBADF, "read on the write end");
	ok(write(fd[1], "hello", 5) == 5, "write 5 bytes");
	p[0].fd = fd[0]; p[0].events = POLLIN;
	p[1].fd = fd[1]; p[1].events = POLLOUT;
	ok(poll(p, 2, 0) == 2 && (p[0].revents & POLLIN) && (p[1].revents & POLLOUT),
		"poll: readable and writable");
	ok(read(fd[0], buf, 3) == 3 && !memcmp(buf, "hel", 3), "read 3");
	ok(read(fd[0], buf, 10) == 2 && !memcmp(buf, "lo", 2), "read the other 2");
	fcntl(fd[0], F_SETFL, O_NONBLOCK);
	fcntl(fd[1], F_SETFL, O_NONBLOCK);
	err(read(fd[0], buf, 1), EAGAIN, "O_NONBLOCK read of an empty pipe");
	memset(big, 'z', sizeof(big));
	n = write(fd[1], big, sizeof(big));
	ok(n == 8192, "a non-blocking write fills the pipe: %d of %d", n, (int)sizeof(big));
	err(write(fd[1], big, 10), EAGAIN, "then a small write is EAGAIN");
	ok(poll(p + 1, 1, 0) == 0, "and the write end is not writable");
	ok(read(fd[0], big, 4000) == 4000, "read 4000");
	err(write(fd[1], big, 4096), EAGAIN, "4096 bytes (PIPE_BUF) do not fit in 4000: nothing written");
	ok(write(fd[1], big, 4000) == 4000, "4000 bytes do");
	ok(close(fd[1]) == 0, "close the write end");
	p[0].revents = 0;
	ok(poll(p, 1, 0) == 1 && (p[0].revents & POLLHUP), "poll: POLLHUP without writers");
	ok(read(fd[0], big, sizeof(big)) == 8192, "the rest is still there");
	ok(read(fd[0], buf, 1) == 0, "then end of file");
	close(fd[0]);
}

static void t_hostile(void)
{
	char big[1100];
	struct stat st;

	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	err(open(big, O_RDONLY), ENAMETOOLONG, "a path of 1099 bytes");
	big[300] = '\0';
	err(stat(big, &st), ENAMETOOLONG, "a component of 300 bytes");
	err(read(0, (void *)0x10, 0x7fffffff), EBADF, "read on fd 0 (none given)");
	err(stat("/f1", (struct stat *)0), EFAULT, "stat into NULL");
}

/* One raw request to VFS; the reply's m_type. */
static int wire(int type, message *m)
{
	m->m_type = type;
	if (ipc_sendrec(VFS_PROC_NR, m) != OK)
		return -99999;
	return m->m_type;
}

/* Hostile fields straight on the wire, past the C library's checks. */
static void t_wire(void)
{
	static char path[] = "/f1";
	message m;
	cp_grant_id_t g;
	int fd = open("/f1", O_RDWR);

	memset(&m, 0, sizeof(m));
	ok(wire(VFS_RQ_BASE + 0xff, &m) == -ENOSYS, "an unknown call: ENOSYS");
	memset(&m, 0, sizeof(m));
	m.m_pm_vfs_proc.endpt = lc_self;
	ok(wire(VFS_PM_EXIT, &m) == -ENOSYS && fcntl(fd, F_GETFD) == 0,
		"PM's EXIT from a user process: refused, nothing closed");
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_path.path = 12345;
	m.m_lc_vfs_path.path_len = 3;
	ok(wire(VFS_OPEN, &m) == -EFAULT, "open with a bogus path grant: EFAULT");
	g = cpf_grant_direct(VFS_PROC_NR, (vir_bytes)path, 3, CPF_READ);
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_path.path = g;
	m.m_lc_vfs_path.path_len = 0;
	ok(wire(VFS_OPEN, &m) == -ENOENT, "path_len 0: ENOENT");
	m.m_lc_vfs_path.path_len = 5000;
	ok(wire(VFS_OPEN, &m) == -ENAMETOOLONG, "path_len 5000: ENAMETOOLONG");
	m.m_lc_vfs_path.path_len = 0x80000000u;
	ok(wire(VFS_STAT, &m) == -ENAMETOOLONG, "path_len 2^31: ENAMETOOLONG");
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_path.path = g;
	m.m_lc_vfs_path.path_len = 4;
	ok(wire(VFS_STAT, &m) < 0, "path_len past the grant: an error, not a crash");
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_path.path = g;
	m.m_lc_vfs_path.path_len = 3;
	m.m_lc_vfs_path.buf = g;
	m.m_lc_vfs_path.size = 10;
	ok(wire(VFS_STAT, &m) == -EINVAL, "stat into a 10-byte buffer: EINVAL");
	m.m_lc_vfs_path.flags = 0x7fff;
	ok(wire(VFS_OPEN, &m) == -EINVAL, "open with unknown flags: EINVAL");
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_path.path = g;
	m.m_lc_vfs_path.path_len = 3;
	m.m_lc_vfs_path.mode = 0xffff;
	ok(wire(VFS_ACCESS, &m) == -EINVAL, "access mode 0xffff: EINVAL");
	m.m_lc_vfs_path.mode = MICA_S_IFCHR | 0644;
	m.m_lc_vfs_path.length = 1ull << 40;
	ok(wire(VFS_MKNOD, &m) == -EINVAL, "mknod with a 41-bit device: EINVAL");
	cpf_revoke(g);
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_io.fd = fd;
	m.m_lc_vfs_io.grant = 777;
	m.m_lc_vfs_io.count = 100;
	ok(wire(VFS_READ, &m) < 0, "read into a bogus grant: an error");
	m.m_lc_vfs_io.fd = -5;
	ok(wire(VFS_WRITE, &m) == -EBADF, "write on fd -5: EBADF");
	m.m_lc_vfs_io.fd = fd;
	m.m_lc_vfs_io.count = 0xffffffffu;
	ok(wire(VFS_WRITE, &m) == -EINVAL, "a write of 2^32-1 bytes: EINVAL");
	m.m_lc_vfs_io.count = 0;
	ok(wire(VFS_GETCWD, &m) == -ERANGE, "getcwd into 0 bytes: ERANGE");
	m.m_lc_vfs_io.pos = -1;
	m.m_lc_vfs_io.count = 1;
	ok(wire(VFS_PREAD, &m) == -EINVAL, "pread at -1: EINVAL");
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_poll.nfds = 100000;
	ok(wire(VFS_POLL, &m) == -EINVAL, "poll of 100000 fds: EINVAL");
	m.m_lc_vfs_poll.nfds = 3;
	m.m_lc_vfs_poll.grant = 999;
	ok(wire(VFS_POLL, &m) == -EFAULT, "poll with a bogus grant: EFAULT");
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_fd.fd = fd;
	m.m_lc_vfs_fd.cmd = MICA_F_DUPFD;
	m.m_lc_vfs_fd.arg = 1 << 30;
	ok(wire(VFS_FCNTL, &m) == -EINVAL, "F_DUPFD from 2^30: EINVAL");
	m.m_lc_vfs_fd.fd2 = 1 << 30;
	ok(wire(VFS_DUP2, &m) == -EBADF, "dup2 to 2^30: EBADF");
	m.m_lc_vfs_fd.arg = 0x7fffffff;
	ok(wire(VFS_PIPE, &m) == -EINVAL, "pipe with unknown flags: EINVAL");
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_lseek.fd = fd;
	m.m_lc_vfs_lseek.whence = MICA_SEEK_SET;
	m.m_lc_vfs_lseek.offset = 0x7fffffffffffffffll;
	ok(wire(VFS_LSEEK, &m) == OK, "lseek to 2^63-1");
	m.m_lc_vfs_lseek.whence = MICA_SEEK_CUR;
	m.m_lc_vfs_lseek.offset = 1;
	ok(wire(VFS_LSEEK, &m) == -EOVERFLOW, "and one more: EOVERFLOW");
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_utimens.fd = fd;
	m.m_lc_vfs_utimens.atime_nsec = 2000000000;
	ok(wire(VFS_UTIMENS, &m) == -EINVAL, "utimens nsec 2e9: EINVAL");
	memset(&m, 0, sizeof(m));
	m.m_lc_vfs_mount.type_len = 100;
	m.m_lc_vfs_mount.target_len = 4;
	ok(wire(VFS_MOUNT, &m) == -EINVAL, "mount with a 100-byte type: EINVAL");
	close(fd);
	ok(stat("/f1", (struct stat[1]){ 0 }) == 0, "VFS still serves");
}

static void t_crash(void)
{
	struct stat st;

	ok(mkdir("/mnt/x", 0755) == 0, "the mounted server works");
	err(stat("/mnt/crash-now", &st), EIO, "its server dies mid-request: EIO, no hang");
	err(stat("/mnt/x", &st), EIO, "later requests to it: EIO");
	ok(stat("/f1", &st) == 0, "the root file system still works");
}

/* Run fn in a child; its exit status (0 = all its checks held). */
static int in_child(int (*fn)(void))
{
	int st, pid = fork();

	if (pid == 0)
		_exit(fn());
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

static int fork_fd;

static int child_writes(void)
{
	char cwd[64];

	if (write(fork_fd, "C", 1) != 1)
		return 1;
	if (fcntl(fork_fd, F_GETFD) != FD_CLOEXEC)
		return 2;
	if (!getcwd(cwd, sizeof(cwd)) || strcmp(cwd, "/d"))
		return 3;
	if (open("/mnt/held", O_CREAT | O_RDWR, 0644) < 0)
		return 4;
	return 0;			/* exits with /mnt/held open */
}

/* A child that becomes uid 100: the permission rules for non-root. */
static int child_user(void)
{
	struct stat st;
	int fd;

	if (setgid(100) != 0 || setuid(100) != 0)
		return 1;
	if (open("/secret", O_RDONLY) != -1 || errno != EACCES)
		return 2;
	if (access("/secret", R_OK) != -1 || errno != EACCES)
		return 3;
	if (open("/newfile", O_CREAT | O_WRONLY, 0644) != -1 || errno != EACCES)
		return 4;		/* / is 0755 root */
	if (chmod("/secret", 0777) != -1 || errno != EPERM)
		return 5;
	if (chown("/pub", 100, 100) != -1 || errno != EPERM)
		return 6;
	if (mount(NULL, "/mnt", "memfs2", 0, NULL) != -1 || errno != EPERM)
		return 7;
	if (chroot("/d") != -1 || errno != EPERM)
		return 8;
	if ((fd = open("/pub/mine", O_CREAT | O_WRONLY, 0600)) < 0)
		return 9;		/* /pub is 0777 */
	if (fstat(fd, &st) != 0 || st.st_uid != 100 || st.st_gid != 100)
		return 10;
	close(fd);
	if (unlink("/pub/roots") != -1 || errno != EPERM)
		return 11;		/* sticky /pub: not ours */
	if (chdir("/locked") != -1 || errno != EACCES)
		return 12;		/* 0700 root */
	if (stat("/locked/x", &st) != -1 || errno != EACCES)
		return 13;
	if (execve("/f1", (char *[]){ "f1", NULL }, (char *[]){ NULL }) != -1 ||
	    errno != EACCES)
		return 14;		/* no x for others */
	if (utimensat(AT_FDCWD, "/secret", NULL, 0) != -1 || errno != EACCES)
		return 15;		/* "now" needs write access */
	return 0;
}

static void t_proc(void)
{
	char buf[8];
	char *argv[] = { "x", NULL }, *envp[] = { NULL };
	int fd, st;

	fork_fd = open("/forkf", O_CREAT | O_RDWR | O_CLOEXEC, 0644);
	ok(write(fork_fd, "P", 1) == 1, "parent writes before fork");
	chdir("/d");
	ok(in_child(child_writes) == 0, "the child writes through the inherited fd, "
		"keeps FD_CLOEXEC, has the parent's cwd");
	chdir("/");
	ok(lseek(fork_fd, 0, SEEK_CUR) == 2, "parent and child share the position");
	ok(pread(fork_fd, buf, 2, 0) == 2 && !memcmp(buf, "PC", 2), "the file holds PC");
	close(fork_fd);
	ok(umount("/mnt") == 0, "the child's exit closed its files: /mnt unmounts");
	ok(mount(NULL, "/mnt", "memfs2", 0, NULL) == 0, "mount /mnt again");

	fd = open("/secret", O_CREAT | O_WRONLY, 0600);
	close(fd);
	mkdir("/pub", 0777);
	chmod("/pub", 01777);
	close(open("/pub/roots", O_CREAT | O_WRONLY, 0644));
	mkdir("/locked", 0700);
	chmod("/f1", 0640);
	st = in_child(child_user);
	ok(st == 0, "uid 100: EACCES/EPERM where POSIX says, its own files allowed "
		"(failed step %d)", st);

	errno = 0;
	err(execve("/missing", argv, envp), ENOENT, "exec of a missing file");
	err(execve("/d", argv, envp), EACCES, "exec of a directory");
	err(execve("/f1", argv, envp), EACCES, "exec without any x bit, even root");
	chmod("/f1", 0700);
	err(execve("/f1", argv, envp), ENOEXEC, "exec of a file that is not ELF");
	chmod("/f1", 0111);
	err(execve("/f1", argv, envp), ENOEXEC, "exec needs X, not R: read by VFS");
	chmod("/f1", 0644);
}

/* The serial console through VFS (tests/os/vfstty.input feeds it). */
static void t_tty(void)
{
	struct pollfd p;
	struct termios tio;
	fd_set rd;
	struct timeval tv;
	char buf[32];
	int fd, n;

	ok(mknod("/tty0", S_IFCHR | 0666, makedev(4, 0)) == 0, "mknod a character device (major 4: tty)");
	err(mknod("/tty9", S_IFCHR | 0666, makedev(99, 0)) == 0 ? open("/tty9", O_RDWR) : -2,
		ENXIO, "open of a major with no driver");
	fd = open("/tty0", O_RDWR);
	ok(fd >= 0, "open the console through VFS");
	ok(isatty(fd) && tcgetattr(fd, &tio) == 0, "TCGETS reaches the driver (isatty)");
	p.fd = fd; p.events = POLLIN; p.revents = 0;
	ok(poll(&p, 1, 0) == 0 && p.revents == 0, "poll, timeout 0: nothing typed");
	ok(poll(&p, 1, 30) == 0, "poll, short timeout: it fires, no input, answered");
	p.events = POLLOUT;
	ok(poll(&p, 1, 0) == 1 && (p.revents & POLLOUT), "the console is writable");
	fcntl(fd, F_SETFL, O_NONBLOCK);
	err(read(fd, buf, sizeof(buf)), EAGAIN, "O_NONBLOCK read with nothing typed");
	fcntl(fd, F_SETFL, 0);
	ok(write(fd, "# feed\n", 7) == 7, "write to the console");
	n = read(fd, buf, sizeof(buf));
	ok(n == 6 && !memcmp(buf, "hello\n", 6), "a read suspended in VFS until the line came (%d)", n);
	ok(write(fd, "# feed\n", 7) == 7, "ask for more input");
	p.events = POLLIN; p.revents = 0;
	ok(poll(&p, 1, 20000) == 1 && (p.revents & POLLIN), "poll, long timeout: woken by the driver (SEL2)");
	FD_ZERO(&rd); FD_SET(fd, &rd);
	tv.tv_sec = 0; tv.tv_usec = 0;
	ok(select(fd + 1, &rd, NULL, NULL, &tv) == 1 && FD_ISSET(fd, &rd), "select sees it too");
	n = read(fd, buf, sizeof(buf));
	ok(n == 6 && !memcmp(buf, "later\n", 6), "and read gets the line (%d)", n);
	ok(close(fd) == 0, "close the console");
}

/* The root is the MFS server on the memory driver: the host's file is there. */
static void t_mfs_root(void)
{
	char buf[64];
	struct statvfs sv;
	int fd = open("/etc/motd", O_RDONLY), n;

	n = fd >= 0 ? read(fd, buf, sizeof(buf)) : -1;
	ok(n == 31 && !memcmp(buf, "Mica root for the vfsmfs suite\n", 31),
		"/etc/motd from the host-made MFS image (%d bytes)", n);
	close(fd);
	ok(statvfs("/", &sv) == 0 && sv.f_bsize == 4096, "statvfs /: MFS, 4 KiB blocks");
	{
		unsigned long before = sv.f_ffree;
		int f = open("/tmpfile", O_CREAT | O_WRONLY, 0644);

		close(f);
		stat("/tmpfile", (struct stat[1]){ 0 });
		ok(unlink("/tmpfile") == 0 && statvfs("/", &sv) == 0 && sv.f_ffree == before,
			"an unlinked file's inode is free again at once (VFS's node cache lets go)");
	}
}

/* /ram0, a block special file for the device MFS has mounted as "/". */
static void t_blk(void)
{
	static char blk[4096], back[512];
	struct stat st;
	int fd, n;

	ok(mknod("/ram0", S_IFBLK | 0600, makedev(1, 0)) == 0, "mknod a block device (major 1: memory)");
	ok(stat("/ram0", &st) == 0 && S_ISBLK(st.st_mode) && major(st.st_rdev) == 1,
		"stat: a block device, major 1");
	fd = open("/ram0", O_RDWR);
	ok(fd >= 0, "open the root's own device");
	n = read(fd, blk, sizeof(blk));
	ok(n == 4096 && (u_char)blk[1024 + 24] == 0x5a && (u_char)blk[1024 + 25] == 0x4d,
		"read block 0: the MFS V3 superblock magic at 1048 (%d bytes)", n);
	ok(lseek(fd, 0, SEEK_CUR) == 4096, "the position moved");
	ok(lseek(fd, 0, SEEK_END) == 491520,
		"lseek SEEK_END: the device's size (the driver's GETSIZE)");
	ok(lseek(fd, -512, SEEK_END) == 491520 - 512 && lseek(fd, 0, SEEK_SET) == 0,
		"lseek back from the end");
	ok(fstat(fd, &st) == 0 && st.st_size == 0,
		"fstat of a device node: st_size 0 (as on Linux)");
	ok(pread(fd, blk, 4096, 491520) == 0, "pread at the device's end: 0");
	ok(pread(fd, blk, 4096, 491520 - 100) == 100, "pread across the end: clipped to 100");
	memset(blk, 0x5c, 512);
	ok(pwrite(fd, blk, 512, 491520 - 512) == 512, "pwrite the last 512 bytes");
	ok(pread(fd, back, 512, 491520 - 512) == 512 && !memcmp(back, blk, 512),
		"and read them back through the same cache");
	ok(close(fd) == 0, "close flushes");
	ok(stat("/etc/motd", &st) == 0, "the file system is still fine");
	fd = open("/ram0", O_RDONLY);
	ok(fd >= 0 && pread(fd, back, 512, 491520 - 512) == 512 && !memcmp(back, blk, 512),
		"the bytes are there after reopening");
	close(fd);
	ok(mknod("/ram1", S_IFBLK | 0600, makedev(1, 1)) == 0 &&
		open("/ram1", O_RDONLY) == -1 && errno == ENXIO,
		"open of a block device its driver lacks: ENXIO");
}

static int child_nothing(void)
{
	return 7;
}

static int exec_hello(void)
{
	char *argv[] = { "hello", "one", "two", NULL }, *envp[] = { "MICA=exec", NULL };

	execve("/bin/hello", argv, envp);
	return 90 + (errno & 7);
}

static int exec_setuid(void)
{
	char *argv[] = { "hello", "one", "two", NULL };
	char *envp[] = { "MICA=exec", "EUID=5", NULL };

	if (setuid(100) != 0)
		return 80;
	execve("/bin/hello", argv, envp);
	return 90 + (errno & 7);
}

static int exec_as_user(void)
{
	if (setuid(100) != 0)
		return 80;
	return exec_hello();
}

/* exec from the MFS root with the real VM and PM: X, not R; the frame;
 * descriptors across exec. */
static void t_exec(void)
{
	char buf[32];
	int out, st, n;

	ok(in_child(child_nothing) == 7, "fork and exit with the real VM and PM");
	out = open("/out", O_CREAT | O_RDWR | O_TRUNC, 0666);
	ok(dup2(out, 5) == 5 && dup2(out, 6) == 6 && fcntl(6, F_SETFD, FD_CLOEXEC) == 0,
		"fd 5 for the program, fd 6 close-on-exec");
	st = in_child(exec_hello);
	ok(st == 0, "exec /bin/hello from MFS: argv, environment, fd 5 kept, fd 6 closed (%d)", st);
	n = pread(out, buf, sizeof(buf), 0);
	ok(n == 16 && !memcmp(buf, "hello from exec\n", 16), "its write through the inherited fd (%d)", n);
	ok(chmod("/bin/hello", 0711) == 0, "chmod 0711: execute, no read for others");
	st = in_child(exec_as_user);
	ok(st == 0, "uid 100 execs a file it cannot read (X, not R) (%d)", st);
	ok(chmod("/bin/hello", 0744) == 0, "chmod 0744: no execute for others");
	st = in_child(exec_as_user);
	ok(st == 90 + (EACCES & 7), "uid 100 cannot exec it: EACCES (%d)", st);
	ok(chown("/bin/hello", 5, 5) == 0 && chmod("/bin/hello", 04755) == 0,
		"owner 5, set-user-id");
	st = in_child(exec_setuid);
	ok(st == 0, "uid 100 execs it: effective uid 5, real uid 100 (%d)", st);
	close(5);
	close(6);
	close(out);
}


/* Bad user pointers, one call at a time in a child, so that a C library
 * which touches the pointer itself dies there instead of here: the
 * call must fail with EFAULT, and the servers must go on answering.
 * Pointers: a low unmapped one, a kernel address, a page just unmapped.
 * Wrappers that convert a structure copy through the kernel
 * (libposix usercopy.c), and paths are measured through it too. */
static void *badp;
static int bf_read(void) { int fd = open("/out", O_RDONLY); return read(fd, badp, 16); }
static int bf_write(void) { int fd = open("/out", O_WRONLY); return write(fd, badp, 16); }
static int bf_pread(void) { int fd = open("/out", O_RDONLY); return pread(fd, badp, 16, 0); }
static int bf_pwrite(void) { int fd = open("/out", O_WRONLY); return pwrite(fd, badp, 16, 0); }
static int bf_getcwd(void) { return getcwd(badp, 64) ? 0 : -1; }
static int bf_readlink(void) { return symlink("/out", "/lnk") < 0 && errno != EEXIST ? -2 : readlink("/lnk", badp, 64); }
static int bf_getdents(void) { int fd = open("/", O_RDONLY); return lc_getdents(fd, badp, 512); }
static int bf_poll(void) { return poll(badp, 1, 0); }
static int bf_execve(void) { char *argv[] = { "x", NULL }; return execve(badp, argv, argv + 1); }
static int bf_nanosleep(void) { return nanosleep(badp, NULL); }
static int bf_waitpid(void) { int pid = fork(); if (pid == 0) _exit(0); return waitpid(pid, badp, 0); }
static int bf_sigaction(void) { return sigaction(SIGUSR1, badp, NULL); }
static int bf_sigaction_old(void) { return sigaction(SIGUSR1, NULL, badp); }
static int bf_sigprocmask(void) { return sigprocmask(SIG_BLOCK, badp, NULL); }
static int bf_sigprocmask_old(void) { return sigprocmask(SIG_BLOCK, NULL, badp); }
static int bf_sigpending(void) { return sigpending(badp); }
static int bf_sigaltstack(void) { return sigaltstack(badp, NULL); }
static int bf_stat(void) { return stat("/out", badp); }
static int bf_fstat(void) { int fd = open("/out", O_RDONLY); return fstat(fd, badp); }
static int bf_statvfs(void) { return statvfs("/", badp); }
static int bf_fstatvfs(void) { int fd = open("/", O_RDONLY); return fstatvfs(fd, badp); }
static int bf_gettimeofday(void) { return gettimeofday(badp, NULL); }
static int bf_clock_gettime(void) { return clock_gettime(CLOCK_REALTIME, badp); }
static int bf_pipe(void) { return pipe(badp); }
static int bf_getprocs(void) { return mica_getprocs(badp, 4); }
static int bf_select_set(void)
{
	struct timeval tv = { 0, 0 };
	return select(1, badp, NULL, NULL, &tv);
}
static int bf_select_tv(void) { fd_set r; FD_ZERO(&r); return select(1, &r, NULL, NULL, badp); }
static int bf_setgroups(void) { return setgroups(1, badp); }
static int bf_getgroups(void)
{
	gid_t g[1] = { 5 };
	return setgroups(1, g) != 0 ? -2 : getgroups(4, badp);
}
static int bf_execve_argv(void) { return execve("/bin/hello", badp, NULL); }
static int bf_execve_arg(void) { char *argv[] = { "x", badp, NULL }; return execve("/bin/hello", argv, argv + 2); }
static int bf_execve_envp(void) { char *argv[] = { "x", NULL }; return execve("/bin/hello", argv, badp); }
static int bf_execve_env(void) { char *argv[] = { "x", NULL }, *envp[] = { "A=1", badp, NULL }; return execve("/bin/hello", argv, envp); }
static int bf_mknod(void) { return mknod(badp, S_IFIFO | 0644, 0); }
static int bf_chown(void) { return chown(badp, 0, 0); }
static int bf_opendir(void) { return opendir(badp) ? 0 : -1; }
static int bf_times(void) { return times(badp) == (clock_t)-1 ? -1 : 0; }
static int bf_uname(void) { return uname(badp); }
static int bf_sigsuspend(void) { return sigsuspend(badp); }
static int bf_open(void) { return open(badp, O_RDONLY); }
static int bf_stat_path(void) { struct stat st; return stat(badp, &st); }
static int bf_mkdir(void) { return mkdir(badp, 0755); }
static int bf_unlink(void) { return unlink(badp); }
static int bf_chdir(void) { return chdir(badp); }
static int bf_access(void) { return access(badp, R_OK); }
static int bf_rename(void) { return rename("/out", badp); }
static int bf_link(void) { return link(badp, "/lnk2"); }
static int bf_symlink(void) { return symlink(badp, "/lnk3"); }
static int bf_chmod(void) { return chmod(badp, 0644); }
static int bf_truncate(void) { return truncate(badp, 0); }
static int bf_utimens(void) { return utimensat(AT_FDCWD, "/out", badp, 0); }
static int bf_mount(void) { return mount("memfs2", badp, "memfs", 0, NULL); }

static const struct { const char *name; int (*fn)(void); } bad_calls[] = {
	{ "read", bf_read }, { "write", bf_write }, { "pread", bf_pread }, { "pwrite", bf_pwrite },
	{ "getcwd", bf_getcwd }, { "readlink", bf_readlink }, { "getdents", bf_getdents },
	{ "poll", bf_poll }, { "execve", bf_execve }, { "nanosleep", bf_nanosleep },
	{ "getprocs", bf_getprocs },
	{ "select's fd_set", bf_select_set }, { "select's timeout", bf_select_tv },
	{ "setgroups", bf_setgroups }, { "getgroups", bf_getgroups },
	{ "execve's argv", bf_execve_argv }, { "an argv string", bf_execve_arg },
	{ "execve's envp", bf_execve_envp }, { "an envp string", bf_execve_env },
	{ "mknod", bf_mknod }, { "chown", bf_chown }, { "opendir", bf_opendir },
	{ "waitpid's status", bf_waitpid }, { "sigaction's act", bf_sigaction },
	{ "sigaction's oldact", bf_sigaction_old }, { "sigprocmask's set", bf_sigprocmask },
	{ "sigprocmask's oldset", bf_sigprocmask_old }, { "sigpending", bf_sigpending },
	{ "sigaltstack", bf_sigaltstack }, { "stat's buffer", bf_stat }, { "fstat", bf_fstat },
	{ "statvfs's buffer", bf_statvfs }, { "fstatvfs", bf_fstatvfs },
	{ "gettimeofday", bf_gettimeofday }, { "clock_gettime", bf_clock_gettime },
	{ "pipe", bf_pipe }, { "times", bf_times }, { "uname", bf_uname },
	{ "sigsuspend", bf_sigsuspend },
	{ "open's path", bf_open }, { "stat's path", bf_stat_path }, { "mkdir", bf_mkdir },
	{ "unlink", bf_unlink }, { "chdir", bf_chdir }, { "access", bf_access },
	{ "rename's new path", bf_rename }, { "link", bf_link }, { "symlink's target", bf_symlink },
	{ "chmod", bf_chmod }, { "truncate", bf_truncate }, { "utimensat's times", bf_utimens },
	{ "mount's target", bf_mount },
};

static int bad_child_fn;
static int bad_child(void)
{
	int r = bad_calls[bad_child_fn].fn();

	return r == -1 ? errno : 200;
}

/* The process list (PM_GETPROCS, mica/procinfo.h) with the real VM and
 * PM: this process, a child sleeping in PM ('S'), the same child as a
 * zombie ('Z'), a service, and the call's own errors. */
static const struct mica_procinfo *find_pid(const struct mica_procinfo *t,
	int n, int pid)
{
	for (int i = 0; i < n; i++)
		if (t[i].pid == pid)
			return &t[i];
	return NULL;
}

static void t_procs(void)
{
	static struct mica_procinfo t[256];
	const struct mica_procinfo *p;
	struct timespec ts = { 0, 10000000 };
	int n, pid, st, i, pm_seen = 0;
	message m;

	n = mica_getprocs(t, 256);
	p = n > 0 && n <= 256 ? find_pid(t, n, getpid()) : NULL;
	ok(p && p->ppid == getppid() && p->endpoint == lc_self && p->state == 'R' &&
		!(p->flags & MICA_PI_SYSTEM) && p->uid == getuid(),
		"getprocs lists this process: pid, ppid, endpoint, R (%d listed)", n);
	for (i = 0; i < n && n <= 256; i++)
		pm_seen |= (t[i].flags & MICA_PI_SYSTEM) && t[i].endpoint == PM_PROC_NR;
	ok(pm_seen, "and PM among the system services");
	ok(mica_getprocs(NULL, 0) == n, "count 0: just the number (%d)", n);
	if ((pid = fork()) == 0) {
		struct timespec longer = { 100, 0 };
		nanosleep(&longer, NULL);
		_exit(0);
	}
	for (i = 0; i < 1000; i++) {	/* until it sleeps in PM */
		n = mica_getprocs(t, 256);
		if ((p = find_pid(t, n, pid)) && p->state == 'S')
			break;
		nanosleep(&ts, NULL);
	}
	ok(p && p->state == 'S' && p->ppid == getpid() && p->vsize > 0,
		"a child in nanosleep: S, its parent, its memory from VM");
	kill(pid, SIGKILL);
	for (i = 0; i < 1000; i++) {	/* until PM has made it a zombie */
		n = mica_getprocs(t, 256);
		if ((p = find_pid(t, n, pid)) && p->state == 'Z')
			break;
		nanosleep(&ts, NULL);
	}
	ok(p && p->state == 'Z' && p->endpoint == NONE, "killed, not waited for: Z");
	ok(waitpid(pid, &st, 0) == pid && mica_getprocs(t, 256) > 0 &&
		!find_pid(t, mica_getprocs(t, 256), pid), "waited for: gone");
	memset(&m, 0, sizeof(m));
	m.m_type = PM_GETPROCS;
	m.m_lc_pm_getprocs.count = 1;
	m.m_lc_pm_getprocs.size = sizeof(struct mica_procinfo) - 4;
	ok(ipc_sendrec(PM_PROC_NR, &m) == OK && m.m_type == -EINVAL,
		"a record size PM does not have: EINVAL");
	m.m_type = PM_GETPROCS;
	m.m_lc_pm_getprocs.grant = 12345;
	m.m_lc_pm_getprocs.size = sizeof(struct mica_procinfo);
	ok(ipc_sendrec(PM_PROC_NR, &m) == OK && m.m_type == -EFAULT,
		"a bogus grant: EFAULT");
}

static void t_efault(void)
{
	void *ptrs[] = { (void *)1, (void *)0xF0001000, NULL };
	struct stat st;
	unsigned i, k;
	int r;

	ptrs[2] = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(ptrs[2] != MAP_FAILED && munmap(ptrs[2], 4096) == 0, "a page mapped and unmapped");

	for (k = 0; k < sizeof(ptrs) / sizeof(ptrs[0]); k++)
		for (i = 0; i < sizeof(bad_calls) / sizeof(bad_calls[0]); i++) {
			badp = ptrs[k];
			bad_child_fn = i;
			r = in_child(bad_child);
			ok(r == EFAULT, "%s with the pointer %p: EFAULT (%d)", bad_calls[i].name, badp, r);
		}
	ok(stat("/out", &st) == 0 && in_child(child_nothing) == 7, "VFS and PM still answer");
	{
		struct timespec *t = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		struct stat *fresh = (struct stat *)((char *)t + 2048);

		/* untouched pages: the kernel's copy faults them in, no EFAULT */
		ok(t != MAP_FAILED && clock_gettime(CLOCK_MONOTONIC, t) == 0 &&
			stat("/out", fresh) == 0 && S_ISREG(fresh->st_mode),
			"clock_gettime and stat into a fresh page");
		t->tv_sec = 0, t->tv_nsec = 1000;
		ok(nanosleep(t, t) == 0, "nanosleep from a mapped page");
		munmap(t, 4096);
	}
}

static int pipefd[2];

static int child_pipe_writer(void)
{
	static char b[1000];

	close(pipefd[0]);
	for (int i = 0; i < 64; i++) {
		memset(b, 'a' + i % 26, sizeof(b));
		if (write(pipefd[1], b, sizeof(b)) != sizeof(b))
			return 1;
	}
	return 0;
}

static int child_atomic(void)
{
	static char b[512];
	char c = getpid() % 2 ? 'A' : 'B';

	close(pipefd[0]);
	memset(b, c, sizeof(b));
	for (int i = 0; i < 60; i++)
		if (write(pipefd[1], b, sizeof(b)) != sizeof(b))
			return 1;
	return 0;
}

static int child_epipe(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	close(pipefd[0]);
	return write(pipefd[1], "x", 1) == -1 && errno == EPIPE ? 0 : 1;
}

static volatile sig_atomic_t sigpipe_seen;

static void on_sigpipe(int sig)
{
	(void)sig;
	sigpipe_seen = 1;
}

/* POSIX: the SIGPIPE is generated for the failing write itself, so a
 * handler has run by the time write() returns EPIPE (VFS posts it before
 * replying; PM holds the writer until it has acted on it). */
static int child_sigpipe_first(void)
{
	struct sigaction sa;
	int r, e;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigpipe;
	sigaction(SIGPIPE, &sa, NULL);
	close(pipefd[0]);
	r = write(pipefd[1], "x", 1);
	e = errno;
	if (r != -1 || e != EPIPE)
		return 1;
	return sigpipe_seen ? 0 : 2;
}

static int child_sigpipe(void)
{
	close(pipefd[0]);
	write(pipefd[1], "x", 1);
	return 3;			/* not reached: SIGPIPE ends it */
}

static int child_blocked_reader(void)
{
	char c;

	close(pipefd[1]);
	return read(pipefd[0], &c, 1) == 0 ? 5 : 6;
}

static int child_fifo_writer(void)
{
	int fd = open("/fifo", O_WRONLY);

	if (fd < 0)
		return 1;
	if (write(fd, "through the fifo", 16) != 16)
		return 2;
	return 0;
}

/* A named FIFO: open waits for the other side, data, EOF. */
static void t_fifo(void)
{
	char buf[32];
	struct stat st;
	int fd, pid, st2, n;

	ok(mknod("/fifo", S_IFIFO | 0666, 0) == 0, "mknod a FIFO");
	ok(stat("/fifo", &st) == 0 && S_ISFIFO(st.st_mode), "stat: a FIFO");
	err(open("/fifo", O_WRONLY | O_NONBLOCK), ENXIO, "O_WRONLY|O_NONBLOCK without a reader");
	fd = open("/fifo", O_RDONLY | O_NONBLOCK);
	ok(fd >= 0 && read(fd, buf, 1) == 0, "O_RDONLY|O_NONBLOCK opens at once, reads EOF");
	close(fd);
	if ((pid = fork()) == 0)
		_exit(child_fifo_writer());
	fd = open("/fifo", O_RDONLY);
	ok(fd >= 0, "a reader's open waits for the writer, then succeeds");
	n = 0;
	while (n < 16) {
		int r = read(fd, buf + n, sizeof(buf) - n);
		if (r <= 0)
			break;
		n += r;
	}
	ok(n == 16 && !memcmp(buf, "through the fifo", 16), "the writer's bytes (%d)", n);
	ok(read(fd, buf, 1) == 0, "EOF when the writer is gone");
	ok(waitpid(pid, &st2, 0) == pid && WIFEXITED(st2) && WEXITSTATUS(st2) == 0,
		"the writer's open waited for the reader");
	close(fd);
	ok(unlink("/fifo") == 0, "unlink the FIFO");
}

static int child_tty_reader(void)
{
	char c;
	int fd = open("/ttyp", O_RDONLY | O_NOCTTY);

	if (fd < 0)
		return 1;
	return read(fd, &c, 1) < 0 ? 2 : 3;	/* nobody types: it waits */
}

static void on_usr1(int sig)
{
	(void)sig;
}

/* A poll and a pipe read waiting in VFS, interrupted by a caught signal. */
static int child_eintr(void)
{
	struct sigaction sa;
	struct pollfd p = { .fd = pipefd[0], .events = POLLIN };
	char c;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	if (sigaction(SIGUSR1, &sa, NULL) != 0)
		return 1;
	if (write(pipefd[1], "", 0) != 0)	/* the parent's go signal: none */
		return 2;
	if (poll(&p, 1, 100000) != -1 || errno != EINTR)
		return 3;
	if (read(pipefd[0], &c, 1) != -1 || errno != EINTR)
		return 4;
	return 0;
}

static void t_eintr(void)
{
	struct timespec ts = { 0, 100000000 };
	int pid, st;

	pipe(pipefd);
	if ((pid = fork()) == 0)
		_exit(child_eintr());
	nanosleep(&ts, NULL);
	kill(pid, SIGUSR1);		/* ends the poll */
	nanosleep(&ts, NULL);
	kill(pid, SIGUSR1);		/* ends the read */
	ok(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
		"poll and a pipe read suspended in VFS end with EINTR for a caught signal "
		"(status 0x%x)", st);
	close(pipefd[0]);
	close(pipefd[1]);
}

/* A read suspended in the terminal driver, ended by a signal: VFS cancels
 * it (CDEV_CANCEL) when PM says UNPAUSE, and the process dies, no hang. */
static void t_tty_signal(void)
{
	struct timespec ts = { 0, 100000000 };
	int pid, st;

	ok(mknod("/ttyp", S_IFCHR | 0666, makedev(4, 0)) == 0, "mknod the console");
	if ((pid = fork()) == 0)
		_exit(child_tty_reader());
	nanosleep(&ts, NULL);
	ok(kill(pid, SIGTERM) == 0 && waitpid(pid, &st, 0) == pid && WIFSIGNALED(st) &&
		WTERMSIG(st) == SIGTERM, "a terminal read suspended in VFS ends with the signal");
	unlink("/ttyp");
}

/* Pipes between processes: suspension, atomicity, EOF, SIGPIPE, signals. */
static void t_pipe_procs(void)
{
	static char all[64 * 1000 + 1];
	int pid[2], st, n = 0, r, bad = 0;

	pipe(pipefd);
	pid[0] = fork();
	if (pid[0] == 0)
		_exit(child_pipe_writer());
	close(pipefd[1]);
	while ((r = read(pipefd[0], all + n, sizeof(all) - n)) > 0)
		n += r;
	for (int i = 0; i < 64000; i++)
		bad += all[i] != 'a' + (i / 1000) % 26;
	ok(n == 64000 && !bad, "64000 bytes through a 8192-byte pipe, writer and reader "
		"suspended in turn, in order (%d read, %d wrong)", n, bad);
	ok(r == 0, "end of file once the writer is gone");
	ok(waitpid(pid[0], &st, 0) == pid[0] && WIFEXITED(st) && WEXITSTATUS(st) == 0,
		"the writer saw every write complete");
	close(pipefd[0]);

	pipe(pipefd);
	for (int k = 0; k < 2; k++)
		if ((pid[k] = fork()) == 0)
			_exit(child_atomic());
	close(pipefd[1]);
	n = 0;
	while ((r = read(pipefd[0], all + n, sizeof(all) - n)) > 0)
		n += r;
	for (int i = 0; i < n; i += 512)
		for (int j = 1; j < 512; j++)
			bad += all[i + j] != all[i];
	ok(n == 2 * 60 * 512 && !bad, "two writers of 512-byte writes: never interleaved "
		"(%d bytes, %d mixed)", n, bad);
	waitpid(pid[0], &st, 0);
	waitpid(pid[1], &st, 0);
	close(pipefd[0]);

	pipe(pipefd);
	close(pipefd[0]);
	ok(in_child(child_epipe) == 0, "no reader, SIGPIPE ignored: EPIPE");
	ok(in_child(child_sigpipe_first) == 0,
		"no reader: the SIGPIPE handler has run when write returns EPIPE");
	if ((pid[0] = fork()) == 0)
		_exit(child_sigpipe());
	ok(waitpid(pid[0], &st, 0) == pid[0] && WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE,
		"no reader: the writer dies of SIGPIPE");
	close(pipefd[1]);

	pipe(pipefd);
	if ((pid[0] = fork()) == 0)
		_exit(child_blocked_reader());
	{
		struct timespec ts = { 0, 50000000 };
		nanosleep(&ts, NULL);	/* let it block in read */
	}
	ok(kill(pid[0], SIGTERM) == 0 && waitpid(pid[0], &st, 0) == pid[0] &&
		WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM,
		"a reader suspended on a pipe is ended by a signal, no hang");
	if ((pid[0] = fork()) == 0)
		_exit(child_blocked_reader());
	close(pipefd[1]);
	ok(waitpid(pid[0], &st, 0) == pid[0] && WIFEXITED(st) && WEXITSTATUS(st) == 5,
		"a suspended reader gets end of file when the last writer closes");
	close(pipefd[0]);
}

/*
 * SA_RESTART for file calls (pmvfs.h, restart): a call suspended in VFS
 * that a handler with SA_RESTART interrupts is given back to PM and sent
 * again after the handler; without SA_RESTART it is EINTR; poll and
 * select are EINTR either way (POSIX: they carry a timeout).  The child
 * counts its handler runs and tells the parent of each by a byte on
 * notefd, so the parent knows the child is back in (or on its way to)
 * the call before it signals again or gives the data: no timing decides
 * a result.  The calls after the restarted one check that no answer was
 * lost or given twice (a stray answer would be read by the next call).
 */
static int notefd[2], parent_pid;
static volatile sig_atomic_t handled;

static void on_alrm_note(int sig)
{
	(void)sig;
	handled++;
	write(notefd[1], "h", 1);
}

static int catch_alrm(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alrm_note;
	sa.sa_flags = flags;
	return sigaction(SIGALRM, &sa, NULL) == 0 &&
		sigaction(SIGUSR1, &sa, NULL) == 0 &&
		write(notefd[1], "r", 1) == 1;	/* ready for signals */
}

/* fork fn's child; the parent goes on once its handlers are set.  Each
 * child gets a new notefd: no note of an earlier child is taken for its. */
static int fork_ready(int (*fn)(void))
{
	char c;
	int pid;

	close(notefd[0]);
	close(notefd[1]);
	if (pipe(notefd) != 0)
		return -1;
	pid = fork();

	if (pid == 0)
		_exit(fn());
	if (pid > 0 && read(notefd[0], &c, 1) != 1)
		return -1;
	return pid;
}

/* SA_RESTART: the read survives three SIGALRMs and gets the data. */
static int child_restart_read(void)
{
	char buf[4];
	int n;

	if (!catch_alrm(SA_RESTART))
		return 10;
	n = read(pipefd[0], buf, 1);
	if (n != 1 || buf[0] != 'x')
		return n < 0 ? 20 + errno % 10 : 11;
	if (handled != 3)
		return 12;
	/* the next calls get their own answers */
	if (getppid() != parent_pid || lseek(pipefd[0], 0, SEEK_CUR) != -1 ||
	    errno != ESPIPE)
		return 13;
	if (read(pipefd[0], buf, 2) != 2 || memcmp(buf, "yz", 2))
		return 14;
	return 0;
}

/* no SA_RESTART: the read ends with EINTR at the first signal it meets */
static int child_eintr_read(void)
{
	char c;

	if (!catch_alrm(0))
		return 10;
	if (read(pipefd[0], &c, 1) != -1 || errno != EINTR)
		return 11;
	return handled >= 1 ? 0 : 12;
}

/* SA_RESTART does not restart select or poll */
static int child_restart_select(void)
{
	fd_set r;
	struct timeval tv = { 1000, 0 };
	struct pollfd p = { .fd = pipefd[0], .events = POLLIN };

	if (!catch_alrm(SA_RESTART))
		return 10;
	FD_ZERO(&r);
	FD_SET(pipefd[0], &r);
	if (select(pipefd[0] + 1, &r, NULL, NULL, &tv) != -1 || errno != EINTR)
		return 11;
	if (poll(&p, 1, 1000000) != -1 || errno != EINTR)
		return 12;
	return 0;
}

/* SA_RESTART: opening a FIFO for reading waits on through the signals */
static int child_restart_fifo(void)
{
	char c;
	int fd;

	if (!catch_alrm(SA_RESTART))
		return 10;
	if ((fd = open("/rfifo", O_RDONLY)) < 0)
		return 11;
	if (read(fd, &c, 1) != 1 || c != 'f')
		return 12;
	return handled == 3 ? 0 : 13;
}

/* SA_RESTART for a terminal read: SIGALRM (SA_RESTART) three times, it
 * goes on waiting and gets the line the harness types afterwards (the
 * suite's .input); then a second read is ended by SIGUSR1, set without
 * SA_RESTART, with EINTR. */
static int child_restart_tty(void)
{
	struct sigaction sa;
	char buf[16];
	int fd = open("/ttyr", O_RDONLY | O_NOCTTY), n;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alrm_note;
	if (fd < 0 || sigaction(SIGUSR1, &sa, NULL) != 0)
		return 10;
	sa.sa_flags = SA_RESTART;
	if (sigaction(SIGALRM, &sa, NULL) != 0 || write(notefd[1], "r", 1) != 1)
		return 11;
	n = read(fd, buf, sizeof(buf));
	if (n != 8 || memcmp(buf, "restart\n", 8))
		return n < 0 ? 30 + errno % 10 : 12;
	if (handled != 3 || write(notefd[1], "d", 1) != 1)
		return 13;
	if (read(fd, buf, sizeof(buf)) != -1 || errno != EINTR)
		return 14;
	return handled == 4 ? 0 : 20 + handled;
}

/* Signal pid with sig n times, each after the previous handler ran.  A
 * child that never answers (it died) fails the check; the wait is
 * bounded only so that a failure cannot hang the suite. */
static int signal_acked(int pid, int sig, int n)
{
	struct pollfd p = { .fd = notefd[0], .events = POLLIN };
	char c;

	for (int i = 0; i < n; i++)
		if (kill(pid, sig) != 0 || poll(&p, 1, 20000) != 1 ||
		    read(notefd[0], &c, 1) != 1)
			return 0;
	return 1;
}

/* Signal pid until it exits; its status. */
static int signal_until_exit(int pid, int sig)
{
	struct timespec ts = { 0, 20000000 };
	int st;

	for (int i = 0; i < 500; i++) {
		if (waitpid(pid, &st, WNOHANG) == pid)
			return st;
		kill(pid, sig);
		nanosleep(&ts, NULL);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return st;
}

/* Wait for pid; its status, or -1 after killing it when acked is 0 (a
 * failed step must not leave it behind to disturb the next check). */
static int reap(int pid, int acked)
{
	int st = -1;

	if (!acked)
		kill(pid, SIGKILL);
	if (waitpid(pid, &st, 0) != pid || !acked)
		return -1;
	return st;
}

static void t_restart(void)
{
	struct timespec ts = { 0, 50000000 };
	int pid, st, fd, acked;
	char c;

	parent_pid = getpid();
	notefd[0] = notefd[1] = -1;
	pipe(pipefd);
	pid = fork_ready(child_restart_read);
	nanosleep(&ts, NULL);		/* most likely in the read by now */
	acked = signal_acked(pid, SIGALRM, 3) && write(pipefd[1], "x", 1) == 1 &&
		write(pipefd[1], "yz", 2) == 2;
	st = reap(pid, acked);
	ok(st == 0, "SA_RESTART: a pipe read interrupted by SIGALRM three times is "
		"sent again and gets the data written later; next calls answered "
		"once (status 0x%x)", st);

	pid = fork_ready(child_eintr_read);
	st = signal_until_exit(pid, SIGALRM);
	ok(st == 0, "without SA_RESTART the pipe read ends with EINTR (status 0x%x)", st);

	pid = fork_ready(child_restart_select);
	st = signal_until_exit(pid, SIGALRM);
	ok(st == 0, "select and poll end with EINTR even with SA_RESTART (status 0x%x)",
		st);
	ok(write(pipefd[1], "q", 1) == 1 && read(pipefd[0], &c, 1) == 1 && c == 'q' &&
		getppid() >= 0, "the pipe and PM still answer the parent");
	close(pipefd[0]);
	close(pipefd[1]);

	ok(mkfifo("/rfifo", 0666) == 0, "mkfifo for the restart test");
	pid = fork_ready(child_restart_fifo);
	nanosleep(&ts, NULL);
	acked = signal_acked(pid, SIGALRM, 3) && (fd = open("/rfifo", O_WRONLY)) >= 0 &&
		write(fd, "f", 1) == 1 && close(fd) == 0;
	st = reap(pid, acked);
	ok(st == 0, "SA_RESTART: a FIFO open waiting for a writer is sent again and "
		"completes when the writer comes (status 0x%x)", st);
	unlink("/rfifo");

	ok(mknod("/ttyr", S_IFCHR | 0666, makedev(4, 0)) == 0, "mknod the console");
	pid = fork_ready(child_restart_tty);
	nanosleep(&ts, NULL);
	acked = signal_acked(pid, SIGALRM, 3) && (fd = open("/ttyr", O_WRONLY)) >= 0 &&
		write(fd, "# feed\n", 7) == 7 && close(fd) == 0 &&
		signal_acked(pid, 0, 1) && signal_acked(pid, SIGUSR1, 1);
	st = reap(pid, acked);
	ok(st == 0, "SA_RESTART: a terminal read goes on through three SIGALRMs and gets "
		"the line typed later; SIGUSR1 without SA_RESTART ends the next read with "
		"EINTR (status 0x%x)", st);
	unlink("/ttyr");
	close(notefd[0]);
	close(notefd[1]);
}

int main(int argc, char **argv)
{
	int with_pm = argc > 1 && !strcmp(argv[1], "pm");

	if (argc > 1 && !strcmp(argv[1], "exec")) {
		t_mfs_root();
		t_exec();
		t_procs();
		t_efault();
		goto plan;
	}
	if (argc > 1 && !strcmp(argv[1], "mfs")) {
		t_mfs_root();
		t_blk();
	}

	t_open_rw();
	t_fds();
	t_dirs();
	t_names();
	t_attrs();
	t_mount();
	t_poll();
	t_pipe();
	t_hostile();
	t_wire();
	if (with_pm) {
		t_proc();
		t_pipe_procs();
		t_fifo();
		t_tty_signal();
		t_eintr();
		t_restart();
	}
	if (argc > 1 && !strcmp(argv[1], "tty"))
		t_tty();
	t_crash();
plan:
	return ktap_plan(0);
}
