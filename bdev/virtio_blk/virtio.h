/*
 * virtio.h - the legacy virtio-pci transport (virtio 0.9.5 / the "legacy
 * interface" of virtio 1.x, which QEMU's transitional devices keep): the
 * registers of I/O BAR 0, the device status handshake, 32 feature bits,
 * and one split virtqueue in physically contiguous memory laid out with
 * the legacy 4096-byte alignment.  Used by the block driver (blk.c) for
 * one request at a time; every value the device writes back (queue size,
 * used index, used id and length) is checked here or by the caller.
 */
#ifndef VIRTIO_BLK_VIRTIO_H
#define VIRTIO_BLK_VIRTIO_H

#include <mica/type.h>

#define VIRTIO_VENDOR		0x1af4
#define VIRTIO_DEV_BLK_LEGACY	0x1001	/* transitional virtio-blk */
#define VIRTIO_SUBSYS_BLK	2

/* I/O BAR 0 registers (MSI-X off, so the device config is at 20). */
#define VIO_HOST_FEATURES	0x00	/* 32 bits, read only */
#define VIO_GUEST_FEATURES	0x04	/* 32 bits */
#define VIO_QUEUE_PFN		0x08	/* 32 bits: physical address >> 12 */
#define VIO_QUEUE_SIZE		0x0c	/* 16 bits, read only */
#define VIO_QUEUE_SEL		0x0e	/* 16 bits */
#define VIO_QUEUE_NOTIFY	0x10	/* 16 bits: queue index */
#define VIO_STATUS		0x12	/* 8 bits */
#define VIO_ISR			0x13	/* 8 bits, read clears */
#define VIO_CONFIG		0x14	/* the device's own configuration */
#define VIO_IO_LEN		0x40	/* ports asked of the BAR (>= config) */

/* Device status bits. */
#define VIO_ST_ACK		0x01
#define VIO_ST_DRIVER		0x02
#define VIO_ST_DRIVER_OK	0x04
#define VIO_ST_FAILED		0x80

/* ISR bits. */
#define VIO_ISR_QUEUE		0x01
#define VIO_ISR_CONFIG		0x02

/* Descriptor flags. */
#define VRING_DESC_NEXT		0x1
#define VRING_DESC_WRITE	0x2	/* the device writes this buffer */

#define VRING_ALIGN		4096u
#define VQ_MAX_SIZE		1024u	/* larger queues are refused */

struct vring_desc {
	u64_t addr;
	u32_t len;
	u16_t flags;
	u16_t next;
};

struct vring_used_elem {
	u32_t id;
	u32_t len;
};

/* One buffer of a request: physical address, bytes, device writes it. */
struct vio_buf {
	phys_bytes phys;
	u32_t len;
	int dev_writes;
};

struct vio_dev {
	u32_t io;			/* I/O BAR 0's first port */
	u32_t features;			/* negotiated */
	u16_t qsize;			/* entries of queue 0 */
	volatile struct vring_desc *desc;
	volatile u16_t *avail;		/* flags, idx, ring[qsize], event */
	volatile u16_t *used_hdr;	/* flags, idx */
	volatile struct vring_used_elem *used;	/* ring[qsize] */
	u16_t avail_idx;		/* next avail->idx to publish */
	u16_t used_seen;		/* used->idx as far as taken */
	u16_t in_flight;		/* chains handed to the device */
};

/*
 * Map n contiguous bytes (a page multiple) for DMA into the driver's
 * window; the virtual address or NULL, *phys its physical address.
 */
void *vio_dma_alloc(u32_t len, phys_bytes *phys);

/* Reset, then ACK + DRIVER, accept host & wanted, set up queue 0, DRIVER_OK. */
int vio_init(struct vio_dev *d, u32_t io, u32_t wanted);
void vio_reset(struct vio_dev *d);
/* The device's configuration space, little-endian (legacy: guest order). */
u32_t vio_config32(const struct vio_dev *d, u32_t off);
/* Read (and so clear) the ISR; 0 on a failed port read. */
u32_t vio_isr(const struct vio_dev *d);
/* Hand the chain b[0..n) to the device (n <= 3 here); its head id. */
int vio_submit(struct vio_dev *d, const struct vio_buf *b, u32_t n,
    u16_t *head);
/*
 * Take one used element: 1 and *id, *len if there is one, 0 if none yet,
 * -EIO when the used index says more came back than was handed out.
 */
int vio_take(struct vio_dev *d, u32_t *id, u32_t *len);

#endif /* VIRTIO_BLK_VIRTIO_H */
