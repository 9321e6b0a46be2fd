/*
 * as_vfs.h - a test standing in for VFS towards a file-system server
 * (mica/vfsif.h requests by sendrec), and the "stranger" role of the
 * suites that check a server answers VFS alone: a second process of the
 * test, waiting for a go, that asks the server for a sync itself and
 * passes the answer back.  Header-only (static inline): each suite is one
 * boot module.  Used by test_fs (MFS) and test_pfs (PFS).
 */
#ifndef TESTS_OS_AS_VFS_H
#define TESTS_OS_AS_VFS_H

#include <mica/syslib.h>
#include <mica/vfsif.h>

/* One request to fs; the reply's m_type (or the IPC error). */
static inline int as_vfs_call(endpoint_t fs, message *m, int type)
{
	int r;

	m->m_type = type;
	if ((r = ipc_sendrec(fs, m)) != OK)
		return r;
	return m->m_type;
}

/* The stranger role: wait for the go, send fs an FS_SYNC, answer the go
 * with the reply (m_type -9998 when the IPC failed), exit. */
static inline void as_vfs_stranger(endpoint_t fs)
{
	message m;
	endpoint_t who;

	if (ipc_receive(ANY, &m) != OK)
		sys_exit(1);
	who = m.m_source;
	memset(&m, 0, sizeof(m));
	m.m_type = FS_SYNC;
	if (ipc_sendrec(fs, &m) != OK)
		m.m_type = -9998;
	ipc_send(who, &m);
	sys_exit(0);
}

/* Give the stranger its go: what fs answered it (-9999: no IPC). */
static inline int as_vfs_stranger_result(endpoint_t stranger)
{
	message m;

	memset(&m, 0, sizeof(m));
	if (ipc_sendrec(stranger, &m) != OK)
		return -9999;
	return m.m_type;
}

#endif
