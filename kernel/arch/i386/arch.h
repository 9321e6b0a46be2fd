/*
 * arch.h - what the generic kernel sees of the i386 port.
 *
 * Register state: a process's user registers live in its struct trapframe,
 * saved on every entry from ring 3 and restored on the way out (trap.S).
 * The kernel is identity mapped over all of physical memory and mapped,
 * supervisor-only, into every address space; user space is
 * [USER_BASE, USER_TOP) with 4 KiB pages.  User memory is only ever touched
 * through the arch_copy_* functions, which walk the process's page table
 * and fail with EFAULT instead of faulting, so no user pointer can crash
 * the kernel.
 */
#ifndef KERNEL_ARCH_H
#define KERNEL_ARCH_H

#include <mica/type.h>
#include <mica/sigcontext.h>

#define KCODE_SEL 0x08
#define KDATA_SEL 0x10
#define UCODE_SEL 0x1b
#define UDATA_SEL 0x23
#define TSS_SEL   0x28

#define IRQ_BASE   32	/* PIC vectors 32..47 */
#define NR_IRQ     16
#define CLOCK_IRQ   0
#define COM1_IRQ    4
#define TRAP_INSN_LEN 2	/* int $n: what a retried call rewinds */
#define NO_FPU_VEC 7
#define PAGE_FAULT_VEC 14
#define DIVIDE_VEC 0
#define FPU_ERROR_VEC 16		/* #MF: x87 floating-point exception */
#define SIMD_ERROR_VEC 19		/* #XM: SSE floating-point exception */
#define PF_ERR_PRESENT 0x1
#define PF_ERR_WRITE 0x2

struct trapframe {
	u32_t gs, fs, es, ds;
	u32_t edi, esi, ebp, esp_k, ebx, edx, ecx, eax;	/* pushal order */
	u32_t vector, err;
	u32_t eip, cs, eflags;
	u32_t esp, ss;		/* only on entry from ring 3 */
};
STATIC_ASSERT(sizeof(struct trapframe) == 19 * 4, trapframe_size);
STATIC_ASSERT(__builtin_offsetof(struct trapframe, eax) == 11 * 4, tf_eax);
STATIC_ASSERT(__builtin_offsetof(struct trapframe, vector) == 12 * 4, tf_vec);
STATIC_ASSERT(__builtin_offsetof(struct trapframe, eip) == 14 * 4, tf_eip);
STATIC_ASSERT(__builtin_offsetof(struct trapframe, cs) == 15 * 4, tf_cs);

/* An address space: the physical address of its page directory. */
struct addrspace {
	phys_bytes pd;
};

/* A process's FPU/SSE registers while they are not in the FPU (fpu.c). */
struct fpu_state {
	u8_t area[SC_FPU_SIZE];		/* FXSAVE image, or FNSAVE's 108 bytes */
	u32_t used;			/* the process has FPU state */
} __attribute__((aligned(16)));

struct multiboot_info;

/* cpu.c */
void arch_cpu_init(void);				/* GDT, TSS, IDT */
void arch_init_regs(struct trapframe *tf, vir_bytes ip, vir_bytes sp);
u32_t arch_fault_address(void);				/* cr2 */
void arch_idle(void);					/* sti; hlt; cli */
void arch_poweroff(u32_t status) __attribute__((noreturn));
u64_t arch_rdtsc(void);
void arch_enter_user(struct trapframe *tf) __attribute__((noreturn));
void arch_set_kstack(struct trapframe *tf);	/* where the next entry saves */

/* fpu.c */
void arch_fpu_init(void);
int arch_fpu_format(void);				/* FPU_FORMAT_* */
void arch_fpu_switch(struct fpu_state *running);
void arch_fpu_trap(struct fpu_state *st);		/* #NM */
void arch_fpu_sync(struct fpu_state *st);		/* registers -> st */
void arch_fpu_drop(struct fpu_state *st);
int arch_fpu_valid(const struct fpu_state *st);
int arch_fpu_fault_code(struct fpu_state *st, int simd);	/* #MF, #XM: MICA_FPE_* */

