/*
 * printk.c - kernel console output on COM1, and panic.
 */
#include "kernel.h"
#include <mica/fmt.h>

static void kput(char c, void *arg)
{
	(void)arg;
	arch_serial_putc(c);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fmt_vformat(kput, NULL, fmt, ap);
	va_end(ap);
}

/* Write exactly n bytes (a user's diagnostic text). */
void kputs_n(const char *s, u32_t n)
{
	while (n--)
		arch_serial_putc(*s++);
}

/* Stop the machine: QEMU exits with status (0x7f << 1) | 1. */
void panic(const char *msg)
{
	kprintf("\nkernel panic: %s\n", msg);
	arch_poweroff(0x7f);
}
