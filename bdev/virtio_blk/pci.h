/*
 * pci.h - PCI configuration mechanism #1 (ports 0xcf8/0xcfc) for a driver
 * that finds its own devices: a scan of bus 0..PCI_BUSES-1 for a vendor
 * and device id, and the few configuration registers the driver uses.
 * Port I/O goes through SYS_DEVIO, so the caller needs the calls and the
 * 0xcf8:8 range in its privileges.
 */
#ifndef VIRTIO_BLK_PCI_H
#define VIRTIO_BLK_PCI_H

#include <mica/type.h>

#define PCI_ADDR_PORT	0xcf8
#define PCI_DATA_PORT	0xcfc
#define PCI_BUSES	8		/* QEMU's pc machine has bus 0 only */
#define PCI_SLOTS	32
#define PCI_FUNCS	8

/* Configuration registers (byte offsets). */
#define PCI_VENDOR	0x00		/* 16 bits; 0xffff: no function */
#define PCI_DEVICE	0x02
#define PCI_COMMAND	0x04		/* 16 bits */
#define PCI_CMD_IO	0x0001		/*   I/O space decoding */
#define PCI_CMD_MASTER	0x0004		/*   bus mastering (DMA) */
#define PCI_CMD_INTX_OFF 0x0400		/*   legacy interrupts off */
#define PCI_HEADER	0x0e		/* 8 bits; bit 7: multi-function */
#define PCI_BAR0	0x10
#define PCI_BAR_IO	0x1		/* bit 0 of an I/O BAR */
#define PCI_SUBSYS	0x2e		/* 16 bits: subsystem id */
#define PCI_INTR_LINE	0x3c		/* 8 bits: the IRQ the firmware routed */

struct pci_func {
	u8_t bus, slot, func;
};

u32_t pci_read32(const struct pci_func *f, u32_t reg);	/* reg & ~3 */
u32_t pci_read16(const struct pci_func *f, u32_t reg);	/* reg even */
u32_t pci_read8(const struct pci_func *f, u32_t reg);
void pci_write16(const struct pci_func *f, u32_t reg, u32_t v);

/*
 * The functions with vendor:device, in bus/slot/function order: fills
 * found[0..max) and returns how many there are (at most max).
 */
int pci_find(u16_t vendor, u16_t device, struct pci_func *found, int max);

#endif /* VIRTIO_BLK_PCI_H */
