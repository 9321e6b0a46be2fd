/*
 * callnr.h - the system calls of Mica's C library: the m_type of each
 * request a user process sends (ipc_sendrec) to PM, VFS or VM, at the
 * endpoints PM_PROC_NR, VFS_PROC_NR, VM_PROC_NR (mica/com.h).
 *
 * Reply convention (all three servers): m_type is the result, >= 0 on
 * success (a count, a file descriptor, a pid, or 0) or a negative errno
 * (mica/errno.h, newlib's numbers); a call that returns more than one
 * value also fills the reply struct named beside it.  Request and reply
 * layouts live in mica/ipc_lc.h, one struct per shape; data that does not
 * fit in a message (paths, buffers, struct stat, groups) travels by a
 * grant the caller makes for exactly that call and revokes after it.
 * A server must check every field: lengths against the grant, fds
 * against the table, signal numbers against _NSIG.
 */
#ifndef MICA_CALLNR_H
#define MICA_CALLNR_H

/* PM: processes, signals, identities, time.  Request struct in (). */
#define PM_RQ_BASE      0x2000
#define PM_EXIT         (PM_RQ_BASE + 0)	/* m_lc_pm_exit; no reply */
#define PM_FORK         (PM_RQ_BASE + 1)	/* -; child pid / 0 in the child */
#define PM_WAITPID      (PM_RQ_BASE + 2)	/* m_lc_pm_waitpid; reply m_pm_lc_waitpid */
#define PM_GETIDS       (PM_RQ_BASE + 3)	/* -; reply m_pm_lc_ids */
#define PM_SETSID       (PM_RQ_BASE + 4)	/* -; new session (= pgrp) id */
#define PM_SETPGID      (PM_RQ_BASE + 5)	/* m_lc_pm_pgid */
#define PM_GETPGID      (PM_RQ_BASE + 6)	/* m_lc_pm_pgid (pid); the group */
#define PM_KILL         (PM_RQ_BASE + 7)	/* m_lc_pm_kill */
#define PM_SIGACTION    (PM_RQ_BASE + 8)	/* m_lc_pm_sigaction; reply the same struct */
#define PM_SIGPROCMASK  (PM_RQ_BASE + 9)	/* m_lc_pm_sigmask; reply m_lc_pm_sigmask.mask = old */
#define PM_SIGPENDING   (PM_RQ_BASE + 10)	/* -; reply m_lc_pm_sigmask.mask */
#define PM_SIGSUSPEND   (PM_RQ_BASE + 11)	/* m_lc_pm_sigmask.mask; -EINTR */
#define PM_SIGRETURN    (PM_RQ_BASE + 12)	/* m_lc_pm_sigreturn; no reply on success */
#define PM_SETUID       (PM_RQ_BASE + 13)	/* m_lc_pm_setid */
#define PM_SETEUID      (PM_RQ_BASE + 14)	/* m_lc_pm_setid */
#define PM_SETGID       (PM_RQ_BASE + 15)	/* m_lc_pm_setid */
#define PM_SETEGID      (PM_RQ_BASE + 16)	/* m_lc_pm_setid */
#define PM_GETGROUPS    (PM_RQ_BASE + 17)	/* m_lc_pm_groups; count */
#define PM_SETGROUPS    (PM_RQ_BASE + 18)	/* m_lc_pm_groups */
#define PM_CLOCK_GET    (PM_RQ_BASE + 19)	/* m_lc_pm_time (clock); reply sec, nsec */
#define PM_CLOCK_SET    (PM_RQ_BASE + 20)	/* m_lc_pm_time */
#define PM_NANOSLEEP    (PM_RQ_BASE + 21)	/* m_lc_pm_time; reply: time left */
#define PM_ITIMER       (PM_RQ_BASE + 22)	/* m_lc_pm_itimer; reply: old value */
#define PM_TIMES        (PM_RQ_BASE + 23)	/* -; reply m_pm_lc_times */
#define PM_EXEC         (PM_RQ_BASE + 24)	/* m_lc_pm_exec; no reply on success */
#define PM_REBOOT       (PM_RQ_BASE + 25)	/* m_lc_pm_reboot */
#define PM_SIGALTSTACK  (PM_RQ_BASE + 26)	/* m_lc_pm_sigaltstack; reply old */
#define PM_GETPROCS     (PM_RQ_BASE + 27)	/* m_lc_pm_getprocs; reply: how many
						   processes (mica/procinfo.h) */
