/*
 * vm.h - the VM server's internal interface (README.md has the design).
 *
 * Division of labour with the kernel: the kernel owns the physical frames
 * (reference counted, kernel/arch/i386/frames.c) and the page tables; VM
 * owns policy: which virtual ranges of a process are regions, with which
 * protection, and what a fault in them means.  VM keeps no per-page state
 * of its own: whether a page is present, shared copy-on-write or private
 * comes from the kernel (SYS_VMQUERY and the fault's 'present' bit).
 *
 * Everything VM must remember lives in its state window (vm_state, from
 * heap.c), never in static data: a restarted VM takes the window over from
 * the dead instance (restart.c).
 */
#ifndef VM_VM_H
#define VM_VM_H

#include <mica/syslib.h>
#include <mica/abi.h>
#include <mica/callnr.h>
#include <mica/vmif.h>
#include <mica/sef.h>

#define PG_DOWN(a)  ((a) & ~(vir_bytes)(PAGE_SIZE - 1))
#define PG_UP(a)    (((a) + PAGE_SIZE - 1) & ~(vir_bytes)(PAGE_SIZE - 1))
#define PROT_ALL    (MICA_PROT_READ | MICA_PROT_WRITE | MICA_PROT_EXEC)

#define VM_REGIONS_MAX 4096		/* per process: a hostile client's bound */
#define VM_RESERVE     64		/* frames kept back from overcommit */

#define RF_SHARED  0x01			/* MAP_SHARED: never copy-on-write */
#define RF_LOADING 0x02			/* exec image: writable until EXEC_DONE */

struct region {
	vir_bytes start, end;		/* page aligned, start < end */
	u32_t prot;			/* MICA_PROT_* */
	u32_t kind;			/* VM_RK_* (vmif.h) */
	u32_t flags;			/* RF_* */
	u32_t obj;			/* VM_RK_FILE: object slot + 1, else 0 */
	u32_t pgoff;			/* VM_RK_FILE: object page at start */
	struct region *next;		/* sorted by start, disjoint */
};

/* A mapped file or device (file.c): VFS's id; it lives while regions
 * map it or fills of it are in flight, then VFS is told (IDLE). */
struct vmobj {
	u32_t id;			/* VFS's id; 0: slot free */
	u32_t nregions;			/* regions (in all processes) on it */
	u32_t nfill;			/* fills in flight */
	u32_t flags;			/* OF_* */
};
#define OF_IDLE_DUE  0x01		/* VM_VFS_IDLE not yet sent */
#define OF_IDLE_SENT 0x02
#define VM_OBJ_MAX   128

/* A fault waiting for a page's fill (filefault.c), by the faulter's slot. */
struct vmwait {
	endpoint_t endpt;		/* NONE: none */
	endpoint_t owner;		/* whose memory */
	vir_bytes addr;
	u32_t write;
	u32_t page;			/* cache slot + 1 */
};

struct vmproc {
	endpoint_t ep;			/* NONE: slot unused */
	struct region *regions;
	u32_t nregions;
	vir_bytes brk_base;		/* heap starts here (page aligned) */
	vir_bytes brk;			/* the current break */
};

struct vm_stats {
	u32_t faults, cow_copies, cow_takeovers, zero_fills, segv, ooms;
	u32_t forks, exits, execs;
	u32_t file_fills, file_hits, file_bus;
};

#include "pcache.h"


/* The state window's root: everything a new instance takes over. */
struct vm_state {
	u32_t magic, version;
	vir_bytes top;			/* end of the window's mapped pages */
	struct region *free_regions;
	endpoint_t busy;		/* process a request was changing, or NONE */
	struct vm_stats st;
	struct vmproc procs[NR_PROCS];	/* by slot */
	struct vmobj objs[VM_OBJ_MAX];
	u32_t idle_due;			/* some object may have OF_IDLE_DUE */
	struct vmwait waits[NR_PROCS];	/* by the faulter's slot */
	struct vm_pcache pc;
};
#define VM_STATE_MAGIC   0x564d5354u	/* "VMST" */
#define VM_STATE_VERSION 2		/* 2: file objects and the page cache */
#define VM_STATE_BASE    0xD0000000u
#define VM_STATE_MAX     (64u << 20)
/* The page cache's frames: slot i at VM_PC_BASE + i * PAGE_SIZE, right
 * after the state window (restart.c takes both over). */
