/*
 * libbdev.h - the client side of the block protocol (bdev.h), for file
 * systems and tests: open/close, read/write, vectored transfers and the
 * get-size ioctl on a block driver's minor, with grants made and revoked
 * here.  Transfers that fail with a transient error (EIO, EAGAIN) are
 * retried up to BDEV_RETRIES times in all, as MINIX's libbdev does; so is
 * the reopen of a restarted driver (bdev_open_label).
 */
#ifndef MICA_LIBBDEV_H
#define MICA_LIBBDEV_H

#include <mica/bdev.h>
#include <mica/ipc.h>
#include <mica/rs.h>

#define BDEV_RETRIES	5	/* tries of one transfer */

struct bdev_buf {			/* one piece of a vectored transfer */
	void *addr;
	u32_t len;
};

struct bdev_dev {			/* an open block device */
	endpoint_t driver;
	int minor;
	int access;			/* BDEV_R_BIT | BDEV_W_BIT */
	char label[RS_LABEL_LEN];	/* DS label of the driver, or "" */
};

/* Open minor of driver with access bits; OK or a negative errno. */
int bdev_open(struct bdev_dev *dev, endpoint_t driver, int minor, int access);
/*
 * Open minor of the driver DS knows under label.  Transfers on such a
 * device survive a driver restart: when the driver is gone they look the
 * label up again and reopen the minor at the new endpoint (contents are
 * whatever the restarted driver has).
 */
int bdev_open_label(struct bdev_dev *dev, const char *label, int minor,
    int access);
/* Close it; OK or a negative errno. */
int bdev_close(struct bdev_dev *dev);
/* Read/write len bytes at pos: bytes moved (short at the end) or -errno. */
int bdev_read(struct bdev_dev *dev, u64_t pos, void *buf, u32_t len);
int bdev_write(struct bdev_dev *dev, u64_t pos, const void *buf, u32_t len);
/* The same over n buffers (1..BDEV_MAX_IOV) filled/drained in order. */
int bdev_readv(struct bdev_dev *dev, u64_t pos, const struct bdev_buf *v, int n);
int bdev_writev(struct bdev_dev *dev, u64_t pos, const struct bdev_buf *v, int n);
/* The device's size in bytes (BDEV_IOC_GETSIZE); OK or -errno. */
int bdev_size(struct bdev_dev *dev, u64_t *size);

/* Send one raw request m to driver and wait for its reply (tests). */
int bdev_sendrec(endpoint_t driver, message *m);

#endif /* MICA_LIBBDEV_H */
