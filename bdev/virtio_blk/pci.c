/*
 * pci.c - PCI configuration mechanism #1 (pci.h): an address written to
 * 0xcf8 (enable bit, bus, slot, function, dword register), the dword read
 * or written at 0xcfc; narrower reads are taken from the dword, a 16-bit
 * write goes to its own half of the data port.  A
 * failed SYS_DEVIO reads as all ones, which the scan takes for "no
 * function", so a driver without the ports finds nothing instead of
 * crashing.
 */
#include <mica/kipc.h>
#include "pci.h"

static u32_t pci_addr(const struct pci_func *f, u32_t reg)
{
	return 0x80000000u | (u32_t)f->bus << 16 | (u32_t)f->slot << 11 |
	    (u32_t)f->func << 8 | (reg & 0xfc);
}

u32_t pci_read32(const struct pci_func *f, u32_t reg)
{
	u32_t v;

	if (sys_outl(PCI_ADDR_PORT, pci_addr(f, reg)) != OK ||
	    sys_inl(PCI_DATA_PORT, &v) != OK)
		return 0xffffffffu;
	return v;
}

u32_t pci_read16(const struct pci_func *f, u32_t reg)
{
	return (pci_read32(f, reg) >> ((reg & 2) * 8)) & 0xffff;
}

u32_t pci_read8(const struct pci_func *f, u32_t reg)
{
	return (pci_read32(f, reg) >> ((reg & 3) * 8)) & 0xff;
}

void pci_write16(const struct pci_func *f, u32_t reg, u32_t v)
{
	if (sys_outl(PCI_ADDR_PORT, pci_addr(f, reg)) == OK)
		sys_outw(PCI_DATA_PORT + (reg & 2), v & 0xffff);
}

int pci_find(u16_t vendor, u16_t device, struct pci_func *found, int max)
{
	struct pci_func f;
	u32_t id, funcs;
	int n = 0;

	for (f.bus = 0; f.bus < PCI_BUSES; f.bus++) {
		for (f.slot = 0; f.slot < PCI_SLOTS; f.slot++) {
			f.func = 0;
			if (pci_read16(&f, PCI_VENDOR) == 0xffff)
				continue;
			funcs = pci_read8(&f, PCI_HEADER) & 0x80 ? PCI_FUNCS : 1;
			for (f.func = 0; f.func < funcs; f.func++) {
				id = pci_read32(&f, PCI_VENDOR);
				if ((id & 0xffff) != vendor || id >> 16 != device)
					continue;
				if (n < max)
					found[n] = f;
				n++;
			}
		}
	}
	return n < max ? n : max;
}
