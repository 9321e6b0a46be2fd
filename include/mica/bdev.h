/*
 * bdev.h - the block protocol between a block device's users (libbdev;
 * later libminixfs and VFS) and block drivers (lib/libblockdriver), MINIX's
 * blockdriver protocol in spirit.
 *
 * Every request and its reply is one mess_lsys_bdev (ipc.h, m_bdev).  The
 * reply reuses the request's struct: m_type is the result (a byte count
 * for transfers, OK for the others, or a negative errno) and id is the
 * request's id echoed, so a client can match replies.  Data moves only by
 * grants: the caller grants its buffer (CPF_WRITE for a read, CPF_READ for
 * a write), or for a vectored request a table of count bdev_iovec entries
 * (CPF_READ), each naming its own grant.
 *
 * Positions are 64-bit byte offsets; no alignment is asked for (a driver
 * of a sector device asks for it itself).  Transfers are clipped at the
 * device end as in MINIX: one starting at or past the end moves 0 bytes,
 * one across it moves the bytes before it (a short count).  A position or
 * position + length that overflows 64 bits, a zero-length buffer, a count
 * of vector entries outside 1..BDEV_MAX_IOV or a total over
 * BDEV_MAX_BYTES is EINVAL; a bad grant gives the kernel's grant error
 * (EINVAL, EPERM, ERANGE, EFAULT).  A vectored transfer that fails after
 * some bytes moved returns the bytes moved.
 */
#ifndef MICA_BDEV_H
#define MICA_BDEV_H

#include <mica/type.h>

#define BDEV_RQ_BASE	0x1400
#define BDEV_OPEN	(BDEV_RQ_BASE + 0)	/* minor, access */
#define BDEV_CLOSE	(BDEV_RQ_BASE + 1)	/* minor */
#define BDEV_READ	(BDEV_RQ_BASE + 2)	/* minor, pos, grant, count bytes */
#define BDEV_WRITE	(BDEV_RQ_BASE + 3)	/* minor, pos, grant, count bytes */
#define BDEV_GATHER	(BDEV_RQ_BASE + 4)	/* minor, pos, grant of iovecs, count */
#define BDEV_SCATTER	(BDEV_RQ_BASE + 5)	/* minor, pos, grant of iovecs, count */
#define BDEV_IOCTL	(BDEV_RQ_BASE + 6)	/* minor, request, grant */
#define BDEV_NR_RQ	7

/* Access bits of BDEV_OPEN (any other bit is EINVAL). */
#define BDEV_R_BIT	0x01
#define BDEV_W_BIT	0x02

/*
 * Vector entries in one request: the block cache's largest gather
 * (LMFS_MAX_IOV in libminixfs.h; tests/unit/lmfs/t_bdev_iov.c checks
 * they agree).
 */
#define BDEV_MAX_IOV	64
/* Bytes in one request, so the reply's count fits m_type. */
#define BDEV_MAX_BYTES	0x7fffffffu

/* ioctl requests. */
#define BDEV_IOC_GETSIZE 1	/* grant: a struct bdev_part (CPF_WRITE); DIOCGETP */

struct bdev_iovec {			/* one entry of a GATHER/SCATTER table */
	cp_grant_id_t grant;
	u32_t len;			/* bytes, > 0 */
};

struct bdev_part {			/* BDEV_IOC_GETSIZE's answer */
	u64_t base;			/* byte offset on the whole device */
	u64_t size;			/* bytes */
};

#endif /* MICA_BDEV_H */
