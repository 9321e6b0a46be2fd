/*
 * exec_hello.c - the program the vfsexec suite execs from the MFS root
 * (put in the image at build time): it checks what exec must give it and
 * says so by its exit status, 0 when all holds:
 *   argv "hello", "one", "two"; environment MICA=exec;
 *   fd 5 inherited (no close-on-exec), fd 6 closed by exec (FD_CLOEXEC);
 *   it writes "hello from exec\n" through fd 5;
 *   with EUID=n in the environment, its effective uid is n (set-user-id).
 */
#include <string.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>

int main(int argc, char **argv)
{
	const char *e = getenv("MICA"), *euid = getenv("EUID");

	if (argc != 3 || strcmp(argv[0], "hello") || strcmp(argv[1], "one") ||
	    strcmp(argv[2], "two"))
		return 10;
	if (!e || strcmp(e, "exec"))
		return 11;
	if (euid)
		return geteuid() == (uid_t)atoi(euid) && getuid() == 100 ? 0 : 14;
	if (fcntl(6, F_GETFD) != -1 || errno != EBADF)
		return 12;
	if (write(5, "hello from exec\n", 16) != 16)
		return 13;
	return 0;
}
