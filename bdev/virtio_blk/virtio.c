/*
 * virtio.c - the legacy virtio-pci transport and its virtqueue
 * (virtio.h).  The queue is one physically contiguous allocation
 * (SYS_CONTIGALLOC) laid out as the legacy interface fixes it: the
 * descriptor table, the available ring right after it, the used ring at
 * the next 4096-byte boundary; its page number goes to VIO_QUEUE_PFN.
 * The device writes only the used ring (and the buffers it was given), so
 * that is all that is read back, and it is checked before use: the used
 * index may not run ahead of what was handed out.
 */
#include <mica/kipc.h>
#include <mica/syslib.h>
#include "virtio.h"

#ifndef VIO_DMA_VADDR			/* tests/unit/vblk moves it */
#define VIO_DMA_VADDR	0xB0000000u	/* the driver's DMA window */
#endif
#define DMA_MAX		(16u * 1024u * 1024u)

static u32_t dma_used;

#define barrier() __asm__ volatile("" ::: "memory")

void *vio_dma_alloc(u32_t len, phys_bytes *phys)
{
	vir_bytes va = VIO_DMA_VADDR + dma_used;

	len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	if (len == 0 || len > DMA_MAX - dma_used)
		return NULL;
	if (sys_contigalloc(SELF, va, len, VMPROT_RW, phys) != OK)
		return NULL;
	dma_used += len;
	memset((void *)(unsigned long)va, 0, len);
	return (void *)(unsigned long)va;
}

static u32_t vio_in(const struct vio_dev *d, u32_t reg, int bytes)
{
	u32_t v = 0;
	int r;

	r = bytes == 1 ? sys_inb(d->io + reg, &v) :
	    bytes == 2 ? sys_inw(d->io + reg, &v) : sys_inl(d->io + reg, &v);
	return r == OK ? v : 0xffffffffu;
}

static void vio_out(const struct vio_dev *d, u32_t reg, int bytes, u32_t v)
{
	if (bytes == 1)
		sys_outb(d->io + reg, v);
	else if (bytes == 2)
		sys_outw(d->io + reg, v);
	else
		sys_outl(d->io + reg, v);
}

u32_t vio_config32(const struct vio_dev *d, u32_t off)
{
	return vio_in(d, VIO_CONFIG + off, 4);
}

u32_t vio_isr(const struct vio_dev *d)
{
	u32_t v = vio_in(d, VIO_ISR, 1);

	return v == 0xffffffffu ? 0 : v;
}

void vio_reset(struct vio_dev *d)
{
	vio_out(d, VIO_STATUS, 1, 0);
	d->in_flight = 0;
}

/* Bytes of a legacy queue of n entries: two 4096-aligned parts. */
static u32_t vq_bytes(u32_t n, u32_t *used_off)
{
	u32_t a = 16 * n + 2 * (3 + n);

	*used_off = (a + VRING_ALIGN - 1) & ~(VRING_ALIGN - 1);
	return *used_off + ((2 * 3 + 8 * n + VRING_ALIGN - 1) &
	    ~(VRING_ALIGN - 1));
}

int vio_init(struct vio_dev *d, u32_t io, u32_t wanted)
{
	u32_t n, used_off, bytes;
	phys_bytes phys;
	u8_t *q;

	d->io = io;
	vio_reset(d);
	vio_out(d, VIO_STATUS, 1, VIO_ST_ACK);
	vio_out(d, VIO_STATUS, 1, VIO_ST_ACK | VIO_ST_DRIVER);
	d->features = vio_in(d, VIO_HOST_FEATURES, 4) & wanted;
	vio_out(d, VIO_GUEST_FEATURES, 4, d->features);
	vio_out(d, VIO_QUEUE_SEL, 2, 0);
	n = vio_in(d, VIO_QUEUE_SIZE, 2);
	/* The legacy queue has the device's size; it must be sane. */
	if (n < 4 || n > VQ_MAX_SIZE || (n & (n - 1)) ||
	    vio_in(d, VIO_QUEUE_PFN, 4) != 0)
		goto failed;
	bytes = vq_bytes(n, &used_off);
	if (!(q = vio_dma_alloc(bytes, &phys)))
		goto failed;		/* zeroed: no avail flags, no entries */
	d->qsize = (u16_t)n;
	d->desc = (volatile struct vring_desc *)q;
	d->avail = (volatile u16_t *)(q + 16 * n);
	d->used_hdr = (volatile u16_t *)(q + used_off);
	d->used = (volatile struct vring_used_elem *)(q + used_off + 4);
	d->avail_idx = d->used_seen = d->in_flight = 0;
	vio_out(d, VIO_QUEUE_PFN, 4, (u32_t)(phys / VRING_ALIGN));
	vio_out(d, VIO_STATUS, 1, VIO_ST_ACK | VIO_ST_DRIVER |
	    VIO_ST_DRIVER_OK);
	return OK;
failed:
	vio_out(d, VIO_STATUS, 1, VIO_ST_FAILED);
	return -EIO;
}

int vio_submit(struct vio_dev *d, const struct vio_buf *b, u32_t n,
    u16_t *head)
{
	u32_t i;

	if (n == 0 || n > d->qsize || d->in_flight)
		return -EINVAL;		/* one chain at a time: ids 0..n-1 */
	for (i = 0; i < n; i++) {
		d->desc[i].addr = b[i].phys;
		d->desc[i].len = b[i].len;
		d->desc[i].flags = (u16_t)((i + 1 < n ? VRING_DESC_NEXT : 0) |
		    (b[i].dev_writes ? VRING_DESC_WRITE : 0));
		d->desc[i].next = (u16_t)(i + 1 < n ? i + 1 : 0);
	}
	d->avail[2 + d->avail_idx % d->qsize] = 0;
	barrier();
	d->avail_idx++;
	d->avail[1] = d->avail_idx;
	d->in_flight = 1;
	barrier();
	vio_out(d, VIO_QUEUE_NOTIFY, 2, 0);
	*head = 0;
	return OK;
}

int vio_take(struct vio_dev *d, u32_t *id, u32_t *len)
{
	u16_t idx = d->used_hdr[1];

	barrier();
	if (idx == d->used_seen)
		return 0;
	if ((u16_t)(idx - d->used_seen) > d->in_flight)
		return -EIO;		/* more used entries than chains */
	*id = d->used[d->used_seen % d->qsize].id;
	*len = d->used[d->used_seen % d->qsize].len;
	d->used_seen++;
	d->in_flight--;
	return 1;
}
