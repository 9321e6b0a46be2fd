/*
 * blk.c - the virtio-blk driver: every legacy virtio-blk PCI function it
 * finds (up to VBLK_MAX_DISKS, in PCI order) as block minors over
 * lib/libblockdriver (minor = disk * 8 + part, mica/vblkdev.h; part 0 the
 * whole disk, 1..4 the MBR primaries, mbr.c).
 *
 * One request at a time, for all disks: a transfer is cut into device
 * requests of at most BOUNCE_BYTES through one physically contiguous
 * bounce buffer (the cache's largest gather, 64 blocks of 4 KiB, is one
 * device request), each a chain of three descriptors: header, data,
 * status byte.  The data moves between the bounce buffer and the client's
 * grants by safecopy, so the device only ever writes driver memory:
 * whatever it does, nothing outside the request is touched.  Bytes that
 * are not whole sectors are read first and written back whole.
 *
 * While a request is with the device the driver waits in its own receive
 * loop: the device's IRQ (SYS_IRQCTL, a HARDWARE notification; the line
 * stays masked until the ISR is read and IRQ_ENABLE sent), an alarm that
 * bounds the wait (TIMEOUT_TICKS of guest time, then a busy grace period
 * of real time, vblk_grace: a device that never answers makes the disk
 * fail with EIO, never a hang) and client requests, which are kept
 * in order (stash) and served after.  A disk without a usable IRQ line is
 * polled every tick.
 *
 * Every value from the device is checked: the capacity (a size in bytes
 * must fit 64 bits), the queue size, the used ring's index, id and
 * length, the status byte (preset to 0xff, so a status the device did not
 * write is an error).  A ring that goes wrong or a timeout resets the
 * device and the disk answers EIO from then on.
 */
#include <mica/blockdriver.h>
#include <mica/sef.h>
#include <mica/syslib.h>
#include <mica/vblkdev.h>
#include "mbr.h"
#include "pci.h"
#include "virtio.h"

#define SECTOR		512u
#define BOUNCE_BYTES	(256u * 1024u)	/* 64 blocks of 4 KiB */
#define TIMEOUT_TICKS	(10 * HZ)	/* one device request, at most */
#define GRACE_POLLS	50000000u	/* busy reads of the ring after that */
#define STASH_MAX	32		/* client requests kept while waiting */
#define CAP_MAX		((u64_t)1 << 40)	/* sectors (512 TiB): bytes fit */

/* virtio-blk: feature bits, request types, status values. */
#define VBLK_F_RO	(1u << 5)
#define VBLK_T_IN	0
#define VBLK_T_OUT	1
#define VBLK_S_OK	0
#define VBLK_CFG_CAP	0		/* u64 capacity in sectors */

struct vblk_hdr {			/* the device reads it */
	u32_t type;
	u32_t ioprio;
	u64_t sector;
};

struct vblk_disk {
	int present;			/* 0: minors ENXIO */
	int broken;			/* transfers EIO */
	int ro;				/* VIRTIO_BLK_F_RO: writes EROFS */
	int irq;			/* -1: polled */
	int opens;
	u64_t sectors;
	struct pci_func pci;
	struct vio_dev vio;
	struct mbr_part parts[MBR_PARTS];
};

static struct vblk_disk disks[VBLK_MAX_DISKS];
static int ndisks;

static u8_t *bounce;
static phys_bytes bounce_phys;
static volatile struct vblk_hdr *hdr;	/* and the status byte after it */
static volatile u8_t *status;
static phys_bytes hdr_phys;
#define STATUS_OFF	sizeof(struct vblk_hdr)

static message stash[STASH_MAX];
static u32_t stash_first, stash_n;
static int busy;			/* a request is with a device */

/* ---- waiting for the device ---- */

static void stash_put(message *m)
{
	if (stash_n == STASH_MAX) {	/* a flood: the client may retry */
		m->m_type = -EAGAIN;
		ipc_sendnb(m->m_source, m);
		return;
	}
	stash[(stash_first + stash_n++) % STASH_MAX] = *m;
}

/* Read (so clear) the ISR of each disk whose hook fired; unmask again. */
static void vblk_irq(u32_t hooks)
{
	int i;

	for (i = 0; i < ndisks; i++) {
		if (!disks[i].present || disks[i].irq < 0 ||
		    !(hooks & (1u << i)))
			continue;
		vio_isr(&disks[i].vio);
		sys_irqctl(IRQ_ENABLE, disks[i].irq, 0, i);
	}
}

static void vblk_fail(struct vblk_disk *d, const char *why)
{
	printf("virtio_blk: disk %d: %s; it answers EIO from now on\n",
	    (int)(d - disks), why);
	vio_reset(&d->vio);
	d->broken = 1;
}

