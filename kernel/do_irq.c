/*
 * do_irq.c - SYS_IRQCTL (interrupts as notifications) and SYS_DEVIO (port
 * I/O on the ranges the caller's privileges allow).
 */
#include "system.h"
#include "arch/i386/io.h"

int do_irqctl(struct proc *caller, message *m)
{
	mess_lsys_krn_irqctl *im = &m->m_irqctl;

	switch (im->request) {
	case IRQ_SETPOLICY:
		return irq_setpolicy(caller, im->irq, im->policy, im->hook_id);
	case IRQ_RMPOLICY:
		return irq_rmpolicy(caller, im->irq);
	case IRQ_ENABLE:
		return irq_enable(caller, im->irq, 1);
	case IRQ_DISABLE:
		return irq_enable(caller, im->irq, 0);
	default:
		return -EINVAL;
	}
}

static int port_allowed(const struct proc *p, u32_t port, u32_t size)
{
	int i;

	for (i = 0; i < NR_IO_RANGES; i++)
		if (port >= p->priv.io_base[i] && port + size <=
		    (u32_t)p->priv.io_base[i] + p->priv.io_len[i])
			return 1;
	return 0;
}

int do_devio(struct proc *caller, message *m)
{
	static const u32_t sizes[] = { 0, 1, 2, 4, 1, 2, 4 };
	mess_lsys_krn_devio *dm = &m->m_devio;
	u16_t port = (u16_t)dm->port;

	if (dm->request < DIO_INB || dm->request > DIO_OUTL || dm->port > 0xffff)
		return -EINVAL;
	if (!port_allowed(caller, dm->port, sizes[dm->request]))
		return -EPERM;
	switch (dm->request) {
	case DIO_INB:  dm->value = inb(port); break;
	case DIO_INW:  dm->value = inw(port); break;
	case DIO_INL:  dm->value = inl(port); break;
	case DIO_OUTB: outb(port, (u8_t)dm->value); break;
	case DIO_OUTW: outw(port, (u16_t)dm->value); break;
	case DIO_OUTL: outl(port, dm->value); break;
	}
	return OK;
}