#define VM_PC_BASE       (VM_STATE_BASE + VM_STATE_MAX)
#define VM_PC_VA(slot)   (VM_PC_BASE + (vir_bytes)(slot) * PAGE_SIZE)

extern struct vm_state *vm_state;	/* the window root (heap.c) */
extern endpoint_t vm_self;

/* heap.c: VM's own memory, from its state window. */
int vm_heap_init(void);			/* fresh: map and clear the root */
struct region *region_alloc(void);	/* NULL when VM's memory is full */
void region_free(struct region *r);

/* region.c: one process's region list. */
struct region *region_find(struct vmproc *vp, vir_bytes addr);
int region_insert(struct vmproc *vp, vir_bytes start, vir_bytes end,
	u32_t prot, u32_t kind, u32_t flags);
int region_split(struct vmproc *vp, vir_bytes addr);
int region_remove(struct vmproc *vp, vir_bytes start, vir_bytes end);
void region_clear(struct vmproc *vp, int unmap);
int region_gap(struct vmproc *vp, vir_bytes lo, vir_bytes hi, u32_t len,
	vir_bytes *out);
int range_ok(vir_bytes start, u32_t len);
u32_t kprot_of(const struct region *r);
int vm_commit_ok(u32_t bytes);

/* proc.c: processes, adoption of memory VM did not make, fork/exit/exec. */
struct vmproc *vm_proc(endpoint_t ep, int adopt);
int vm_adopt(endpoint_t ep, struct vmproc **out);
void vm_adopt_boot(void);
int do_fork(message *m);
int do_exit(message *m);
int do_info(message *m);
int do_regions(message *m);

/* exec.c */
int do_exec_newmem(message *m);
int do_exec_done(message *m);

/* mmap.c: the C library's calls. */
int do_brk(message *m);
int do_mmap(message *m);
int do_munmap(message *m);
int do_mprotect(message *m);

/* phys.c: memory for drivers. */
int do_map_phys(message *m);
int do_contig(message *m);

/* lu.c: live update of services. */
int vm_sync_regions(struct vmproc *vp);
int do_lu_copy(message *m);

/* fault.c */
void vm_faults(void);
#define VM_FAULT_WAIT 1			/* fault_one: answered later (a fill) */
void vm_fault_answer(endpoint_t ep, int r, u32_t map);

/* file.c: objects, VFS's calls, file regions. */
int do_file_map(message *m);
int do_file_drop(message *m);
struct vmobj *obj_of(const struct region *r);
void obj_region_add(struct region *r);
void obj_region_gone(struct vmproc *vp, struct region *r);
void obj_notices(void);
void obj_check_idle(struct vmobj *o);

/* filefault.c: faults in file regions, fills through VFS. */
int file_fault(const mess_lsys_krn_vmctl *f, struct region *r, vir_bytes page);
int do_file_filled(message *m);
int do_file_prefault(message *m);
void file_drop_pages(u32_t obj);
void file_restart(void);
void file_send_fills(void);
void file_drop_clean(u32_t obj);

/* filesync.c: write-back, refresh and truncation, for VFS. */
int do_file_sync(message *m);
int do_file_refresh(message *m);
int do_file_trunc(message *m);
void file_xfer_end(void);
void file_unmap_everywhere(int slot);

/* mmap.c, shared with file.c */
int mmap_args(u32_t len_in, int prot, int flags, u32_t *len);
int mmap_place(struct vmproc *vp, vir_bytes addr, int flags, u32_t len,
	vir_bytes *at);

/* restart.c */
int vm_restart_from(endpoint_t old_ep);

#endif /* VM_VM_H */
