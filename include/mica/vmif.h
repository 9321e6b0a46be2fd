/*
 * vmif.h - the protocol between system servers and VM (vm/): what PM and
 * VFS ask of VM when a process forks, exits or execs, and what anyone may
 * ask about memory use (ps, procfs, live update).  The C library's own
 * calls to VM (VM_BRK, VM_MMAP, VM_MUNMAP, VM_MPROTECT) are in
 * mica/callnr.h and mica/ipc_lc.h; this file does not repeat them.
 *
 * Every request goes by ipc_sendrec to VM_PROC_NR (com.h).  VM never
 * blocks on anyone: it answers each request at once with ipc_sendnb, so a
 * caller may be a server that must not wait long (PM, VFS) and VM can
 * never be caught in a cycle.  Reply m_type: OK or a negative errno
 * (mica/errno.h); replies that carry values fill the request's struct.
 *
 *  request         from      payload            what VM does
 *  VM_FORK         PM        m_vm_fork          the child (made by SYS_FORK with
 *                                               FORK_NOCOPY|FORK_HOLD) gets the
 *                                               parent's regions; private memory
 *                                               is shared copy-on-write, shared
 *                                               memory is shared.  ENOMEM: nothing
 *                                               of the child is left mapped.
 *  VM_EXIT         PM        m_vm_proc          every page and region of the
 *                                               process freed; VM forgets it
 *  VM_EXEC_NEWMEM  PM, VFS   m_vm_exec          the old image torn down, the new
 *                                               one laid out (below); reply: stack
 *                                               top, first break
 *  VM_EXEC_DONE    PM, VFS   m_vm_proc          the image is loaded: segments get
 *                                               their final protection (W^X)
 *  VM_INFO         anyone    m_vm_info          memory statistics of the system
 *                                               (endpt NONE) or of one process
 *  VM_REGIONS      anyone    m_vm_regions       a process's regions, into a grant
 *                                               (pages mapped behind VM's back,
 *                                               e.g. libsys's page window, are
 *                                               made regions first)
 *  VM_MAP_PHYS     drivers   m_vm_phys          map physical memory (device memory,
 *                                               a ramdisk) that the caller's
 *                                               privileges list (EPERM if not);
 *                                               reply: where
 *  VM_CONTIG       drivers   m_vm_phys          physically contiguous zeroed
 *                                               memory (DMA), system processes
 *                                               only (EPERM); reply: where, phys
 *  VM_LU_COPY      services  m_vm_lu_copy       live update: [addr, addr+len) of
 *                                               src over the same range of the
 *                                               caller (dst), copy-on-write;
 *                                               system processes only (EPERM)
 *  VM_FILE_MAP     VFS       m_vm_file_map      map [offset, offset+len) of the
 *                                               object VFS names (a file or a
 *                                               block device) into endpt; reply:
 *                                               where.  Pages come on demand
 *                                               through VM's page cache.
 *  VM_FILE_FILLED  VFS       m_vm_file_page     the answer to a VM_VFS_FILL: the
 *                                               bytes read into VM's page (0: the
 *                                               page is past the end) or -errno
 *  VM_FILE_DROP    VFS       m_vm_file_page     after VM_VFS_IDLE: forget the
 *                                               object if it is still idle (OK:
 *                                               VFS drops its reference) or EBUSY
 *  VM_FILE_SYNC    VFS       m_vm_file_sync     the next dirty page (written
 *                                               through a shared mapping) of obj,
 *                                               or of endpt's mappings in [addr,
 *                                               addr+len) when obj is 0, from page
 *                                               on: write-protected everywhere and
 *                                               marked clean first, then granted
 *                                               (CPF_READ) for VFS to write back;
 *                                               found 0: none left
 *  VM_FILE_REFRESH VFS       m_vm_file_sync     the next cached page of obj in
 *                                               [page, last], granted (CPF_WRITE)
 *                                               for VFS to read again after a
 *                                               write(): every mapping sees it
 *  VM_FILE_TRUNC   VFS       m_vm_file_sync     obj is now size bytes: pages past
 *                                               it leave every mapping and the
 *                                               cache (a later touch is SIGBUS),
 *                                               the partial page's tail is zeroed
 *  VM_FILE_PREFAULT VFS      m_vm_file_prefault make the file pages of endpt's
 *                                               [addr, addr+len) present before
 *                                               a server copies there (the fill
 *                                               of a server's copy fault would
 *                                               wait for VFS, which waits for the
 *                                               server): found 0 all done; 1 fill
 *                                               page 'page' of obj into 'grant'
 *                                               as for VM_VFS_FILL (then FILLED)
 *                                               and ask again from 'addr'; 2 a
 *                                               VM_VFS_FILL for it is on its way:
 *                                               take it, then ask again
 * The grant a SYNC or REFRESH answer carries is revoked, and its page
 * let go, at VFS's next SYNC, REFRESH or TRUNC (VFS does one at a time).
 *
 * The VM_FILE_* calls are refused (EPERM) from anyone but VFS.  VM sends
 * VFS two notices by asynsend (VM never waits for VFS; VFS's answers are
 * the VM_FILE_* calls above, which VM answers at once):
 *  VM_VFS_FILL     m_vm_file_page: read page 'page' of object 'obj' into
 *                  the page VM granted (CPF_WRITE, PAGE_SIZE bytes, zeroed),
 *                  then VM_FILE_FILLED with the same obj, page and seq.
 *                  A process that faulted on the page waits meanwhile.
 *  VM_VFS_IDLE     m_vm_file_page (obj): no mapping and no fill of the
 *                  object is left; VFS answers VM_FILE_DROP.
 * An object id is VFS's choice, not 0; VM keeps its pages, indexed by
 * (object, page), while the object is mapped (vm/README.md).
 *
 * VM_FORK, VM_EXIT, VM_EXEC_* are refused (EPERM) from anyone but
 * PM_PROC_NR and VFS_PROC_NR.  Every endpoint is checked (EINVAL for one
 * VM does not know), every range from a message too (page aligned where
 * stated, start < end, no wrap, inside user space: EINVAL).
 *
 * Exec layout (VM_EXEC_NEWMEM).  The caller grants VM (CPF_READ) an
 * array of nsegs struct vm_exec_seg, the loadable ELF segments: vaddr
 * need not be page aligned, filesz <= memsz, no two segments may touch
 * the same page (EINVAL: every page has one protection, so text can never
 * be writable).  VM gives each segment zeroed memory over the pages of
 * [vaddr, vaddr + memsz); the pages holding file bytes are mapped at once
 * and writable until VM_EXEC_DONE, so the loader (VFS, through magic
 * grants on the target) can fill them without a fault per page.  The
 * rest (bss) is filled on demand.  The heap starts at the first page
 * above the highest segment (the break, reply 'brk').  The stack is a
 * region of stack_size bytes (0: VM_STACK_DEFAULT, at most VM_STACK_MAX)
 * ending at USER_STACK_TOP, its top frame_len bytes (the exec frame,
 * mica/exec.h) mapped at once, the rest on demand; the page below it is
 * never mapped (a guard: a touch is SIGSEGV).  mmap regions go between
 * the heap and the stack and above the stack.
 */
