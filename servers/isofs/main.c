/*
 * main.c - ISO 9660 (with Rock Ridge and Joliet) as a server in Mica: the
 * same fs/isofs sources as micafuse, behind libfsdriver's OS front end,
 * exactly as servers/mfs does for MFS.  The file system is read-only: the
 * front end answers every modifying request EROFS on a read-only mount,
 * and isofs_mount refuses a read-write one (README.md).
 *
 *	isofs			(a boot module; RS gives it boot.conf's
 *				 stanza under the label "iso9660")
 */
#include <mica/fsdriver_os.h>
#include <mica/fstype.h>
#include <mica/sef.h>

int main(const char *args)
{
	int r;

	(void)args;
	r = fsdriver_task_fstype(&isofs_fstype);	/* the probe micafuse uses */
	panic("isofs: fsdriver_task ended (%d)", r);
}
