/*
 * dev.c - character special files (mica/cdev.h).  The driver is found by
 * the node's major number in dmap (its DS label, or an endpoint given on
 * VFS's command line as LABEL=EP); the minor goes in each request.
 *
 * Open, close, ioctl and select are answered at once, so VFS waits for
 * them (sendrec); a reply to an earlier suspended read that the driver
 * sends meanwhile is taken in the same wait and handled first.  Read and
 * write may be suspended by the driver: VFS sends them, keeps the caller
 * suspended (fproc.blocked) and answers it when CDEV_REPLY arrives with
 * the request's id.  The caller's buffer reaches the driver by an
 * indirect grant, revoked when the reply comes.  A filp talks to the
 * device in filp.rdev, the node's or, for /dev/tty, the caller's
 * controlling terminal (ctty.c).
 */
#include "vfs.h"
#include <mica/ds.h>
#include <mica/termios.h>

struct dmap {
	const char *label;
	endpoint_t ep;			/* NONE: not looked up yet */
};

static struct dmap dmap[] = {
	[1] = { "memory", NONE },
	[TTY_MAJOR] = { "tty", NONE },
};
#define NR_MAJORS ((int)(sizeof(dmap) / sizeof(dmap[0])))

static u32_t next_id = 1;

void dev_setup(const char *args)
{
	for (int i = 0; i < NR_MAJORS; i++)
		if (dmap[i].label)
			dmap[i].ep = arg_int(args, dmap[i].label, NONE);
}

static int dev_driver(u32_t rdev, endpoint_t *ep)
{
	u32_t major = DEV_MAJOR(rdev);

	if (major >= (u32_t)NR_MAJORS || !dmap[major].label)
		return -ENXIO;
	if (dmap[major].ep == NONE &&
	    ds_retrieve_label_endpt(dmap[major].label, &dmap[major].ep) != OK) {
		dmap[major].ep = NONE;
		return -ENXIO;
	}
	*ep = dmap[major].ep;
	return OK;
}

/* Send and wait for the reply with this id (others are dispatched). */
static int dev_sync(endpoint_t ep, message *m, int reply_type)
{
	u32_t id = m->m_cdev_oc.id;
	int r;

	if ((r = ipc_sendrec(ep, m)) != OK)
		return -EIO;
	for (;;) {
		if (m->m_type == reply_type &&
		    (reply_type != CDEV_REPLY || m->m_cdev_reply.id == id))
			return reply_type == CDEV_REPLY ? m->m_cdev_reply.status :
				m->m_cdev_sel.status;
		dev_reply(m);		/* an earlier request's answer */
		if ((r = ipc_receive(ep, m)) != OK)
			return -EIO;
	}
}

int dev_open(struct fproc *fp, struct filp *f)
{
	endpoint_t ep;
	message m;
	int r, acc = f->flags & MICA_O_ACCMODE;

	if ((r = ctty_target(fp, f->vp->rdev, &f->rdev)) != OK ||
	    (r = dev_driver(f->rdev, &ep)) != OK)
		return r;
	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_OPEN;
	m.m_cdev_oc.minor = DEV_MINOR(f->rdev);
	m.m_cdev_oc.id = next_id++;
	m.m_cdev_oc.access = (acc != MICA_O_WRONLY ? CDEV_R : 0) |
		(acc != MICA_O_RDONLY ? CDEV_W : 0) |
		((f->flags & MICA_O_NOCTTY) ? CDEV_NOCTTY : 0) |
		ctty_access(fp, f->flags);
	m.m_cdev_oc.user = fp->ep;
	m.m_cdev_oc.sid = fp->sid;
	r = ctty_opened(fp, f, dev_sync(ep, &m, CDEV_REPLY));
	if (r == OK)
		f->dev_open = 1;
	return r;
}

void dev_close(struct filp *f)
{
	endpoint_t ep;
	message m;

	if (dev_driver(f->rdev, &ep) != OK)
		return;
	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_CLOSE;
	m.m_cdev_oc.minor = DEV_MINOR(f->rdev);
	m.m_cdev_oc.id = next_id++;
	dev_sync(ep, &m, CDEV_REPLY);
	f->dev_open = 0;
}

