/*
 * interrupt.c - hardware interrupts: the clock, the console key, and IRQ
 * hooks that turn an interrupt into a HARDWARE notification for a driver.
 *
 * A driver sets a policy for a line it is allowed (priv.irqs) with a hook
 * id; each interrupt sets bit 'hook id' in the driver's irq_pending, which
 * the notification carries.  Unless the policy says IRQ_REENABLE the line
 * stays masked until the driver calls IRQ_ENABLE, so a slow driver is not
 * flooded.  A dying driver's hooks are removed and its lines masked.
 *
 * Shared lines: each hook remembers whether it is waiting for its driver
 * (disabled: the interrupt came and the driver has not re-enabled yet, or
 * the driver said IRQ_DISABLE).  A line is unmasked only when it is hooked
 * and no hook on it is disabled, so one driver's IRQ_ENABLE cannot let the
 * interrupt in while another driver on the line is still servicing it.
 * An unhooked COM1 line stays open for the kernel's console key.
 */
#include "kernel.h"

struct irq_hook {
	struct proc *owner;		/* NULL: unused */
	int irq;
	u32_t policy;
	int id;
	int disabled;			/* waiting for the owner's IRQ_ENABLE */
};

static struct irq_hook hooks[NR_IRQ_HOOKS];

static int line_used(int irq)
{
	int i;

	for (i = 0; i < NR_IRQ_HOOKS; i++)
		if (hooks[i].owner && hooks[i].irq == irq)
			return 1;
	return 0;
}

/* Mask or unmask irq as its hooks say (see the top of the file). */
static void line_update(int irq)
{
	int i, open = irq == COM1_IRQ;

	for (i = 0; i < NR_IRQ_HOOKS; i++) {
		if (!hooks[i].owner || hooks[i].irq != irq)
			continue;
		open = 1;
		if (hooks[i].disabled) {
			open = 0;
			break;
		}
	}
	if (open)
		arch_irq_unmask(irq);
	else
		arch_irq_mask(irq);
}

static void console_key(void)
{
	int c;

	while ((c = arch_serial_getc()) >= 0)
		if (c == 'd')
			debug_dump();
}

void irq_handle(int irq)
{
	int i;

	if (irq == CLOCK_IRQ)
		clock_irq();
	else if (irq == COM1_IRQ && !line_used(irq))
		console_key();
	for (i = 0; i < NR_IRQ_HOOKS; i++) {
		struct irq_hook *h = &hooks[i];

		if (!h->owner || h->irq != irq)
			continue;
		h->owner->irq_pending |= 1u << h->id;
		ipc_notify_kernel(h->owner, HARDWARE);
		if (!(h->policy & IRQ_REENABLE)) {
			h->disabled = 1;
			arch_irq_mask(irq);
		}
	}
	arch_irq_eoi(irq);
}

static int irq_allowed(struct proc *p, int irq)
{
	if (irq < 0 || irq >= NR_IRQ || irq == CLOCK_IRQ || irq == 2)
		return -EINVAL;
	return (p->priv.irqs >> irq) & 1 ? OK : -EPERM;
}

/* Hook irq for p, with notification bit 'id' (0..31). */
int irq_setpolicy(struct proc *p, int irq, u32_t policy, int id)
{
	int i, r;

	if ((r = irq_allowed(p, irq)) != OK)
		return r;
	if (id < 0 || id > 31)
		return -EINVAL;
	for (i = 0; i < NR_IRQ_HOOKS; i++)
		if (!hooks[i].owner) {
			hooks[i] = (struct irq_hook){ p, irq, policy, id, 0 };
			line_update(irq);
			return OK;
		}
	return -ENOMEM;
}

/* Remove p's hooks on irq; the line opens or closes as the rest say. */
int irq_rmpolicy(struct proc *p, int irq)
{
	int i, r = -ENOENT;

	for (i = 0; i < NR_IRQ_HOOKS; i++)
		if (hooks[i].owner == p && hooks[i].irq == irq) {
			hooks[i].owner = NULL;
			r = OK;
		}
	if (r == OK)
		line_update(irq);
	return r;
}

/* p re-enables (on) or disables its hooks on irq; the line is unmasked
 * only once every hook on it is enabled. */
int irq_enable(struct proc *p, int irq, int on)
{
	int i, r;

	if ((r = irq_allowed(p, irq)) != OK)
		return r;
	r = -ENOENT;
	for (i = 0; i < NR_IRQ_HOOKS; i++)
		if (hooks[i].owner == p && hooks[i].irq == irq) {
			hooks[i].disabled = !on;
			r = OK;
		}
	if (r == OK)
		line_update(irq);
	return r;
}

/* Drop every hook of a dying process. */
void irq_release(struct proc *p)
{
	int i;

	for (i = 0; i < NR_IRQ_HOOKS; i++)
		if (hooks[i].owner == p)
			irq_rmpolicy(p, hooks[i].irq);
}
