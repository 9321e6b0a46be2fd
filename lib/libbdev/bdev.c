/*
 * bdev.c - libbdev, the block protocol client (mica/libbdev.h).  Each call
 * grants what the driver needs for exactly one request, sends it, checks
 * the reply's id and revokes the grants.  Transfers are retried on EIO and
 * EAGAIN, BDEV_RETRIES tries in all; other errors return at once.
 */
#include <mica/libbdev.h>
#include <mica/kipc.h>
#include <mica/syslib.h>

static u32_t bdev_next_id;

int bdev_sendrec(endpoint_t driver, message *m)
{
	u32_t id = ++bdev_next_id;
	int r;

	m->m_bdev.id = id;
	if ((r = ipc_sendrec(driver, m)) != OK)
		return r;
	if (m->m_bdev.id != id)
		return -EIO;			/* a reply to someone else */
	return m->m_type;
}

static int bdev_simple(struct bdev_dev *dev, int type, int request,
    cp_grant_id_t gid)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = type;
	m.m_bdev.minor = dev->minor;
	m.m_bdev.request = request;
	m.m_bdev.grant = gid;
	return bdev_sendrec(dev->driver, &m);
}

int bdev_open(struct bdev_dev *dev, endpoint_t driver, int minor, int access)
{
	dev->driver = driver;
	dev->minor = minor;
	dev->access = access;
	return bdev_simple(dev, BDEV_OPEN, access, GRANT_INVALID);
}

int bdev_close(struct bdev_dev *dev)
{
	return bdev_simple(dev, BDEV_CLOSE, 0, GRANT_INVALID);
}

int bdev_size(struct bdev_dev *dev, u64_t *size)
{
	struct bdev_part part;
	cp_grant_id_t gid;
	int r;

	gid = cpf_grant_direct(dev->driver, (vir_bytes)&part, sizeof(part),
	    CPF_WRITE);
	if (gid == GRANT_INVALID)
		return -ENOMEM;
	r = bdev_simple(dev, BDEV_IOCTL, BDEV_IOC_GETSIZE, gid);
	cpf_revoke(gid);
	if (r == OK)
		*size = part.size;
	return r;
}

/* One request, retried while the error is transient. */
static int bdev_try(struct bdev_dev *dev, int type, u64_t pos,
    cp_grant_id_t gid, u32_t count)
{
	message m;
	int r = -EIO, tries;

	for (tries = 0; tries < BDEV_RETRIES; tries++) {
		memset(&m, 0, sizeof(m));
		m.m_type = type;
		m.m_bdev.minor = dev->minor;
		m.m_bdev.pos = pos;
		m.m_bdev.grant = gid;
		m.m_bdev.count = count;
		r = bdev_sendrec(dev->driver, &m);
		if (r != -EIO && r != -EAGAIN)
			break;
	}
	return r;
}

static int bdev_rdwt(struct bdev_dev *dev, int write, u64_t pos,
    void *buf, u32_t len)
{
	cp_grant_id_t gid;
	int r;

	gid = cpf_grant_direct(dev->driver, (vir_bytes)buf, len,
	    write ? CPF_READ : CPF_WRITE);
	if (gid == GRANT_INVALID)
		return -ENOMEM;
	r = bdev_try(dev, write ? BDEV_WRITE : BDEV_READ, pos, gid, len);
	cpf_revoke(gid);
	return r;
}

int bdev_read(struct bdev_dev *dev, u64_t pos, void *buf, u32_t len)
{
	return bdev_rdwt(dev, 0, pos, buf, len);
}

int bdev_write(struct bdev_dev *dev, u64_t pos, const void *buf, u32_t len)
{
	return bdev_rdwt(dev, 1, pos, (void *)buf, len);
}

static int bdev_vrdwt(struct bdev_dev *dev, int write, u64_t pos,
    const struct bdev_buf *v, int n)
{
	struct bdev_iovec iov[BDEV_MAX_IOV];
	cp_grant_id_t tgid;
	int i, made, r = OK;

	if (n <= 0 || n > BDEV_MAX_IOV)
		return -EINVAL;
	for (made = 0; made < n; made++) {
		iov[made].len = v[made].len;
		iov[made].grant = cpf_grant_direct(dev->driver,
		    (vir_bytes)v[made].addr, v[made].len,
		    write ? CPF_READ : CPF_WRITE);
		if (iov[made].grant == GRANT_INVALID) {
			r = -ENOMEM;
			break;
		}
	}
	if (r == OK) {
		tgid = cpf_grant_direct(dev->driver, (vir_bytes)iov,
		    (u32_t)n * sizeof(iov[0]), CPF_READ);
		if (tgid == GRANT_INVALID) {
			r = -ENOMEM;
		} else {
			r = bdev_try(dev, write ? BDEV_SCATTER : BDEV_GATHER,
			    pos, tgid, (u32_t)n);
			cpf_revoke(tgid);
		}
	}
	for (i = 0; i < made; i++)
		cpf_revoke(iov[i].grant);
	return r;
}

int bdev_readv(struct bdev_dev *dev, u64_t pos, const struct bdev_buf *v, int n)
{
	return bdev_vrdwt(dev, 0, pos, v, n);
}

int bdev_writev(struct bdev_dev *dev, u64_t pos, const struct bdev_buf *v, int n)
{
	return bdev_vrdwt(dev, 1, pos, v, n);
}
