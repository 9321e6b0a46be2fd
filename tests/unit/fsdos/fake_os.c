/*
 * fake_os.c - what the OS front end calls beyond the SEF fake kernel:
 * safecopy (checked like the kernel: owner, id, access, range), sendnb,
 * the console, DS MEM entries (one), and the device attach.
 */
#include <stdio.h>

#include <mica/ds.h>
#include "fsdos.h"

struct fake_os fos;

void fos_reset(void)
{
	memset(&fos, 0, sizeof fos);
}

cp_grant_id_t fos_grant(endpoint_t owner, void *buf, u32_t len, u32_t access)
{
	struct fos_grant *g;

	CU_ASSERT_FATAL(fos.ngrants < (int)(sizeof fos.grants /
	    sizeof fos.grants[0]));
	g = &fos.grants[fos.ngrants];

	g->owner = owner;
	g->id = 100 + fos.ngrants++;
	g->buf = buf;
	g->len = len;
	g->access = access;
	return g->id;
}

static int fos_copy(endpoint_t granter, cp_grant_id_t gid, vir_bytes off,
    void *addr, u32_t bytes, u32_t access, int to)
{
	int i;

	for (i = 0; i < fos.ngrants; i++) {
		struct fos_grant *g = &fos.grants[i];

		if (g->owner != granter || g->id != gid)
			continue;
		if (!(g->access & access))
			return -EPERM;
		if (off > g->len || bytes > g->len - off)
			return -ERANGE;
		if (to)
			memcpy((char *)g->buf + off, addr, bytes);
		else
			memcpy(addr, (char *)g->buf + off, bytes);
		return OK;
	}
	return -EINVAL;
}

int sys_safecopyfrom(endpoint_t granter, cp_grant_id_t gid, vir_bytes offset,
    void *addr, u32_t bytes)
{
	return fos_copy(granter, gid, offset, addr, bytes, CPF_READ, 0);
}

int sys_safecopyto(endpoint_t granter, cp_grant_id_t gid, vir_bytes offset,
    const void *addr, u32_t bytes)
{
	return fos_copy(granter, gid, offset, (void *)addr, bytes, CPF_WRITE, 1);
}

int ipc_sendnb(endpoint_t dst, message *m)
{
	fos.reply = *m;
	fos.reply_to = dst;
	fos.nreplies++;
	return OK;
}

int sys_diag_print(const char *s, u32_t len)
{
	size_t have = strlen(fos.console);

	if (len < sizeof fos.console - have) {
		memcpy(fos.console + have, s, len);
		fos.console[have + len] = '\0';
	}
	return OK;
}

int ds_publish_mem(const char *key, const void *buf, u32_t len, u32_t flags)
{
	(void)flags;
	if (len > sizeof fos.ds_val)
		return -E2BIG;
	snprintf(fos.ds_key, sizeof fos.ds_key, "%s", key);
	memcpy(fos.ds_val, buf, len);
	fos.ds_len = len;
	fos.ds_present = 1;
	return OK;
}

int ds_retrieve_mem(const char *key, void *buf, u32_t *len)
{
	if (!fos.ds_present || strcmp(key, fos.ds_key) != 0)
		return -ENOENT;
	memcpy(buf, fos.ds_val, fos.ds_len < *len ? fos.ds_len : *len);
	*len = fos.ds_len;
	return OK;
}

int ds_delete(const char *key, u32_t type)
{
	if (type != DSF_TYPE_MEM || !fos.ds_present ||
	    strcmp(key, fos.ds_key) != 0)
		return -ENOENT;
	fos.ds_present = 0;
	return OK;
}

int fsdriver_dev_attach(dev_t dev, const char *label, int minor, int rdonly)
{
	if (fos.attach_err)
		return fos.attach_err;
	snprintf(fos.attached_label, sizeof fos.attached_label, "%s", label);
	fos.attached_dev = dev;
	fos.attached_minor = minor;
	fos.attached_rdonly = rdonly;
	fos.attached = 1;
	return OK;
}

void fsdriver_dev_detach(dev_t dev)
{
	CU_ASSERT_EQUAL(dev, fos.attached_dev);
	fos.attached = 0;
}

int fsdriver_dev_cachestat(struct mica_fs_cachestat *st)
{
	memset(st, 0, sizeof *st);
	st->hits = 7;
	st->block_size = 4096;
	return OK;
}
