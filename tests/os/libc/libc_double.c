/*
 * libc_double.c - the stand-in's main loop: receive, find the handler in
 * the role's table, reply.  Unknown calls get -ENOSYS, like a real server.
 */
#include "double.h"

int double_path(endpoint_t who, cp_grant_id_t g, u32_t len, char *buf,
	u32_t size)
{
	int r;

	if (len == 0)
		return -ENOENT;
	if (len >= size)
		return -ENAMETOOLONG;
	if ((r = sys_safecopyfrom(who, g, 0, buf, len)) != OK)
		return r;
	buf[len] = '\0';
	for (u32_t i = 0; i < len; i++)
		if (!buf[i])
			return -EINVAL;
	return OK;
}

int main(const char *args)
{
	static const struct double_role *roles[] = { &double_vm, &double_pm, &double_vfs };
	const struct double_role *role = NULL;
	const char *want = arg_value(args, "role");
	message m;
	int r;

	for (u32_t i = 0; want && i < sizeof(roles) / sizeof(roles[0]); i++)
		if (!memcmp(want, roles[i]->name, strlen(roles[i]->name)) &&
		    (want[strlen(roles[i]->name)] == ' ' || !want[strlen(roles[i]->name)]))
			role = roles[i];
	if (!role) {
		printf("libc_double: role=vm|pm|vfs\n");
		return 1;
	}
	if (role->setup)
		role->setup();
	for (;;) {
		if (ipc_receive(ANY, &m) != OK || IS_NOTIFY(&m))
			continue;
		r = -ENOSYS;
		if (m.m_type >= role->base && m.m_type < role->base + role->count &&
		    role->calls[m.m_type - role->base])
			r = role->calls[m.m_type - role->base](&m);
		if (r == DOUBLE_NO_REPLY)
			continue;
		m.m_type = r;
		ipc_send(m.m_source, &m);
	}
}
