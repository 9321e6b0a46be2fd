/*
 * const.h - sizes and limits shared by the kernel and its user-space
 * clients (system services, boot modules).
 */
#ifndef MICA_CONST_H
#define MICA_CONST_H

#define NR_TASKS       4	/* kernel pseudo-processes (see com.h) */
#define NR_PROCS     256	/* user process slots */
#define NR_SYS_IDS    (NR_TASKS + NR_PROCS)	/* bit index space of priv masks */
#define BITMAP_WORDS  ((NR_SYS_IDS + 31) / 32)

#define NR_SCHED_QUEUES 16	/* priority 0 is the highest */
#define USER_Q          8	/* default priority of a boot module */
#define IDLE_Q          (NR_SCHED_QUEUES - 1)
#define DEFAULT_QUANTUM 5	/* clock ticks */

#define HZ            100	/* clock ticks per second */

#define PAGE_SIZE     4096
#define USER_BASE     0x40000000u	/* lowest user virtual address */
#define USER_TOP      0xF0000000u	/* one past the highest user address */
#define USER_STACK_TOP  0xC0000000u	/* boot modules start with their stack here */
#define USER_STACK_SIZE (64 * 1024)

#define PROC_NAME_LEN 16
#define ASYNC_MAX     64	/* most entries in one senda table */
#define GRANT_MAX   1024	/* most entries in one grant table */
#define NR_IRQ_HOOKS  16
#define NR_IO_RANGES   4
#define NR_MEM_RANGES  4	/* physical ranges a process may map (SYS_PHYSMAP) */
#define NR_KERNEL_CALLS 64
#define KCALL_WORDS   ((NR_KERNEL_CALLS + 31) / 32)

#define RS_LABEL_LEN  16	/* a service label, NUL included (rs.h) */
#define DS_KEY_LEN    28	/* a DS key, NUL included (ds.h) */
#define DS_STR_LEN    20	/* a DS string value, NUL included */

#endif /* MICA_CONST_H */
