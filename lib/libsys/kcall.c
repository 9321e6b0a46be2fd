/*
 * kcall.c - one wrapper per kernel call: fill the typed message, trap,
 * hand back the reply fields.
 */
#include <mica/syslib.h>

static int kcall(int nr, message *m)
{
	m->m_type = nr;
	return kernel_call(m);
}

int sys_diag_print(const char *s, u32_t len)
{
	message m = { 0 };

	m.m_diagctl.request = DIAG_PRINT;
	m.m_diagctl.buf = (vir_bytes)s;
	m.m_diagctl.len = len;
	return kcall(SYS_DIAGCTL, &m);
}

int sys_diag_dump(void)
{
	message m = { 0 };

	m.m_diagctl.request = DIAG_DUMP;
	return kcall(SYS_DIAGCTL, &m);
}

int sys_ipc_stats(struct ipc_stats *st)
{
	message m = { 0 };

	m.m_diagctl.request = DIAG_IPCSTAT;
	m.m_diagctl.buf = (vir_bytes)st;
	m.m_diagctl.len = sizeof(*st);
	return kcall(SYS_DIAGCTL, &m);
}

int sys_shutdown(u32_t status)
{
	message m = { 0 };

	m.m_diagctl.request = DIAG_SHUTDOWN;
	m.m_diagctl.len = status;
	return kcall(SYS_DIAGCTL, &m);
}

/* The call reads nothing but m_type, so the message is not cleared first
 * (64 bytes of stores on every call); what it answers is used only on OK. */
int sys_getinfo(endpoint_t *self, int *slot)
{
	message m;
	int r = kcall(SYS_GETINFO, &m);

	if (self)
		*self = r == OK ? m.m_proc.endpt : 0;
	if (slot)
		*slot = r == OK ? m.m_proc.slot : 0;
	return r;
}

int sys_privctl(endpoint_t e, int request, struct priv_info *pi)
{
	message m = { 0 };

	m.m_privctl.endpt = e;
	m.m_privctl.request = request;
	m.m_privctl.info = (vir_bytes)pi;
	return kcall(SYS_PRIVCTL, &m);
}

static int proc_call(int nr, endpoint_t e, endpoint_t e2, vir_bytes ip,
	vir_bytes sp)
{
	message m = { 0 };

	m.m_proc.endpt = e;
	m.m_proc.endpt2 = e2;
	m.m_proc.ip = ip;
	m.m_proc.sp = sp;
	return kcall(nr, &m);
}

int sys_fork(endpoint_t parent) { return proc_call(SYS_FORK, parent, NONE, 0, 0); }
int sys_exec(endpoint_t e, vir_bytes ip, vir_bytes sp) { return proc_call(SYS_EXEC, e, NONE, ip, sp); }
int sys_clear(endpoint_t e) { return proc_call(SYS_CLEAR, e, NONE, 0, 0); }
int sys_update(endpoint_t src, endpoint_t dst) { return proc_call(SYS_UPDATE, src, dst, 0, 0); }

void sys_exit(int status)
{
	message m = { 0 };

	(void)status;
	kcall(SYS_EXIT, &m);
	for (;;)
		;
}

static int mem_call(int nr, endpoint_t e, vir_bytes addr, u32_t len, u32_t flags)
{
	message m = { 0 };

	m.m_memmap.endpt = e;
	m.m_memmap.addr = addr;
	m.m_memmap.len = len;
	m.m_memmap.flags = flags;
	return kcall(nr, &m);
}

int sys_memmap(endpoint_t e, vir_bytes addr, u32_t len, u32_t flags) { return mem_call(SYS_MEMMAP, e, addr, len, flags); }
int sys_unmap(endpoint_t e, vir_bytes addr, u32_t len) { return mem_call(SYS_UNMAP, e, addr, len, 0); }

int sys_setgrant(cp_grant_t *table, u32_t count, u32_t flags, u32_t *epoch)
{
	message m = { 0 };
	int r;

	m.m_setgrant.addr = (vir_bytes)table;
	m.m_setgrant.count = count;
	m.m_setgrant.flags = flags;
	m.m_setgrant.epoch = epoch ? *epoch : 0;
	r = kcall(SYS_SETGRANT, &m);
	if (r == OK && epoch)
		*epoch = m.m_setgrant.epoch;
	return r;
}

static int safecopy(int nr, endpoint_t granter, cp_grant_id_t gid,
	vir_bytes offset, vir_bytes addr, u32_t bytes)
{
	message m = { 0 };

	m.m_safecopy.granter = granter;
	m.m_safecopy.gid = gid;
	m.m_safecopy.offset = offset;
	m.m_safecopy.address = addr;
	m.m_safecopy.bytes = bytes;
	return kcall(nr, &m);
}

int sys_safecopyfrom(endpoint_t granter, cp_grant_id_t gid, vir_bytes offset,
	void *addr, u32_t bytes)
{
	return safecopy(SYS_SAFECOPYFROM, granter, gid, offset, (vir_bytes)addr, bytes);
}

