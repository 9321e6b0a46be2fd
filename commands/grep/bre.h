/*
 * commands/grep/bre.h - POSIX basic regular expressions, compiled to a
 * small program and run as a Thompson NFA (all threads in step), so a
 * match costs O(text x program) whatever the pattern: no exponential
 * backtracking on hostile patterns.  Back-references (\1) are not
 * supported (they cannot be matched that way) and are refused.
 */
#ifndef MICA_BRE_H
#define MICA_BRE_H

struct bre;

/* Compile pattern; NULL with *err set to a message on failure. */
struct bre *bre_compile(const char *pattern, int icase, const char **err);
/* Does the pattern match anywhere in line[0..n)? */
int bre_match(const struct bre *re, const char *line, unsigned long n);
void bre_free(struct bre *re);

#endif
