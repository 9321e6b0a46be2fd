/*
 * main.c - PFS as a server in Mica: the fs/pfs table behind libfsdriver's
 * OS front end, which does SEF startup, requests, replies and the mount
 * record a restart reuses (lib/libfsdriver/README.md).  VFS mounts it
 * with no device (a label of length 0) and reaches it by no path.
 *
 *	pfs priv=sys		(a boot module; priv=sys for its heap, see
 *				 lib/libsys/libc_glue.c)
 */
#include <mica/fsdriver_os.h>
#include <mica/sef.h>

#include "pfs.h"

int main(const char *args)
{
	int r;

	(void)args;
	r = fsdriver_task(&pfs_table);
	panic("pfs: fsdriver_task ended (%d)", r);
}
