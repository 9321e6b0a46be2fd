/*
 * serial.c - COM1 at 115200 8N1, polled output, receive interrupt on so
 * that a key on the console can ask for a debug dump.
 */
#include "arch.h"
#include "io.h"

#define COM1 0x3f8

void arch_serial_init(void)
{
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x80);
	outb(COM1 + 0, 0x01);
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03);
	outb(COM1 + 2, 0xc7);
	outb(COM1 + 4, 0x0b);		/* DTR, RTS, OUT2 (IRQ enable) */
	outb(COM1 + 1, 0x01);		/* interrupt on received data */
}

/* Wait for the transmitter, however long: under load QEMU drains the
 * port slowly, and a bounded wait would drop characters (a missing port
 * reads 0xff, so it never hangs on hardware without COM1). */
void arch_serial_putc(char c)
{
	if (c == '\n')
		arch_serial_putc('\r');
	while (!(inb(COM1 + 5) & 0x20))
		;
	outb(COM1, (u8_t)c);
}

int arch_serial_getc(void)
{
	if (!(inb(COM1 + 5) & 0x01))
		return -1;
	return inb(COM1);
}
