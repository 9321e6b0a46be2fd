/*
 * call.c - the one path every system call takes: a sendrec to a server,
 * the reply's m_type as the result, errno from a negative one; and the
 * per-call grants that carry paths and buffers.
 */
#include <limits.h>
#include <string.h>
#include "posix.h"

endpoint_t lc_self = NONE;

int lc_err(int r)
{
	if (r >= 0)
		return r;
	errno = -r;
	return -1;
}

int lc_call(endpoint_t who, int callnr, message *m)
{
	int r;

	m->m_type = callnr;
	if ((r = ipc_sendrec(who, m)) != OK)
		return lc_err(-ENOSYS);
	return lc_err(m->m_type);
}

cp_grant_id_t lc_grant(endpoint_t who, const void *p, size_t len, int access)
{
	cp_grant_id_t g = cpf_grant_direct(who, (vir_bytes)p, len, access);

	if (g < 0)
		return lc_err(-ENOMEM);
	return g;
}

void lc_ungrant(cp_grant_id_t g)
{
	if (g >= 0)
		cpf_revoke(g);
}

int lc_call_buf(endpoint_t who, int callnr, message *m, cp_grant_id_t *gfield,
	const void *p, size_t len, int access)
{
	cp_grant_id_t g = lc_grant(who, p, len, access);
	int r;

	if (g < 0)
		return -1;
	*gfield = g;
	r = lc_call(who, callnr, m);
	lc_ungrant(g);
	return r;
}

int lc_path_call(int callnr, const char *path, message *m)
{
	size_t n;
	cp_grant_id_t g;
	int r;

	if (lc_strlen_user(path, PATH_MAX, &n) < 0)
		return -1;
	if (n == 0)
		return lc_err(-ENOENT);
	if ((g = lc_grant(VFS_PROC_NR, path, n, CPF_READ)) < 0)
		return -1;
	m->m_lc_vfs_path.path = g;
	m->m_lc_vfs_path.path_len = n;
	r = lc_call(VFS_PROC_NR, callnr, m);
	lc_ungrant(g);
	return r;
}
