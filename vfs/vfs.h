/*
 * vfs.h - the VFS server's shared types and the one header every vfs source
 * includes.  README.md has the design; in short:
 *
 *   fproc   one per process slot: fd table (filp pointers + close-on-exec
 *           bits), cwd and root vnodes, umask, credentials, and at most one
 *           suspended call (a read on a pipe or terminal, a poll).
 *   filp    an open file description: vnode, O_* status flags, position,
 *           shared by dup and fork.
 *   vnode   a node a file-system server gave us (fs endpoint + inode), with
 *           the attributes VFS needs for permissions and dispatch; one
 *           reference to the server per vnode, dropped by FS_PUTNODE.
 *   vmnt    a mount: the server, the device number it was given, its root
 *           vnode and the vnode it covers.
 *
 * Call handlers take the request (struct vfs_call: caller, message) and
 * return the reply's m_type: a result >= 0, a negative errno, or
 * VFS_SUSPEND when the reply comes later (fproc.c keeps the caller).
 */
#ifndef VFS_VFS_H
#define VFS_VFS_H

#include <mica/syslib.h>
#include <mica/callnr.h>
#include <mica/abi.h>
#include <mica/vfsif.h>
#include <mica/cdev.h>
#include <mica/sef.h>
#include <mica/pmvfs.h>
#include <mica/vmif.h>

#define VFS_OPEN_MAX	64		/* descriptors per process */
#define VFS_NR_FILPS	256
#define VFS_NR_VNODES	256
#define VFS_NR_VMNTS	16
#define VFS_PATH_MAX	1024		/* PATH_MAX, NUL included */
#define VFS_SYMLOOP_MAX	8		/* links followed in one walk */
#define VFS_SUSPEND	0x7ffffffe	/* handler: reply later */
#define VFS_NO_REPLY	0x7ffffffd	/* handler: never reply (exit) */

struct vmnt;

struct vnode {
	/* vnode.c's bookkeeping: the hash chain by ino (in use or cached) or
	 * the free list (free slots), and the LRU of cached vnodes */
	struct vnode *hnext;
	struct vnode *lru_prev, *lru_next;
	int on_lru;
	int refs;			/* VFS users; 0: unused (maybe cached) */
	u32_t fs_refs;			/* server references held; 0: free slot */
	int gone;			/* its name was removed: do not cache */
	struct vmnt *vmnt;		/* the server that owns the node */
	u64_t ino;
	u32_t mode;
	u32_t uid, gid;
	u32_t rdev;			/* encoded device number (fsdriver.h) */
	u64_t size;			/* as last seen; the server's is right */
	struct vmnt *mounted;		/* a file system mounted on this node */
	int opens_w;			/* open for writing (pipes: writers) */
	int opens_r;			/* open for reading (pipes: readers) */
	struct vnode *fifo;		/* a named FIFO's pipe on PFS, while open */
	int vm_held;			/* VM maps it: one reference is VM's (mmap.c) */
};

struct vmnt {
	endpoint_t fs;			/* NONE: free */
	u32_t dev;			/* st_dev of everything on it */
	int rdonly;
	int dead;			/* the server crashed: every call EIO */
	struct vnode *root;
	struct vnode *covered;		/* NULL for "/" */
	char label[RS_LABEL_LEN];
	char dev_label[RS_LABEL_LEN];	/* its block driver ("" none) */
	int dev_minor;
};

struct filp {
	int count;			/* fds (in all processes) using it; 0 free */
	struct vnode *vp;
	int flags;			/* O_* status and access mode */
	u64_t pos;
	int dev_open;			/* a device's CDEV_OPEN succeeded */
	int blk_open;			/* a block device's BDEV_OPEN succeeded */
	u32_t rdev;			/* the device it talks to (ctty.c) */
};

