/*
 * main.c - procfs as a server in Mica: the fs/procfs tree over the OS
 * sources (src.c) behind libfsdriver's OS front end, with no device
 * (os_nodev.c).  Started by RS (label procfs), idle until
 *
 *	mount -t procfs none /proc
 *
 * (/etc/rc in `make run`).  SEF restart: the tree is rebuilt (it holds
 * no state of its own); libfsdriver remounts from its DS record.
 */
#include <mica/fsdriver_os.h>
#include <mica/sef.h>

#include "procfs.h"

extern const struct procfs_src procfs_os_src;

int main(const char *args)
{
	int r;

	(void)args;
	if ((r = procfs_init(&procfs_os_src)) != OK)
		panic("procfs: no tree (%d)", r);
	r = fsdriver_task(&vtree_table);
	panic("procfs: fsdriver_task ended (%d)", r);
}
