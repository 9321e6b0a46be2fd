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
#include <mica/sef.h>
#include <mica/vfsif.h>
#include <mica/abi.h>

#define PFS 2
#define ROUNDS 5000

static u8_t buf[FS_PIPE_BUF], back[FS_PIPE_BUF];

static u64_t div64(u64_t n, u32_t d)
{
	u64_t q = 0, r = 0;
	int i;

	for (i = 63; i >= 0; i--) {
		r = (r << 1) | ((n >> i) & 1);
		if (r >= d)
			r -= d, q |= 1ull << i;
	}
	return q;
}

static u32_t uptime(void)
{
	u32_t t = 0;

	sys_times(SELF, &t, NULL);
	return t;
}

struct mark { u64_t c; u32_t t; };

static struct mark now(void)
{
	struct mark m;

	m.t = uptime();
	m.c = rdtsc();
	return m;
}

static void report(const char *what, u32_t n, struct mark a)
{
	struct mark b = now();

	printf("bench: %s %u iterations %u cycles %u ns\n", what, n,
		(u32_t)div64(b.c - a.c, n),
		(u32_t)div64((u64_t)(b.t - a.t) * (1000000000u / HZ), n));
}

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
	struct mark s;

	s = now();
	for (int i = 0; i < ROUNDS; i++)
		if (io(FS_WRITE, p, gw, len) != (int)len ||
		    io(FS_READ, p, gr, len) != (int)len)
			panic("bench_pfs: %s transfer failed", what);
	report(what, ROUNDS, s);
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
	struct mark s;
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
	s = now();
	for (int i = 0; i < ROUNDS; i++)
		if (call(&m, FS_SYNC) != OK)
			panic("bench_pfs: sync");
	report("null-request", ROUNDS, s);
	pipe_pairs("pipe-1", p, 1);
	pipe_pairs("pipe-4k", p, FS_PIPE_BUF);
	s = now();
	for (int i = 0; i < ROUNDS; i++)
		putnode(newnode());
	report("pipe-new", ROUNDS, s);
	putnode(p);
	sys_shutdown(0);
	return 0;
}