struct fproc {
	endpoint_t ep;			/* NONE: slot unused */
	struct filp *fd[VFS_OPEN_MAX];
	u64_t cloexec;			/* bit per fd */
	struct vnode *cwd, *root;
	u32_t umask;
	u32_t uid, gid;			/* effective ids */
	u32_t ruid, rgid;
	u32_t ngroups;			/* supplementary groups (PM) */
	u32_t groups[32];
	int pid, pgrp, sid;		/* from PM; 0 until PM says */
	u32_t tty;			/* controlling terminal, 0: none (ctty.c) */
	/* The suspended call, if any. */
	int blocked;			/* call number, 0 if none */
	message req;			/* its request, as received */
	int dev_id;			/* CDEV request id it waits for */
	endpoint_t dev_ep;
	cp_grant_id_t dev_grant;	/* indirect grant handed to the driver */
	struct filp *dev_filp;
	struct vnode *pipe_vp;		/* suspended on this pipe */
	u32_t pipe_done;		/* bytes of the suspended write done */
	/* PM's UNPAUSE asked for a restart (pmvfs.h): where the request
	 * goes if the call ends with nothing done */
	int restart;
	cp_grant_id_t restart_grant;
	int file_maps;			/* has mapped a file (mmap.c): prefault */
};

struct vfs_call {
	struct fproc *fp;
	endpoint_t who;
	message *m;			/* request in, reply payload out */
};

typedef int (*vfs_call_fn)(struct vfs_call *c);

/* main.c */
void vfs_reply(endpoint_t who, int result, message *m);
void vfs_handle_call(message *m);	/* a file call: run and answer it */

/* root.c: "/" at boot (waits for the root's driver to be announced) */
void root_start(const char *args);
int root_hold(const message *m);	/* before "/": VFS_NO_REPLY, OK, error */
void root_forget(endpoint_t ep);

/* fproc.c */
struct fproc *fproc_get(endpoint_t ep);	/* creates the record on first use */
struct fproc *fproc_find(endpoint_t ep);	/* NULL if none */
void fproc_root_mounted(struct vnode *root);	/* records made before it */
int fd_get(struct fproc *fp, int fd, struct filp **fil);
int fd_alloc(struct fproc *fp, int from, int *fd);
void fd_close(struct fproc *fp, int fd);
void fproc_exit(struct fproc *fp);
int fproc_fork(endpoint_t parent, endpoint_t child);
extern struct fproc vfs_procs[NR_PROCS];
struct filp *filp_alloc(struct vnode *vp, int flags);
void filp_put(struct filp *f);

/* vnode.c */
struct vnode *vnode_get(struct vmnt *vm, const mess_fs_vfs_node *n);
void vnode_ref(struct vnode *vp);
void vnode_put(struct vnode *vp);
struct vnode *vnode_find(struct vmnt *vm, u64_t ino);
void vnode_drop_mount(struct vmnt *vm);
void vnode_orphan(struct vmnt *vm);
int vnode_busy(struct vmnt *vm);
extern struct vnode vfs_vnodes[VFS_NR_VNODES];

/* vmnt.c */
struct vmnt *vmnt_root(void);
int vmnt_mount(endpoint_t fs, const char *label, const char *dev_label,
	int minor, int rdonly, struct vnode *covered, struct vmnt **out);
int vmnt_unmount(struct vmnt *vm);
int vmnt_unmount_all(void);
int vmnt_mount_hidden(endpoint_t fs, const char *label, struct vmnt **out);
struct vmnt *vmnt_of_fs(endpoint_t fs);
extern struct vmnt vfs_vmnts[VFS_NR_VMNTS];

/* req.c: one function per FS_* request; negative errno or OK/count. */
int req_lookup(struct vnode *dir, const char *name, mess_fs_vfs_node *res);
int req_putnode(struct vmnt *vm, u64_t ino, u32_t count);
int req_create(struct vnode *dir, const char *name, u32_t mode, u32_t uid,
	u32_t gid, mess_fs_vfs_node *res);
int req_mkdir(struct vnode *dir, const char *name, u32_t mode, u32_t uid,
	u32_t gid);
int req_mknod(struct vnode *dir, const char *name, u32_t mode, u32_t uid,
	u32_t gid, u32_t rdev);
int req_stat(struct vnode *vp, endpoint_t who, cp_grant_id_t g);
int req_io(int op, struct vnode *vp, u64_t pos, endpoint_t who,
	cp_grant_id_t g, u32_t bytes, u64_t *newpos);
int req_io_off(int op, struct vnode *vp, endpoint_t who, cp_grant_id_t g,
	u32_t off, u32_t bytes);
