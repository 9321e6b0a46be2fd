/*
 * test_vblk.c - the virtio-blk driver (bdev/virtio_blk) on disks the host
 * made (tests/os/vblk*.prep) and QEMU attached (vblk*.qemu), through
 * libbdev:
 *   vblk: test_vblk role=main priv=sys, virtio_blk priv=sys
 *     four disks of 64 KiB (16 * 4 KiB = 64 * 1 KiB), 64 KiB + 512,
 *     64 KiB - 512 and a read-only 64 KiB one, each holding the host's
 *     pattern (pattern() below, seed = disk + 1): reads in 1 KiB and
 *     4 KiB blocks at the start, middle, just before, at, across and past
 *     the end; unaligned writes, writes across and past the end; gathers
 *     and scatters; the read-only disk refuses writes with EROFS; minors
 *     that do not exist are ENXIO.  Every write is logged as
 *     "# wrote DISK POS LEN SEED" and vblk.check compares the host's
 *     images with the pattern plus exactly those writes.
 *   vblkpart: test_vblk role=part priv=sys, virtio_blk priv=sys
 *     an MBR disk (partition minors against the host's sfdisk layout,
 *     printed by vblkpart.prep into the table below), a disk with a
 *     corrupt table (no partition minors), a disk behind QEMU blkdebug
 *     failing reads of chosen sectors (EIO, nothing else disturbed).
 *   vblkre: kernel, virtio_blk, kernel, test_vblk role=rs priv=sys,
 *           ds priv=sys
 *     kill/restart: the test stands in for RS, kills the driver, starts
 *     nothing new but publishes... (see rs_tests()).
 */
#include <mica/ds.h>
#include <mica/sef.h>
#include <mica/vblkdev.h>
#include "tap.h"
#include <mica/libbdev.h>

#define DRIVER	1
#define NDISKS	4
#define RO_DISK	3
static const u32_t sizes[NDISKS] = { 65536, 65536 + 512, 65536 - 512, 65536 };

static u8_t buf[8192], want[8192];

static u8_t pattern(u64_t pos, int seed)
{
	return (u8_t)(pos * 7 + (pos >> 9) + (u32_t)seed);
}

static void fill(u8_t *b, u64_t pos, u32_t len, int seed)
{
	u32_t i;

	for (i = 0; i < len; i++)
		b[i] = pattern(pos + i, seed);
}

static int holds(const u8_t *b, u64_t pos, u32_t len, int seed)
{
	u32_t i;

	for (i = 0; i < len; i++)
		if (b[i] != pattern(pos + i, seed))
			return 0;
	return 1;
}

/* Read len at pos: exactly got bytes, holding seed's pattern. */
static int read_check(struct bdev_dev *d, u64_t pos, u32_t len, int got,
    int seed)
{
	int r;

	memset(buf, 0xee, sizeof(buf));
	r = bdev_read(d, pos, buf, len);
	if (r != got)
		printf("# read at %u of %u: %d, want %d\n", (u32_t)pos, len, r,
		    got);
	return r == got && holds(buf, pos, (u32_t)(got > 0 ? got : 0), seed);
}

/* Write len bytes of seed's pattern at pos; log what landed. */
static int write_logged(struct bdev_dev *d, int disk, u64_t pos, u32_t len,
    int seed)
{
	int r;

	fill(want, pos, len, seed);
	r = bdev_write(d, pos, want, len);
	if (r > 0)
		printf("# wrote %d %u %d %d\n", disk, (u32_t)pos, r, seed);
	return r;
}

/* Reads of bs-byte blocks around the disk's landmarks. */
static void block_reads(struct bdev_dev *d, int disk, u32_t bs)
{
	u32_t size = sizes[disk], whole = size / bs * bs, tail = size % bs;
	int seed = disk + 1;

	tap_ok(read_check(d, 0, bs, (int)bs, seed),
	    "disk %d bs %u: the first block", disk, bs);
	tap_ok(read_check(d, whole / 2 / bs * bs, bs, (int)bs, seed),
	    "disk %d bs %u: a block in the middle", disk, bs);
	tap_ok(read_check(d, whole - bs, bs, (int)bs, seed),
	    "disk %d bs %u: the last whole block", disk, bs);
	tap_ok(read_check(d, whole, bs, (int)tail, seed),
	    "disk %d bs %u: the block at the end gives %u bytes", disk, bs,
	    tail);
	tap_ok(read_check(d, size - 512, bs, 512, seed),
	    "disk %d bs %u: a block across the end is short", disk, bs);
	tap_ok(read_check(d, size, bs, 0, seed),
	    "disk %d bs %u: a block at the end gives 0", disk, bs);
	tap_ok(read_check(d, (u64_t)size + bs, bs, 0, seed),
	    "disk %d bs %u: a block past the end gives 0", disk, bs);
}