int sys_safecopyto(endpoint_t granter, cp_grant_id_t gid, vir_bytes offset,
	const void *addr, u32_t bytes)
{
	return safecopy(SYS_SAFECOPYTO, granter, gid, offset, (vir_bytes)addr, bytes);
}

int sys_irqctl(int request, int irq, u32_t policy, int hook_id)
{
	message m = { 0 };

	m.m_irqctl.request = request;
	m.m_irqctl.irq = irq;
	m.m_irqctl.policy = policy;
	m.m_irqctl.hook_id = hook_id;
	return kcall(SYS_IRQCTL, &m);
}

static int devio(int request, u32_t port, u32_t *value)
{
	message m = { 0 };
	int r;

	m.m_devio.request = request;
	m.m_devio.port = port;
	m.m_devio.value = *value;
	r = kcall(SYS_DEVIO, &m);
	*value = m.m_devio.value;
	return r;
}

int sys_inb(u32_t port, u32_t *value) { return devio(DIO_INB, port, value); }
int sys_outb(u32_t port, u32_t value) { return devio(DIO_OUTB, port, &value); }
int sys_inw(u32_t port, u32_t *value) { return devio(DIO_INW, port, value); }
int sys_outw(u32_t port, u32_t value) { return devio(DIO_OUTW, port, &value); }
int sys_inl(u32_t port, u32_t *value) { return devio(DIO_INL, port, value); }
int sys_outl(u32_t port, u32_t value) { return devio(DIO_OUTL, port, &value); }

int sys_setalarm(u32_t ticks, u32_t *left)
{
	message m = { 0 };
	int r;

	m.m_time.ticks = ticks;
	r = kcall(SYS_SETALARM, &m);
	if (left)
		*left = m.m_time.left;
	return r;
}

u64_t sys_idle_tsc(void)
{
	message m = { 0 };

	m.m_time.endpt = SELF;
	if (kcall(SYS_TIMES, &m) != OK)
		return 0;
	return (u64_t)m.m_time.idle_hi << 32 | m.m_time.idle_lo;
}

int sys_times(endpoint_t e, u32_t *uptime, u32_t *user_ticks)
{
	message m = { 0 };
	int r;

	m.m_time.endpt = e;
	r = kcall(SYS_TIMES, &m);
	if (uptime)
		*uptime = m.m_time.uptime;
	if (user_ticks)
		*user_ticks = m.m_time.user_ticks;
	return r;
}

int sys_stime(i64_t boot_sec, u32_t boot_nsec)
{
	message m = { 0 };

	m.m_time.boot_sec = boot_sec;
	m.m_time.boot_nsec = boot_nsec;
	return kcall(SYS_STIME, &m);
}

/* uptime ticks + the boot time, normalised (32-bit divisions only). */
int sys_realtime(i64_t *sec, u32_t *nsec)
{
	const u32_t ns_per_tick = 1000000000u / HZ;
	message m = { 0 };
	u32_t ns;
	int r;

	m.m_time.endpt = SELF;
	if ((r = kcall(SYS_TIMES, &m)) != OK)
		return r;
	ns = m.m_time.boot_nsec + (m.m_time.uptime % HZ) * ns_per_tick;
	*sec = m.m_time.boot_sec + m.m_time.uptime / HZ + ns / 1000000000u;
	*nsec = ns % 1000000000u;
	return OK;
}

int sys_kill(endpoint_t e, int sig)
{
	message m = { 0 };

	m.m_sig.endpt = e;
	m.m_sig.sig = sig;
	return kcall(SYS_KILL, &m);
}

int sys_getksig_fault(endpoint_t *e, u32_t *sigmap, vir_bytes *addr, int *code)
{
	message m = { 0 };
	int r = kcall(SYS_GETKSIG, &m);

	*e = m.m_sig.endpt;
	*sigmap = m.m_sig.sigmap;
	*addr = m.m_sig.addr;
	*code = m.m_sig.code;
	return r;
}

int sys_getksig(endpoint_t *e, u32_t *sigmap)
{
	vir_bytes addr;
	int code;

	return sys_getksig_fault(e, sigmap, &addr, &code);
}

int sys_schedctl(endpoint_t e, int priority, int quantum)
{
	message m = { 0 };

	m.m_schedctl.endpt = e;
	m.m_schedctl.priority = priority;
	m.m_schedctl.quantum = quantum;
	return kcall(SYS_SCHEDCTL, &m);
}

int sys_vmctl_get_fault(mess_lsys_krn_vmctl *f)
{
	message m = { 0 };
	int r;

	m.m_vmctl.request = VMCTL_GET_FAULT;
	r = kcall(SYS_VMCTL, &m);
	*f = m.m_vmctl;
	if (r != OK)
		f->endpt = NONE;
	return r;
}

int sys_vmctl_resume(endpoint_t e, int result)
{
	return sys_vmctl_resume_map(e, result, 0);
}

int sys_vmctl_resume_map(endpoint_t e, int result, u32_t map)
{
	message m = { 0 };

	m.m_vmctl.request = VMCTL_RESUME;
	m.m_vmctl.endpt = e;
	m.m_vmctl.result = result;
	m.m_vmctl.map = map;
	return kcall(SYS_VMCTL, &m);
}