int req_newnode(struct vmnt *vm, u32_t mode, u32_t uid, u32_t gid,
	mess_fs_vfs_node *res);
int req_statvfs(struct vmnt *vm, endpoint_t who, cp_grant_id_t g);
int req_trunc(struct vnode *vp, u64_t size);
int req_attr(int op, struct vnode *vp, u32_t mode, u32_t uid, u32_t gid,
	u32_t *newmode);
int req_utime(struct vnode *vp, const mess_lc_vfs_utimens *u);
int req_name(int op, struct vnode *dir, const char *name, u64_t ino);
int req_rename(struct vnode *odir, const char *oname, struct vnode *ndir,
	const char *nname);
int req_slink(struct vnode *dir, const char *name, endpoint_t who,
	cp_grant_id_t target, u32_t len, u32_t uid, u32_t gid);
int req_rdlink_local(struct vnode *vp, char *buf, u32_t size);
int req_sync(struct vmnt *vm);
int req_fs_mount(endpoint_t fs, u32_t dev, u32_t flags, const char *dev_label,
	int minor, mess_fs_vfs_node *res);
int req_unmount(struct vmnt *vm);
int req_delegate(struct vnode *vp, endpoint_t ep, u32_t access);

/* path.c */
#define PATH_NOFOLLOW	0x01		/* do not follow a final symlink */
#define PATH_PARENT	0x02		/* stop at the last component's directory */
struct lookup {
	struct vnode *vp;		/* result (a reference) or NULL */
	struct vnode *dir;		/* PATH_PARENT: the directory (a reference) */
	char name[FS_NAME_MAX + 1];	/* PATH_PARENT: the last component */
};
int path_copyin(endpoint_t who, cp_grant_id_t g, u32_t len, char *buf);
int path_walk(struct fproc *fp, const char *path, int flags, struct lookup *l);
int path_walk_at(struct fproc *fp, struct vnode *start, const char *path,
	int flags, struct lookup *l);
int path_user(struct vfs_call *c, cp_grant_id_t g, u32_t len, int flags,
	struct lookup *l);
void lookup_put(struct lookup *l);
int path_step(struct fproc *fp, struct vnode **dir, const char *name,
	struct vnode **out);

/* perm.c */
int perm_check(struct fproc *fp, struct vnode *vp, int access);	/* R_OK|W_OK|X_OK */
int perm_rdonly(struct vnode *vp);
int perm_owner(struct fproc *fp, struct vnode *vp);
int perm_sticky(struct fproc *fp, struct vnode *dir, struct vnode *vp);

/* dev.c: character devices */
int dev_open(struct fproc *fp, struct filp *f);
void dev_close(struct filp *f);
int dev_io(struct vfs_call *c, struct filp *f, int write, cp_grant_id_t g,
	u32_t count);
int dev_ioctl(struct vfs_call *c, struct filp *f, u32_t request,
	cp_grant_id_t g);
void dev_reply(message *m);
int dev_select(struct filp *f, int ops, int notify);

/* ctty.c */
int ctty_target(const struct fproc *fp, u32_t rdev, u32_t *target);
u32_t ctty_access(const struct fproc *fp, int flags);
int ctty_opened(struct fproc *fp, const struct filp *f, int r);
void ctty_setsid(struct fproc *fp);
void ctty_exit(const struct fproc *fp);
void dev_cancel(struct fproc *fp);
/* pm.c: answer a suspended call (a restartable EINTR goes to PM first) */
void suspended_reply(struct fproc *fp, int result);
void dev_interrupt(struct fproc *fp);
void dev_setup(const char *args);

/* pm.c: requests from PM (mica/pmvfs.h) */
void pm_request(message *m);

/* exec.c */
int exec_load(const mess_pm_vfs_exec *q, mess_vfs_pm_exec *rep);

/* blk.c: block special files */
const char *blk_driver(u32_t rdev);
int blk_io(struct vfs_call *c, struct filp *f, int write, u64_t pos,
	int move, cp_grant_id_t g, u32_t count);
void blk_close(struct filp *f);
int blk_fsync(struct filp *f);
int blk_open(struct filp *f);
int blk_size(struct filp *f, u64_t *size);
int blk_endpoint(u32_t rdev, endpoint_t *ep);

