/*
 * syslib.h - libsys, the user side of the kernel: IPC primitives, kernel
 * call wrappers (sys_*), and the little runtime boot modules use (printf
 * to the console through SYS_DIAGCTL, string helpers).  Every function
 * returns OK or a negative error from mica/errno.h unless noted.
 */
#ifndef MICA_SYSLIB_H
#define MICA_SYSLIB_H

#include <mica/type.h>
#include <mica/const.h>
#include <mica/com.h>
#include <mica/errno.h>
#include <mica/ipc.h>
#include <mica/safecopies.h>

/* ipc.S */
int ipc_send(endpoint_t dst, message *m);
int ipc_receive(endpoint_t src, message *m);	/* src may be ANY */
int ipc_sendrec(endpoint_t dst, message *m);	/* reply overwrites *m */
int ipc_notify(endpoint_t dst);
int ipc_sendnb(endpoint_t dst, message *m);	/* ENOTREADY if dst not waiting */
int ipc_senda(asynmsg_t *table, u32_t count);
int ipc_raw(int op, endpoint_t e, vir_bytes addr, u32_t count);
int kernel_call(message *m);			/* m->m_type = SYS_x */

/* kcall.c */
int sys_diag_print(const char *s, u32_t len);
int sys_diag_dump(void);
int sys_shutdown(u32_t status);
int sys_getinfo(endpoint_t *self, int *slot);
int sys_privctl(endpoint_t e, int request, mess_lsys_krn_privctl *pm);
int sys_fork(endpoint_t parent);		/* child endpoint, 0 in the child */
int sys_exec(endpoint_t e, vir_bytes ip, vir_bytes sp);
int sys_clear(endpoint_t e);
void sys_exit(int status) __attribute__((noreturn));
int sys_memmap(endpoint_t e, vir_bytes addr, u32_t len, u32_t flags);
int sys_unmap(endpoint_t e, vir_bytes addr, u32_t len);
int sys_setgrant(cp_grant_t *table, u32_t count);
int sys_safecopyfrom(endpoint_t granter, cp_grant_id_t gid, vir_bytes offset,
	void *addr, u32_t bytes);
int sys_safecopyto(endpoint_t granter, cp_grant_id_t gid, vir_bytes offset,
	const void *addr, u32_t bytes);
int sys_irqctl(int request, int irq, u32_t policy, int hook_id);
int sys_inb(u32_t port, u32_t *value);
int sys_outb(u32_t port, u32_t value);
int sys_setalarm(u32_t ticks, u32_t *left);
int sys_times(endpoint_t e, u32_t *uptime, u32_t *user_ticks);
int sys_kill(endpoint_t e, int sig);
int sys_getksig(endpoint_t *e, u32_t *sigmap);
int sys_update(endpoint_t src, endpoint_t dst);
int sys_schedctl(endpoint_t e, int priority, int quantum);
int sys_vmctl_get_fault(mess_lsys_krn_vmctl *f);	/* f->endpt NONE: none */
int sys_vmctl_resume(endpoint_t e, int result);

/* grants.c: a static grant table registered on first use */
cp_grant_id_t cpf_grant_direct(endpoint_t to, vir_bytes addr, u32_t len,
	u32_t access);
cp_grant_id_t cpf_grant_indirect(endpoint_t to, endpoint_t from,
	cp_grant_id_t gid, vir_bytes offset, u32_t len, u32_t access);
cp_grant_id_t cpf_grant_magic(endpoint_t to, endpoint_t from, vir_bytes addr,
	u32_t len, u32_t access);
int cpf_revoke(cp_grant_id_t gid);

/* printf.c, string.c, start.c */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int snprintf(char *buf, u32_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
const char *arg_value(const char *args, const char *key);	/* "key=v" */
int arg_int(const char *args, const char *key, int dflt);
u64_t rdtsc(void);
extern endpoint_t sys_self;			/* set by crt0 */

int main(const char *args);

#endif /* MICA_SYSLIB_H */
