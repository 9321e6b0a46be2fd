/*
 * test_bdev.c - the block protocol in QEMU: libbdev against three memory
 * drivers (/dev/ram0) whose sizes are n*bs, n*bs + 512 and n*bs - 512
 * (bs = 4 KiB, n = 1536, 6 MiB: the driver maps a size= disk of any size
 * up to 128 MiB):
 *   bdev: test_bdev role=main priv=sys, memory size=6291456 priv=sys,
 *         memory size=6291968 priv=sys, kernel, memory size=6290944 priv=sys,
 *         test_bdev role=flaky
 * (slot 3, RS's, stays empty so the drivers boot without RS; priv=sys for
 * SYS_MEMMAP, which maps a size= disk).  For each:
 * get-size, a pattern written through the driver, reads at the start, the
 * middle, the end, across and past the end, writes across and past it,
 * vectored reads and writes (also across the end, and the largest gather);
 * then raw bogus requests: every field wrong in turn.  flaky is a fake
 * driver answering EIO/EAGAIN, to count libbdev's retries.
 *   bdevre: kernel, memory size=8192 priv=sys, memory size=8192 priv=sys,
 *           test_bdev role=rs priv=sys, ds priv=sys
 * The reopen of a restarted driver, by hand: the test stands in for RS
 * (slot 3): it initialises DS and two drivers, publishes the label "ram"
 * for the first, kills it and moves the label to the second (its
 * "restarted" instance); a device opened by label carries on there.
 */
#include <mica/ds.h>
#include <mica/sef.h>
#include "tap.h"
#include "lib/as_rs.h"
#include "lib/disk_pattern.h"
#include <mica/libbdev.h>

#define BS	4096u
static const endpoint_t drivers[] = { 1, 2, 4 };
#define FLAKY	5
#define N	1536u	/* 6 MiB: past the 512 KiB the driver once had */
static const u32_t sizes[] = { N * BS, N * BS + 512, N * BS - 512 };

static u8_t buf[2 * BS], want[2 * BS];

static int read_check(struct bdev_dev *d, u64_t pos, u32_t len, int got_want,
    int seed)
{
	int r;

	memset(buf, 0xee, sizeof(buf));
	r = bdev_read(d, pos, buf, len);
	return r == got_want && dp_holds(buf, pos, (u32_t)got_want, seed);
}