/*
 * The guest's clock says the device is late, but under QEMU's -icount
 * sleep=off guest time jumps ahead whenever the CPU idles, however long
 * the host takes for the I/O.  So a late device gets a busy grace period
 * too, which costs real time whatever the clock does: 1 if the used ring
 * moved meanwhile.
 */
static int vblk_grace(struct vblk_disk *d)
{
	u32_t i;

	for (i = 0; i < GRACE_POLLS; i++) {
		if (d->vio.used_hdr[1] != d->vio.used_seen)
			return 1;
		__asm__ volatile("pause" ::: "memory");
	}
	return 0;
}

/* Wait for d's chain to come back: OK and its used id and length. */
static int vblk_wait(struct vblk_disk *d, u32_t *id, u32_t *len)
{
	u32_t now = 0, deadline;
	message m;
	int r;

	sys_times(SELF, &now, NULL);
	deadline = now + TIMEOUT_TICKS;
	sys_setalarm(d->irq < 0 ? 1 : TIMEOUT_TICKS, NULL);
	for (;;) {
		if ((r = vio_take(&d->vio, id, len)) != 0) {
			sys_setalarm(0, NULL);
			if (r < 0)
				vblk_fail(d, "used ring index ran ahead");
			return r < 0 ? -EIO : OK;
		}
		if ((r = sef_receive(ANY, &m)) != OK)
			panic("virtio_blk: receive failed (%d)", r);
		if (!IS_NOTIFY(&m)) {
			stash_put(&m);
		} else if (m.m_source == HARDWARE) {
			vblk_irq(m.m_notify.interrupts);
		} else if (m.m_source == CLOCK) {
			sys_times(SELF, &now, NULL);
			if ((int)(now - deadline) < 0) {
				sys_setalarm(d->irq < 0 ? 1 : deadline - now,
				    NULL);
			} else if (!vblk_grace(d)) {
				vblk_fail(d, "no answer within the timeout");
				return -EIO;
			}
		}
	}
}

/*
 * One device request: bytes (whole sectors) at sector between the device
 * and the bounce buffer at boff.  OK or -EIO.
 */
static int vblk_io(struct vblk_disk *d, int write, u64_t sector, u32_t boff,
    u32_t bytes)
{
	struct vio_buf b[3];
	u32_t id, len;
	u16_t head;
	int r;

	if (d->broken)
		return -EIO;
	hdr->type = write ? VBLK_T_OUT : VBLK_T_IN;
	hdr->ioprio = 0;
	hdr->sector = sector;
	*status = 0xff;
	b[0] = (struct vio_buf){ hdr_phys, sizeof(struct vblk_hdr), 0 };
	b[1] = (struct vio_buf){ bounce_phys + boff, bytes, !write };
	b[2] = (struct vio_buf){ hdr_phys + STATUS_OFF, 1, 1 };
	if ((r = vio_submit(&d->vio, b, 3, &head)) != OK)
		return -EIO;
	busy = 1;
	r = vblk_wait(d, &id, &len);
	busy = 0;
	if (r != OK)
		return r;
	/* The device wrote len bytes: the data of a read and the status. */
	if (id != head || len != (write ? 1 : bytes + 1))
		return -EIO;
	return *status == VBLK_S_OK ? OK : -EIO;
}

/* ---- minors ---- */

static struct vblk_disk *vblk_disk(int minor)
{
	struct vblk_disk *d;

	if (minor < 0 || VBLK_DISK(minor) >= ndisks ||
	    VBLK_PART(minor) > MBR_PARTS)
		return NULL;
	d = &disks[VBLK_DISK(minor)];
	if (!d->present)
		return NULL;
	if (VBLK_PART(minor) && !d->parts[VBLK_PART(minor) - 1].type)
		return NULL;
	return d;
}

/* The minor's first sector and sector count. */
static void vblk_extent(const struct vblk_disk *d, int minor, u64_t *start,
    u64_t *count)
{
	const struct mbr_part *p;

	if (VBLK_PART(minor) == 0) {
		*start = 0;
		*count = d->sectors;
		return;
	}
	p = &d->parts[VBLK_PART(minor) - 1];
	*start = p->start;
	*count = p->count;
}

/* Read sector 0 and take its partition table (or none). */
static void vblk_read_mbr(struct vblk_disk *d)
{
	int i;

	for (i = 0; i < MBR_PARTS; i++)
		d->parts[i].type = 0;
	if (d->sectors == 0 || vblk_io(d, 0, 0, 0, SECTOR) != OK)
		return;
	if (mbr_parse(bounce, d->sectors, d->parts) != OK)
		printf("virtio_blk: disk %d: corrupt partition table "
		    "ignored\n", (int)(d - disks));
}

