/*
 * test_vblk.c - the virtio-blk driver (bdev/virtio_blk) on disks the host
 * made (tests/os/vblk*.prep) and QEMU attached (vblk*.qemu), through
 * libbdev:
 *   vblk: test_vblk role=main priv=sys, virtio_blk priv=sys
 *     four disks of 64 KiB (16 * 4 KiB = 64 * 1 KiB), 64 KiB + 512,
 *     64 KiB - 512 and a read-only 64 KiB one, each holding the host's
 *     pattern (dp_byte(), lib/disk_pattern.h, seed = disk + 1): reads in 1 KiB and
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
 *   vblkre: kernel, virtio_blk priv=sys, virtio_blk priv=sys,
 *           test_vblk role=rs priv=sys, ds priv=sys
 *     kill and restart by hand: the test stands in for RS (slot 3),
 *     initialises DS and the first driver, publishes its label, kills it
 *     and moves the label to the second instance; a device libbdev opened
 *     by label carries on there with the disk's contents.
 */
#include <mica/ds.h>
#include <mica/sef.h>
#include <mica/vblkdev.h>
#include "tap.h"
#include "lib/as_rs.h"
#include "lib/disk_pattern.h"
#include <mica/libbdev.h>

#define DRIVER	1
#define NDISKS	4
#define RO_DISK	3
static const u32_t sizes[NDISKS] = { 65536, 65536 + 512, 65536 - 512, 65536 };

static u8_t buf[8192], want[8192];

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
	return r == got && dp_holds(buf, pos, (u32_t)(got > 0 ? got : 0), seed);
}

/* Write len bytes of seed's pattern at pos; log what landed. */
static int write_logged(struct bdev_dev *d, int disk, u64_t pos, u32_t len,
    int seed)
{
	int r;

	dp_fill(want, pos, len, seed);
	r = bdev_write(d, pos, want, len);
	if (r > 0)
		printf("# wrote %d %u %d %d\n", disk, (u32_t)pos, r, seed);
	return r;
}

/* ---- suite vblkpart ---- */

#define PART_DISK	0		/* sfdisk's table (vblkpart.prep) */
#define BAD_END		1		/* an entry past the disk's end */
#define BAD_OVERLAP	2		/* two entries that overlap */
#define FAILING		3		/* blkdebug: reads of sector 100 and
					   writes of sector 300 fail */
static u8_t big[BDEV_MAX_IOV * 4096];

/* Partition p of PART_DISK: print its extent for vblkpart.check. */
static void part_tests(int p)
{
	struct bdev_dev d;
	struct bdev_part part;
	cp_grant_id_t g;
	struct bdev_buf v[BDEV_MAX_IOV];
	message m;
	u64_t base, size, got = 0;
	int r, i, seed = PART_DISK + 1;

	r = bdev_open(&d, DRIVER, VBLK_MINOR(PART_DISK, p), BDEV_R_BIT |
	    BDEV_W_BIT);
	if (r == -ENXIO) {
		printf("# part %d none\n", p);
		tap_ok(1, "partition %d: no entry, ENXIO", p);
		return;
	}
	if (!tap_is(r, OK, "open a partition"))
		return;
	g = cpf_grant_direct(DRIVER, (vir_bytes)&part, sizeof(part),
	    CPF_WRITE);
	memset(&m, 0, sizeof(m));
	m.m_type = BDEV_IOCTL;
	m.m_bdev.minor = VBLK_MINOR(PART_DISK, p);
	m.m_bdev.request = BDEV_IOC_GETSIZE;
	m.m_bdev.grant = g;
	r = bdev_sendrec(DRIVER, &m);
	cpf_revoke(g);
	base = part.base;
	size = part.size;
	tap_ok(r == OK && bdev_size(&d, &got) == OK && got == size,
	    "partition %d: get-size gives base %u size %u", p, (u32_t)base,
	    (u32_t)size);
	printf("# part %d %u %u\n", p, (u32_t)(base / 512),
	    (u32_t)(size / 512));
	/* The host's pattern is by position on the whole disk. */
	memset(buf, 0xee, 4096);
	tap_ok(bdev_read(&d, 0, buf, 4096) == 4096 &&
	    dp_holds(buf, base, 4096, seed),
	    "partition %d: offset 0 is the disk's byte %u", p, (u32_t)base);
	memset(buf, 0xee, 4096);
	r = bdev_read(&d, size - 512, buf, 4096);
	tap_ok(r == 512 && dp_holds(buf, base + size - 512, 512, seed),
	    "partition %d: a read across its end is short (%d)", p, r);
	tap_is(bdev_read(&d, size, buf, 512), 0, "a read at its end gives 0");
	dp_fill(want, base + size - 300, 4096, 15 + p);
	r = bdev_write(&d, size - 300, want, 4096);
	if (r > 0)
		printf("# wrote %d %u %d %d\n", PART_DISK,
		    (u32_t)(base + size - 300), r, 15 + p);
	tap_ok(r == 300, "partition %d: a write across its end writes "
	    "300 bytes (%d)", p, r);
	if (p == 1) {	/* 1 MiB: the largest gather and scatter */
		for (i = 0; i < BDEV_MAX_IOV; i++)
			v[i] = (struct bdev_buf){ big + i * 4096, 4096 };
		memset(big, 0xee, sizeof(big));
		r = bdev_readv(&d, 8192, v, BDEV_MAX_IOV);
		tap_ok(r == (int)sizeof(big) &&
		    dp_holds(big, base + 8192, sizeof(big), seed),
		    "partition 1: a gather of 64 blocks of 4 KiB (%d)", r);
		dp_fill(big, base + 8192, sizeof(big), 30);
		r = bdev_writev(&d, 8192, v, BDEV_MAX_IOV);
		if (r > 0)
			printf("# wrote %d %u %d %d\n", PART_DISK,
			    (u32_t)(base + 8192), r, 30);
		memset(big, 0, sizeof(big));
		tap_ok(r == (int)sizeof(big) &&
		    bdev_read(&d, 8192, big, sizeof(big)) == (int)sizeof(big) &&
		    dp_holds(big, base + 8192, sizeof(big), 30),
		    "partition 1: a scatter of 64 blocks of 4 KiB reads back");
	}
	tap_is(bdev_close(&d), OK, "close the partition");
}

