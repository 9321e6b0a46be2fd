/*
 * getline.c - getline/getdelim under their POSIX names: newlib's
 * __getline/__getdelim do the work (lib/libc/include/stdio.h declares).
 */
#include <stdio.h>

ssize_t __getdelim(char **line, size_t *cap, int delim, FILE *f);
ssize_t __getline(char **line, size_t *cap, FILE *f);

ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f)
{
	return __getdelim(line, cap, delim, f);
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
	return __getline(line, cap, f);
}
