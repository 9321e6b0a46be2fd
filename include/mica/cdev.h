/*
 * cdev.h - the character-device protocol: VFS (or a test client) <-> a
 * character driver (TTY, memory, PTYs), in the spirit of MINIX's chardriver
 * protocol.  Messages are typed structs in mica/ipc.h; data moves only by
 * grants made by the caller.
 *
 * Requests carry a caller-chosen id, echoed in the reply (CDEV_REPLY,
 * m_cdev_reply): status is bytes moved (READ/WRITE), OK, or a negative
 * error.  The driver answers with sendnb and falls back to asynsend when
 * the caller is not waiting, so it never blocks on a client.
 *
 *   CDEV_OPEN    minor, access (CDEV_R|CDEV_W|CDEV_NOCTTY|CDEV_CTTY), user:
 *                the process opening.  Replies OK or an error (ENXIO: no
 *                such minor).  CDEV_CTTY says the opener is a session
 *                leader with no controlling terminal (VFS knows; never
 *                with CDEV_NOCTTY), and sid is its session: a terminal
 *                then becomes that session's controlling terminal, its
 *                foreground group the session's, and replies CDEV_CTTY
 *                instead of OK, so VFS records it for the session
 *                (/dev/tty, vfs/ctty.c).  Other devices ignore the bit.
 *   CDEV_CLOSE   minor.  OK.
 *   CDEV_READ    minor, grant (CPF_WRITE, count bytes), pos, flags.  A read
 *   CDEV_WRITE   that cannot be satisfied now is suspended: no reply until
 *                data arrives, or until CDEV_CANCEL.  CDEV_NONBLOCK turns
 *                the suspension into -EAGAIN.  WRITE's grant is CPF_READ.
 *                pgrp is the caller's process group (VFS has it from PM):
 *                a terminal answers a read from a group that is not its
 *                foreground group, and such a write when TOSTOP is set,
 *                by raising SIGTTIN / SIGTTOU for that group (CDEV_SIGNAL)
 *                and replying -EINTR.  pgrp 0 skips that check.
 *   CDEV_IOCTL   minor, request (mica/termios.h), grant for the argument,
 *                user (whose process group asks).
 *   CDEV_CANCEL  minor, id of a suspended request of the same caller: the
 *                suspended request is answered now (-EINTR, or the bytes a
 *                read already took), and no other reply comes for cancel.
 *                Cancelling an id the driver does not hold gets no reply.
 *   CDEV_SELECT  minor, ops (CDEV_OP_*).  Answered at once by
 *                CDEV_SEL1_REPLY (m_cdev_sel: ops ready now, or an error).
 *                With CDEV_NOTIFY, ops not ready are remembered, and when
 *                one becomes ready the driver sends CDEV_SEL2_REPLY once
 *                (ops now ready).  A later SELECT from the same caller for
 *                the same minor replaces the remembered set.
 *
 * Unknown requests get CDEV_REPLY with -ENOSYS; malformed ones -EINVAL.
 *
 * Terminals also raise signals: CDEV_SIGNAL (m_cdev_sig, by asynsend, no
 * reply) asks the signal manager (PM) to signal a process group.
 */
#ifndef MICA_CDEV_H
#define MICA_CDEV_H

#define CDEV_RQ_BASE    0x1300
#define CDEV_OPEN       (CDEV_RQ_BASE + 0)
#define CDEV_CLOSE      (CDEV_RQ_BASE + 1)
#define CDEV_READ       (CDEV_RQ_BASE + 2)
#define CDEV_WRITE      (CDEV_RQ_BASE + 3)
#define CDEV_IOCTL      (CDEV_RQ_BASE + 4)
#define CDEV_CANCEL     (CDEV_RQ_BASE + 5)
#define CDEV_SELECT     (CDEV_RQ_BASE + 6)
#define CDEV_NR_RQ      7

#define CDEV_RS_BASE    0x1380
#define CDEV_REPLY      (CDEV_RS_BASE + 0)	/* m_cdev_reply */
#define CDEV_SEL1_REPLY (CDEV_RS_BASE + 1)	/* m_cdev_sel, immediate */
#define CDEV_SEL2_REPLY (CDEV_RS_BASE + 2)	/* m_cdev_sel, later */
#define CDEV_SIGNAL     (CDEV_RS_BASE + 3)	/* m_cdev_sig, to PM */

/* OPEN access bits */
#define CDEV_R          0x01
#define CDEV_W          0x02
#define CDEV_NOCTTY     0x04
#define CDEV_CTTY       0x08		/* also OPEN's reply status, > OK */

/* READ/WRITE/IOCTL flags */
#define CDEV_NONBLOCK   0x01

/* SELECT ops */
#define CDEV_OP_RD      0x01
#define CDEV_OP_WR      0x02
#define CDEV_OP_ERR     0x04
#define CDEV_OP_ALL     0x07
#define CDEV_NOTIFY     0x08

#endif /* MICA_CDEV_H */
