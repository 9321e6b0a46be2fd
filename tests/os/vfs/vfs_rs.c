/*
 * vfs_rs.c - RS's stand-in for the vfsmfs suite (RS's slot, 3): starts the
 * services in the order a root file system on the memory driver needs,
 * as RS's SEF init would: VM and PM when present; DS; the memory driver, into which it writes an
 * MFS image the host's mkfs.mfs made (vfs_image.S; the driver cannot take
 * a boot module's bytes); MFS; the memfs instances; VFS last, so that VFS
 * mounts MFS on /dev/ram0's driver as "/" when it starts.  Then it only
 * receives (and drops) what services send RS.
 *
 * Command line: vm=EP pm=EP (when the real ones are in the suite) ds=EP memory=EP mfs=EP memfs=EP pfs=EP vfs=EP (endpoints;
 * memfs is started under the label "memfs2", the one test_vfs mounts).
 */
#include <mica/syslib.h>
#include <mica/sef.h>
#include <mica/ds.h>
#include <mica/libbdev.h>
#include "../lib/as_rs.h"

extern const u8_t vfs_image_start[], vfs_image_end[];

static int load_image(endpoint_t memory)
{
	u32_t size = (u32_t)(vfs_image_end - vfs_image_start), off, n;
	struct bdev_dev d;
	int r;

	if ((r = bdev_open(&d, memory, 0, BDEV_R_BIT | BDEV_W_BIT)) != OK)
		return r;
	for (off = 0; off < size; off += n) {
		n = size - off < 32768 ? size - off : 32768;
		if ((r = bdev_write(&d, off, vfs_image_start + off, n)) != (int)n)
			return r < 0 ? r : -EIO;
	}
	return bdev_close(&d);
}

static void start(const char *args, const char *key, const char *label)
{
	endpoint_t ep = arg_int(args, key, NONE);
	int r;

	if (ep == NONE)
		return;
	if ((r = as_rs_init(ep, label, SEF_INIT_FRESH)) != OK)
		printf("vfs_rs: starting %s: %d\n", label, r);
	if ((!strcmp(label, "memory") || !strcmp(label, "mfs")) &&
	    (r = ds_publish_label(label, ep, 0)) != OK)
		printf("vfs_rs: publishing %s: %d\n", label, r);
}

int main(const char *args)
{
	message m;
	int r;

	start(args, "vm", "vm");
	start(args, "pm", "pm");
	start(args, "ds", "ds");
	start(args, "memory", "memory");
	if ((r = load_image(arg_int(args, "memory", NONE))) != OK)
		printf("vfs_rs: loading the image: %d\n", r);
	start(args, "mfs", "mfs");
	start(args, "memfs", "memfs2");
	start(args, "pfs", "pfs");
	start(args, "vfs", "vfs");
	for (;;)
		ipc_receive(ANY, &m);
}
