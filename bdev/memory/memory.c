/*
 * memory.c - the memory driver as a block device: /dev/ram0 (minor 0), a
 * RAM disk in the driver's own memory, served through lib/libblockdriver.
 * Its size in bytes comes from the command line ("size=N", any byte count
 * up to RAM_MAX, not only block multiples); it starts zeroed and is filled
 * by writes (see README.md for why, and for crash and live-update
 * behaviour).
 */
#include <mica/blockdriver.h>
#include <mica/sef.h>
#include <mica/syslib.h>

#define RAM_MAX		(512u * 1024u)	/* bytes the driver can hold */

static u8_t ram_image[RAM_MAX];
static u32_t ram_size;
static u32_t ram_opens;

static int ram_size_of(int minor, u64_t *size)
{
	if (minor != 0)
		return -ENXIO;
	*size = ram_size;
	return OK;
}

static int ram_open(int minor, int access)
{
	(void)minor, (void)access;
	ram_opens++;
	return OK;
}

static int ram_close(int minor)
{
	(void)minor;
	if (ram_opens == 0)
		return -EINVAL;
	ram_opens--;
	return OK;
}

static int ram_transfer(int minor, int write, u64_t pos, endpoint_t ep,
    cp_grant_id_t gid, vir_bytes goff, u32_t len)
{
	(void)minor;
	if (write)
		return sys_safecopyfrom(ep, gid, goff, &ram_image[pos], len);
	return sys_safecopyto(ep, gid, goff, &ram_image[pos], len);
}

static const struct blockdriver ram_driver = {
	.bdr_open = ram_open,
	.bdr_close = ram_close,
	.bdr_size = ram_size_of,
	.bdr_transfer = ram_transfer,
};

static const char *ram_args;

/* Fresh start and restart: the disk is the command line's size, zeroed. */
static int ram_init(int type, const sef_init_info_t *info)
{
	int size = arg_int(ram_args, "size", -1);

	(void)type, (void)info;
	if (size < 0 || (u32_t)size > RAM_MAX)
		return -EINVAL;
	ram_size = (u32_t)size;
	ram_opens = 0;
	memset(ram_image, 0, sizeof(ram_image));
	return OK;
}

int main(const char *args)
{
	int r;

	ram_args = args;
	sef_setcb_init_fresh(ram_init);
	sef_setcb_lu_state_isreached(sef_cb_lu_state_isreached_all);
	if ((r = sef_startup()) != OK)
		panic("memory: init failed (%d)", r);
	blockdriver_task(&ram_driver);
}
