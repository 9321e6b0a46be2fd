/*
 * bdev.c - libbdev, the block protocol client (mica/libbdev.h).  Each call
 * grants what the driver needs for exactly one request, sends it, checks
 * the reply's id and revokes the grants.  Transfers are retried on EIO and
 * EAGAIN, BDEV_RETRIES tries in all; a transfer to a driver that died is
 * sent again, with new grants, to the label's new endpoint after a reopen
 * (devices opened by label); other errors return at once.
 */
#include <mica/libbdev.h>
#include <mica/kipc.h>
#include <mica/ds.h>
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
	dev->label[0] = '\0';
	dev->driver = driver;
	dev->minor = minor;
	dev->access = access;
	return bdev_simple(dev, BDEV_OPEN, access, GRANT_INVALID);
}

int bdev_open_label(struct bdev_dev *dev, const char *label, int minor,
    int access)
{
	endpoint_t ep;
	int r;

	if (strlen(label) >= sizeof(dev->label))
		return -EINVAL;
	if ((r = ds_retrieve_label_endpt(label, &ep)) != OK)
		return r;
	if ((r = bdev_open(dev, ep, minor, access)) == OK)
		memcpy(dev->label, label, strlen(label) + 1);
	return r;
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

/*
 * The driver is gone (EDEADSRCDST): for a device opened by label, find the
 * label's endpoint in DS and, if it is a new one, open the minor there
 * again.  OK when the new driver took the open.
 */
static int bdev_reopen(struct bdev_dev *dev)
{
	endpoint_t ep;
	int r;

	if (!dev->label[0])
		return -EDEADSRCDST;
	if ((r = ds_retrieve_label_endpt(dev->label, &ep)) != OK)
		return r;
	if (ep == dev->driver)
		return -EDEADSRCDST;		/* not restarted (yet) */
	dev->driver = ep;
	return bdev_simple(dev, BDEV_OPEN, dev->access, GRANT_INVALID);
}

/*
 * One transfer request over n pieces, grants made for the current driver
 * and revoked after: READ/WRITE for one piece unless vec, else GATHER/
 * SCATTER with a table.
 */
static int bdev_once(struct bdev_dev *dev, int write, int vec, u64_t pos,
    const struct bdev_buf *v, int n)
{
	struct bdev_iovec iov[BDEV_MAX_IOV];
	cp_grant_id_t gid = GRANT_INVALID;
	message m;
	int i, made, r = OK;

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
	if (r == OK && vec) {
		gid = cpf_grant_direct(dev->driver, (vir_bytes)iov,
		    (u32_t)n * sizeof(iov[0]), CPF_READ);
		if (gid == GRANT_INVALID)
			r = -ENOMEM;
	}
	if (r == OK) {
		memset(&m, 0, sizeof(m));
		m.m_type = vec ? (write ? BDEV_SCATTER : BDEV_GATHER) :
		    (write ? BDEV_WRITE : BDEV_READ);
		m.m_bdev.minor = dev->minor;
		m.m_bdev.pos = pos;
		m.m_bdev.grant = vec ? gid : iov[0].grant;
		m.m_bdev.count = vec ? (u32_t)n : iov[0].len;
		r = bdev_sendrec(dev->driver, &m);
	}
	if (gid != GRANT_INVALID)
		cpf_revoke(gid);
	for (i = 0; i < made; i++)
		cpf_revoke(iov[i].grant);
	return r;
}

/* bdev_once, again on EIO/EAGAIN (BDEV_RETRIES tries) and after a reopen. */
static int bdev_transfer(struct bdev_dev *dev, int write, int vec,
    u64_t pos, const struct bdev_buf *v, int n)
{
	int r = -EIO, tries = 0, reopens = 0;

	if (n <= 0 || n > BDEV_MAX_IOV)
		return -EINVAL;
	while (tries < BDEV_RETRIES) {
		r = bdev_once(dev, write, vec, pos, v, n);
		if (r == -EDEADSRCDST && reopens++ < BDEV_RETRIES) {
			if ((r = bdev_reopen(dev)) != OK)
				break;
			continue;
		}
		if (r != -EIO && r != -EAGAIN)
			break;
		tries++;
	}
	return r;
}

int bdev_read(struct bdev_dev *dev, u64_t pos, void *buf, u32_t len)
{
	struct bdev_buf one = { buf, len };

	return bdev_transfer(dev, 0, 0, pos, &one, 1);
}

int bdev_write(struct bdev_dev *dev, u64_t pos, const void *buf, u32_t len)
{
	struct bdev_buf one = { (void *)buf, len };

	return bdev_transfer(dev, 1, 0, pos, &one, 1);
}

int bdev_readv(struct bdev_dev *dev, u64_t pos, const struct bdev_buf *v, int n)
{
	return bdev_transfer(dev, 0, 1, pos, v, n);
}

int bdev_writev(struct bdev_dev *dev, u64_t pos, const struct bdev_buf *v, int n)
{
	return bdev_transfer(dev, 1, 1, pos, v, n);
}