static int vblk_size(int minor, u64_t *size)
{
	struct vblk_disk *d = vblk_disk(minor);
	u64_t start, count;

	if (!d)
		return -ENXIO;
	vblk_extent(d, minor, &start, &count);
	*size = count * SECTOR;
	return OK;
}

static int vblk_part(int minor, struct bdev_part *part)
{
	struct vblk_disk *d = vblk_disk(minor);
	u64_t start, count;

	if (!d)
		return -ENXIO;
	vblk_extent(d, minor, &start, &count);
	part->base = start * SECTOR;
	part->size = count * SECTOR;
	return OK;
}

static int vblk_open(int minor, int access)
{
	struct vblk_disk *d = vblk_disk(minor);

	if (!d)
		return -ENXIO;
	if ((access & BDEV_W_BIT) && d->ro)
		return -EROFS;
	if (d->opens == 0)		/* nobody uses it: the table may be new */
		vblk_read_mbr(d);
	if (!vblk_disk(minor))
		return -ENXIO;
	d->opens++;
	return OK;
}

static int vblk_close(int minor)
{
	struct vblk_disk *d = vblk_disk(minor);

	if (!d || d->opens == 0)
		return -EINVAL;
	d->opens--;
	return OK;
}

/* ---- transfers ---- */

struct iov_cursor {
	const struct bdev_iovec *iov;
	u32_t n, i, off;
	endpoint_t ep;
};

/*
 * Move len bytes between buf and the client's pieces at the cursor; OK,
 * or the error of the piece that failed with *moved the bytes before it.
 */
static int iov_copy(struct iov_cursor *c, u8_t *buf, u32_t len, int to_dev,
    u32_t *moved)
{
	u32_t chunk;
	int r;

	*moved = 0;
	while (len > 0) {
		if (c->i >= c->n)
			return -EINVAL;
		chunk = c->iov[c->i].len - c->off;
		if (chunk > len)
			chunk = len;
		r = to_dev ? sys_safecopyfrom(c->ep, c->iov[c->i].grant,
		    c->off, buf, chunk) : sys_safecopyto(c->ep,
		    c->iov[c->i].grant, c->off, buf, chunk);
		if (r != OK)
			return r;
		*moved += chunk;
		buf += chunk;
		len -= chunk;
		c->off += chunk;
		if (c->off == c->iov[c->i].len) {
			c->i++;
			c->off = 0;
		}
	}
	return OK;
}

/*
 * One bounce buffer's worth: c bytes at byte pos of the disk (head =
 * pos % SECTOR, span = the whole sectors around them).  *moved: bytes
 * that reached the client (a read whose copy failed half way); a write
 * moves all or nothing.
 */
static int vblk_chunk(struct vblk_disk *d, int write, u64_t pos, u32_t c,
    struct iov_cursor *cur, u32_t *moved)
{
	u32_t head = (u32_t)(pos % SECTOR);
	u32_t span = (head + c + SECTOR - 1) & ~(SECTOR - 1);
	u64_t sector = pos / SECTOR;
	u32_t copied;
	int r;

	*moved = 0;
	if (!write) {
		if ((r = vblk_io(d, 0, sector, 0, span)) != OK)
			return r;
		return iov_copy(cur, bounce + head, c, 0, moved);
	}
	/* A write of part of a sector keeps the rest of it. */
	if (head && (r = vblk_io(d, 0, sector, 0, SECTOR)) != OK)
		return r;
	if ((head + c) % SECTOR && (span > SECTOR || !head) &&
	    (r = vblk_io(d, 0, sector + span / SECTOR - 1, span - SECTOR,
	    SECTOR)) != OK)
		return r;
	if ((r = iov_copy(cur, bounce + head, c, 1, &copied)) != OK)
		return r;
	return vblk_io(d, 1, sector, 0, span);
}

static int vblk_vtransfer(int minor, int write, u64_t pos, endpoint_t ep,
    const struct bdev_iovec *iov, u32_t n)
{
	struct vblk_disk *d = vblk_disk(minor);
	struct iov_cursor cur = { iov, n, 0, 0, ep };
	u64_t start, count;
	u32_t total = 0, done = 0, c, i, moved;
	int r;

	if (!d)
		return -ENXIO;
	if (write && d->ro)
		return -EROFS;
	for (i = 0; i < n; i++)
		total += iov[i].len;	/* libblockdriver: fits, in the minor */
	vblk_extent(d, minor, &start, &count);
	pos += start * SECTOR;
	while (done < total) {
		c = total - done;
		if (c > BOUNCE_BYTES - (u32_t)(pos % SECTOR))
			c = BOUNCE_BYTES - (u32_t)(pos % SECTOR);
		if ((r = vblk_chunk(d, write, pos, c, &cur, &moved)) != OK)
			return done + moved ? (int)(done + moved) : r;
		done += c;
		pos += c;
	}
	return (int)done;
}

