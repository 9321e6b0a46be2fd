/*
 * test_bogus.c - bogus user pointers in every IPC and kernel-call path
 * return an error (EFAULT, or the grant error for grant tables) and never
 * crash the kernel.
 *   boot: test_bogus role=main priv=sys, test_bogus role=peer
 */
#include "tap.h"

#define MAIN 0
#define PEER 1

static const vir_bytes bad_ptrs[] = {
	0,			/* NULL */
	0x100000,		/* kernel image (supervisor page) */
	0x3ffffff0,		/* below user space */
	0x7ffff000,		/* unmapped user page */
	0xfffffff0,		/* top of memory, wraps */
};
#define NR_BAD (sizeof(bad_ptrs) / sizeof(bad_ptrs[0]))

static int peer(void)
{
	message m;

	while (ipc_receive(ANY, &m) == OK)
		ipc_send(m.m_source, &m);
	return 1;
}

/* Every bad pointer must give want for op; one TAP line per op. */
static void each_bad(const char *what, int (*op)(vir_bytes p), int want)
{
	u32_t i;
	int r = 0, bad = -1;

	for (i = 0; i < NR_BAD; i++)
		if ((r = op(bad_ptrs[i])) != want) {
			bad = (int)i;
			break;
		}
	if (bad < 0)
		tap_ok(1, "%s", what);
	else
		tap_ok(0, "%s: pointer 0x%x gave %d, want %d", what, bad_ptrs[bad], r, want);
}

static int op_send(vir_bytes p) { return ipc_send(PEER, (message *)p); }
static int op_sendnb(vir_bytes p) { return ipc_sendnb(PEER, (message *)p); }
static int op_sendrec(vir_bytes p) { return ipc_sendrec(PEER, (message *)p); }
static int op_receive(vir_bytes p) { return ipc_receive(ANY, (message *)p); }
static int op_senda(vir_bytes p) { return ipc_senda((asynmsg_t *)p, 2); }
static int op_kcall(vir_bytes p) { return kernel_call((message *)p); }
static int op_diag(vir_bytes p) { return sys_diag_print((const char *)p, 8); }
static int op_privctl(vir_bytes p) { return sys_privctl(SELF, PRIV_GET, (void *)p); }
static int op_privset(vir_bytes p) { return sys_privctl(SELF, PRIV_SET, (void *)p); }
static int op_copyfrom_local(vir_bytes p);
static int op_copyto_local(vir_bytes p);
static int op_grant_table(vir_bytes p);

static char data[32] = "grant data";
static cp_grant_id_t self_grant;

static int op_copyfrom_local(vir_bytes p)
{
	return sys_safecopyfrom(MAIN, self_grant, 0, (void *)p, 8);
}

static int op_copyto_local(vir_bytes p)
{
	return sys_safecopyto(MAIN, self_grant, 0, (const void *)p, 8);
}

static int op_grant_table(vir_bytes p)
{
	char out[8];
	int r;

	sys_setgrant((cp_grant_t *)p, 4, 0, NULL);
	r = sys_safecopyfrom(MAIN, 0, 0, out, 1);
	return r;
}

static int op_grant_addr(vir_bytes p)
{
	char out[8];
	cp_grant_id_t g = cpf_grant_direct(MAIN, p, 8, CPF_READ | CPF_WRITE);
	int r = sys_safecopyfrom(MAIN, g, 0, out, 8);

	cpf_revoke(g);
	return r;
}

int main(const char *args)
{
	message m;

	if (tap_role(args, "peer"))
		return peer();
	each_bad("send with bogus message pointers: EFAULT", op_send, -EFAULT);
	each_bad("sendnb with bogus message pointers: EFAULT", op_sendnb, -EFAULT);
	each_bad("sendrec with bogus message pointers: EFAULT", op_sendrec, -EFAULT);
	each_bad("receive with bogus buffers: EFAULT", op_receive, -EFAULT);
	each_bad("senda with bogus tables: EFAULT", op_senda, -EFAULT);
	each_bad("kernel call with bogus message pointers: EFAULT", op_kcall, -EFAULT);
	each_bad("diagnostic print of bogus text: EFAULT", op_diag, -EFAULT);
	self_grant = cpf_grant_direct(MAIN, (vir_bytes)data, sizeof(data),
		CPF_READ | CPF_WRITE);
	each_bad("safecopyfrom into bogus local memory: EFAULT", op_copyfrom_local, -EFAULT);
	each_bad("safecopyto from bogus local memory: EFAULT", op_copyto_local, -EFAULT);
	each_bad("grants over bogus granter memory: EFAULT", op_grant_addr, -EFAULT);
	each_bad("bogus grant tables: EINVAL", op_grant_table, -EINVAL);
	each_bad("privctl get into bogus memory: EFAULT", op_privctl, -EFAULT);
	each_bad("privctl set from bogus memory: EFAULT", op_privset, -EFAULT);
	memset(&m, 0, sizeof(m));
	m.m_type = OK;
	tap_ok(ipc_sendrec(PEER, &m) == OK, "IPC still works afterwards");
	tap_done();
}
