/*
 * os_priv.h - inside libfsdriver's OS front end (os_*.c): the request
 * being served and the mount record.
 *
 * Each handler decodes and validates every field of its request first
 * (os_ino, os_name, os_off, ... refuse what does not fit), then calls one
 * fsdriver entry, then fills the reply payload.  It returns the reply's
 * m_type: OK, a count, or a negative errno.
 */
#ifndef LIBFSDRIVER_OS_PRIV_H
#define LIBFSDRIVER_OS_PRIV_H

#include <mica/fsdriver_os.h>
#include <mica/fstype.h>
#include <mica/vfsif.h>

struct os_req {				/* one request being served */
	const struct fsdriver *fdp;
	endpoint_t who;			/* m_source: grant owner, reply target */
	message *m;			/* request in, reply payload out */
};

/* The one mount a server serves (os_mount.c owns it).  Survives a
 * restart through DS (os_state_*), a live update in memory. */
struct os_mount {
	int mounted;
	endpoint_t owner;		/* who mounted: the only client served */
	u32_t dev;			/* as VFS named it (fits dev_t) */
	u32_t flags;			/* FS_MOUNT_* asked for */
	int rdonly;			/* asked, or the fs chose it */
	int has_dev;			/* a block device is attached */
	int minor;
	char label[RS_LABEL_LEN];	/* of the block driver, or "" */
};
extern struct os_mount fsdriver_os_mnt;

/* The type whose probe a fresh mount asks (fsdriver_task_fstype), or NULL
 * (fsdriver_task: any device is tried by fdr_mount alone). */
extern const struct fsdriver_fstype *fsdriver_os_fstype;

/* os_delegate.c: FS_DELEGATE (vfsif.h). */
int os_delegate(const message *m);
int os_delegated(const message *m);
void os_delegates_clear(void);

/* os_decode.c: field checks; OK or a negative errno. */
int os_ino(u64_t x, ino_t *ino);
int os_off(u64_t pos, u64_t bytes, off_t *off);
int os_dev(u64_t x, dev_t *dev);
int os_name(const struct os_req *rq, const struct fs_name *n, char *buf,
    int dots_ok);
int os_data(const struct os_req *rq, cp_grant_id_t grant, u32_t bytes,
    struct fsdriver_data *data);
void os_node_reply(message *m, const struct fsdriver_node *node);

/* os_mount.c */
int os_do_mount(const struct os_req *rq);
int os_do_unmount(const struct os_req *rq);
int os_state_restore(const struct fsdriver *fdp);

/* os_call.c: serve one request (validated sender and mount). */
int os_call(const struct os_req *rq);

#endif /* LIBFSDRIVER_OS_PRIV_H */
