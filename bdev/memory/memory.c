/*
 * memory.c - the memory driver: RAM disks /dev/ram0..ram3 as block devices
 * (block minors 0..MEM_RAM_NR-1, served through lib/libblockdriver) and
 * /dev/null, /dev/zero and /dev/random as character devices
 * (lib/libchardriver; every minor in mica/memdev.h).  One loop:
 * libchardriver's, which hands every message that is no character request
 * (a block request) to libblockdriver.
 *
 * Each RAM disk is one of
 *   - "size=N" (ram0), "size1=N" (ram1) .. "size3=N" (ram3): N bytes (up
 *     to RAM_MAX, any count, so a disk need not end on a sector or a page:
 *     suite bdev85's n*bs +- 512) of fresh zeroed pages the driver maps
 *     for itself with SYS_MEMMAP (a scratch disk for tests; its memory is
 *     taken at start, so a size the machine cannot give fails the init
 *     with ENOMEM rather than a later write);
 *   - "image=J" (ram0), "image1=K" (ram1) .. "image3=M" (ram3): a boot
 *     module (a file-system image).  The kernel lists module J's pages as
 *     the driver's physical memory range 0, K's as range 1, and so on
 *     (kernel/main.c; RS keeps each at its index); the driver reads its
 *     ranges back with SYS_PRIVCTL PRIV_GET and maps them with SYS_PHYSMAP.
 *     The disk is the module's size rounded up to a page; writes go to the
 *     module's memory, so they survive a restart of the driver (not QEMU).
 * A minor with neither is ENXIO.  Every disk lives in one window of the
 * driver's address space, [DISK_VADDR, + DISK_WINDOW), one after another.
 */
#include <mica/blockdriver.h>
#include <mica/chardriver.h>
#include <mica/memdev.h>
#include <mica/sef.h>
#include <mica/syslib.h>

#define DISK_VADDR	0xB0000000u	/* the disks' window ... */
#define DISK_WINDOW	(240u << 20)	/* ... ending below the stack */
#define RAM_MAX		(128u << 20)	/* bytes of a size= disk */
#define CHUNK		4096u		/* zero/random bytes per safecopy */

STATIC_ASSERT(MEM_RAM_NR <= NR_MEM_RANGES, one_range_per_ram_minor);

struct ram_disk {
	u8_t *base;		/* NULL: no such disk (ENXIO) */
	u32_t size;		/* bytes */
	u32_t opens;
};

static struct ram_disk ram_disks[MEM_RAM_NR];

/* ---- /dev/ram0..ram3 ---- */

static struct ram_disk *ram_disk(int minor)
{
	if (minor < 0 || minor >= MEM_RAM_NR || !ram_disks[minor].base)
		return NULL;
	return &ram_disks[minor];
}

static int ram_size_of(int minor, u64_t *size)
{
	struct ram_disk *d = ram_disk(minor);

	if (!d)
		return -ENXIO;
	*size = d->size;
	return OK;
}

static int ram_open(int minor, int access)
{
	(void)access;
	ram_disk(minor)->opens++;	/* libblockdriver checked the minor */
	return OK;
}

static int ram_close(int minor)
{
	struct ram_disk *d = ram_disk(minor);

	if (d->opens == 0)
		return -EINVAL;
	d->opens--;
	return OK;
}

/* libblockdriver has clipped pos + len to the minor's size. */
static int ram_transfer(int minor, int write, u64_t pos, endpoint_t ep,
    cp_grant_id_t gid, vir_bytes goff, u32_t len)
{
	u8_t *at = ram_disk(minor)->base + pos;

	if (write)
		return sys_safecopyfrom(ep, gid, goff, at, len);
	return sys_safecopyto(ep, gid, goff, at, len);
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
static u32_t disk_next = DISK_VADDR;	/* the window's first free byte */

/* The key of minor i's disk of a kind on the command line: "image",
 * "image1", ... or "size", "size1", ... */
static const char *disk_key(const char *kind, int i, char *buf)
{
	size_t n = strlen(kind);

	memcpy(buf, kind, n + 1);
	if (i > 0) {
		buf[n] = (char)('0' + i);
		buf[n + 1] = '\0';
	}
	return buf;
}

/* "size=N": a decimal byte count up to RAM_MAX, whole word; -1 if bad. */
static i64_t size_arg(const char *v)
{
	i64_t n = 0;

	if (!v || *v < '0' || *v > '9')
		return -1;
	for (; *v >= '0' && *v <= '9'; v++)
		if ((n = n * 10 + (*v - '0')) > (i64_t)RAM_MAX)
			return -1;
	return *v == ' ' || !*v ? n : -1;
}

/* Room for len bytes (a page multiple) in the window; its address or 0. */
static vir_bytes disk_place(u32_t len)
{
	vir_bytes at = disk_next;

	if (len > DISK_VADDR + DISK_WINDOW - disk_next)
		return 0;
	disk_next += len;
	return at;
}

/* Map the range the kernel listed for minor i's image. */
static int image_map(int i, const struct priv_info *pi)
{
	u32_t len = pi->mem_len[i];
	vir_bytes at;
	int r;

	if (!len)
		return -ENXIO;	/* the kernel listed no usable module */
	if (!(at = disk_place(len)))
		return -EFBIG;
	if ((r = sys_physmap(SELF, at, pi->mem_base[i], len, VMPROT_RW)) != OK)
		return r;
	ram_disks[i].base = (u8_t *)at;
	ram_disks[i].size = len;
	return OK;
}

/* Map n zeroed bytes of fresh memory as minor i (size=, sizeI=). */
static int scratch_map(int i, u32_t n)
{
	u32_t len = (n + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	vir_bytes at;
	int r;

	if (!(at = disk_place(len ? len : PAGE_SIZE)))
		return -EFBIG;
	if ((r = sys_memmap(SELF, at, len ? len : PAGE_SIZE, MAP_WRITE)) != OK)
		return r;
	ram_disks[i].base = (u8_t *)at;
	ram_disks[i].size = n;
	return OK;
}

/* Fresh start and restart (a new instance): the images again, or a zeroed
 * scratch disk. */
static int ram_init(int type, const sef_init_info_t *info)
{
	const char *size;
	struct priv_info pi;
	char buf[8];
	int i, r, disks = 0;
	i64_t n;
	u32_t up, user;

	(void)type, (void)info;
	if (sys_times(SELF, &up, &user) == OK)	/* a seed that varies a little */
		rnd_state ^= up * 2654435761u;
	if (!rnd_state)
		rnd_state = 1;
	if ((r = sys_privctl(SELF, PRIV_GET, &pi)) != OK)
		return r;
	for (i = 0; i < MEM_RAM_NR; i++) {
		size = arg_value(ram_args, disk_key("size", i, buf));
		if (arg_value(ram_args, disk_key("image", i, buf))) {
			if (size)
				return -EINVAL;	/* a minor is one or the other */
			if ((r = image_map(i, &pi)) != OK)
				return r;
			disks++;
		} else if (size) {
			if ((n = size_arg(size)) < 0)
				return -EINVAL;
			if ((r = scratch_map(i, (u32_t)n)) != OK)
				return r;
			disks++;
		}
	}
	return disks ? OK : -EINVAL;
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
