/*
 * t_vblk.c - CUnit tests of the virtio-blk driver (bdev/virtio_blk, all of
 * it, with lib/libblockdriver) on the host against a fake legacy
 * virtio-blk PCI function emulated here: port I/O (configuration space at
 * 0xcf8/0xcfc, the device's I/O BAR), the virtqueue in "physical" memory
 * (SYS_CONTIGALLOC faked by mmap; physical = virtual), interrupts and the
 * clock as SEF messages.  The fake device can lie — a wrong status, a
 * status it never writes, a wrong used id or length, a used index that
 * runs ahead, no answer at all, a capacity or queue size out of range —
 * and every lie must end as an error to the client (EIO, ENXIO), never as
 * a crash or bytes in the client's buffer.
 *
 * The driver's main() runs as vblk_main: sef_startup calls its init,
 * sef_receive hands it the scenario's requests one by one and, when they
 * are used up, ends the run by longjmp (through panic).
 */
#include <CUnit/Basic.h>
#include "../lib/cu_main.h"
#include <setjmp.h>
#include <string.h>
#include <sys/mman.h>
#include <mica/blockdriver.h>
#include <mica/sef.h>
#include <mica/vblkdev.h>
#include "mbr.h"
#include "pci.h"
#include "virtio.h"

int vblk_main(const char *args);

#define IO_BASE		0xc000u
#define SLOT		3		/* the fake function: bus 0, slot 3 */
#define IRQ		11
#define DISK_BYTES	(64u * 1024u)
#define CLIENT		42

enum lie { HONEST, ST_IOERR, ST_UNTOUCHED, BAD_ID, BAD_LEN, IDX_AHEAD,
	SILENT, GARBAGE };

static struct {
	u32_t host_features, guest_features, pfn, isr;
	u32_t qsize, cmd;
	u8_t status;
	u64_t capacity;
	u16_t last_avail;
	enum lie lie;
	int lie_from;			/* first request (1-based) that lies */
	int requests, resets;
	int delay;			/* complete at the next receive */
	int pending;			/* a delayed request waits */
	int ignored;			/* a SILENT request waits forever */
	u8_t data[DISK_BYTES];
} dev;

static u32_t cf8;
static u32_t now, irq_enables;

/* ---- the fake kernel: port I/O ---- */

static u32_t cfg_read(u32_t addr)
{
	u32_t bus = addr >> 16 & 0xff, slot = addr >> 11 & 0x1f,
	    fn = addr >> 8 & 7, reg = addr & 0xfc;

	if (!(addr & 0x80000000u) || bus || slot != SLOT || fn)
		return 0xffffffffu;
	switch (reg) {
	case PCI_VENDOR: return VIRTIO_VENDOR | VIRTIO_DEV_BLK_LEGACY << 16;
	case PCI_COMMAND: return dev.cmd;
	case PCI_BAR0: return IO_BASE | PCI_BAR_IO;
	case 0x2c: return VIRTIO_VENDOR | VIRTIO_SUBSYS_BLK << 16;
	case PCI_INTR_LINE: return IRQ | 1 << 8;
	default: return 0;
	}
}

static u8_t *phys_ptr(u32_t phys)
{
	return (u8_t *)(unsigned long)phys;
}

static void dev_reset(void)
{
	dev.status = 0;
	dev.pfn = 0;
	dev.last_avail = 0;
	dev.isr = 0;
	dev.resets++;
}

