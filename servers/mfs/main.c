/*
 * main.c - MFS as a server in Mica: the same fs/mfs sources as micafuse
 * and the host tools, behind libfsdriver's OS front end.  Everything a
 * server does beyond the table is the front end's (lib/libfsdriver/
 * README.md): SEF startup, the mount's block device, requests, replies,
 * the mount record a restart reuses.  The server lives here, not in
 * fs/mfs, which is the library micafuse and the host tools link.
 *
 *	mfs priv=sys		(a boot module; priv=sys for its heap, see
 *				 lib/libsys/libc_glue.c)
 */
#include <mica/fsdriver_os.h>
#include <mica/fstype.h>
#include <mica/sef.h>

int main(const char *args)
{
	int r;

	(void)args;
	r = fsdriver_task_fstype(&mfs_fstype);	/* mount detects MFS */
	panic("mfs: fsdriver_task ended (%d)", r);
}
