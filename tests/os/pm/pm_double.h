/*
 * pm_double.h - what test_pm may ask pm_double, the stand-in for VM and
 * VFS in the "pm" suite: PMD_STATS returns what the VFS role saw of the
 * PM<->VFS protocol (mica/pmvfs.h), so the test can check that every
 * process PM forked was announced to VFS, every exit too, and that no
 * request broke the protocol.
 */
#ifndef PM_DOUBLE_H
#define PM_DOUBLE_H

#define PMD_STATS 0x2f00	/* to VFS_PROC_NR; reply m_u32.data[] below */
#define PMD_FORKS    0		/* VFS_PM_FORK requests */
#define PMD_EXITS    1		/* VFS_PM_EXIT requests */
#define PMD_LIVE     2		/* processes VFS knows now */
#define PMD_BAD      3		/* protocol violations seen */
#define PMD_EXECS    4		/* VFS_PM_EXEC requests */
#define PMD_IDS      5		/* SETUID/SETGID/SETGROUPS/SETSID/SETPGID */
#define PMD_UNPAUSE  6

#endif
