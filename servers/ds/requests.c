/*
 * requests.c - one handler per DS request (the rules are in mica/ds.h).
 * Each validates the whole message first (key, type, value, permission),
 * then acts; a MEM value is copied into fresh pages before the old ones
 * are given up, so a failed copy leaves the entry as it was.  Handlers
 * return OK or a negative error and fill the reply fields of m->m_ds.
 */
#include "ds.h"

static u32_t req_type(const message *m)
{
	return m->m_ds.flags & DSF_TYPE_MASK;
}

static int type_ok(u32_t type)
{
	return type >= DSF_TYPE_U32 && type <= DSF_TYPE_MEM;
}

/* May the caller publish LABEL entry m (e: the existing one, or NULL)? */
static int label_publish_ok(const message *m, const struct ds_entry *e)
{
	endpoint_t caller = m->m_source;

	if (caller == RS_PROC_NR)
		return OK;
	if (m->m_ds.val.endpt != caller)
		return -EPERM;		/* only for itself */
	if (e && e->val.endpt != caller)
		return -EPERM;		/* someone else's label */
	if (!e && ds_label_of(caller))
		return -EPERM;		/* one label per process */
	return OK;
}

static int value_check(const message *m, u32_t type)
{
	u32_t i;

	if (type == DSF_TYPE_STR) {
		for (i = 0; i < DS_STR_LEN && m->m_ds.val.str[i]; i++)
			;
		return i < DS_STR_LEN ? OK : -EINVAL;
	}
	if (type == DSF_TYPE_MEM)
		return m->m_ds.val.mem.len > 0 &&
			m->m_ds.val.mem.len <= DS_MEM_MAX ? OK : -EINVAL;
	return OK;
}

/* Fetch a MEM value from the caller's grant into new pages. */
static int mem_fetch(const message *m, void **buf)
{
	u32_t len = m->m_ds.val.mem.len;
	int r;

	if (!(*buf = sys_pages_alloc(len)))
		return -ENOMEM;
	r = sys_safecopyfrom(m->m_source, m->m_ds.val.mem.gid, 0, *buf, len);
	if (r != OK) {
		sys_pages_free(*buf, len);
		*buf = NULL;
	}
	return r;
}

static void entry_set(struct ds_entry *e, const message *m, u32_t type,
	const char *owner, void *mem)
{
	if (e->mem)
		sys_pages_free(e->mem, e->mem_len);
	e->type = type;
	e->mem = mem;
	e->mem_len = mem ? m->m_ds.val.mem.len : 0;
	if (type == DSF_TYPE_STR)
		ds_copy_str(e->val.str, m->m_ds.val.str, DS_STR_LEN);
	else if (type != DSF_TYPE_MEM)
		e->val.u32 = m->m_ds.val.u32;
	ds_copy_str(e->owner, owner, RS_LABEL_LEN);
}

int do_publish(message *m)
{
	u32_t type = req_type(m);
	struct ds_entry *e;
	const char *owner;
	void *mem = NULL;
	int r;

	if (!ds_key_ok(m->m_ds.key, 0) || !type_ok(type) ||
	    value_check(m, type) != OK)
		return -EINVAL;
	e = ds_find(m->m_ds.key);
	if (type == DSF_TYPE_LABEL) {
		if ((r = label_publish_ok(m, e)) != OK)
			return r;
		owner = m->m_ds.key;
	} else if (!(owner = ds_label_of(m->m_source)) ||
	    (e && strcmp(e->owner, owner))) {
		return -EPERM;
	}
	if (e && !(m->m_ds.flags & DSF_OVERWRITE))
		return -EEXIST;
	if (e && e->type != type)
		return -EINVAL;
	if (!e && !(e = ds_alloc(m->m_ds.key)))
		return -ENOMEM;
	if (type == DSF_TYPE_MEM && (r = mem_fetch(m, &mem)) != OK) {
		if (!e->type)
			ds_free(e);	/* just allocated */
		return r;
	}
	entry_set(e, m, type, owner, mem);
	ds_sub_changed(e, 0);
	return OK;
}

/* The entry named by a RETRIEVE/DELETE request, checked for type. */
static int lookup(const message *m, struct ds_entry **ep)
{
	if (!ds_key_ok(m->m_ds.key, 0) || !type_ok(req_type(m)))
		return -EINVAL;
	if (!(*ep = ds_find(m->m_ds.key)))
		return -ENOENT;
	return (*ep)->type == req_type(m) ? OK : -EINVAL;
}

static int is_owner(const message *m, const struct ds_entry *e)
{
	const char *me = ds_label_of(m->m_source);

	return me && !strcmp(me, e->owner);
}

int do_retrieve(message *m)
{
	struct ds_entry *e;
	u32_t n;
	int r;

	if ((r = lookup(m, &e)) != OK)
		return r;
	m->m_ds.owner = ds_endpoint_of(e->owner);
	if (e->type != DSF_TYPE_MEM) {
		memcpy(&m->m_ds.val, &e->val, sizeof(e->val));
		return OK;
	}
	if (!is_owner(m, e))
		return -EPERM;
	n = m->m_ds.val.mem.len < e->mem_len ? m->m_ds.val.mem.len : e->mem_len;
	if (n && (r = sys_safecopyto(m->m_source, m->m_ds.val.mem.gid, 0,
	    e->mem, n)) != OK)
		return r;
	m->m_ds.val.mem.len = e->mem_len;
	return OK;
}

int do_delete(message *m)
{
	struct ds_entry *e;
	int r;

	if ((r = lookup(m, &e)) != OK)
		return r;
	if (m->m_source != RS_PROC_NR && !is_owner(m, e))
		return -EPERM;
	ds_sub_changed(e, 1);
	ds_free(e);
	return OK;
}

int do_subscribe(message *m)
{
	const char *me = ds_label_of(m->m_source);

	if (!ds_key_ok(m->m_ds.key, 1))
		return -EINVAL;
	if (!me)
		return -EPERM;
	return ds_sub_add(me, m->m_ds.key, m->m_ds.flags & DSF_INITIAL);
}

int do_unsubscribe(message *m)
{
	const char *me = ds_label_of(m->m_source);

	if (!ds_key_ok(m->m_ds.key, 1))
		return -EINVAL;
	if (!me)
		return -EPERM;
	return ds_sub_remove(me, m->m_ds.key);
}

int do_check(message *m)
{
	const char *me = ds_label_of(m->m_source);
	struct ds_sub *s;
	struct ds_event ev;
	u32_t over;

	if (!me || !(s = ds_sub_find(me)))
		return -ENOENT;
	over = s->overrun ? DSF_OVERRUN : 0;
	s->overrun = 0;
	memset(&m->m_ds, 0, sizeof(m->m_ds));
	m->m_ds.owner = NONE;
	if (ds_sub_pop(s, &ev) != OK) {
		m->m_ds.flags = over;		/* only "rescan", or nothing */
		return over ? OK : -ENOENT;
	}
	ds_copy_str(m->m_ds.key, ev.key, DS_KEY_LEN);
	m->m_ds.flags = ev.flags | over;
	m->m_ds.owner = ds_endpoint_of(ev.owner);
	return OK;
}