/* Serve what the driver put in the available ring. */
static void dev_complete(void)
{
	u32_t n = dev.qsize, used_off = (16 * n + 2 * (3 + n) + 4095) & ~4095u;
	u8_t *q = phys_ptr(dev.pfn * 4096);
	volatile struct vring_desc *desc = (void *)q;
	volatile u16_t *avail = (void *)(q + 16 * n);
	volatile u16_t *used = (void *)(q + used_off);
	volatile struct vring_used_elem *ue = (void *)(q + used_off + 4);
	u16_t head, i;
	u32_t type, writable = 0, len;
	u64_t sector;
	u8_t *data, *status;
	enum lie lie;

	while (dev.last_avail != avail[1]) {
		head = avail[2 + dev.last_avail++ % n];
		dev.requests++;
		lie = dev.requests >= dev.lie_from ? dev.lie : HONEST;
		i = head;
		type = *(u32_t *)phys_ptr((u32_t)desc[i].addr);
		sector = *(u64_t *)phys_ptr((u32_t)desc[i].addr + 8);
		CU_ASSERT_FATAL(desc[i].flags & VRING_DESC_NEXT);
		i = desc[i].next;
		data = phys_ptr((u32_t)desc[i].addr);
		len = desc[i].len;
		CU_ASSERT(!(desc[i].flags & VRING_DESC_WRITE) == (type == 1));
		CU_ASSERT_FATAL(desc[i].flags & VRING_DESC_NEXT);
		i = desc[i].next;
		status = phys_ptr((u32_t)desc[i].addr);
		CU_ASSERT(desc[i].len == 1 && (desc[i].flags & VRING_DESC_WRITE));
		if (lie == SILENT) {
			dev.ignored = 1;
			continue;
		}
		writable = (type == 0 ? len : 0) + 1;
		if (sector * 512 + len > DISK_BYTES || len % 512) {
			*status = 1;
		} else if (lie == GARBAGE) {
			memset(data, 0x77, len);
			*status = 1;
		} else {
			if (type == 0)
				memcpy(data, dev.data + sector * 512, len);
			else
				memcpy(dev.data + sector * 512, data, len);
			*status = lie == ST_IOERR ? 1 : 0;
		}
		if (lie == ST_UNTOUCHED)
			*status = 0xff;		/* as the driver left it */
		ue[used[1] % n].id = head + (lie == BAD_ID ? 1 : 0);
		ue[used[1] % n].len = writable + (lie == BAD_LEN ? 512 : 0);
		used[1] += lie == IDX_AHEAD ? 2 : 1;
		dev.isr |= VIO_ISR_QUEUE;
	}
}

static u32_t port_in(u32_t port, int bytes)
{
	u32_t reg = port - IO_BASE, v;

	if (port >= PCI_DATA_PORT && port < PCI_DATA_PORT + 4)
		return cfg_read(cf8) >> (port - PCI_DATA_PORT) * 8;
	switch (reg) {
	case VIO_HOST_FEATURES: return dev.host_features;
	case VIO_GUEST_FEATURES: return dev.guest_features;
	case VIO_QUEUE_PFN: return dev.pfn;
	case VIO_QUEUE_SIZE: return dev.qsize;
	case VIO_STATUS: return dev.status;
	case VIO_ISR: v = dev.isr; dev.isr = 0; return v;
	case VIO_CONFIG: return (u32_t)dev.capacity;
	case VIO_CONFIG + 4: return (u32_t)(dev.capacity >> 32);
	}
	(void)bytes;
	return 0;
}

static void port_out(u32_t port, u32_t v)
{
	switch (port >= IO_BASE ? port - IO_BASE : port + 0x10000) {
	case PCI_ADDR_PORT + 0x10000: cf8 = v; return;
	case PCI_DATA_PORT + 0x10000 + 0:
	case PCI_DATA_PORT + 0x10000 + 2:
		if ((cf8 & 0xfc) == PCI_COMMAND)
			dev.cmd = v & 0xffff;
		return;
	case VIO_GUEST_FEATURES: dev.guest_features = v; return;
	case VIO_QUEUE_PFN: dev.pfn = v; return;
	case VIO_QUEUE_SEL: CU_ASSERT_EQUAL(v, 0); return;
	case VIO_QUEUE_NOTIFY:
		if (dev.delay)
			dev.pending = 1;
		else
			dev_complete();
		return;
	case VIO_STATUS:
		if (v == 0)
			dev_reset();
		else
			dev.status = (u8_t)v;
		return;
	}
}