/* mmap.c: file mappings, VM's notices */
int do_mmap(struct vfs_call *c);
int do_msync(struct vfs_call *c);
void vm_notice(message *m);
void mmap_sync(struct vnode *vp);
void mmap_sync_mount(struct vmnt *vm);
void mmap_refresh(struct vnode *vp, u64_t pos, u32_t n);
void mmap_trunc(struct vnode *vp, u64_t size);
void mmap_prefault(endpoint_t who, vir_bytes buf, u32_t len, int write);
void mmap_release(struct vmnt *vm);

/* pipe.c */
int pipe_io(struct vfs_call *c, struct filp *f, int write, cp_grant_id_t g,
	u32_t count);
int pipe_poll(struct filp *f, int events);
void pipe_changed(void);
void pipe_revive(void);
void pipe_interrupt(struct fproc *fp);
int fifo_open(struct vfs_call *c, struct vnode *vp, int flags, int fd);
void fifo_release(struct vnode *pipe);
void pipe_setup(const char *args);

/* poll.c */
int do_poll(struct vfs_call *c);
void poll_dev_ready(endpoint_t drv, int minor, int ops);
void poll_wakeup_all(void);
void poll_timeout(int slot);
void poll_cancel(struct fproc *fp);

/* handlers, one per call (callnr.h) */
int do_open(struct vfs_call *c);
int do_close(struct vfs_call *c);
int do_read(struct vfs_call *c);
int do_write(struct vfs_call *c);
int do_pread(struct vfs_call *c);
int do_pwrite(struct vfs_call *c);
int do_lseek(struct vfs_call *c);
int do_getdents(struct vfs_call *c);
int do_ioctl(struct vfs_call *c);
int do_stat(struct vfs_call *c);
int do_fstat(struct vfs_call *c);
int do_dup(struct vfs_call *c);
int do_dup2(struct vfs_call *c);
int do_fcntl(struct vfs_call *c);
int do_pipe(struct vfs_call *c);
int do_chdir(struct vfs_call *c);
int do_fchdir(struct vfs_call *c);
int do_chroot(struct vfs_call *c);
int do_getcwd(struct vfs_call *c);
int dir_path(struct fproc *fp, struct vnode *vp, char *buf, int size,
	int *start);
int do_getmntinfo(struct vfs_call *c);
int do_bdattach(struct vfs_call *c);
int do_mkdir(struct vfs_call *c);
int do_mknod(struct vfs_call *c);
int do_unlink(struct vfs_call *c);
int do_rmdir(struct vfs_call *c);
int do_rename(struct vfs_call *c);
int do_link(struct vfs_call *c);
int do_symlink(struct vfs_call *c);
int do_readlink(struct vfs_call *c);
int do_chmod(struct vfs_call *c);
int do_fchmod(struct vfs_call *c);
int do_chown(struct vfs_call *c);
int do_fchown(struct vfs_call *c);
int do_access(struct vfs_call *c);
int do_umask(struct vfs_call *c);
int do_truncate(struct vfs_call *c);
int do_ftruncate(struct vfs_call *c);
int do_utimens(struct vfs_call *c);
int do_fsync(struct vfs_call *c);
int do_sync(struct vfs_call *c);
int do_statvfs(struct vfs_call *c);
int do_fstatvfs(struct vfs_call *c);
int do_mount(struct vfs_call *c);
int do_umount(struct vfs_call *c);

/* helpers shared by handlers */
int vfs_getattr(struct vnode *vp);	/* refresh mode/size/uid/gid from the FS */
#define S_ISTYPE(m, t)	(((m) & MICA_S_IFMT) == (t))
#define DEV_MAJOR(x)	(((x) & 0xfff00u) >> 8)	/* encoded rdev: encode.c */
#define DEV_MINOR(x)	(((x) & 0xffu) | (((x) >> 12) & 0xfff00u))
#define DEV_MAKE(ma, mi) ((((ma) & 0xfffu) << 8) | ((mi) & 0xffu) | \
	(((mi) & 0xfff00u) << 12))

#endif /* VFS_VFS_H */
