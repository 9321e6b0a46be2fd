/*
 * commands/libcmd/cmd.h - what Mica's small commands share: the program
 * name and the conventional messages ("cat: f: No such file or
 * directory"), usage lines that exit 2, signal names, copying a file, and
 * the three commands the shell also runs as builtins (echo, printf,
 * test): their *_main functions return a status and never exit.
 */
#ifndef MICA_CMD_H
#define MICA_CMD_H

#include <stddef.h>
#include <sys/types.h>

/* Remember argv[0]'s last component (a host "mica-" prefix dropped). */
void cmd_init(const char *argv0);
const char *cmd_name(void);

/* "name: usage: ..." on stderr, exit 2. */
void cmd_usage(const char *usage) __attribute__((noreturn));
/* "name: fmt: strerror(errno)" on stderr; returns 1 (a status). */
int cmd_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "name: fmt" on stderr; returns 1. */
int cmd_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Signal names without "SIG" (sig.c); -1 / NULL when unknown. */
int sig_number(const char *name);	/* "INT", "SIGINT", "2" */
const char *sig_name(int sig);
int sig_count(void);			/* entries for sig_at */
int sig_at(int i, const char **name);	/* the i-th signal and its name */

/* Copy the contents of src to dst (created with mode); 0 or -1 (errno). */
int cmd_copy_data(int in, int out);
int cmd_write_all(int fd, const void *buf, size_t n);

/* dir + "/" + name in malloc'd memory; NULL (errno) when out of memory. */
char *cmd_path_join(const char *dir, const char *name);
/* Call fn on every entry of dir but "." and ".." (walk.c); the OR of the
 * statuses fn returns, 1 more for each error of the walk itself. */
typedef int cmd_entry_fn(const char *path, const char *name, void *arg);
int cmd_each_entry(const char *dir, cmd_entry_fn *fn, void *arg);

/* "/dev/NAME" of block device rdev, in a static buffer; NULL when none
 * (devname.c). */
const char *cmd_dev_name(dev_t rdev);

/* "drwxr-xr-x" for mode m into buf[11] (mode.c). */
void cmd_mode_string(mode_t m, char *buf);

/* The shell's builtins, also the commands' bodies. */
int echo_main(int argc, char **argv);
int printf_main(int argc, char **argv);
int test_main(int argc, char **argv);

#endif