#ifndef MICA_VMIF_H
#define MICA_VMIF_H

#include <mica/type.h>
#include <mica/const.h>

#define VM_SRV_BASE     0x2300
#define VM_FORK         (VM_SRV_BASE + 0)
#define VM_EXIT         (VM_SRV_BASE + 1)
#define VM_EXEC_NEWMEM  (VM_SRV_BASE + 2)
#define VM_EXEC_DONE    (VM_SRV_BASE + 3)
#define VM_INFO         (VM_SRV_BASE + 4)
#define VM_REGIONS      (VM_SRV_BASE + 5)
#define VM_MAP_PHYS     (VM_SRV_BASE + 6)
#define VM_CONTIG       (VM_SRV_BASE + 7)
#define VM_LU_COPY      (VM_SRV_BASE + 8)
#define VM_FILE_MAP     (VM_SRV_BASE + 9)
#define VM_FILE_FILLED  (VM_SRV_BASE + 10)
#define VM_FILE_DROP    (VM_SRV_BASE + 11)
#define VM_FILE_SYNC    (VM_SRV_BASE + 12)
#define VM_FILE_REFRESH (VM_SRV_BASE + 13)
#define VM_FILE_TRUNC   (VM_SRV_BASE + 14)
#define VM_FILE_PREFAULT (VM_SRV_BASE + 15)
#define VM_SRV_NR       16

