/*
 * test_grant.c - grants and safecopy: direct, indirect and magic grants;
 * access bits, ranges, bad ids and revocation.
 *   boot: test_grant role=main priv=sys, test_grant role=peer,
 *         test_grant role=peer2
 * main owns the buffers and grants; peer copies through them on request
 * and reports each result; peer2 uses an indirect grant made by peer.
 */
#include "tap.h"

#define MAIN 0
#define PEER 1
#define PEER2 2

enum { OP_READ = 1, OP_WRITE, OP_INDIRECT, OP_READ_AT };

static char buf[64] = "hello, grant";
static char wbuf[64];

/* Ask 'who' to do op on grant gid at offset for bytes; its result. */
static int ask(endpoint_t who, int op, cp_grant_id_t gid, u32_t off, u32_t bytes,
	char *out)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = op;
	m.m_u32.data[0] = (u32_t)gid;
	m.m_u32.data[1] = off;
	m.m_u32.data[2] = bytes;
	if (ipc_sendrec(who, &m) != OK)
		return -9999;
	if (out)
		memcpy(out, &m.m_u32.data[4], 32);
	return (int)m.m_u32.data[3];
}

static int peer(void)
{
	message m;
	char local[32];

	while (ipc_receive(ANY, &m) == OK) {
		cp_grant_id_t gid = (cp_grant_id_t)m.m_u32.data[0];
		u32_t off = m.m_u32.data[1], bytes = m.m_u32.data[2];
		int r = -EINVAL;

		memset(local, 0, sizeof(local));
		if (m.m_type == OP_READ)
			r = sys_safecopyfrom(MAIN, gid, off, local, bytes);
		else if (m.m_type == OP_WRITE)
			r = sys_safecopyto(MAIN, gid, off, "WRITTEN", bytes);
		else if (m.m_type == OP_INDIRECT) {
			r = cpf_grant_indirect(PEER2, MAIN, gid, off, bytes, CPF_READ);
		} else if (m.m_type == OP_READ_AT) {
			r = sys_safecopyfrom(PEER, gid, off, local, bytes);
		}
		m.m_u32.data[3] = (u32_t)r;
		memcpy(&m.m_u32.data[4], local, 32);
		ipc_send(m.m_source, &m);
	}
	return 1;
}

static void test_direct(void)
{
	char out[32];
	cp_grant_id_t g = cpf_grant_direct(PEER, (vir_bytes)buf, 12, CPF_READ);

	tap_ok(g >= 0, "create a read grant (%d)", g);
	tap_ok(ask(PEER, OP_READ, g, 0, 12, out) == OK && !memcmp(out, "hello, grant", 12),
		"grantee reads through it");
	tap_ok(ask(PEER, OP_READ, g, 7, 5, out) == OK && !memcmp(out, "grant", 5),
		"read at an offset");
	tap_is(ask(PEER, OP_WRITE, g, 0, 7, NULL), -EPERM, "write through a read-only grant");
	tap_is(ask(PEER, OP_READ, g, 13, 1, out), -ERANGE, "offset past the end");
	tap_is(ask(PEER, OP_READ, g, 8, 5, out), -ERANGE, "range past the end");
	tap_is(ask(PEER, OP_READ, g, 0xffffffffu, 2, out), -ERANGE, "wrapping offset");
	tap_is(ask(PEER, OP_READ, 999, 0, 1, out), -EINVAL, "a grant id that does not exist");
	tap_is(ask(PEER, OP_READ, -5, 0, 1, out), -EINVAL, "a negative grant id");
	tap_is(ask(PEER, OP_READ, MAKE_GRANT(GRANT_IDX(g), GRANT_SEQ(g) + 1, GRANT_EPOCH(g)), 0, 1, out),
		-EINVAL, "a grant id with a stale sequence");
	tap_is(cpf_revoke(g), OK, "revoke it");
	tap_is(ask(PEER, OP_READ, g, 0, 1, out), -EINVAL, "read through a revoked grant");
	g = cpf_grant_direct(PEER2, (vir_bytes)buf, 12, CPF_READ);
	tap_is(ask(PEER, OP_READ, g, 0, 1, out), -EPERM, "a grant for someone else");
	cpf_revoke(g);
	g = cpf_grant_direct(PEER, (vir_bytes)wbuf, sizeof(wbuf), CPF_WRITE);
	tap_ok(ask(PEER, OP_WRITE, g, 2, 8, NULL) == OK && !memcmp(wbuf + 2, "WRITTEN", 8),
		"write through a write grant");
	tap_is(ask(PEER, OP_READ, g, 0, 1, out), -EPERM, "read through a write-only grant");
	cpf_revoke(g);
	g = cpf_grant_direct(PEER, 0x100000, 4096, CPF_READ);
	tap_is(ask(PEER, OP_READ, g, 0, 4, out), -EFAULT, "a grant over kernel memory faults");
	cpf_revoke(g);
}

static void test_indirect_magic(void)
{
	char out[32];
	cp_grant_id_t g = cpf_grant_direct(PEER, (vir_bytes)buf, 12, CPF_READ), ig;
	cp_grant_id_t mg;

	ig = ask(PEER, OP_INDIRECT, g, 7, 5, NULL);
	tap_ok(ig >= 0, "peer forwards part of it to peer2 (%d)", ig);
	tap_ok(ask(PEER2, OP_READ_AT, ig, 0, 5, out) == OK && !memcmp(out, "grant", 5),
		"peer2 reads through the indirect grant");
	tap_is(ask(PEER2, OP_READ_AT, ig, 0, 6, out), -ERANGE,
		"indirect grant range is enforced");
	cpf_revoke(g);
	tap_is(ask(PEER2, OP_READ_AT, ig, 0, 5, out), -EINVAL,
		"revoking the original kills the indirect grant");
	mg = cpf_grant_magic(PEER, PEER2, (vir_bytes)buf, 12, CPF_READ);
	tap_ok(ask(PEER, OP_READ, mg, 0, 12, out) == OK && out[0] == 'h',
		"a magic grant reads another process's memory (%d)", mg);
	cpf_revoke(mg);
}

int main(const char *args)
{
	if (tap_role(args, "peer") || tap_role(args, "peer2"))
		return peer();
	test_direct();
	test_indirect_magic();
	tap_done();
}
