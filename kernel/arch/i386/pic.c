/*
 * pic.c - the 8259A interrupt controllers and the 8254 timer.
 *
 * IRQ 0-15 are remapped to vectors 32-47.  All lines start masked except
 * the cascade; the clock and drivers unmask theirs.
 */
#include "arch.h"
#include "io.h"

#define PIC1_CMD  0x20
#define PIC1_DATA 0x21
#define PIC2_CMD  0xa0
#define PIC2_DATA 0xa1
#define PIT_CH0   0x40
#define PIT_CMD   0x43
#define PIT_HZ    1193182

static u16_t irq_masks = 0xffff & ~(1 << 2);

static void pic_write_masks(void)
{
	outb(PIC1_DATA, irq_masks & 0xff);
	outb(PIC2_DATA, irq_masks >> 8);
}

/* Remap both PICs and mask every line but the cascade. */
void arch_pic_init(void)
{
	outb(PIC1_CMD, 0x11);
	outb(PIC2_CMD, 0x11);
	outb(PIC1_DATA, IRQ_BASE);
	outb(PIC2_DATA, IRQ_BASE + 8);
	outb(PIC1_DATA, 4);
	outb(PIC2_DATA, 2);
	outb(PIC1_DATA, 1);
	outb(PIC2_DATA, 1);
	pic_write_masks();
}

void arch_irq_mask(int irq)
{
	irq_masks |= 1 << irq;
	pic_write_masks();
}

void arch_irq_unmask(int irq)
{
	irq_masks &= ~(1 << irq);
	pic_write_masks();
}

void arch_irq_eoi(int irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, 0x20);
	outb(PIC1_CMD, 0x20);
}

/* Program PIT channel 0 as a rate generator at 'hz' and unmask IRQ 0. */
void arch_clock_init(u32_t hz)
{
	u32_t div = PIT_HZ / hz;

	outb(PIT_CMD, 0x34);
	outb(PIT_CH0, div & 0xff);
	outb(PIT_CH0, div >> 8);
	arch_irq_unmask(CLOCK_IRQ);
}