#define PM_GETCMDLINE   (PM_RQ_BASE + 28)	/* m_lc_pm_cmdline; reply: bytes of
						   the pid's argv (mica/procinfo.h) */
#define PM_NR_CALLS     29

/* VFS: files.  "path" requests carry the path by grant, length without NUL. */
#define VFS_RQ_BASE     0x2100
#define VFS_OPEN        (VFS_RQ_BASE + 0)	/* m_lc_vfs_path: flags, mode; fd */
#define VFS_CLOSE       (VFS_RQ_BASE + 1)	/* m_lc_vfs_fd */
#define VFS_READ        (VFS_RQ_BASE + 2)	/* m_lc_vfs_io; bytes */
#define VFS_WRITE       (VFS_RQ_BASE + 3)	/* m_lc_vfs_io; bytes */
#define VFS_LSEEK       (VFS_RQ_BASE + 4)	/* m_lc_vfs_lseek; reply pos */
#define VFS_STAT        (VFS_RQ_BASE + 5)	/* m_lc_vfs_path: buf = struct mica_stat */
#define VFS_LSTAT       (VFS_RQ_BASE + 6)	/* m_lc_vfs_path: buf = struct mica_stat */
#define VFS_FSTAT       (VFS_RQ_BASE + 7)	/* m_lc_vfs_io: grant = struct mica_stat */
#define VFS_DUP         (VFS_RQ_BASE + 8)	/* m_lc_vfs_fd: fd; new fd */
#define VFS_DUP2        (VFS_RQ_BASE + 9)	/* m_lc_vfs_fd: fd, fd2; fd2 */
#define VFS_FCNTL       (VFS_RQ_BASE + 10)	/* m_lc_vfs_fd: fd, cmd, arg */
#define VFS_PIPE        (VFS_RQ_BASE + 11)	/* m_lc_vfs_fd: arg = O_CLOEXEC|O_NONBLOCK; reply m_vfs_lc_pipe */
#define VFS_CHDIR       (VFS_RQ_BASE + 12)	/* m_lc_vfs_path */
#define VFS_FCHDIR      (VFS_RQ_BASE + 13)	/* m_lc_vfs_fd */
#define VFS_GETCWD      (VFS_RQ_BASE + 14)	/* m_lc_vfs_io: grant, count; length */
#define VFS_MKDIR       (VFS_RQ_BASE + 15)	/* m_lc_vfs_path: mode */
#define VFS_RMDIR       (VFS_RQ_BASE + 16)	/* m_lc_vfs_path */
#define VFS_UNLINK      (VFS_RQ_BASE + 17)	/* m_lc_vfs_path */
#define VFS_RENAME      (VFS_RQ_BASE + 18)	/* m_lc_vfs_path2 */
#define VFS_LINK        (VFS_RQ_BASE + 19)	/* m_lc_vfs_path2 */
#define VFS_SYMLINK     (VFS_RQ_BASE + 20)	/* m_lc_vfs_path2: target, new name */
#define VFS_READLINK    (VFS_RQ_BASE + 21)	/* m_lc_vfs_path: buf, size; bytes */
#define VFS_CHMOD       (VFS_RQ_BASE + 22)	/* m_lc_vfs_path: mode */
#define VFS_FCHMOD      (VFS_RQ_BASE + 23)	/* m_lc_vfs_fd: arg = mode */
#define VFS_CHOWN       (VFS_RQ_BASE + 24)	/* m_lc_vfs_path: uid, gid; flags AT_SYMLINK_NOFOLLOW */
#define VFS_ACCESS      (VFS_RQ_BASE + 25)	/* m_lc_vfs_path: mode = R_OK|W_OK|X_OK */
#define VFS_UMASK       (VFS_RQ_BASE + 26)	/* m_lc_vfs_fd: arg = mask; old mask */
#define VFS_TRUNCATE    (VFS_RQ_BASE + 27)	/* m_lc_vfs_path: length */
#define VFS_FTRUNCATE   (VFS_RQ_BASE + 28)	/* m_lc_vfs_fd: fd, length */
#define VFS_GETDENTS    (VFS_RQ_BASE + 29)	/* m_lc_vfs_io: struct mica_dirent records; bytes */
#define VFS_IOCTL       (VFS_RQ_BASE + 30)	/* m_lc_vfs_io: request, grant (mica/termios.h) */
#define VFS_FSYNC       (VFS_RQ_BASE + 31)	/* m_lc_vfs_fd */
#define VFS_SYNC        (VFS_RQ_BASE + 32)	/* - */
#define VFS_MKNOD       (VFS_RQ_BASE + 33)	/* m_lc_vfs_path: mode, length = device */
#define VFS_PREAD       (VFS_RQ_BASE + 34)	/* m_lc_vfs_io + pos; bytes, fd position unchanged */
#define VFS_PWRITE      (VFS_RQ_BASE + 35)	/* m_lc_vfs_io + pos; bytes */
#define VFS_POLL        (VFS_RQ_BASE + 36)	/* m_lc_vfs_poll; descriptors ready (select is built on it) */
#define VFS_MOUNT       (VFS_RQ_BASE + 37)	/* m_lc_vfs_mount */
#define VFS_UMOUNT      (VFS_RQ_BASE + 38)	/* m_lc_vfs_path: the mount point */
#define VFS_STATVFS     (VFS_RQ_BASE + 39)	/* m_lc_vfs_path: buf = struct mica_statvfs (vfsif.h) */
#define VFS_FSTATVFS    (VFS_RQ_BASE + 40)	/* m_lc_vfs_io: grant = struct mica_statvfs */
#define VFS_UTIMENS     (VFS_RQ_BASE + 41)	/* m_lc_vfs_utimens (path_len 0: the fd) */
#define VFS_CHROOT      (VFS_RQ_BASE + 42)	/* m_lc_vfs_path */
#define VFS_FCHOWN      (VFS_RQ_BASE + 43)	/* m_lc_vfs_fd: fd, uid, gid */
#define VFS_GETMNTINFO  (VFS_RQ_BASE + 44)	/* m_lc_vfs_io: grant, count = buffer bytes; fills struct mica_mntinfo records (mica/mntinfo.h), replies the number of mounts */
#define VFS_BDATTACH    (VFS_RQ_BASE + 45)	/* m_lc_vfs_path: the block device; flags = fd of the file (-1: detach), mode = MICA_MS_RDONLY (vfs/attach.c) */
#define VFS_MMAP        (VFS_RQ_BASE + 46)	/* m_lc_vm_mmap with fd, offset: a file or block device mapping (vfs/mmap.c); reply addr */
#define VFS_MSYNC       (VFS_RQ_BASE + 47)	/* m_lc_vm_mmap: addr, len, flags = MS_*: write back the dirty pages of shared file mappings there */
#define VFS_NR_CALLS    48

/* VM: the address space. */
#define VM_RQ_BASE      0x2200
#define VM_BRK          (VM_RQ_BASE + 0)	/* m_lc_vm_brk; reply: the new break */
#define VM_MMAP         (VM_RQ_BASE + 1)	/* m_lc_vm_mmap; reply m_lc_vm_mmap.addr */
#define VM_MUNMAP       (VM_RQ_BASE + 2)	/* m_lc_vm_mmap: addr, len */
#define VM_MPROTECT     (VM_RQ_BASE + 3)	/* m_lc_vm_mmap: addr, len, prot */
#define VM_NR_CALLS     4

#endif /* MICA_CALLNR_H */