#define VM_VFS_BASE     0x2500		/* VM's notices to VFS (asynsend) */
#define VM_VFS_FILL     (VM_VFS_BASE + 0)
#define VM_VFS_IDLE     (VM_VFS_BASE + 1)
#define VM_VFS_NR       2

#define VM_MMAP_BASE     0x80000000u	/* first address mmap picks; the heap ends below */
#define VM_STACK_DEFAULT (8u << 20)	/* bytes of stack region */
#define VM_STACK_MAX     (64u << 20)
#define VM_EXEC_SEGS_MAX 8

/* One loadable segment (VM_EXEC_NEWMEM's grant). */
struct vm_exec_seg {
	vir_bytes vaddr;
	u32_t memsz;			/* bytes in memory, > 0 */
	u32_t filesz;			/* bytes from the file, <= memsz */
	u32_t prot;			/* MICA_PROT_READ|WRITE|EXEC (mica/abi.h) */
};

typedef struct {			/* VM_FORK */
	endpoint_t parent;
	endpoint_t child;		/* held, FORK_NOCOPY, not yet known to VM */
	u8_t pad[48];
} mess_vm_fork;

typedef struct {			/* VM_EXIT, VM_EXEC_DONE */
	endpoint_t endpt;
	u8_t pad[52];
} mess_vm_proc;

typedef struct {			/* VM_EXEC_NEWMEM */
	endpoint_t endpt;		/* the process whose image is replaced */
	cp_grant_id_t segs;		/* caller's grant: nsegs struct vm_exec_seg */
	u32_t nsegs;			/* 1..VM_EXEC_SEGS_MAX */
	u32_t stack_size;		/* bytes, page multiple; 0: VM_STACK_DEFAULT */
	u32_t frame_len;		/* bytes below USER_STACK_TOP mapped now */
	vir_bytes stack_top;		/* reply: USER_STACK_TOP */
	vir_bytes brk;			/* reply: the first break (page aligned) */
	u8_t pad[28];
} mess_vm_exec;

typedef struct {			/* VM_INFO */
	endpoint_t endpt;		/* NONE: the system; else one process */
	u32_t total_pages;		/* reply, system: frames of the pool */
	u32_t free_pages;		/* reply, system: free frames */
	u32_t procs;			/* reply, system: processes VM manages */
	u32_t faults;			/* reply, system: page faults handled */
	u32_t cow_copies;		/* reply, system: copy-on-write copies */
	u32_t vsize;			/* reply, both: bytes in regions */
	u32_t rss;			/* reply, both: resident pages */
	u32_t regions;			/* reply, both: regions */
	vir_bytes brk;			/* reply, process: the break */
	u32_t ooms;			/* reply, system: requests failed ENOMEM */
	u32_t file_pages;		/* reply, system: pages in the file page cache */
	u32_t file_fills;		/* reply, system: cache misses read through VFS */
	u32_t file_hits;		/* reply, system: file faults served from the cache */
} mess_vm_info;

/* One region as VM_REGIONS reports it. */
struct vm_region_info {
	vir_bytes addr;			/* page aligned */
	u32_t len;			/* bytes, page multiple */
	u32_t prot;			/* MICA_PROT_* */
	u32_t kind;			/* VM_RK_* */
};
#define VM_RK_TEXT   1			/* exec segment without write */
#define VM_RK_DATA   2			/* exec segment with write (data, bss) */
#define VM_RK_HEAP   3
#define VM_RK_STACK  4
#define VM_RK_ANON   5			/* mmap, private */
#define VM_RK_SHARED 6			/* mmap, MAP_SHARED */
#define VM_RK_BOOT   7			/* memory a boot process had before VM */
#define VM_RK_PHYS   8			/* VM_MAP_PHYS */
#define VM_RK_CONTIG 9			/* VM_CONTIG */
#define VM_RK_FILE   10			/* VM_FILE_MAP: a file or block device */