static void bad_table_tests(int disk, const char *what)
{
	struct bdev_dev d, dp;
	u64_t size = 0;
	int p, ok;

	ok = bdev_open(&d, DRIVER, VBLK_MINOR(disk, 0), BDEV_R_BIT) == OK &&
	    bdev_size(&d, &size) == OK && size == 1048576;
	tap_ok(ok, "%s: the whole disk still opens (%u bytes)", what,
	    (u32_t)size);
	for (p = 1; p <= 4; p++)
		ok &= bdev_open(&dp, DRIVER, VBLK_MINOR(disk, p), BDEV_R_BIT) ==
		    -ENXIO;
	tap_ok(ok, "%s: the table is refused, partitions 1..4 are ENXIO",
	    what);
	tap_ok(read_check(&d, 4096, 4096, 4096, disk + 1),
	    "%s: the disk reads the host's pattern", what);
	tap_is(bdev_close(&d), OK, "close");
}

/* blkdebug fails reads of sector 100, writes of sector 300. */
static void failing_tests(void)
{
	struct bdev_dev d;
	struct bdev_buf v[2];
	int seed = FAILING + 1, r, untouched, i;

	tap_is(bdev_open(&d, DRIVER, VBLK_MINOR(FAILING, 0), BDEV_R_BIT |
	    BDEV_W_BIT), OK, "failing disk: open");
	tap_ok(read_check(&d, 0, 4096, 4096, seed),
	    "failing disk: sector 0..7 read");
	tap_ok(read_check(&d, 99 * 512, 512, 512, seed) &&
	    read_check(&d, 101 * 512, 512, 512, seed),
	    "failing disk: sectors 99 and 101 read");
	memset(buf, 0xee, sizeof(buf));
	r = bdev_read(&d, 96 * 512, buf, 4096);
	for (untouched = 1, i = 0; i < 4096; i++)
		untouched &= buf[i] == 0xee;
	tap_is(r, -EIO, "failing disk: a block over sector 100 is EIO");
	tap_ok(untouched, "failing disk: nothing reached the caller's buffer");
	memset(buf, 0xee, sizeof(buf));
	r = bdev_read(&d, 100 * 512 + 10, buf, 10);
	tap_is(r, -EIO, "failing disk: 10 bytes inside sector 100 are EIO");
	v[0] = (struct bdev_buf){ buf, 4096 };
	v[1] = (struct bdev_buf){ buf + 4096, 4096 };
	r = bdev_readv(&d, 0, v, 2);
	tap_ok(r == 8192, "failing disk: a gather before sector 100 (%d)", r);
	memset(big, 0xee, 65536);
	r = bdev_read(&d, 0, big, 65536);
	tap_is(r, -EIO, "failing disk: one device request over sector 100");
	dp_fill(want, 300 * 512, 512, 40);
	tap_is(bdev_write(&d, 300 * 512, want, 512), -EIO,
	    "failing disk: a write of sector 300 is EIO");
	r = write_logged(&d, FAILING, 301 * 512, 512, 41);
	tap_ok(r == 512 && read_check(&d, 301 * 512, 512, 512, 41),
	    "failing disk: sector 301 is written and reads back");
	tap_ok(read_check(&d, 300 * 512, 512, 512, seed),
	    "failing disk: sector 300 still holds the host's pattern");
	tap_ok(read_check(&d, 1048576 - 4096, 4096, 4096, seed),
	    "failing disk: the driver still serves the disk's end");
	tap_is(bdev_close(&d), OK, "failing disk: close");
}

