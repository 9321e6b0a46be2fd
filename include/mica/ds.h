/*
 * ds.h - the data store protocol (servers/ds): named entries of a few
 * types, owned by the label of the service that published them, with
 * subscriptions.  Every request and reply is m_ds (mess_lsys_ds_req in
 * mica/ipc.h); the reply's m_type is OK or a negative error.  Client
 * wrappers: lib/libsys/ds.c (ds_*).
 *
 *   PUBLISH   key, flags = type [| DSF_OVERWRITE], val: store it.  LABEL
 *             entries (key = label, val.endpt) may be published by RS for
 *             anyone, or by a process for itself while the label is free.
 *             Other types need the caller to have a label; its owner is
 *             that label.  EEXIST without DSF_OVERWRITE, EPERM if owned
 *             by another label.
 *   RETRIEVE  key, flags = type: val (MEM: val.mem.gid is a write grant
 *             of val.mem.len bytes; the reply's len is the bytes stored).
 *             MEM entries only for their owner.  ENOENT, EINVAL on type.
 *   DELETE    key, flags = type: owner only.
 *   SUBSCRIBE key = a pattern ("name" exactly, or "prefix*"), flags may
 *             have DSF_INITIAL (report existing matches now).  The
 *             subscriber gets a notification from DS after each change;
 *   CHECK     then fetches changes one by one: key, flags = type
 *             [| DSF_DELETED] [| DSF_OVERRUN], owner = the endpoint of the
 *             owner label.  ENOENT when none is left.
 *   UNSUBSCRIBE key = the same pattern.
 */
#ifndef MICA_DS_H
#define MICA_DS_H

#define DS_RQ_BASE     0x1200
#define DS_PUBLISH     (DS_RQ_BASE + 0)
#define DS_RETRIEVE    (DS_RQ_BASE + 1)
#define DS_DELETE      (DS_RQ_BASE + 2)
#define DS_SUBSCRIBE   (DS_RQ_BASE + 3)
#define DS_UNSUBSCRIBE (DS_RQ_BASE + 4)
#define DS_CHECK       (DS_RQ_BASE + 5)
#define DS_NR_RQ       6

#define DSF_TYPE_U32   1	/* val.u32 */
#define DSF_TYPE_STR   2	/* val.str, NUL-terminated, < DS_STR_LEN */
#define DSF_TYPE_LABEL 3	/* key = label, val.endpt */
#define DSF_TYPE_MEM   4	/* bytes copied in/out through val.mem.gid */
#define DSF_TYPE_MASK  0x0f
#define DSF_OVERWRITE  0x10	/* PUBLISH: replace an existing entry */
#define DSF_INITIAL    0x20	/* SUBSCRIBE: report existing matches */
#define DSF_DELETED    0x40	/* CHECK reply: the entry was deleted */
#define DSF_OVERRUN    0x80	/* CHECK reply: changes were lost, rescan */

#define DS_MEM_MAX     (64 * 1024)	/* largest MEM entry */

#include <mica/type.h>

/*
 * Client side (lib/libsys/ds.c): one sendrec to DS_PROC_NR each; OK or a
 * negative error.  Keys longer than DS_KEY_LEN - 1 are refused (EINVAL)
 * before anything is sent.  ds_publish_mem/ds_retrieve_mem make a
 * one-shot grant for DS over the caller's buffer.
 */
int ds_publish_label(const char *label, endpoint_t ep, u32_t flags);
int ds_publish_u32(const char *key, u32_t val, u32_t flags);
int ds_publish_str(const char *key, const char *str, u32_t flags);
int ds_publish_mem(const char *key, const void *buf, u32_t len, u32_t flags);
int ds_retrieve_label_endpt(const char *label, endpoint_t *ep);
int ds_retrieve_u32(const char *key, u32_t *val);
int ds_retrieve_str(const char *key, char *str, u32_t size);
int ds_retrieve_mem(const char *key, void *buf, u32_t *len);	/* in: size, out: stored */
int ds_delete(const char *key, u32_t type);
int ds_subscribe(const char *pattern, u32_t flags);
int ds_unsubscribe(const char *pattern);
/* key: DS_KEY_LEN bytes; *flags: type | DSF_DELETED | DSF_OVERRUN. */
int ds_check(char *key, u32_t *flags, endpoint_t *owner);

/*
 * The same requests without waiting (RS, which never blocks on a
 * service): queued by senda; OK once queued.  DS's answer comes back as
 * an ordinary message from DS_PROC_NR (m_type: the result, m_ds.key
 * echoed) if the caller is receiving when DS sends it (DS replies with
 * sendnb), else it is lost.
 */
int ds_publish_label_async(const char *label, endpoint_t ep, u32_t flags);
int ds_delete_async(const char *key, u32_t type);

#endif /* MICA_DS_H */