/* pic.c */
void arch_pic_init(void);
void arch_irq_mask(int irq);
void arch_irq_unmask(int irq);
void arch_irq_eoi(int irq);
void arch_clock_init(u32_t hz);

/* serial.c */
void arch_serial_init(void);
void arch_serial_putc(char c);
int arch_serial_getc(void);			/* -1 when nothing waits */

/* frames.c: pool frames with reference counts (0 = free) */
void frames_init(phys_bytes lo, phys_bytes hi);
int frame_in_pool(phys_bytes f);
phys_bytes frame_alloc(void);			/* zeroed, count 1; 0 = none */
phys_bytes frame_alloc_raw(void);		/* not zeroed: caller fills it */
phys_bytes frame_alloc_contig(u32_t count);
int frame_get(phys_bytes f);
void frame_put(phys_bytes f);
u32_t frame_refs(phys_bytes f);
struct frame_counts {
	u32_t free, total;		/* frames of the pool */
};
extern struct frame_counts frame_counts;
static inline u32_t arch_free_frames(void) { return frame_counts.free; }
static inline u32_t arch_total_frames(void) { return frame_counts.total; }

/* paging.c: chunked operations do ARCH_CHUNK_PAGES pages per pass, count
 * progress in *done and return ARCH_MORE when a pass ended early. */
#define ARCH_CHUNK_PAGES 256
#define ARCH_MORE 1
void arch_paging_init(phys_bytes mem_top, phys_bytes free_start);
int arch_user_range(vir_bytes va, u32_t len);	/* page aligned, in user space */
int arch_as_create(struct addrspace *as);
void arch_as_destroy(struct addrspace *as);
int arch_as_copy(struct addrspace *dst, const struct addrspace *src,
	u32_t *done);
int arch_map(struct addrspace *as, vir_bytes va, u32_t len, int writable);
int arch_map_chunk(struct addrspace *as, vir_bytes va, u32_t len,
	int writable, u32_t *done);
int arch_unmap(struct addrspace *as, vir_bytes va, u32_t len, u32_t *done);
int arch_share(struct addrspace *dst, vir_bytes dva,
	const struct addrspace *src, vir_bytes sva, u32_t len, u32_t prot,
	u32_t *done);
int arch_protect(struct addrspace *as, vir_bytes va, u32_t len, u32_t prot,
	u32_t *done);
int arch_replace(struct addrspace *as, vir_bytes va, u32_t len, u32_t prot,
	u32_t *done);
int arch_physmap(struct addrspace *as, vir_bytes va, phys_bytes pa, u32_t len,
	u32_t prot);
int arch_map_contig(struct addrspace *as, vir_bytes va, u32_t len, u32_t prot,
	phys_bytes *pa);
int arch_query(const struct addrspace *as, vir_bytes va, phys_bytes *pa,
	u32_t *prot, u32_t *refs);
int arch_query_run(const struct addrspace *as, vir_bytes va, u32_t len,
	vir_bytes *first, u32_t *pages);
int arch_umap(const struct addrspace *as, vir_bytes va, u32_t len,
	phys_bytes *pa);
void arch_as_switch(const struct addrspace *as);

/* usercopy.c */
int arch_copy_from_user(const struct addrspace *as, vir_bytes src, void *dst,
	u32_t n);
int arch_copy_from_user_rw(const struct addrspace *as, vir_bytes src,
	void *dst, u32_t n);
int arch_copy_to_user(const struct addrspace *as, vir_bytes dst,
	const void *src, u32_t n);
int arch_copy_user(const struct addrspace *from, vir_bytes src,
	const struct addrspace *to, vir_bytes dst, u32_t n);
int arch_check_user(const struct addrspace *as, vir_bytes va, u32_t n,
	int write);
/* The first user address a copy failed on (usercopy.c); reset inline,
 * since every IPC and kernel call starts with it. */
struct usercopy_fault {
	const struct addrspace *as;	/* NULL: no fault recorded */
	vir_bytes addr;
	int write;
};
extern struct usercopy_fault usercopy_fault;
static inline void arch_fault_reset(void)
{
	usercopy_fault.as = NULL;
}
int arch_fault_last(const struct addrspace **as, vir_bytes *addr, int *write);

#endif /* KERNEL_ARCH_H */
