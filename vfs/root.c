/*
 * root.c - mounting "/" at boot.  The root's file-system server and its
 * block driver start beside VFS: RS starts the boot services together and
 * publishes each one's label in DS only once it has answered its init, so
 * when VFS first asks, the server may not find the driver's label yet and
 * answers ENOENT.  That is a boot race, not an error: VFS tries again at
 * every clock tick, for up to ROOT_WAIT_TICKS, and holds each file call
 * that arrives meanwhile (its caller just waits in sendrec, as it would
 * for a slow disk); once "/" is mounted the held calls run in the order
 * they came.  Any other answer, or the time running out, is a real
 * failure: said once on the console, and the held calls get EIO (as does
 * every later call, each of which tries the mount again).
 *
 * A DS subscription to the driver's label would avoid the polling, but DS
 * knows a subscriber by its own label, which RS publishes for VFS just as
 * late; a few ticks at boot are cheap.
 */
#include "vfs.h"
#include <mica/timers.h>

#define ROOT_WAIT_TICKS (10 * HZ)	/* as long as init waits for it */

static const char *root_args;
static int root_waiting;		/* ENOENT so far, retrying */
static u32_t root_tries;
static sys_timer_t root_timer;
static message root_held[NR_PROCS];	/* one call per process at most */
static int root_nheld;

static int root_try(void)
{
	const char *dev = arg_value(root_args, "rootdev");
	char label[RS_LABEL_LEN] = "memory";
	struct vmnt *vm;
	int i, r;

	if (dev) {
		for (i = 0; i < RS_LABEL_LEN - 1 && dev[i] && dev[i] != ' '; i++)
			label[i] = dev[i];
		label[i] = '\0';
		if (!strcmp(label, "none"))
			label[0] = '\0';
	}
	r = vmnt_mount(arg_int(root_args, "root", 7), "root", label,
		arg_int(root_args, "rootminor", 0), 0, NULL, &vm);
	if (r == OK)
		fproc_root_mounted(vm->root);
	return r;
}

/* Answer or run every held call: the mount is settled either way. */
static void root_release(int result)
{
	int i, n = root_nheld;

	root_nheld = 0;
	for (i = 0; i < n; i++)
		if (result == OK)
			vfs_handle_call(&root_held[i]);
		else
			vfs_reply(root_held[i].m_source, result, NULL);
}

static void root_retry(int arg)
{
	int r;

	(void)arg;
	if (!root_waiting)
		return;
	r = root_try();
	if (r == -ENOENT && ++root_tries < ROOT_WAIT_TICKS &&
	    set_timer(&root_timer, 1, root_retry, 0) == OK)
		return;
	root_waiting = 0;
	if (r != OK)
		printf("vfs: mounting the root file system: %d\n", r);
	root_release(r == OK ? OK : -EIO);
	pipe_revive();
}

void root_start(const char *args)
{
	root_args = args;
	init_timer(&root_timer);
	root_waiting = 1;
	root_retry(0);
}

/*
 * A file call before "/" is there: held while the mount is awaited
 * (VFS_NO_REPLY: the caller stays in its sendrec); else one more try,
 * OK when it worked.
 */
int root_hold(const message *m)
{
	int r;

	if (root_waiting) {
		if (root_nheld == NR_PROCS)
			return -EAGAIN;
		root_held[root_nheld++] = *m;
		return VFS_NO_REPLY;
	}
	if ((r = root_try()) != OK)
		printf("vfs: mounting the root file system: %d\n", r);
	return r == OK ? OK : -EIO;
}

/* ep has exited: its held call, if any, is dropped unanswered. */
void root_forget(endpoint_t ep)
{
	int i, j;

	for (i = j = 0; i < root_nheld; i++)
		if (root_held[i].m_source != ep)
			root_held[j++] = root_held[i];
	root_nheld = j;
}