static void sized_tests(endpoint_t ep, u32_t size)
{
	struct bdev_dev d;
	struct bdev_buf v[BDEV_MAX_IOV];
	static u8_t a[1000], b[BS], c[24];
	u64_t got = 0;
	u32_t pos, n;
	int r, ok, i;

	tap_is(bdev_open(&d, ep, 0, BDEV_R_BIT | BDEV_W_BIT), OK, "open ram0");
	r = bdev_size(&d, &got);
	tap_ok(r == OK && got == size, "size %u: get-size says %u (%d)", size,
	    (u32_t)got, r);

	ok = 1;
	for (pos = 0; pos < size; pos += BS) {
		n = size - pos < BS ? size - pos : BS;
		dp_fill(want, pos, BS, 1);
		ok &= bdev_write(&d, pos, want, BS) == (int)n;
	}
	tap_ok(ok, "size %u: pattern written, last write short", size);
	tap_ok(read_check(&d, 0, BS, BS, 1), "size %u: read at the start", size);
	tap_ok(read_check(&d, 5 * BS + 100, 3000, 3000, 1), "size %u: read in the middle", size);
	tap_ok(read_check(&d, size - 512, 512, 512, 1), "size %u: read of the last 512 bytes", size);
	tap_ok(read_check(&d, size - 100, BS, 100, 1), "size %u: read across the end is short", size);
	tap_ok(read_check(&d, size, BS, 0, 1), "size %u: read at the end gives 0", size);
	tap_ok(read_check(&d, (u64_t)size + BS, BS, 0, 1), "size %u: read past the end gives 0", size);
	tap_ok(read_check(&d, 1ull << 62, BS, 0, 1), "size %u: read at 2^62 gives 0", size);

	dp_fill(want, size - 300, BS, 2);
	r = bdev_write(&d, size - 300, want, BS);
	tap_ok(r == 300 && read_check(&d, size - 300, 300, 300, 2) &&
	    read_check(&d, size - 812, 512, 512, 1),
	    "size %u: write across the end writes only what fits (%d)", size, r);
	tap_is(bdev_write(&d, size, want, BS), 0, "write at the end gives 0");

	dp_fill(a, 500, sizeof(a), 3);
	dp_fill(b, 1500, sizeof(b), 3);
	dp_fill(c, 5596, sizeof(c), 3);
	v[0] = (struct bdev_buf){ a, sizeof(a) };
	v[1] = (struct bdev_buf){ b, sizeof(b) };
	v[2] = (struct bdev_buf){ c, sizeof(c) };
	tap_is(bdev_writev(&d, 500, v, 3), 5120, "scatter of 3 pieces");
	tap_ok(read_check(&d, 500, 5120, 5120, 3), "scatter landed in order");
	memset(a, 0, sizeof(a)), memset(b, 0, sizeof(b)), memset(c, 0, sizeof(c));
	r = bdev_readv(&d, 500, v, 3);
	tap_ok(r == 5120 && dp_holds(a, 500, sizeof(a), 3) &&
	    dp_holds(b, 1500, sizeof(b), 3) && dp_holds(c, 5596, sizeof(c), 3),
	    "gather of 3 pieces (%d)", r);
	memset(b, 0, sizeof(b)), memset(c, 0xee, sizeof(c));
	r = bdev_readv(&d, size - 1000 - 50, v, 3);
	tap_ok(r == 1050 && dp_holds(b, size - 1000 - 50 + 1000, 50, 2) &&
	    c[0] == 0xee, "size %u: gather across the end is short (%d)", size, r);
	for (i = 0; i < BDEV_MAX_IOV; i++)
		v[i] = (struct bdev_buf){ buf + (i % 16) * 512, 512 };
	r = bdev_readv(&d, 0, v, BDEV_MAX_IOV);
	tap_ok(r == (int)(BDEV_MAX_IOV * 512),
	    "gather of BDEV_MAX_IOV pieces (%d)", r);
	tap_is(bdev_readv(&d, 0, v, BDEV_MAX_IOV + 1), -EINVAL,
	    "libbdev refuses BDEV_MAX_IOV + 1 pieces");
	tap_is(bdev_close(&d), OK, "close ram0");
}

/* A raw request to driver 1 with one field set by the caller. */
static int raw(int type, int minor, int request, cp_grant_id_t gid,
    u64_t pos, u32_t count)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m_bdev.minor = minor;
	m.m_bdev.request = request;
	m.m_bdev.grant = gid;
	m.m_bdev.pos = pos;
	m.m_bdev.count = count;
	return bdev_sendrec(drivers[0], &m);
}