static const struct blockdriver vblk_driver = {
	.bdr_open = vblk_open,
	.bdr_close = vblk_close,
	.bdr_size = vblk_size,
	.bdr_vtransfer = vblk_vtransfer,
	.bdr_part = vblk_part,
};

/* ---- start ---- */

/*
 * Live update only between requests: the wait for the device receives
 * too (SEF checks the state at every receive), and kept requests must be
 * answered by this instance.
 */
static int vblk_lu_isreached(int state)
{
	return !busy && stash_n == 0 && sef_cb_lu_state_isreached_all(state);
}

/* Bring up disk i at PCI function f; d->present says whether it worked. */
static void vblk_attach(int i, const struct pci_func *f)
{
	struct vblk_disk *d = &disks[i];
	u32_t bar = pci_read32(f, PCI_BAR0), irq, cmd;
	u64_t cap;

	memset(d, 0, sizeof(*d));
	d->pci = *f;
	d->irq = -1;
	if (!(bar & PCI_BAR_IO) || (bar & ~3u) == 0 ||
	    (bar & ~3u) + VIO_IO_LEN > 0x10000) {
		printf("virtio_blk: disk %d: BAR0 0x%x is no I/O range\n", i,
		    bar);
		return;
	}
	cmd = pci_read16(f, PCI_COMMAND);
	pci_write16(f, PCI_COMMAND, (cmd | PCI_CMD_IO | PCI_CMD_MASTER) &
	    ~PCI_CMD_INTX_OFF);
	if (vio_init(&d->vio, bar & ~3u, VBLK_F_RO) != OK) {
		printf("virtio_blk: disk %d: the device refused the setup\n",
		    i);
		return;
	}
	cap = (u64_t)vio_config32(&d->vio, VBLK_CFG_CAP + 4) << 32 |
	    vio_config32(&d->vio, VBLK_CFG_CAP);
	if (cap > CAP_MAX) {
		printf("virtio_blk: disk %d: capacity 0x%x%08x sectors refused\n",
		    i, (u32_t)(cap >> 32), (u32_t)cap);
		vio_reset(&d->vio);
		return;
	}
	d->sectors = cap;
	d->ro = (d->vio.features & VBLK_F_RO) != 0;
	irq = pci_read8(f, PCI_INTR_LINE);
	if (irq > 0 && irq < 16 && irq != 2 &&
	    sys_irqctl(IRQ_SETPOLICY, (int)irq, 0, i) == OK) {
		d->irq = (int)irq;
		sys_irqctl(IRQ_ENABLE, d->irq, 0, i);
	}
	d->present = 1;
	vblk_read_mbr(d);
	printf("virtio_blk: vd%c: %u sectors%s, %s%s\n", 'a' + i,
	    (u32_t)d->sectors, d->sectors >> 32 ? " + 2^32 * more" : "",
	    d->ro ? "read-only" : "read-write",
	    d->irq < 0 ? ", polled" : "");
}

static int vblk_init(int type, const sef_init_info_t *info)
{
	struct pci_func found[VBLK_MAX_DISKS];
	int i;

	(void)type, (void)info;
	if (!(bounce = vio_dma_alloc(BOUNCE_BYTES, &bounce_phys)) ||
	    !(hdr = vio_dma_alloc(PAGE_SIZE, &hdr_phys)))
		return -ENOMEM;
	status = (volatile u8_t *)hdr + STATUS_OFF;
	ndisks = pci_find(VIRTIO_VENDOR, VIRTIO_DEV_BLK_LEGACY, found,
	    VBLK_MAX_DISKS);
	for (i = 0; i < ndisks; i++)
		vblk_attach(i, &found[i]);
	return OK;
}

int main(const char *args)
{
	message m;
	int r;

	(void)args;
	sef_setcb_init_fresh(vblk_init);
	sef_setcb_lu_state_isreached(vblk_lu_isreached);
	if ((r = sef_startup()) != OK)
		panic("virtio_blk: init failed (%d)", r);
	for (;;) {
		if (stash_n) {
			m = stash[stash_first];
			stash_first = (stash_first + 1) % STASH_MAX;
			stash_n--;
		} else if ((r = sef_receive(ANY, &m)) != OK) {
			panic("virtio_blk: receive failed (%d)", r);
		}
		if (IS_NOTIFY(&m)) {
			if (m.m_source == HARDWARE)
				vblk_irq(m.m_notify.interrupts);
			continue;		/* a late alarm: nothing waits */
		}
		blockdriver_process(&vblk_driver, &m);
	}
}
