/*
 * cpu.c - descriptor tables and small CPU helpers.
 *
 * Flat segments: kernel code/data (ring 0), user code/data (ring 3), and
 * one TSS whose esp0 is the top of the single kernel stack: every entry
 * from user mode starts on an empty kernel stack, so the kernel needs no
 * per-process stacks.  The IDT has interrupt gates for the exceptions, the
 * 16 PIC lines, and two ring-3 gates: IPC and kernel calls.
 */
#include "arch.h"
#include "io.h"
#include <mica/com.h>

struct gdt_entry { u16_t limit_lo, base_lo; u8_t base_mid, access, gran, base_hi; }
	__attribute__((packed));
struct idt_entry { u16_t off_lo, sel; u8_t zero, type; u16_t off_hi; }
	__attribute__((packed));
struct table_ptr { u16_t limit; u32_t base; } __attribute__((packed));
struct tss {
	u32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
	u32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
	u32_t es, cs, ss, ds, fs, gs, ldt;
	u16_t trap, iomap;
} __attribute__((packed));
STATIC_ASSERT(sizeof(struct tss) == 104, tss_size);

static struct gdt_entry gdt[6];
static struct idt_entry idt[256];
static struct tss tss;
extern char kernel_stack_top[];

/* Vectors with a stub in trap.S. */
#define TRAP_LIST(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) \
	X(10) X(11) X(12) X(13) X(14) X(15) X(16) X(17) X(18) X(19) \
	X(32) X(33) X(34) X(35) X(36) X(37) X(38) X(39) X(40) X(41) X(42) \
	X(43) X(44) X(45) X(46) X(47) X(128) X(129)
#define DECLARE(n) extern char trap_##n[];
TRAP_LIST(DECLARE)
#define ENTRY(n) [n] = trap_##n,
static char *const trap_stubs[256] = { TRAP_LIST(ENTRY) };

static void gdt_set(int i, u32_t base, u32_t limit, u8_t access, u8_t gran)
{
	gdt[i].limit_lo = limit & 0xffff;
	gdt[i].base_lo = base & 0xffff;
	gdt[i].base_mid = (base >> 16) & 0xff;
	gdt[i].access = access;
	gdt[i].gran = (gran & 0xf0) | ((limit >> 16) & 0x0f);
	gdt[i].base_hi = base >> 24;
}

static void gdt_load(void)
{
	struct table_ptr p = { sizeof(gdt) - 1, (u32_t)gdt };

	__asm__ volatile("lgdt %0\n\t"
		"ljmp %1, $1f\n"
		"1:\n\t"
		"movw %w2, %%ds\n\tmovw %w2, %%es\n\tmovw %w2, %%fs\n\t"
		"movw %w2, %%gs\n\tmovw %w2, %%ss\n\t"
		: : "m"(p), "i"(KCODE_SEL), "r"(KDATA_SEL) : "memory");
	__asm__ volatile("ltr %w0" : : "r"(TSS_SEL));
}

static void idt_set(int vec, void *handler, int dpl)
{
	u32_t off = (u32_t)handler;

	idt[vec].off_lo = off & 0xffff;
	idt[vec].sel = KCODE_SEL;
	idt[vec].zero = 0;
	idt[vec].type = 0x8e | (dpl << 5);	/* present, 32-bit interrupt gate */
	idt[vec].off_hi = off >> 16;
}

/* Build and load GDT, TSS and IDT. */
void arch_cpu_init(void)
{
	struct table_ptr p = { sizeof(idt) - 1, (u32_t)idt };
	int v;

	gdt_set(1, 0, 0xfffff, 0x9a, 0xc0);
	gdt_set(2, 0, 0xfffff, 0x92, 0xc0);
	gdt_set(3, 0, 0xfffff, 0xfa, 0xc0);
	gdt_set(4, 0, 0xfffff, 0xf2, 0xc0);
	tss.ss0 = KDATA_SEL;
	tss.esp0 = (u32_t)kernel_stack_top;
	tss.iomap = sizeof(tss);		/* no I/O bitmap: ring 3 has no ports */
	gdt_set(5, (u32_t)&tss, sizeof(tss) - 1, 0x89, 0x00);
	gdt_load();
	for (v = 0; v < 256; v++)
		if (trap_stubs[v])
			idt_set(v, trap_stubs[v],
				v == IPC_VECTOR || v == KCALL_VECTOR ? 3 : 0);
	__asm__ volatile("lidt %0" : : "m"(p));
}

/* Initial user registers: ring 3 segments, interrupts on. */
void arch_init_regs(struct trapframe *tf, vir_bytes ip, vir_bytes sp)
{
	*tf = (struct trapframe){ 0 };
	tf->ds = tf->es = tf->fs = tf->gs = tf->ss = UDATA_SEL;
	tf->cs = UCODE_SEL;
	tf->eip = ip;
	tf->esp = sp;
	tf->eflags = 0x202;			/* IF */
}

/* The next entry from ring 3 saves its registers into tf (trap.S). */
void arch_set_kstack(struct trapframe *tf)
{
	tss.esp0 = (u32_t)(tf + 1);
}

u32_t arch_fault_address(void)
{
	u32_t cr2;

	__asm__ volatile("mov %%cr2, %0" : "=r"(cr2));
	return cr2;
}

void arch_idle(void)
{
	__asm__ volatile("sti; hlt; cli" : : : "memory");
}

/* Leave QEMU through isa-debug-exit; halt if the device is absent. */
void arch_poweroff(u32_t status)
{
	outb(0xf4, status & 0xff);
	for (;;)
		__asm__ volatile("cli; hlt");
}

u64_t arch_rdtsc(void)
{
	u32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64_t)hi << 32) | lo;
}
