/*
 * double.h - libc_double, a stand-in for PM, VFS and VM that answers the
 * C library's system calls (mica/callnr.h) well enough to test the
 * library in QEMU before the real servers exist.  One program, three boot
 * modules: role=vm, role=pm, role=vfs at the servers' endpoints.  Each
 * role is a table of handlers; a handler returns the reply's m_type (a
 * result or a negative errno) and may fill the reply struct, or
 * DOUBLE_NO_REPLY.  Single-client simplifications, on purpose: nothing
 * blocks (an empty pipe with a writer is EAGAIN), signals are recorded but
 * never delivered, no fork or exec.
 */
#ifndef LIBC_DOUBLE_H
#define LIBC_DOUBLE_H

#include <mica/syslib.h>
#include <mica/callnr.h>
#include <mica/abi.h>

#define DOUBLE_NO_REPLY 0x7fffffff

typedef int (*double_fn)(message *m);

struct double_role {
	const char *name;
	int base;		/* first call number */
	int count;
	const double_fn *calls;	/* indexed by m_type - base */
	void (*setup)(void);	/* before the first request, or NULL */
};

extern const struct double_role double_vm, double_pm, double_vfs;

/* Copy a path from the caller's grant into buf (NUL-terminated). */
int double_path(endpoint_t who, cp_grant_id_t g, u32_t len, char *buf,
	u32_t size);

#endif