int sys_inb(u32_t p, u32_t *v) { *v = port_in(p, 1) & 0xff; return OK; }
int sys_inw(u32_t p, u32_t *v) { *v = port_in(p, 2) & 0xffff; return OK; }
int sys_inl(u32_t p, u32_t *v) { *v = port_in(p, 4); return OK; }
int sys_outb(u32_t p, u32_t v) { port_out(p, v & 0xff); return OK; }
int sys_outw(u32_t p, u32_t v) { port_out(p, v & 0xffff); return OK; }
int sys_outl(u32_t p, u32_t v) { port_out(p, v); return OK; }

/* ---- the fake kernel: memory, grants, time, IRQs ---- */

int sys_contigalloc(endpoint_t e, vir_bytes addr, u32_t len, u32_t prot,
    phys_bytes *phys)
{
	void *p;

	(void)e, (void)prot;
	p = mmap((void *)(unsigned long)addr, len, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (p == MAP_FAILED)
		return -ENOMEM;
	*phys = addr;
	return OK;
}

static struct { u8_t *p; u32_t len; } grants[8];

static int grant(void *p, u32_t len)
{
	static int next;

	next = (next + 1) % 8;
	grants[next].p = p;
	grants[next].len = len;
	return next;
}

int sys_safecopyfrom(endpoint_t granter, cp_grant_id_t gid, vir_bytes off,
    void *addr, u32_t bytes)
{
	CU_ASSERT_EQUAL(granter, CLIENT);
	if (gid < 0 || gid >= 8 || off + bytes > grants[gid].len)
		return -ERANGE;
	memcpy(addr, grants[gid].p + off, bytes);
	return OK;
}

int sys_safecopyto(endpoint_t granter, cp_grant_id_t gid, vir_bytes off,
    const void *addr, u32_t bytes)
{
	CU_ASSERT_EQUAL(granter, CLIENT);
	if (gid < 0 || gid >= 8 || off + bytes > grants[gid].len)
		return -ERANGE;
	memcpy(grants[gid].p + off, addr, bytes);
	return OK;
}

int sys_times(endpoint_t e, u32_t *uptime, u32_t *user)
{
	(void)e;
	if (uptime)
		*uptime = now;
	if (user)
		*user = 0;
	return OK;
}

int sys_setalarm(u32_t ticks, u32_t *left)
{
	(void)ticks, (void)left;
	return OK;
}

int sys_irqctl(int request, int irq, u32_t policy, int hook)
{
	(void)policy;
	CU_ASSERT_EQUAL(irq, IRQ);
	CU_ASSERT_EQUAL(hook, 0);
	if (request == IRQ_ENABLE)
		irq_enables++;
	return OK;
}

/* ---- the fake SEF: a scenario of requests, replies recorded ---- */

static message script[8];
static int script_n, script_pos, interleave;
static struct { endpoint_t to; int type; u32_t id; } replies[8];
static int nreplies;
static jmp_buf done;
static sef_cb_init_t init_cb;
static int init_result;

void sef_setcb_init_fresh(sef_cb_init_t cb) { init_cb = cb; }
void sef_setcb_lu_state_isreached(sef_cb_lu_state_t cb) { (void)cb; }
int sef_cb_lu_state_isreached_all(int state) { (void)state; return 1; }

int sef_startup(void)
{
	init_result = init_cb(SEF_INIT_FRESH, NULL);
	return init_result;
}

int sef_receive(endpoint_t src, message *m)
{
	CU_ASSERT_EQUAL(src, ANY);
	memset(m, 0, sizeof(*m));
	if (dev.pending && !(interleave && script_pos < script_n)) {
		dev.pending = 0;
		dev_complete();
		m->m_type = NOTIFY_MESSAGE;
		m->m_source = HARDWARE;
		m->m_notify.interrupts = 1;
		return OK;
	}
	if (script_pos < script_n) {
		*m = script[script_pos++];
		return OK;
	}
	if (dev.ignored) {		/* the driver waits: the clock runs on */
		dev.ignored = 0;
		now += 20 * HZ;
		m->m_type = NOTIFY_MESSAGE;
		m->m_source = CLOCK;
		return OK;
	}
	return -EINTR;			/* the scenario is over */
}

int ipc_sendnb(endpoint_t dst, message *m)
{
	if (nreplies < 8) {
		replies[nreplies].to = dst;
		replies[nreplies].type = m->m_type;
		replies[nreplies].id = m->m_bdev.id;
		nreplies++;
	}
	return OK;
}

void panic(const char *fmt, ...)
{
	(void)fmt;
	longjmp(done, 1);
}

/* ---- scenarios ---- */

static void device(u64_t capacity, u32_t features)
{
	u32_t i;

	memset(&dev, 0, sizeof(dev));
	dev.capacity = capacity;
	dev.host_features = features | 1u << 9;	/* FLUSH: offered, refused */
	dev.qsize = 256;
	dev.lie_from = 2;			/* 1: the MBR read at attach */
	for (i = 0; i < DISK_BYTES; i++)
		dev.data[i] = (u8_t)(i * 7 + (i >> 9));
	dev.data[MBR_SIG_OFF] = 0;		/* no partition table */
	script_n = script_pos = nreplies = interleave = 0;
}

static message rq(int type, int minor, u64_t pos, int gid, u32_t count,
    int request)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_source = CLIENT;
	m.m_type = type;
	m.m_bdev.minor = minor;
	m.m_bdev.pos = pos;
	m.m_bdev.grant = gid;
	m.m_bdev.count = count;
	m.m_bdev.request = request;
	m.m_bdev.id = (u32_t)(100 + script_n);
	return m;
}