static void part_suite(void)
{
	struct bdev_dev d;
	u64_t size = 0;
	int p;

	p = bdev_open(&d, DRIVER, VBLK_MINOR(PART_DISK, 0), BDEV_R_BIT) ==
	    OK && bdev_size(&d, &size) == OK && size == 4194304;
	tap_ok(p, "MBR disk: the whole disk (%u bytes)", (u32_t)size);
	tap_is(bdev_close(&d), OK, "close");
	for (p = 1; p <= 4; p++)
		part_tests(p);
	tap_is(bdev_open(&d, DRIVER, VBLK_MINOR(PART_DISK, 5), BDEV_R_BIT),
	    -ENXIO, "MBR disk: part 5 is ENXIO");
	bad_table_tests(BAD_END, "an entry past the end");
	bad_table_tests(BAD_OVERLAP, "overlapping entries");
	failing_tests();
}

/* ---- suite vblkre ---- */

/*
 * Slots 1 and 2 hold two instances of the driver; the second stands for
 * the one RS would start after the first died.  It finds the same disk,
 * resets it and carries on: what was written before the kill is there.
 */
static void restart_suite(void)
{
	struct bdev_dev d;
	int r;

	tap_is(as_rs_init(DS_PROC_NR, "ds", SEF_INIT_FRESH), OK, "DS initialised");
	tap_is(as_rs_init(1, VBLK_LABEL, SEF_INIT_FRESH), OK, "driver 1 initialised");
	tap_is(ds_publish_label(VBLK_LABEL, 1, 0), OK, "label -> driver 1");
	tap_is(bdev_open_label(&d, VBLK_LABEL, VBLK_MINOR(0, 0), BDEV_R_BIT |
	    BDEV_W_BIT), OK, "open vda by label");
	tap_ok(read_check(&d, 8192, 4096, 4096, 1), "driver 1 reads the disk");
	r = write_logged(&d, 0, 1000, 3000, 50);
	tap_ok(r == 3000 && read_check(&d, 1000, 3000, 3000, 50),
	    "driver 1 writes the disk");
	tap_is(sys_kill(1, SIGKILL), OK, "driver 1 killed");
	tap_is(bdev_read(&d, 0, buf, 512), -EDEADSRCDST,
	    "the label still names the dead driver: EDEADSRCDST");
	tap_is(as_rs_init(2, VBLK_LABEL, SEF_INIT_FRESH), OK,
	    "driver 2 initialised on the same disk");
	tap_is(ds_publish_label(VBLK_LABEL, 2, DSF_OVERWRITE), OK,
	    "label -> driver 2");
	tap_ok(read_check(&d, 1000, 3000, 3000, 50) && d.driver == 2,
	    "libbdev reopened vda on driver 2: driver 1's write is there");
	r = write_logged(&d, 0, 40000, 5000, 51);
	tap_ok(r == 5000 && read_check(&d, 40000, 5000, 5000, 51) &&
	    read_check(&d, 60000, 4096, 4096, 1),
	    "driver 2 writes and reads the disk");
	tap_is(bdev_close(&d), OK, "close on driver 2");
}

/* ---- suite vblk ---- */

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
	    dp_holds(buf + 1024, 57 * 1024, 1024, seed),
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
	dp_fill(a, 8192, sizeof(a), 14);
	dp_fill(b, 8192 + sizeof(a), sizeof(b), 14);
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
	dp_fill(want, 0, 512, 20);
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
	else if (tap_role(args, "part"))
		part_suite();
	else if (tap_role(args, "rs"))
		restart_suite();
	tap_done();
}
