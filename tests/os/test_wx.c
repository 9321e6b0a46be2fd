/*
 * test_wx.c - W^X for boot modules: text and read-only data are mapped
 * read-only (kernel/elf.c).
 *   boot: test_wx role=main priv=sys, test_wx role=writer
 * The writer stores into its own text and must die of SIGSEGV (no signal
 * manager here), never reaching its "still alive" message; main copies into
 * its own text and read-only data through a grant it issued to itself and
 * gets EFAULT, with the code unchanged.
 */
#include "tap.h"

#define MAIN 0
#define WRITER 1

static const u32_t constant = 0x12345678;

/* Code whose bytes the tests try to overwrite. */
void wx_target(void);
__attribute__((noinline)) void wx_target(void)
{
	__asm__ volatile("" : : : "memory");
}

static void writer(void)
{
	message m;
	volatile u8_t *text = (volatile u8_t *)(void *)wx_target;

	ipc_receive(MAIN, &m);
	text[0] = 0xc3;			/* ret: must fault */
	m.m_u32.data[0] = 1;
	ipc_send(MAIN, &m);
	for (;;)
		ipc_receive(MAIN, &m);
}

static void test_self_grant(void)
{
	u8_t before[4], junk[4] = { 0xcc, 0xcc, 0xcc, 0xcc };
	endpoint_t self;
	cp_grant_id_t g;

	sys_getinfo(&self, NULL);
	memcpy(before, (void *)wx_target, 4);
	g = cpf_grant_direct(self, (vir_bytes)wx_target, 4, CPF_READ | CPF_WRITE);
	tap_ok(g != GRANT_INVALID, "grant on my own text to myself");
	tap_is(sys_safecopyto(self, g, 0, junk, 4), -EFAULT,
		"safecopy into my own text through it");
	tap_ok(!memcmp(before, (void *)wx_target, 4), "the text is unchanged");
	tap_is(sys_safecopyfrom(self, g, 0, junk, 4), OK, "reading it is fine");
	wx_target();
	cpf_revoke(g);
	g = cpf_grant_direct(self, (vir_bytes)&constant, 4, CPF_READ | CPF_WRITE);
	tap_is(sys_safecopyto(self, g, 0, junk, 4), -EFAULT,
		"safecopy into my read-only data");
	tap_ok(constant == 0x12345678, "the constant is unchanged");
	cpf_revoke(g);
}

int main(const char *args)
{
	message m;

	if (tap_role(args, "writer"))
		writer();
	test_self_grant();
	memset(&m, 0, sizeof(m));
	tap_is(ipc_send(WRITER, &m), OK, "tell the writer to write its text");
	tap_is(ipc_receive(WRITER, &m), -EDEADSRCDST,
		"the writer died (SIGSEGV) instead of going on");
	tap_is(sys_times(WRITER, NULL, NULL), -ESRCH, "its endpoint is dead");
	tap_done();
}
