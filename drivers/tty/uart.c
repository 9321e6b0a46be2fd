/*
 * uart.c - the COM1 16550 UART: received bytes go straight into the line
 * discipline from the interrupt; output goes into a ring that is drained
 * into the transmit register while it is empty, with the THRE interrupt
 * enabled only while bytes wait.  The kernel already programmed the line
 * (115200 8N1, FIFOs); the driver takes the interrupt over.  All port
 * access is by kernel call (SYS_DEVIO), the line by SYS_IRQCTL with a
 * policy that leaves it masked until the driver re-enables it.  A port
 * that never stops reporting data (no UART: reads 0xff) costs a bounded
 * amount of work per interrupt, never a hang.
 */
#include "tty.h"
#include <mica/syslib.h>

#define COM1     0x3f8
#define UART_RBR (COM1 + 0)		/* receive buffer (read) */
#define UART_THR (COM1 + 0)		/* transmit holding (write) */
#define UART_IER (COM1 + 1)
#define UART_IIR (COM1 + 2)
#define UART_LSR (COM1 + 5)
#define IER_RX   0x01
#define IER_THRE 0x02
#define IIR_NONE 0x01			/* no interrupt pending */
#define LSR_DR   0x01
#define LSR_THRE 0x20
#define UART_TXQ 2048
#define UART_SPIN 1000000		/* polls before giving up on THRE */
#define UART_RX_MAX 1024		/* bytes taken per interrupt, at most */
#define UART_IIR_MAX 16			/* IIR rounds per interrupt, at most */

static u8_t txq[UART_TXQ];
static u32_t tx_head, tx_count;
static u32_t ier;

static u32_t lsr(void)
{
	u32_t v = 0;

	sys_inb(UART_LSR, &v);
	return v;
}

static void set_ier(u32_t v)
{
	if (v != ier) {
		ier = v;
		sys_outb(UART_IER, v);
	}
}

/* Hook the line and enable receive interrupts; OK or the kernel's error. */
int uart_init(void)
{
	int r;

	tx_head = tx_count = 0;
	ier = 0xff;
	set_ier(IER_RX);
	if ((r = sys_irqctl(IRQ_SETPOLICY, TTY_IRQ, 0, TTY_IRQ_HOOK)) != OK)
		return r;
	uart_intr(1u << TTY_IRQ_HOOK);	/* bytes that came before */
	return OK;
}

/* Move bytes from the ring to the UART while it takes them. */
void uart_kick(void)
{
	while (tx_count > 0 && (lsr() & LSR_THRE)) {
		sys_outb(UART_THR, txq[tx_head]);
		tx_head = (tx_head + 1) % UART_TXQ;
		tx_count--;
	}
	set_ier(tx_count ? IER_RX | IER_THRE : IER_RX);
}

/* Send the whole ring now, polling (bounded); for TCSETSW and a full ring. */
void uart_drain(void)
{
	u32_t spin = 0;

	while (tx_count > 0 && spin++ < UART_SPIN)
		uart_kick();
}

void uart_put(void *arg, u8_t c)
{
	(void)arg;
	if (tx_count == UART_TXQ)
		uart_drain();
	if (tx_count == UART_TXQ)
		return;			/* the line is stuck: drop */
	txq[(tx_head + tx_count++) % UART_TXQ] = c;
}

void uart_oflush(void *arg)
{
	(void)arg;
	tx_count = 0;
}

/* The interrupt: take every received byte, send what waits, re-enable. */
void uart_intr(u32_t hooks)
{
	u32_t iir = 0, c = 0, n = 0, rounds = 0;

	if (!(hooks & (1u << TTY_IRQ_HOOK)))
		return;
	do {
		while (n++ < UART_RX_MAX && (lsr() & LSR_DR)) {
			sys_inb(UART_RBR, &c);
			ldisc_input(&tty.console.ld, (u8_t)c);
		}
		uart_kick();
		sys_inb(UART_IIR, &iir);
	} while (!(iir & IIR_NONE) && ++rounds < UART_IIR_MAX);
	tty.console.fed |= n > 0;
	tty_events();
	uart_kick();
	sys_irqctl(IRQ_ENABLE, TTY_IRQ, 0, 0);
}
