/*
 * main.c - VM: start through SEF (fresh: adopt the boot processes'
 * memory; restart or live update: take the old instance's state over,
 * restart.c), then serve forever: page faults on the kernel's
 * notification (fault.c), the C library's calls and the servers' calls
 * (vmif.h) through one table.  Every reply goes with ipc_sendnb: the
 * caller waits in sendrec, and VM never blocks on anyone.  A caller whose
 * request took its own reply buffer away (munmap, mprotect of that page)
 * cannot get the reply and would wait forever: it gets SIGSEGV instead.  The init reply
 * to RS is SEF's, asynchronous (RS may be faulting into VM meanwhile).
 */
#include "vm.h"
#include <mica/sef.h>

endpoint_t vm_self;

typedef int (*vm_handler_t)(message *m);

static const vm_handler_t lc_calls[VM_NR_CALLS] = {
	[VM_BRK - VM_RQ_BASE] = do_brk,
	[VM_MMAP - VM_RQ_BASE] = do_mmap,
	[VM_MUNMAP - VM_RQ_BASE] = do_munmap,
	[VM_MPROTECT - VM_RQ_BASE] = do_mprotect,
};

static const vm_handler_t srv_calls[VM_SRV_NR] = {
	[VM_FORK - VM_SRV_BASE] = do_fork,
	[VM_EXIT - VM_SRV_BASE] = do_exit,
	[VM_EXEC_NEWMEM - VM_SRV_BASE] = do_exec_newmem,
	[VM_EXEC_DONE - VM_SRV_BASE] = do_exec_done,
	[VM_INFO - VM_SRV_BASE] = do_info,
	[VM_REGIONS - VM_SRV_BASE] = do_regions,
	[VM_MAP_PHYS - VM_SRV_BASE] = do_map_phys,
	[VM_CONTIG - VM_SRV_BASE] = do_contig,
	[VM_LU_COPY - VM_SRV_BASE] = do_lu_copy,
	[VM_FILE_MAP - VM_SRV_BASE] = do_file_map,
	[VM_FILE_FILLED - VM_SRV_BASE] = do_file_filled,
	[VM_FILE_DROP - VM_SRV_BASE] = do_file_drop,
	[VM_FILE_SYNC - VM_SRV_BASE] = do_file_sync,
	[VM_FILE_REFRESH - VM_SRV_BASE] = do_file_refresh,
	[VM_FILE_TRUNC - VM_SRV_BASE] = do_file_trunc,
	[VM_FILE_PREFAULT - VM_SRV_BASE] = do_file_prefault,
};

static vm_handler_t handler_of(int type)
{
	u32_t lc = (u32_t)(type - VM_RQ_BASE), srv = (u32_t)(type - VM_SRV_BASE);

	if (type >= VM_RQ_BASE && lc < VM_NR_CALLS)
		return lc_calls[lc];
	if (type >= VM_SRV_BASE && srv < VM_SRV_NR)
		return srv_calls[srv];
	return NULL;
}

static void vm_handle(message *m)
{
	vm_handler_t h;
	endpoint_t who = m->m_source;
	int r;

	if (IS_NOTIFY(m)) {
		if (who == KERNEL)
			vm_faults();
		return;
	}
	r = (h = handler_of(m->m_type)) ? h(m) : -ENOSYS;
	if (r == -ENOMEM)
		vm_state->st.ooms++;
	m->m_type = r;
	if (ipc_sendnb(who, m) == -EFAULT)
		sys_kill(who, SIGSEGV);	/* it unmapped its own reply buffer */
}

/* Take the kernel's faults (PF_VM), until RS gives VM its privileges. */
static int vm_register(void)
{
	struct priv_info pv;
	int r;

	memset(&pv, 0, sizeof(pv));
	if ((r = sys_privctl(SELF, PRIV_GET, &pv)) != OK)
		return r;
	if (pv.flags & PF_VM)
		return OK;
	pv.flags |= PF_VM;
	return sys_privctl(SELF, PRIV_SET, &pv);
}

static int vm_init_fresh(int type, const sef_init_info_t *info)
{
	int r;

	(void)type, (void)info;
	vm_self = sef_self();
	if ((r = vm_heap_init()) != OK || (r = vm_register()) != OK)
		return r;
	vm_adopt_boot();
	return OK;
}

static int vm_init_restart(int type, const sef_init_info_t *info)
{
	(void)type;
	vm_self = sef_self();		/* a swap may have moved this instance */
	return vm_restart_from(info->old_ep);
}

int main(const char *args)
{
	message m;
	int r;

	(void)args;
	sys_getinfo(&vm_self, NULL);
	sef_setcb_init_fresh(vm_init_fresh);
	sef_setcb_init_restart(vm_init_restart);
	sef_setcb_init_lu(vm_init_restart);
	if ((r = sef_startup()) != OK)
		panic("vm: init failed (%d)", r);
	sys_getinfo(&vm_self, NULL);
	vm_faults();			/* faults that waited for this instance */
	for (;;) {
		if ((r = sef_receive(ANY, &m)) != OK)
			panic("vm: receive failed (%d)", r);
		vm_handle(&m);
		file_send_fills();	/* notices the senda table had no room for */
		obj_notices();
	}
}