static void add(message m)
{
	script[script_n++] = m;
}

/* Run the driver over the script; the replies are in replies[]. */
static void run(void)
{
	if (!setjmp(done))
		vblk_main("");
}

static u8_t buf[8192], buf2[8192];

static int untouched(const u8_t *b, u32_t n)
{
	u32_t i;

	for (i = 0; i < n; i++)
		if (b[i] != 0xee)
			return 0;
	return 1;
}

static void test_honest(void)
{
	struct bdev_part part;

	device(DISK_BYTES / 512, 0);
	memset(buf, 0xee, sizeof(buf));
	memcpy(buf2, "written!", 8);
	add(rq(BDEV_OPEN, 0, 0, 0, 0, BDEV_R_BIT | BDEV_W_BIT));
	add(rq(BDEV_IOCTL, 0, 0, grant(&part, sizeof(part)), 0,
	    BDEV_IOC_GETSIZE));
	add(rq(BDEV_READ, 0, 3 * 512 + 7, grant(buf, 4096), 4096, 0));
	add(rq(BDEV_WRITE, 0, 1000, grant(buf2, 8), 8, 0));
	add(rq(BDEV_READ, 0, DISK_BYTES - 100, grant(buf2 + 100, 4096), 4096, 0));
	add(rq(BDEV_OPEN, 1, 0, 0, 0, BDEV_R_BIT));
	run();
	CU_ASSERT_EQUAL(init_result, OK);
	CU_ASSERT_EQUAL(dev.status, VIO_ST_ACK | VIO_ST_DRIVER | VIO_ST_DRIVER_OK);
	CU_ASSERT_EQUAL(dev.guest_features, 0);	/* FLUSH not taken */
	CU_ASSERT(dev.cmd & PCI_CMD_IO && dev.cmd & PCI_CMD_MASTER);
	CU_ASSERT_EQUAL_FATAL(nreplies, 6);
	CU_ASSERT_EQUAL(replies[0].type, OK);
	CU_ASSERT_EQUAL(replies[0].id, 100);
	CU_ASSERT(replies[1].type == OK && part.base == 0 &&
	    part.size == DISK_BYTES);
	CU_ASSERT_EQUAL(replies[2].type, 4096);
	CU_ASSERT(!memcmp(buf, dev.data + 3 * 512 + 7, 4096));
	CU_ASSERT(untouched(buf + 4096, 4096));
	CU_ASSERT_EQUAL(replies[3].type, 8);
	CU_ASSERT(!memcmp(dev.data + 1000, "written!", 8));
	CU_ASSERT_EQUAL(dev.data[999], (u8_t)(999 * 7 + 1));
	CU_ASSERT_EQUAL(dev.data[1008], (u8_t)(1008 * 7 + 1));
	CU_ASSERT_EQUAL(replies[4].type, 100);	/* clipped at the end */
	CU_ASSERT_EQUAL(replies[5].type, -ENXIO);	/* no partition 1 */
}

