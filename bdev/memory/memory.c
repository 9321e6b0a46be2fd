/*
 * memory.c - the memory driver: /dev/ram0 as a block device (block minor
 * 0, served through lib/libblockdriver) and /dev/null, /dev/zero and
 * /dev/random as character devices (lib/libchardriver; minors in
 * mica/memdev.h).  One loop: libchardriver's, which hands every message
 * that is no character request (a block request) to libblockdriver.
 *
 * The disk is either
 *   - "size=N": N bytes (up to RAM_MAX) of the driver's own memory, zeroed
 *     at start (a scratch disk for tests), or
 *   - "image=J": boot module J (the root file system image).  The kernel
 *     lists that module's pages as the driver's first physical memory
 *     range (kernel/main.c); the driver reads the range back with
 *     SYS_PRIVCTL PRIV_GET and maps it with SYS_PHYSMAP at IMAGE_VADDR.
 *     The disk is the module's size rounded up to a page; writes go to the
 *     module's memory, so they survive a restart of the driver.
 */
#include <mica/blockdriver.h>
#include <mica/chardriver.h>
#include <mica/memdev.h>
#include <mica/sef.h>
#include <mica/syslib.h>

#define RAM_MAX		(512u * 1024u)	/* bytes of the driver's own disk */
#define IMAGE_VADDR	0xB0000000u	/* where the boot image is mapped */
#define IMAGE_MAX	(256u * 1024u * 1024u)	/* IMAGE_VADDR + this < stack */
#define CHUNK		4096u		/* zero/random bytes per safecopy */

static u8_t ram_own[RAM_MAX];
static u8_t *ram = ram_own;
static u32_t ram_size;
static u32_t ram_opens;

/* ---- /dev/ram0 ---- */

static int ram_size_of(int minor, u64_t *size)
{
	if (minor != MEM_RAM_MINOR)
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
		return sys_safecopyfrom(ep, gid, goff, &ram[pos], len);
	return sys_safecopyto(ep, gid, goff, &ram[pos], len);
}

static const struct blockdriver ram_driver = {
	.bdr_open = ram_open,
	.bdr_close = ram_close,
	.bdr_size = ram_size_of,
	.bdr_transfer = ram_transfer,
};

/* ---- /dev/null, /dev/zero, /dev/random ---- */

static u32_t rnd_state = 0x2545f491u;

/* xorshift32: quick, not cryptographic (README.md says so). */
static u32_t rnd_next(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state;
}

static int char_open(const struct cdev_req *rq)
{
	return rq->minor == 0 ? -ENXIO : OK;
}

/* Fill the caller's buffer with zeros or PRNG bytes, CHUNK at a time. */
static int char_fill(const struct cdev_req *rq, int random)
{
	u32_t buf[CHUNK / 4], done, n, i;
	int r;

	if (!random)
		memset(buf, 0, sizeof(buf));
	for (done = 0; done < rq->count; done += n) {
		n = rq->count - done < CHUNK ? rq->count - done : CHUNK;
		if (random)
			for (i = 0; i < (n + 3) / 4; i++)
				buf[i] = rnd_next();
		if ((r = sys_safecopyto(rq->caller, rq->grant, done, buf, n)) != OK)
			return done ? (int)done : r;
	}
	return (int)done;
}

static int char_read(const struct cdev_req *rq)
{
	if (rq->count > 0x7fffffffu)
		return -EINVAL;
	switch (rq->minor) {
	case MEM_NULL_MINOR:	return 0;
	case MEM_ZERO_MINOR:	return char_fill(rq, 0);
	case MEM_RANDOM_MINOR:	return char_fill(rq, 1);
	default:		return -ENXIO;
	}
}

/* Writes vanish (into /dev/random too: nothing reseeds the PRNG). */
static int char_write(const struct cdev_req *rq)
{
	if (rq->count > 0x7fffffffu)
		return -EINVAL;
	return rq->minor == 0 ? -ENXIO : (int)rq->count;
}

static int char_select(const struct cdev_req *rq, u32_t ops)
{
	(void)rq;
	return (int)(ops & (CDEV_OP_RD | CDEV_OP_WR));	/* always ready */
}

static void block_request(const message *m)
{
	if (!IS_NOTIFY(m))
		blockdriver_process(&ram_driver, (message *)m);
}

static const struct chardriver mem_cdr = {
	.cdr_open = char_open,
	.cdr_read = char_read,
	.cdr_write = char_write,
	.cdr_select = char_select,
	.cdr_other = block_request,
};

/* ---- start ---- */

static const char *ram_args;

/* Map the range the kernel listed for "image=J"; its size or an error. */
static int image_map(u32_t *size)
{
	struct priv_info pi;
	int r;

	if ((r = sys_privctl(SELF, PRIV_GET, &pi)) != OK)
		return r;
	if (!pi.mem_len[0] || pi.mem_len[0] > IMAGE_MAX)
		return -ENXIO;	/* the kernel listed no usable module */
	if ((r = sys_physmap(SELF, IMAGE_VADDR, pi.mem_base[0], pi.mem_len[0],
	    VMPROT_RW)) != OK)
		return r;
	*size = pi.mem_len[0];
	return OK;
}

/* Fresh start and restart: the image again, or the zeroed own disk. */
static int ram_init(int type, const sef_init_info_t *info)
{
	int size = arg_int(ram_args, "size", -1), r;
	u32_t up, user;

	(void)type, (void)info;
	ram_opens = 0;
	if (sys_times(SELF, &up, &user) == OK)	/* a seed that varies a little */
		rnd_state ^= up * 2654435761u;
	if (!rnd_state)
		rnd_state = 1;
	if (arg_value(ram_args, "image")) {
		if ((r = image_map(&ram_size)) != OK)
			return r;
		ram = (u8_t *)IMAGE_VADDR;
		return OK;
	}
	if (size < 0 || (u32_t)size > RAM_MAX)
		return -EINVAL;
	ram_size = (u32_t)size;
	ram = ram_own;
	memset(ram_own, 0, sizeof(ram_own));
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
	r = chardriver_task(&mem_cdr, MEM_NR_CHAR_MINORS);
	panic("memory: receive failed (%d)", r);
}
