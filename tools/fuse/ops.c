/*
 * ops.c - micafuse's FUSE low-level operations table, and the session's
 * init and destroy.
 *
 * Kernel features (init):
 *   - no writeback cache: writes go through to the fs at once, so the
 *     image, mtime and size are always the fs's own, and -f can promise
 *     that everything is on the image when the process exits;
 *   - no atomic O_TRUNC: truncation on open arrives as a setattr;
 *   - no HANDLE_KILLPRIV: the kernel clears set-id bits itself (setattr)
 *     on write and truncate, the fs need not guess;
 *   - no AUTO_INVAL_DATA: we are the image's only writer, so a changed
 *     mtime never means that cached pages went stale;
 *   - symlink targets cached (they never change in place).
 *
 * Round trips (issue 11): a request that carries no work still costs a
 * daemon wake-up and two context switches, so what does nothing is cut
 * where the kernel lets us stop it being sent:
 *   - OPEN/OPENDIR and their RELEASEs: there is no per-open state (the fs
 *     addresses files by inode number), so OPEN answers ENOSYS once and
 *     the kernel stops asking (FUSE_CAP_NO_OPEN_SUPPORT, likewise for
 *     directories), opening with keep_cache (and cached directory
 *     listings, coherent because every change comes through this mount);
 *   - FLUSH: nothing to flush (no per-open state, no writeback cache);
 *     ENOSYS once and the kernel never sends it again;
 *   - CREATE: ENOSYS once, and the kernel creates with MKNOD (the same fs
 *     call, fdr_create) and opens without a request;
 *   - READDIRPLUS always (not "auto"): ls -l, cp -a, find get the entries
 *     and their attributes in one reply instead of a LOOKUP per name.
 * -o all_requests keeps them all (open, flush and create served as no-op
 * successes, plain READDIR), for before/after request counts (count.c).
 * Nothing here changes what reaches the image or when: writes still go to
 * the fs at once and fsync/unmount still sync (ll_file.c, image.c).
 * destroy unmounts and flushes; main.c calls the same (idempotent) path in
 * case the session ends without it.
 */
#include "micafuse.h"

static void mf_ll_init(void *userdata, struct fuse_conn_info *conn)
{
	struct micafuse *mf = userdata;
	int cut = !mf->opts.all_requests;

	conn->want &= ~(FUSE_CAP_WRITEBACK_CACHE | FUSE_CAP_ATOMIC_O_TRUNC |
	    FUSE_CAP_HANDLE_KILLPRIV | FUSE_CAP_AUTO_INVAL_DATA |
	    FUSE_CAP_READDIRPLUS | FUSE_CAP_READDIRPLUS_AUTO);
	if (conn->capable & FUSE_CAP_CACHE_SYMLINKS)
		conn->want |= FUSE_CAP_CACHE_SYMLINKS;
	if (cut && (conn->capable & FUSE_CAP_READDIRPLUS))
		conn->want |= FUSE_CAP_READDIRPLUS;
	mf->cut_open = cut && (conn->capable & FUSE_CAP_NO_OPEN_SUPPORT);
	mf->cut_opendir = cut &&
	    (conn->capable & FUSE_CAP_NO_OPENDIR_SUPPORT);
}

static void mf_ll_destroy(void *userdata)
{
	struct micafuse *mf = userdata;

	if (mf_image_unmount(mf) != 0)
		mf->unmount_failed = 1;
}

const struct fuse_lowlevel_ops mf_ll_ops = {
	.init		= mf_ll_init,
	.destroy	= mf_ll_destroy,
	.lookup		= mf_ll_lookup,
	.forget		= mf_ll_forget,
	.forget_multi	= mf_ll_forget_multi,
	.getattr	= mf_ll_getattr,
	.setattr	= mf_ll_setattr,
	.readlink	= mf_ll_readlink,
	.mknod		= mf_ll_mknod,
	.mkdir		= mf_ll_mkdir,
	.unlink		= mf_ll_unlink,
	.rmdir		= mf_ll_rmdir,
	.symlink	= mf_ll_symlink,
	.rename		= mf_ll_rename,
	.link		= mf_ll_link,
	.open		= mf_ll_open,
	.read		= mf_ll_read,
	.write		= mf_ll_write,
	.flush		= mf_ll_flush,
	.release	= mf_ll_release,
	.fsync		= mf_ll_fsync,
	.opendir	= mf_ll_opendir,
	.readdir	= mf_ll_readdir,
	.readdirplus	= mf_ll_readdirplus,
	.releasedir	= mf_ll_release,
	.fsyncdir	= mf_ll_fsync,
	.statfs		= mf_ll_statfs,
	.setxattr	= mf_ll_setxattr,
	.getxattr	= mf_ll_getxattr,
	.listxattr	= mf_ll_listxattr,
	.removexattr	= mf_ll_removexattr,
	.create		= mf_ll_create,
};
