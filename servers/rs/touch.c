/*
 * touch.c - the boot test of issue 9: "touch=PAGES" on RS's command line
 * makes RS, right after VM's init went out, map PAGES fresh anonymous
 * pages from VM and write each one, so RS page-faults into VM while VM
 * is (or has just been) running its init.  It works because VM answers
 * its init by senda: a synchronous reply to RS, blocked in its fault on
 * VM, would deadlock (MINIX's lesson).  Without the word RS touches
 * nothing; the rsvm suite (tests/os/tests.list) uses it.
 */
#include "rs.h"
#include <mica/callnr.h>

#define TOUCH_MAX 256		/* pages: 1 MiB */

void rs_touch_fresh(u32_t pages)
{
	volatile u8_t *p;
	message m;
	u32_t i, sum = 0;
	int r;

	if (pages == 0 || pages > TOUCH_MAX) {
		printf("rs: touch: %u pages refused (1..%u)\n", pages, TOUCH_MAX);
		return;
	}
	memset(&m, 0, sizeof(m));
	m.m_type = VM_MMAP;
	m.m_lc_vm_mmap.len = pages * PAGE_SIZE;
	m.m_lc_vm_mmap.prot = MICA_PROT_READ | MICA_PROT_WRITE;
	m.m_lc_vm_mmap.flags = MICA_MAP_PRIVATE | MICA_MAP_ANONYMOUS;
	m.m_lc_vm_mmap.fd = -1;
	if ((r = ipc_sendrec(VM_PROC_NR, &m)) != OK || (r = m.m_type) != OK) {
		printf("rs: touch: mmap from VM failed (%d)\n", r);
		return;
	}
	p = (volatile u8_t *)m.m_lc_vm_mmap.addr;
	for (i = 0; i < pages; i++) {
		p[i * PAGE_SIZE] = (u8_t)(i + 1);	/* a fault into VM each */
		sum += p[i * PAGE_SIZE];
	}
	printf("rs: touch: %u fresh pages from VM written and read back (%s)\n",
		pages, sum == pages * (pages + 1) / 2 % 0x100000000ull ? "ok" : "WRONG");
}
