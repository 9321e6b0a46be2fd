/*
 * driver.c - the block driver request loop (mica/blockdriver.h): one
 * handler per request type in a table; every field is checked here, before
 * the driver's callbacks run, so a driver only ever sees a minor it has and
 * ranges inside its device.  Replies go by sendnb: a client that does not
 * wait for its answer loses it, and the driver never blocks on a client.
 */
#include <mica/blockdriver.h>
#include <mica/sef.h>
#include <mica/syslib.h>

typedef int (*bdr_handler_t)(const struct blockdriver *bdr, message *m);

/* The size of m's minor, or -ENXIO. */
static int bdr_check_minor(const struct blockdriver *bdr, const message *m,
    u64_t *size)
{
	if (m->m_bdev.minor < 0)
		return -ENXIO;
	return bdr->bdr_size(m->m_bdev.minor, size);
}

static int do_open(const struct blockdriver *bdr, message *m)
{
	u64_t size;
	int r;

	if ((r = bdr_check_minor(bdr, m, &size)) < 0)
		return r;
	if (m->m_bdev.request & ~(BDEV_R_BIT | BDEV_W_BIT) ||
	    !(m->m_bdev.request & (BDEV_R_BIT | BDEV_W_BIT)))
		return -EINVAL;
	return bdr->bdr_open(m->m_bdev.minor, m->m_bdev.request);
}

static int do_close(const struct blockdriver *bdr, message *m)
{
	u64_t size;
	int r;

	if ((r = bdr_check_minor(bdr, m, &size)) < 0)
		return r;
	return bdr->bdr_close(m->m_bdev.minor);
}

/* The vector clipped at size, handed to bdr_vtransfer whole. */
static int bdr_move_vec(const struct blockdriver *bdr, const message *m,
    int write, const struct bdev_iovec *iov, u32_t n, u64_t size)
{
	struct bdev_iovec clip[BDEV_MAX_IOV];
	u64_t pos = m->m_bdev.pos;
	u32_t i, k = 0;

	for (i = 0; i < n && pos < size; i++) {
		clip[k] = iov[i];
		if (clip[k].len > size - pos)
			clip[k].len = (u32_t)(size - pos);
		pos += clip[k++].len;
	}
	if (k == 0)
		return 0;
	return bdr->bdr_vtransfer(m->m_bdev.minor, write, m->m_bdev.pos,
	    m->m_source, clip, k);
}

/*
 * Move the vector iov[0..n) at pos, clipped at size: the byte count, or
 * an error when nothing moved.
 */
static int bdr_move(const struct blockdriver *bdr, const message *m,
    int write, const struct bdev_iovec *iov, u32_t n, u64_t size)
{
	u64_t pos = m->m_bdev.pos, total = 0;
	u32_t i, done = 0, chunk;
	int r;

	for (i = 0; i < n; i++) {
		if (iov[i].len == 0)
			return -EINVAL;
		total += iov[i].len;
		if (total > BDEV_MAX_BYTES)
			return -EINVAL;
	}
	if (pos + total < pos)
		return -EINVAL;			/* wraps past 2^64 */
	if (bdr->bdr_vtransfer)
		return bdr_move_vec(bdr, m, write, iov, n, size);
	for (i = 0; i < n && pos < size; i++) {
		chunk = iov[i].len;
		if (chunk > size - pos)
			chunk = (u32_t)(size - pos);
		r = bdr->bdr_transfer(m->m_bdev.minor, write, pos, m->m_source,
		    iov[i].grant, 0, chunk);
		if (r < 0)
			return done ? (int)done : r;
		done += chunk;
		pos += chunk;
	}
	return (int)done;
}

static int do_rdwt(const struct blockdriver *bdr, message *m, int write)
{
	struct bdev_iovec one;
	u64_t size;
	int r;

	if ((r = bdr_check_minor(bdr, m, &size)) < 0)
		return r;
	one.grant = m->m_bdev.grant;
	one.len = m->m_bdev.count;
	return bdr_move(bdr, m, write, &one, 1, size);
}

static int do_vrdwt(const struct blockdriver *bdr, message *m, int write)
{
	struct bdev_iovec iov[BDEV_MAX_IOV];
	u32_t n = m->m_bdev.count;
	u64_t size;
	int r;

	if ((r = bdr_check_minor(bdr, m, &size)) < 0)
		return r;
	if (n == 0 || n > BDEV_MAX_IOV)
		return -EINVAL;
	if ((r = sys_safecopyfrom(m->m_source, m->m_bdev.grant, 0, iov,
	    n * sizeof(iov[0]))) != OK)
		return r;
	return bdr_move(bdr, m, write, iov, n, size);
}

static int do_read(const struct blockdriver *b, message *m) { return do_rdwt(b, m, 0); }
static int do_write(const struct blockdriver *b, message *m) { return do_rdwt(b, m, 1); }
static int do_gather(const struct blockdriver *b, message *m) { return do_vrdwt(b, m, 0); }
static int do_scatter(const struct blockdriver *b, message *m) { return do_vrdwt(b, m, 1); }

static int do_ioctl(const struct blockdriver *bdr, message *m)
{
	struct bdev_part part;
	u64_t size;
	int r;

	if ((r = bdr_check_minor(bdr, m, &size)) < 0)
		return r;
	if (m->m_bdev.request != BDEV_IOC_GETSIZE)
		return -ENOTTY;
	part.base = 0;
	part.size = size;
	if (bdr->bdr_part && (r = bdr->bdr_part(m->m_bdev.minor, &part)) < 0)
		return r;
	return sys_safecopyto(m->m_source, m->m_bdev.grant, 0, &part,
	    sizeof(part));
}

static const bdr_handler_t bdr_calls[BDEV_NR_RQ] = {
	[BDEV_OPEN - BDEV_RQ_BASE] = do_open,
	[BDEV_CLOSE - BDEV_RQ_BASE] = do_close,
	[BDEV_READ - BDEV_RQ_BASE] = do_read,
	[BDEV_WRITE - BDEV_RQ_BASE] = do_write,
	[BDEV_GATHER - BDEV_RQ_BASE] = do_gather,
	[BDEV_SCATTER - BDEV_RQ_BASE] = do_scatter,
	[BDEV_IOCTL - BDEV_RQ_BASE] = do_ioctl,
};

void blockdriver_process(const struct blockdriver *bdr, message *m)
{
	u32_t i = (u32_t)(m->m_type - BDEV_RQ_BASE);
	endpoint_t who = m->m_source;
	int r;

	if (m->m_type >= BDEV_RQ_BASE && i < BDEV_NR_RQ)
		r = bdr_calls[i](bdr, m);
	else
		r = -ENOSYS;
	m->m_type = r;
	ipc_sendnb(who, m);
}

void blockdriver_task(const struct blockdriver *bdr)
{
	message m;
	int r;

	for (;;) {
		if ((r = sef_receive(ANY, &m)) != OK)
			panic("blockdriver: receive failed (%d)", r);
		if (!IS_NOTIFY(&m))
			blockdriver_process(bdr, &m);
	}
}
