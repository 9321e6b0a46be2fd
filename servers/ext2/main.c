/*
 * main.c - ext2 as a server in Mica: the same fs/ext2 sources as micafuse
 * and the host tests, behind libfsdriver's OS front end, exactly as
 * servers/mfs does for MFS.  SEF startup, the mount's block device (libbdev
 * under libminixfs), requests, replies and the mount record a restart
 * reuses are the front end's (lib/libfsdriver/README.md); README.md here
 * says how it is booted and mounted.
 *
 *	ext2			(a boot module; RS gives it boot.conf's stanza)
 */
#include <mica/fsdriver_os.h>
#include <mica/fstype.h>
#include <mica/sef.h>

int main(const char *args)
{
	int r;

	(void)args;
	r = fsdriver_task_fstype(&ext2_fstype);	/* the probe micafuse uses */
	panic("ext2: fsdriver_task ended (%d)", r);
}