static void test_read_only(void)
{
	device(DISK_BYTES / 512, 1u << 5);
	add(rq(BDEV_OPEN, 0, 0, 0, 0, BDEV_R_BIT | BDEV_W_BIT));
	add(rq(BDEV_WRITE, 0, 0, grant(buf2, 512), 512, 0));
	add(rq(BDEV_OPEN, 0, 0, 0, 0, BDEV_R_BIT));
	run();
	CU_ASSERT_EQUAL(dev.guest_features, 1u << 5);
	CU_ASSERT_EQUAL_FATAL(nreplies, 3);
	CU_ASSERT_EQUAL(replies[0].type, -EROFS);
	CU_ASSERT_EQUAL(replies[1].type, -EROFS);
	CU_ASSERT_EQUAL(replies[2].type, OK);
	CU_ASSERT_EQUAL(dev.requests, 2);	/* the MBR twice, no write */
}

static void test_lies(void)
{
	static const enum lie lies[] = { ST_IOERR, ST_UNTOUCHED, BAD_ID,
	    BAD_LEN, GARBAGE, IDX_AHEAD, SILENT };
	u32_t i;

	for (i = 0; i < sizeof(lies) / sizeof(lies[0]); i++) {
		device(DISK_BYTES / 512, 0);
		dev.lie = lies[i];
		memset(buf, 0xee, sizeof(buf));
		add(rq(BDEV_READ, 0, 4096, grant(buf, 4096), 4096, 0));
		add(rq(BDEV_READ, 0, 8192, grant(buf2, 512), 512, 0));
		run();
		CU_ASSERT_EQUAL_FATAL(nreplies, 2);
		CU_ASSERT_EQUAL(replies[0].type, -EIO);
		CU_ASSERT(untouched(buf, sizeof(buf)));
		/* A ring that went wrong, a silent device: reset, EIO for
		 * good.  Any other lie costs only its own request. */
		if (lies[i] == IDX_AHEAD || lies[i] == SILENT) {
			CU_ASSERT_EQUAL(replies[1].type, -EIO);
			CU_ASSERT_EQUAL(dev.status, 0);
		} else {
			CU_ASSERT_EQUAL(replies[1].type, -EIO);	/* still lying */
			CU_ASSERT_EQUAL(dev.status, VIO_ST_ACK |
			    VIO_ST_DRIVER | VIO_ST_DRIVER_OK);
		}
	}
}

static void test_lie_once(void)
{
	/* lie_from..lie_from: requests after the lying one are honest */
	device(DISK_BYTES / 512, 0);
	dev.lie = ST_UNTOUCHED;
	dev.lie_from = 2;
	add(rq(BDEV_READ, 0, 0, grant(buf, 512), 512, 0));
	run();
	CU_ASSERT_EQUAL(replies[0].type, -EIO);
	dev.lie = HONEST;
	nreplies = 0;
	script_n = script_pos = 0;
	add(rq(BDEV_READ, 0, 512, grant(buf, 512), 512, 0));
	if (!setjmp(done))
		vblk_main("");
	CU_ASSERT_EQUAL_FATAL(nreplies, 1);
	CU_ASSERT_EQUAL(replies[0].type, 512);
	CU_ASSERT(!memcmp(buf, dev.data + 512, 512));
}