typedef struct {			/* VM_REGIONS */
	endpoint_t endpt;
	cp_grant_id_t grant;		/* caller's, CPF_WRITE: max entries */
	u32_t max;			/* entries the grant holds */
	u32_t count;			/* reply: entries written (all if <= max) */
	u32_t total;			/* reply: regions the process has */
	u8_t pad[36];
} mess_vm_regions;

typedef struct {			/* VM_MAP_PHYS, VM_CONTIG */
	phys_bytes phys;		/* MAP_PHYS: page aligned; CONTIG reply */
	u32_t len;			/* bytes, page multiple, > 0 */
	vir_bytes addr;			/* reply: where it is mapped (read-write) */
	u8_t pad[44];
} mess_vm_phys;

typedef struct {			/* VM_LU_COPY */
	endpoint_t src;			/* the old instance */
	endpoint_t dst;			/* the caller itself */
	vir_bytes addr;			/* page aligned */
	u32_t len;			/* page multiple, > 0 */
	u8_t pad[40];
} mess_vm_lu_copy;

typedef struct {			/* VM_FILE_MAP */
	u64_t offset;			/* bytes into the object, page aligned */
	endpoint_t endpt;		/* whose address space */
	vir_bytes addr;			/* hint (MAP_FIXED: exact); reply: where */
	u32_t len;			/* bytes, > 0 */
	int prot;			/* MICA_PROT_* */
	int flags;			/* MICA_MAP_SHARED or PRIVATE, MAP_FIXED */
	u32_t obj;			/* VFS's id for the file/device, != 0 */
	u8_t pad[24];
} mess_vm_file_map;

typedef struct {			/* VM_VFS_FILL/IDLE, VM_FILE_FILLED/DROP */
	u32_t obj;
	u32_t page;			/* page index into the object */
	u32_t seq;			/* the fill's tag, echoed in FILLED */
	cp_grant_id_t grant;		/* FILL: VM's zeroed page, CPF_WRITE */
	int result;			/* FILLED: bytes read (0: past the end), -errno */
	u8_t pad[36];
} mess_vm_file_page;

typedef struct {			/* VM_FILE_SYNC, _REFRESH, _TRUNC */
	u64_t size;			/* TRUNC: the object's new size */
	u32_t obj;			/* the object (SYNC: 0 = by range); reply */
	u32_t page;			/* first page to look at; reply: the page */
	u32_t last;			/* REFRESH: last page to look at */
	endpoint_t endpt;		/* SYNC by range: whose mappings */
	vir_bytes addr;			/* SYNC by range: page aligned */
	u32_t len;			/* SYNC by range: bytes */
	cp_grant_id_t grant;		/* reply: VM's grant on the page */
	int found;			/* reply: 1 a page, 0 none */
	u8_t pad[16];
} mess_vm_file_sync;

typedef struct {			/* VM_FILE_PREFAULT */
	endpoint_t endpt;		/* whose buffer */
	vir_bytes addr;			/* from here; reply: the page to fill */
	u32_t len;			/* bytes */
	u32_t write;			/* the server will write the buffer */
	int found;			/* reply: 0 done, 1 fill, 2 wait for VM's notice */
	u32_t obj;			/* reply (1): as in VM_VFS_FILL */
	u32_t page;
	u32_t seq;
	cp_grant_id_t grant;
	u8_t pad[20];
} mess_vm_file_prefault;

#define VMIF_MESSAGES(X) \
	X(mess_vm_fork, m_vm_fork) \
	X(mess_vm_proc, m_vm_proc) \
	X(mess_vm_exec, m_vm_exec) \
	X(mess_vm_info, m_vm_info) \
	X(mess_vm_regions, m_vm_regions) \
	X(mess_vm_phys, m_vm_phys) \
	X(mess_vm_lu_copy, m_vm_lu_copy) \
	X(mess_vm_file_map, m_vm_file_map) \
	X(mess_vm_file_page, m_vm_file_page) \
	X(mess_vm_file_sync, m_vm_file_sync) \
	X(mess_vm_file_prefault, m_vm_file_prefault)

#endif /* MICA_VMIF_H */
