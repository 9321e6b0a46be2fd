/*
 * bench_pfs.c - PFS (fs/pfs, servers/pfs) per request pair, in TSC cycles
 * (guest instructions under -icount shift=0) and nanoseconds, with this
 * program as VFS would use it (in RS's slot, to start PFS as RS does):
 *   null-request  FS_SYNC to PFS and its reply: IPC, the front end's
 *                 checks and dispatch; the reference, same boot
 *   pipe-1        FS_WRITE of 1 byte + FS_READ of 1 byte on one pipe
 *                 (what a shell pipeline's smallest message costs PFS)
 *   pipe-4k       FS_WRITE + FS_READ of FS_PIPE_BUF bytes (each request
 *                 one grant and one safecopy of 4 KiB)
 *   pipe-new      FS_NEWNODE + FS_PUTNODE (pipe() and the last close)
 *   boot: kernel, kernel, pfs priv=sys, bench_pfs priv=sys, ds priv=sys
 * Prints "bench: <what> <n> iterations <cycles> cycles <ns> ns".
 */
#include <mica/syslib.h>
#include "../lib/bench_sys.h"
#include <mica/sef.h>
#include <mica/vfsif.h>
#include <mica/abi.h>

#define PFS 2
#define ROUNDS 5000

static u8_t buf[FS_PIPE_BUF], back[FS_PIPE_BUF];

static int call(message *m, int type)
{
	m->m_type = type;
	if (ipc_sendrec(PFS, m) != OK)
		panic("bench_pfs: PFS gone");
	return m->m_type;
}

static int io(int type, u64_t ino, cp_grant_id_t g, u32_t len)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_fs_io.ino = ino;
	m.m_fs_io.bytes = len;
	m.m_fs_io.grant = g;
	return call(&m, type);
}

static u64_t newnode(void)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_fs_create.mode = MICA_S_IFIFO | 0600;
	m.m_fs_create.name.grant = -1;
	if (call(&m, FS_NEWNODE) != OK)
		panic("bench_pfs: no pipe");
	return m.m_fs_node.ino;
}

static void putnode(u64_t ino)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_fs_putnode.ino = ino;
	m.m_fs_putnode.count = 1;
	if (call(&m, FS_PUTNODE) != OK)
		panic("bench_pfs: putnode");
}

/* Write then read len bytes ROUNDS times; the bytes are checked once. */
static void pipe_pairs(const char *what, u64_t p, u32_t len)
{
	cp_grant_id_t gw = cpf_grant_direct(PFS, (vir_bytes)buf, len, CPF_READ);
	cp_grant_id_t gr = cpf_grant_direct(PFS, (vir_bytes)back, len,
	    CPF_WRITE);
	struct bench_mark s;

	s = bench_now();
	for (int i = 0; i < ROUNDS; i++)
		if (io(FS_WRITE, p, gw, len) != (int)len ||
		    io(FS_READ, p, gr, len) != (int)len)
			panic("bench_pfs: %s transfer failed", what);
	bench_report(what, ROUNDS, s);
	if (memcmp(buf, back, len) != 0)
		panic("bench_pfs: %s bytes differ", what);
	cpf_revoke(gw);
	cpf_revoke(gr);
}

static void rs_init(endpoint_t ep, const char *label)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = RS_INIT;
	m.m_rs_init.type = SEF_INIT_FRESH;
	memcpy(m.m_rs_init.label, label, strlen(label));
	if (ipc_send(ep, &m) != OK || ipc_receive(ep, &m) != OK ||
	    m.m_rs_init_reply.result != OK)
		panic("bench_pfs: init of %s failed", label);
}

int main(const char *args)
{
	struct bench_mark s;
	message m;
	u64_t p;

	(void)args;
	rs_init(DS_PROC_NR, "ds");
	rs_init(PFS, "pfs");
	memset(&m, 0, sizeof(m));
	m.m_fs_mount.dev = 0x300;
	m.m_fs_mount.label.grant = -1;
	if (call(&m, FS_MOUNT) != OK)
		panic("bench_pfs: mount");
	for (u32_t i = 0; i < sizeof(buf); i++)
		buf[i] = (u8_t)(i * 13 + 1);
	p = newnode();

	memset(&m, 0, sizeof(m));
	s = bench_now();
	for (int i = 0; i < ROUNDS; i++)
		if (call(&m, FS_SYNC) != OK)
			panic("bench_pfs: sync");
	bench_report("null-request", ROUNDS, s);
	pipe_pairs("pipe-1", p, 1);
	pipe_pairs("pipe-4k", p, FS_PIPE_BUF);
	s = bench_now();
	for (int i = 0; i < ROUNDS; i++)
		putnode(newnode());
	bench_report("pipe-new", ROUNDS, s);
	putnode(p);
	sys_shutdown(0);
	return 0;
}