/* Read or write: sent now, answered when the driver replies. */
int dev_io(struct vfs_call *c, struct filp *f, int write, cp_grant_id_t g,
	u32_t count)
{
	struct fproc *fp = c->fp;
	endpoint_t ep;
	message m;
	int r;

	if ((r = dev_driver(f->rdev, &ep)) != OK)
		return r;
	if (count == 0)
		return 0;
	memset(&m, 0, sizeof(m));
	m.m_type = write ? CDEV_WRITE : CDEV_READ;
	m.m_cdev_rw.minor = DEV_MINOR(f->rdev);
	m.m_cdev_rw.id = next_id++;
	m.m_cdev_rw.count = count;
	m.m_cdev_rw.pos = f->pos;
	m.m_cdev_rw.flags = (f->flags & MICA_O_NONBLOCK) ? CDEV_NONBLOCK : 0;
	m.m_cdev_rw.user = fp->ep;
	m.m_cdev_rw.pgrp = fp->pgrp;
	m.m_cdev_rw.grant = cpf_grant_indirect(ep, c->who, g, 0, count,
		write ? CPF_READ : CPF_WRITE);
	if (m.m_cdev_rw.grant < 0)
		return -ENOMEM;
	fp->dev_id = m.m_cdev_rw.id;
	fp->dev_ep = ep;
	fp->dev_grant = m.m_cdev_rw.grant;
	fp->dev_filp = f;
	fp->blocked = c->m->m_type;
	fp->req = *c->m;
	if (ipc_send(ep, &m) != OK) {
		cpf_revoke(fp->dev_grant);
		fp->blocked = 0;
		return -EIO;
	}
	return VFS_SUSPEND;
}

int dev_ioctl(struct vfs_call *c, struct filp *f, u32_t request,
	cp_grant_id_t g)
{
	endpoint_t ep;
	message m;
	int r;

	if ((r = dev_driver(f->rdev, &ep)) != OK)
		return r;
	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_IOCTL;
	m.m_cdev_ioctl.minor = DEV_MINOR(f->rdev);
	m.m_cdev_ioctl.id = next_id++;
	m.m_cdev_ioctl.request = request;
	m.m_cdev_ioctl.user = c->fp->ep;
	m.m_cdev_ioctl.grant = g < 0 ? -1 :
		cpf_grant_indirect(ep, c->who, g, 0, 4096, CPF_READ | CPF_WRITE);
	r = dev_sync(ep, &m, CDEV_REPLY);
	if (m.m_cdev_ioctl.grant >= 0)
		cpf_revoke(m.m_cdev_ioctl.grant);
	return r;
}

/* A CDEV_REPLY (or SEL2) that arrived in the main loop. */
void dev_reply(message *m)
{
	if (m->m_type == CDEV_SEL2_REPLY) {
		poll_dev_ready(m->m_source, m->m_cdev_sel.minor,
			m->m_cdev_sel.status);
		return;
	}
	if (m->m_type != CDEV_REPLY)
		return;
	for (int i = 0; i < NR_PROCS; i++) {
		struct fproc *fp = &vfs_procs[i];
		if (fp->ep == NONE || !fp->blocked || fp->dev_ep != m->m_source ||
		    (u32_t)fp->dev_id != m->m_cdev_reply.id)
			continue;
		cpf_revoke(fp->dev_grant);
		fp->blocked = 0;
		fp->dev_id = 0;
		if (m->m_cdev_reply.status > 0)
			fp->dev_filp->pos += m->m_cdev_reply.status;
		suspended_reply(fp, m->m_cdev_reply.status);
		return;
	}
}

/* The process went away (or was interrupted) while its read was out. */
void dev_cancel(struct fproc *fp)
{
	message m;

	if (!fp->blocked || !fp->dev_id)
		return;
	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_CANCEL;
	m.m_cdev_cancel.id = fp->dev_id;
	m.m_cdev_cancel.minor = DEV_MINOR(fp->dev_filp->rdev);
	fp->dev_id = 0;
	ipc_send(fp->dev_ep, &m);
	cpf_revoke(fp->dev_grant);
}

/* A signal for a process suspended in a read or write: the driver answers
 * the request now (EINTR or the bytes so far), dev_reply passes it on. */
void dev_interrupt(struct fproc *fp)
{
	message m;

	if (!fp->blocked || !fp->dev_id)
		return;
	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_CANCEL;
	m.m_cdev_cancel.id = fp->dev_id;
	m.m_cdev_cancel.minor = DEV_MINOR(fp->dev_filp->rdev);
	ipc_send(fp->dev_ep, &m);
}

/* CDEV_SELECT: the ops of ops ready now (CDEV_OP_*), or an error. */
int dev_select(struct filp *f, int ops, int notify)
{
	endpoint_t ep;
	message m;
	int r;

	if ((r = dev_driver(f->rdev, &ep)) != OK)
		return r;
	memset(&m, 0, sizeof(m));
	m.m_type = CDEV_SELECT;
	m.m_cdev_select.minor = DEV_MINOR(f->rdev);
	m.m_cdev_select.ops = ops | (notify ? CDEV_NOTIFY : 0);
	return dev_sync(ep, &m, CDEV_SEL1_REPLY);
}
