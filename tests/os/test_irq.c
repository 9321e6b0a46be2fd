/*
 * test_irq.c - shared IRQ lines: a line is unmasked only when every hook
 * on it has been re-enabled.
 *   boot: test_irq role=main priv=sys, test_irq role=peer priv=sys
 * Both hook one line.  The PIC's mask register (port 0x21) is read back
 * after each step.  On IRQ 5 (no device) the hooks are disabled and
 * enabled by hand; on COM1 (IRQ 4) a real interrupt comes: the UART's
 * transmitter-empty interrupt, switched on through its IER.  Both drivers
 * are notified, the line is masked, and it stays masked after the first
 * driver re-enables until the second one does.
 */
#include "tap.h"

#define MAIN 0
#define PEER 1
#define FREE_IRQ 5
#define COM1_IRQ 4
#define COM1_IER 0x3f9
#define COM1_IIR 0x3fa
#define HOOK 6

/* Ask the peer to run an IRQCTL request; its result. */
static int peer_do(int request, int irq)
{
	message m;

	memset(&m, 0, sizeof(m));
	m.m_u32.data[0] = request;
	m.m_u32.data[1] = irq;
	if (ipc_sendrec(PEER, &m) != OK)
		return -999;
	return (int)m.m_u32.data[0];
}

static void peer(void)
{
	message m;
	int r;

	for (;;) {
		if (ipc_receive(ANY, &m) != OK)
			continue;
		if (m.m_source == HARDWARE) {
			ipc_notify(MAIN);	/* "I saw the interrupt" */
			continue;
		}
		r = sys_irqctl(m.m_u32.data[0], m.m_u32.data[1], 0, HOOK);
		m.m_u32.data[0] = r;
		ipc_send(m.m_source, &m);
	}
}

static int masked(int irq)
{
	u32_t v = 0;

	sys_inb(0x21, &v);
	return (v >> irq) & 1;
}

static void test_by_hand(void)
{
	tap_is(sys_irqctl(IRQ_SETPOLICY, FREE_IRQ, 0, HOOK), OK, "main hooks IRQ 5");
	tap_is(peer_do(IRQ_SETPOLICY, FREE_IRQ), OK, "peer hooks IRQ 5");
	tap_ok(!masked(FREE_IRQ), "both enabled: the line is open");
	tap_is(sys_irqctl(IRQ_DISABLE, FREE_IRQ, 0, HOOK), OK, "main disables");
	tap_ok(masked(FREE_IRQ), "the line is masked");
	tap_is(peer_do(IRQ_ENABLE, FREE_IRQ), OK, "peer enables (it never disabled)");
	tap_ok(masked(FREE_IRQ), "still masked: main's hook is disabled");
	tap_is(peer_do(IRQ_DISABLE, FREE_IRQ), OK, "peer disables too");
	tap_is(sys_irqctl(IRQ_ENABLE, FREE_IRQ, 0, HOOK), OK, "main enables");
	tap_ok(masked(FREE_IRQ), "still masked: the peer's hook is disabled");
	tap_is(peer_do(IRQ_ENABLE, FREE_IRQ), OK, "peer enables");
	tap_ok(!masked(FREE_IRQ), "every hook enabled: the line is open");
	tap_is(peer_do(IRQ_DISABLE, FREE_IRQ), OK, "peer disables again");
	tap_is(peer_do(IRQ_RMPOLICY, FREE_IRQ), OK, "peer removes its hook");
	tap_ok(!masked(FREE_IRQ), "its disabled hook no longer holds the line");
	tap_is(sys_irqctl(IRQ_RMPOLICY, FREE_IRQ, 0, HOOK), OK, "main removes its hook");
	tap_ok(masked(FREE_IRQ), "an unhooked line is masked");
	tap_is(peer_do(IRQ_ENABLE, FREE_IRQ), -ENOENT, "enable without a hook: ENOENT");
}

static void test_real_interrupt(void)
{
	message m;
	u32_t ier = 0, iir;
	int got_main = 0, got_peer = 0, i;

	tap_is(sys_irqctl(IRQ_SETPOLICY, COM1_IRQ, 0, HOOK), OK, "main hooks COM1");
	tap_is(peer_do(IRQ_SETPOLICY, COM1_IRQ), OK, "peer hooks COM1");
	sys_inb(COM1_IER, &ier);
	sys_outb(COM1_IER, ier | 0x02);		/* transmitter empty: fires now */
	for (i = 0; i < 2; i++) {
		if (ipc_receive(ANY, &m) != OK)
			break;
		if (m.m_source == HARDWARE)
			got_main = (m.m_notify.interrupts >> HOOK) & 1;
		else if (m.m_source == PEER)
			got_peer = 1;
	}
	sys_outb(COM1_IER, ier);		/* quiet the UART before printing */
	sys_inb(COM1_IIR, &iir);
	tap_ok(got_main && got_peer, "the interrupt reached both drivers (%d %d)",
		got_main, got_peer);
	tap_ok(masked(COM1_IRQ), "the line is masked until they re-enable");
	tap_is(sys_irqctl(IRQ_ENABLE, COM1_IRQ, 0, HOOK), OK, "main re-enables");
	tap_ok(masked(COM1_IRQ), "still masked: the peer has not");
	tap_is(peer_do(IRQ_ENABLE, COM1_IRQ), OK, "peer re-enables");
	tap_ok(!masked(COM1_IRQ), "now the line is open");
	tap_is(peer_do(IRQ_RMPOLICY, COM1_IRQ), OK, "peer unhooks COM1");
	tap_is(sys_irqctl(IRQ_RMPOLICY, COM1_IRQ, 0, HOOK), OK, "main unhooks COM1");
	tap_ok(!masked(COM1_IRQ), "COM1 open again for the kernel console");
}

int main(const char *args)
{
	if (tap_role(args, "peer"))
		peer();
	test_by_hand();
	test_real_interrupt();
	tap_done();
}
