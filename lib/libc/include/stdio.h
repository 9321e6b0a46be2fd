/*
 * <stdio.h> for Mica: newlib's, plus getline and getdelim (POSIX.1-2008),
 * which newlib 3.3.0 builds as __getline/__getdelim and leaves undeclared
 * under their POSIX names ("see __getline for now");
 * lib/libposix/getline.c gives the names.
 */
#include_next <stdio.h>

#ifndef _MICA_STDIO_H
#define _MICA_STDIO_H

ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f);
ssize_t getline(char **line, size_t *cap, FILE *f);

#endif