static void test_bad_setup(void)
{
	static const u32_t qsizes[] = { 0, 2, 3, 6, 2048, 65535 };
	u32_t i;

	for (i = 0; i < sizeof(qsizes) / sizeof(qsizes[0]); i++) {
		device(DISK_BYTES / 512, 0);
		dev.qsize = qsizes[i];
		add(rq(BDEV_OPEN, 0, 0, 0, 0, BDEV_R_BIT));
		run();
		CU_ASSERT_EQUAL_FATAL(nreplies, 1);
		CU_ASSERT_EQUAL(replies[0].type, -ENXIO);
		CU_ASSERT(dev.status & VIO_ST_FAILED);
	}
	device((u64_t)1 << 41, 0);		/* 1 PiB: refused */
	add(rq(BDEV_OPEN, 0, 0, 0, 0, BDEV_R_BIT));
	run();
	CU_ASSERT_EQUAL(replies[0].type, -ENXIO);
	device(~0ull, 0);			/* bytes would wrap */
	add(rq(BDEV_OPEN, 0, 0, 0, 0, BDEV_R_BIT));
	run();
	CU_ASSERT_EQUAL(replies[0].type, -ENXIO);
	CU_ASSERT_EQUAL(dev.requests, 0);
}

/* A request that arrives while the device works is served after. */
static void test_interrupt_and_stash(void)
{
	device(DISK_BYTES / 512, 0);
	dev.delay = 1;
	interleave = 1;
	irq_enables = 0;
	memset(buf, 0xee, sizeof(buf));
	add(rq(BDEV_READ, 0, 0, grant(buf, 1024), 1024, 0));
	add(rq(BDEV_READ, 0, 1024, grant(buf + 1024, 1024), 1024, 0));
	run();
	CU_ASSERT_EQUAL_FATAL(nreplies, 2);
	CU_ASSERT(replies[0].id == 100 && replies[0].type == 1024);
	CU_ASSERT(replies[1].id == 101 && replies[1].type == 1024);
	CU_ASSERT(!memcmp(buf, dev.data, 2048));
	CU_ASSERT(irq_enables >= 3);		/* attach + each interrupt */
}

static void test_partitions(void)
{
	u8_t *e;

	device(DISK_BYTES / 512, 0);
	e = dev.data + MBR_TABLE;
	memset(e, 0, MBR_PARTS * MBR_ENTRY);
	e[MBR_E_TYPE] = 0x83;
	e[MBR_E_START] = 8;			/* sectors 8..23 */
	e[MBR_E_COUNT] = 16;
	dev.data[MBR_SIG_OFF] = 0x55;
	dev.data[MBR_SIG_OFF + 1] = 0xaa;
	memset(buf, 0xee, sizeof(buf));
	add(rq(BDEV_OPEN, VBLK_MINOR(0, 1), 0, 0, 0, BDEV_R_BIT));
	add(rq(BDEV_READ, VBLK_MINOR(0, 1), 16 * 512 - 512, grant(buf, 4096),
	    4096, 0));
	add(rq(BDEV_OPEN, VBLK_MINOR(0, 2), 0, 0, 0, BDEV_R_BIT));
	run();
	CU_ASSERT_EQUAL_FATAL(nreplies, 3);
	CU_ASSERT_EQUAL(replies[0].type, OK);
	CU_ASSERT_EQUAL(replies[1].type, 512);	/* clipped at its end */
	CU_ASSERT(!memcmp(buf, dev.data + 23 * 512, 512));
	CU_ASSERT(untouched(buf + 512, 4096 - 512));
	CU_ASSERT_EQUAL(replies[2].type, -ENXIO);
}

static const struct cu_case cases[] = {
	{ "an honest device: setup, reads, writes, clipping", test_honest },
	{ "read-only: EROFS, no device request", test_read_only },
	{ "lies end as EIO, the client's buffer untouched", test_lies },
	{ "after a lie about one request the disk serves", test_lie_once },
	{ "queue sizes and capacities refused", test_bad_setup },
	{ "interrupts; a request during another waits", test_interrupt_and_stash },
	{ "MBR partitions as minors", test_partitions },
};

int main(void)
{
	return cu_main("virtio_blk", cases, CU_CASES(cases));
}