static void bogus_tests(void)
{
	endpoint_t ep = drivers[0];
	struct bdev_iovec iov[BDEV_MAX_IOV + 1];
	cp_grant_id_t g, gro, gsmall, gsmall8, gtab;
	struct bdev_dev d;
	u64_t size = 0;
	int i;

	g = cpf_grant_direct(ep, (vir_bytes)buf, BS, CPF_READ | CPF_WRITE);
	gro = cpf_grant_direct(ep, (vir_bytes)buf, BS, CPF_READ);
	gsmall = cpf_grant_direct(ep, (vir_bytes)buf, 16, CPF_WRITE);
	gsmall8 = cpf_grant_direct(ep, (vir_bytes)buf, 8, CPF_WRITE);
	tap_is(raw(BDEV_RQ_BASE + BDEV_NR_RQ, 0, 0, g, 0, BS), -ENOSYS, "unknown request");
	tap_is(raw(BDEV_RQ_BASE - 1, 0, 0, g, 0, BS), -ENOSYS, "request below the base");
	tap_is(raw(BDEV_READ, 1, 0, g, 0, BS), -ENXIO, "minor 1");
	tap_is(raw(BDEV_OPEN, -1, BDEV_R_BIT, g, 0, 0), -ENXIO, "minor -1");
	tap_is(raw(BDEV_OPEN, 0, 0, g, 0, 0), -EINVAL, "open without access bits");
	tap_is(raw(BDEV_OPEN, 0, 0x4 | BDEV_R_BIT, g, 0, 0), -EINVAL, "open with unknown bits");
	tap_is(raw(BDEV_CLOSE, 0, 0, g, 0, 0), -EINVAL, "close of a device not open");
	tap_is(raw(BDEV_READ, 0, 0, 12345, 0, BS), -EINVAL, "read into a bogus grant");
	tap_is(raw(BDEV_READ, 0, 0, gsmall, 0, BS), -ERANGE, "read past the grant");
	tap_is(raw(BDEV_READ, 0, 0, gro, 0, BS), -EPERM, "read into a read-only grant");
	tap_is(raw(BDEV_READ, 0, 0, g, 0, 0), -EINVAL, "read of 0 bytes");
	tap_is(raw(BDEV_READ, 0, 0, g, 0, BDEV_MAX_BYTES + 1), -EINVAL, "read over BDEV_MAX_BYTES");
	tap_is(raw(BDEV_READ, 0, 0, g, ~0ull - 100, BS), -EINVAL, "position + count wraps");
	tap_is(raw(BDEV_WRITE, 0, 0, g, ~0ull, 1), -EINVAL, "write of 1 byte at 2^64 - 1 wraps");
	tap_is(raw(BDEV_WRITE, 0, 0, g, ~0ull - 1, 1), 0, "write of 1 byte at 2^64 - 2 gives 0");
	for (i = 0; i <= BDEV_MAX_IOV; i++)
		iov[i] = (struct bdev_iovec){ g, 1 };
	gtab = cpf_grant_direct(ep, (vir_bytes)iov, sizeof(iov), CPF_READ);
	tap_is(raw(BDEV_GATHER, 0, 0, gtab, 0, 0), -EINVAL, "gather of 0 entries");
	tap_is(raw(BDEV_GATHER, 0, 0, gtab, 0, BDEV_MAX_IOV + 1), -EINVAL, "gather of BDEV_MAX_IOV + 1");
	tap_is(raw(BDEV_GATHER, 0, 0, gtab, 0, BDEV_MAX_IOV), BDEV_MAX_IOV, "gather of BDEV_MAX_IOV 1-byte entries");
	iov[1].len = 0;
	tap_is(raw(BDEV_SCATTER, 0, 0, gtab, 0, 3), -EINVAL, "scatter with a 0-byte entry");
	iov[1] = (struct bdev_iovec){ 4321, 1 };
	tap_is(raw(BDEV_SCATTER, 0, 0, gtab, 0, 3), 1, "bad grant in entry 2: bytes before it");
	tap_is(raw(BDEV_GATHER, 0, 0, 999, 0, 3), -EINVAL, "gather table behind a bogus grant");
	tap_is(raw(BDEV_IOCTL, 0, 77, g, 0, 0), -ENOTTY, "unknown ioctl");
	tap_is(raw(BDEV_IOCTL, 0, BDEV_IOC_GETSIZE, gsmall8, 0, 0), -ERANGE, "get-size into a short grant");
	tap_ok(bdev_open(&d, ep, 0, BDEV_R_BIT) == OK && bdev_size(&d, &size) == OK &&
	    size == sizes[0] && bdev_close(&d) == OK, "driver still serves after the bogus requests");
	cpf_revoke(g), cpf_revoke(gro), cpf_revoke(gsmall), cpf_revoke(gsmall8);
	cpf_revoke(gtab);
}