static void disk_tests(int disk)
{
	struct bdev_dev d;
	struct bdev_buf v[BDEV_MAX_IOV];
	static u8_t a[1000], b[3000];
	u32_t size = sizes[disk];
	u64_t got = 0;
	int r, i, ok, seed = disk + 1;

	tap_is(bdev_open(&d, DRIVER, VBLK_MINOR(disk, 0), BDEV_R_BIT |
	    BDEV_W_BIT), OK, "open a writable disk");
	r = bdev_size(&d, &got);
	tap_ok(r == OK && got == size, "disk %d: get-size %u (%d)", disk,
	    (u32_t)got, r);
	block_reads(&d, disk, 1024);
	block_reads(&d, disk, 4096);
	tap_ok(read_check(&d, 1ull << 62, 512, 0, seed),
	    "disk %d: a read at 2^62 gives 0", disk);
	tap_ok(read_check(&d, 700, 3001, 3001, seed),
	    "disk %d: an unaligned read", disk);

	/* The largest gather: 64 pieces of 1 KiB from 0 (the whole disk). */
	for (i = 0; i < BDEV_MAX_IOV; i++)
		v[i] = (struct bdev_buf){ buf + (i % 8) * 1024, 1024 };
	r = bdev_readv(&d, 0, v, BDEV_MAX_IOV);
	tap_ok(r == (int)(size < 65536 ? size : 65536) &&
	    holds(buf + 1024, 57 * 1024, 1024, seed),
	    "disk %d: a gather of 64 KiB in 64 pieces (%d)", disk, r);

	/* Writes: unaligned, across and at the end, a scatter. */
	r = write_logged(&d, disk, 4096 - 100, 1000, 10);
	tap_ok(r == 1000 && read_check(&d, 4096 - 100, 1000, 1000, 10) &&
	    read_check(&d, 4096 - 612, 512, 512, seed) &&
	    read_check(&d, 4096 + 900, 124, 124, seed),
	    "disk %d: an unaligned write lands and keeps its neighbours",
	    disk);
	r = write_logged(&d, disk, 20000, 10, 11);
	tap_ok(r == 10 && read_check(&d, 20000, 10, 10, 11) &&
	    read_check(&d, 19968, 32, 32, seed) &&
	    read_check(&d, 20010, 470, 470, seed),
	    "disk %d: a 10-byte write inside one sector", disk);
	r = write_logged(&d, disk, size - 300, 4096, 12);
	tap_ok(r == 300 && read_check(&d, size - 300, 300, 300, 12) &&
	    read_check(&d, size - 812, 512, 512, seed),
	    "disk %d: a write across the end writes what fits (%d)", disk, r);
	tap_is(write_logged(&d, disk, size, 512, 13), 0,
	    "a write at the end gives 0");
	tap_is(write_logged(&d, disk, (u64_t)size + 4096, 512, 13), 0,
	    "a write past the end gives 0");
	fill(a, 8192, sizeof(a), 14);
	fill(b, 8192 + sizeof(a), sizeof(b), 14);
	v[0] = (struct bdev_buf){ a, sizeof(a) };
	v[1] = (struct bdev_buf){ b, sizeof(b) };
	r = bdev_writev(&d, 8192, v, 2);
	if (r > 0)
		printf("# wrote %d %u %d %d\n", disk, 8192, r, 14);
	tap_ok(r == 4000 && read_check(&d, 8192, 4000, 4000, 14) &&
	    read_check(&d, 12192, 100, 100, seed),
	    "disk %d: a scatter of 2 pieces (%d)", disk, r);
	ok = 1;
	for (i = 0; i < 4; i++)
		ok &= read_check(&d, 30000 + i * 512, 512, 512, seed);
	tap_ok(ok, "disk %d: untouched sectors still hold the host's pattern",
	    disk);
	tap_is(bdev_close(&d), OK, "close");
}

static void ro_tests(void)
{
	struct bdev_dev d;
	cp_grant_id_t g;
	message m;

	tap_is(bdev_open(&d, DRIVER, VBLK_MINOR(RO_DISK, 0), BDEV_R_BIT |
	    BDEV_W_BIT), -EROFS, "read-only disk: open for writing is EROFS");
	tap_is(bdev_open(&d, DRIVER, VBLK_MINOR(RO_DISK, 0), BDEV_R_BIT), OK,
	    "read-only disk: open for reading");
	tap_ok(read_check(&d, 4096, 4096, 4096, RO_DISK + 1),
	    "read-only disk: reads the host's pattern");
	fill(want, 0, 512, 20);
	tap_is(bdev_write(&d, 0, want, 512), -EROFS,
	    "read-only disk: a write is EROFS");
	g = cpf_grant_direct(DRIVER, (vir_bytes)want, 512, CPF_READ);
	memset(&m, 0, sizeof(m));
	m.m_type = BDEV_WRITE;
	m.m_bdev.minor = VBLK_MINOR(RO_DISK, 0);
	m.m_bdev.grant = g;
	m.m_bdev.pos = 512;
	m.m_bdev.count = 512;
	tap_is(bdev_sendrec(DRIVER, &m), -EROFS,
	    "read-only disk: a raw write request is EROFS");
	cpf_revoke(g);
	tap_ok(read_check(&d, 0, 1024, 1024, RO_DISK + 1),
	    "read-only disk: still the host's pattern");
	tap_is(bdev_close(&d), OK, "read-only disk: close");
}

static void minor_tests(void)
{
	struct bdev_dev d;

	tap_is(bdev_open(&d, DRIVER, VBLK_MINOR(0, 1), BDEV_R_BIT), -ENXIO,
	    "a partition of a disk without a table is ENXIO");
	tap_is(bdev_open(&d, DRIVER, VBLK_MINOR(0, 5), BDEV_R_BIT), -ENXIO,
	    "part 5 is ENXIO");
	tap_is(bdev_open(&d, DRIVER, VBLK_MINOR(NDISKS, 0), BDEV_R_BIT),
	    -ENXIO, "a disk that is not there is ENXIO");
	tap_is(bdev_open(&d, DRIVER, -1, BDEV_R_BIT), -ENXIO, "minor -1");
	tap_is(bdev_open(&d, DRIVER, 1 << 30, BDEV_R_BIT), -ENXIO,
	    "minor 2^30");
}

static void main_tests(void)
{
	int i;

	for (i = 0; i < NDISKS; i++)
		if (i != RO_DISK)
			disk_tests(i);
	ro_tests();
	minor_tests();
}

int main(const char *args)
{
	if (tap_role(args, "main"))
		main_tests();
	tap_done();
}
