/*
 * ds.c - the client side of DS (protocol in mica/ds.h): fill an m_ds
 * request, sendrec to DS_PROC_NR, unpack the reply.
 */
#include <mica/syslib.h>
#include <mica/ds.h>
#include <mica/sef.h>		/* asynsend */

/* Start a request for key; -EINVAL if it does not fit. */
static int ds_req(message *m, int type, const char *key, u32_t flags)
{
	size_t n = strlen(key);

	if (n == 0 || n >= DS_KEY_LEN)
		return -EINVAL;
	memset(m, 0, sizeof(*m));
	m->m_type = type;
	memcpy(m->m_ds.key, key, n);
	m->m_ds.flags = flags;
	return OK;
}

static int ds_call(message *m)
{
	int r = ipc_sendrec(DS_PROC_NR, m);

	return r != OK ? r : m->m_type;
}

static int ds_publish(const char *key, u32_t flags, u32_t val)
{
	message m;
	int r;

	if ((r = ds_req(&m, DS_PUBLISH, key, flags)) != OK)
		return r;
	m.m_ds.val.u32 = val;
	return ds_call(&m);
}

int ds_publish_label(const char *label, endpoint_t ep, u32_t flags)
{
	return ds_publish(label, DSF_TYPE_LABEL | flags, (u32_t)ep);
}

int ds_publish_u32(const char *key, u32_t val, u32_t flags)
{
	return ds_publish(key, DSF_TYPE_U32 | flags, val);
}

int ds_publish_str(const char *key, const char *str, u32_t flags)
{
	size_t n = strlen(str);
	message m;
	int r;

	if (n >= DS_STR_LEN)
		return -EINVAL;
	if ((r = ds_req(&m, DS_PUBLISH, key, DSF_TYPE_STR | flags)) != OK)
		return r;
	memcpy(m.m_ds.val.str, str, n);
	return ds_call(&m);
}

/* A MEM request: grant DS the buffer for the call, then revoke. */
static int ds_mem_call(message *m, void *buf, u32_t len, u32_t access)
{
	cp_grant_id_t g = cpf_grant_direct(DS_PROC_NR, (vir_bytes)buf, len, access);
	int r;

	if (g == GRANT_INVALID)
		return -ENOMEM;
	m->m_ds.val.mem.gid = g;
	m->m_ds.val.mem.len = len;
	r = ds_call(m);
	cpf_revoke(g);
	return r;
}

int ds_publish_mem(const char *key, const void *buf, u32_t len, u32_t flags)
{
	message m;
	int r;

	if ((r = ds_req(&m, DS_PUBLISH, key, DSF_TYPE_MEM | flags)) != OK)
		return r;
	return ds_mem_call(&m, (void *)buf, len, CPF_READ);
}

static int ds_retrieve(const char *key, u32_t type, message *m)
{
	int r;

	if ((r = ds_req(m, DS_RETRIEVE, key, type)) != OK)
		return r;
	return ds_call(m);
}

int ds_retrieve_label_endpt(const char *label, endpoint_t *ep)
{
	message m;
	int r = ds_retrieve(label, DSF_TYPE_LABEL, &m);

	if (r == OK)
		*ep = m.m_ds.val.endpt;
	return r;
}

int ds_retrieve_u32(const char *key, u32_t *val)
{
	message m;
	int r = ds_retrieve(key, DSF_TYPE_U32, &m);

	if (r == OK)
		*val = m.m_ds.val.u32;
	return r;
}

int ds_retrieve_str(const char *key, char *str, u32_t size)
{
	message m;
	u32_t i;
	int r = ds_retrieve(key, DSF_TYPE_STR, &m);

	if (r != OK || size == 0)
		return r;
	for (i = 0; i + 1 < size && i < DS_STR_LEN && m.m_ds.val.str[i]; i++)
		str[i] = m.m_ds.val.str[i];
	str[i] = 0;
	return OK;
}

int ds_retrieve_mem(const char *key, void *buf, u32_t *len)
{
	message m;
	int r;

	if ((r = ds_req(&m, DS_RETRIEVE, key, DSF_TYPE_MEM)) != OK)
		return r;
	r = ds_mem_call(&m, buf, *len, CPF_WRITE);
	if (r == OK)
		*len = m.m_ds.val.mem.len;
	return r;
}

int ds_delete(const char *key, u32_t type)
{
	message m;
	int r;

	if ((r = ds_req(&m, DS_DELETE, key, type)) != OK)
		return r;
	return ds_call(&m);
}

int ds_subscribe(const char *pattern, u32_t flags)
{
	message m;
	int r;

	if ((r = ds_req(&m, DS_SUBSCRIBE, pattern, flags)) != OK)
		return r;
	return ds_call(&m);
}

int ds_unsubscribe(const char *pattern)
{
	message m;
	int r;

	if ((r = ds_req(&m, DS_UNSUBSCRIBE, pattern, 0)) != OK)
		return r;
	return ds_call(&m);
}

int ds_check(char *key, u32_t *flags, endpoint_t *owner)
{
	message m = { 0 };
	int r;

	m.m_type = DS_CHECK;
	if ((r = ds_call(&m)) != OK)
		return r;
	memcpy(key, m.m_ds.key, DS_KEY_LEN);
	key[DS_KEY_LEN - 1] = 0;
	*flags = m.m_ds.flags;
	*owner = m.m_ds.owner;
	return OK;
}

int ds_publish_label_async(const char *label, endpoint_t ep, u32_t flags)
{
	message m;
	int r;

	if ((r = ds_req(&m, DS_PUBLISH, label, DSF_TYPE_LABEL | flags)) != OK)
		return r;
	m.m_ds.val.u32 = (u32_t)ep;
	return asynsend(DS_PROC_NR, &m);
}

int ds_delete_async(const char *key, u32_t type)
{
	message m;
	int r;

	if ((r = ds_req(&m, DS_DELETE, key, type)) != OK)
		return r;
	return asynsend(DS_PROC_NR, &m);
}