/*
 * The fake driver: a transfer at position 0 always fails with EIO; at 1 it
 * fails with EAGAIN twice, then moves its count; at 2 it answers with the
 * number of requests since the last such query.
 */
static void __attribute__((noreturn)) flaky(void)
{
	message m;
	endpoint_t who;
	int seen = 0, again = 0;

	for (;;) {
		if (ipc_receive(ANY, &m) != OK)
			continue;
		who = m.m_source;
		if (m.m_bdev.pos == 2) {
			m.m_type = seen;
			seen = 0;
		} else if (m.m_bdev.pos == 1) {
			seen++;
			m.m_type = ++again <= 2 ? -EAGAIN : (int)m.m_bdev.count;
		} else {
			seen++;
			m.m_type = -EIO;
		}
		ipc_send(who, &m);
	}
}

static void retry_tests(void)
{
	struct bdev_dev d = { .driver = FLAKY, .minor = 0, .access = BDEV_R_BIT };

	tap_is(bdev_read(&d, 0, buf, 512), -EIO, "EIO every time: EIO in the end");
	tap_is(bdev_read(&d, 2, buf, 512), BDEV_RETRIES, "EIO: BDEV_RETRIES tries, no more");
	tap_is(bdev_read(&d, 1, buf, 512), 512, "EAGAIN twice, then success");
	tap_is(bdev_read(&d, 2, buf, 512), 3, "EAGAIN twice: three tries");
}

static void reopen_tests(void)
{
	struct bdev_dev d, fixed;
	int r;

	tap_is(as_rs_init(DS_PROC_NR, "ds", SEF_INIT_FRESH), OK, "DS initialised");
	tap_is(as_rs_init(1, "ram", SEF_INIT_FRESH), OK, "driver 1 initialised");
	tap_is(as_rs_init(2, "ram2", SEF_INIT_FRESH), OK, "driver 2 initialised");
	tap_is(ds_publish_label("ram", 1, 0), OK, "label ram -> driver 1");
	tap_is(bdev_open_label(&d, "ram", 0, BDEV_R_BIT | BDEV_W_BIT), OK,
	    "open by label");
	tap_is(bdev_open(&fixed, 1, 0, BDEV_R_BIT), OK, "open by endpoint");
	dp_fill(want, 0, 1024, 4);
	tap_is(bdev_write(&d, 0, want, 1024), 1024, "write on driver 1");
	tap_ok(read_check(&d, 0, 1024, 1024, 4), "read back on driver 1");
	tap_is(sys_kill(1, SIGKILL), OK, "driver 1 killed");
	tap_is(bdev_read(&fixed, 0, buf, 512), -EDEADSRCDST,
	    "opened by endpoint: the dead driver's error");
	tap_is(bdev_read(&d, 0, buf, 512), -EDEADSRCDST,
	    "opened by label, label not moved yet: the same error");
	tap_is(ds_publish_label("ram", 2, DSF_OVERWRITE), OK, "label ram -> driver 2");
	memset(buf, 0xee, 512);
	r = bdev_read(&d, 0, buf, 512);
	tap_ok(r == 512 && buf[0] == 0 && buf[511] == 0 && d.driver == 2,
	    "opened by label: reopened on driver 2, its fresh zeroed disk (%d)", r);
	dp_fill(want, 100, 1024, 5);
	tap_ok(bdev_write(&d, 100, want, 1024) == 1024 &&
	    read_check(&d, 100, 1024, 1024, 5) && bdev_close(&d) == OK,
	    "driver 2 serves writes, reads and the close");
}

int main(const char *args)
{
	u32_t i;

	if (tap_role(args, "flaky"))
		flaky();
	if (tap_role(args, "rs")) {
		reopen_tests();
		tap_done();
	}
	for (i = 0; i < sizeof(drivers) / sizeof(drivers[0]); i++)
		sized_tests(drivers[i], sizes[i]);
	bogus_tests();
	retry_tests();
	tap_done();
}
