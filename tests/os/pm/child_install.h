/*
 * child_install.h - put exec_child.elf (embedded by child_blob.S) into
 * the file system as path with mode; 0 or -1 with errno.
 */
#ifndef CHILD_INSTALL_H
#define CHILD_INSTALL_H

#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

extern const char child_elf[], child_elf_end[];

static inline int child_install(const char *path, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0700);
	long n = child_elf_end - child_elf;

	if (fd < 0)
		return -1;
	if (write(fd, child_elf, n) != n) {
		close(fd);
		return -1;
	}
	close(fd);
	return chmod(path, mode);
}

#endif
