/*
 * test_boot.c - boot modules: arguments, endpoints, and a module the kernel
 * must refuse (the kernel image itself: linked outside user space).
 *   boot: test_boot role=main priv=sys arg=42, kernel, test_boot role=peer
 * Module i is slot i and endpoint i even when an earlier one was refused.
 */
#include "tap.h"

#define MAIN 0
#define REFUSED 1
#define PEER 2

int main(const char *args)
{
	message m;
	endpoint_t self;
	int slot;

	if (tap_role(args, "peer")) {
		while (ipc_receive(ANY, &m) == OK)
			ipc_send(m.m_source, &m);
		return 1;
	}
	tap_is(arg_int(args, "arg", 0), 42, "the module's command line arrives");
	tap_ok(sys_self == MAIN && sys_getinfo(&self, &slot) == OK && self == MAIN,
		"crt0 passes the endpoint (%d)", sys_self);
	memset(&m, 0, sizeof(m));
	tap_is(ipc_sendnb(REFUSED, &m), -EDEADSRCDST, "a refused module's endpoint is dead");
	tap_is(ipc_sendrec(PEER, &m), OK, "the module after it is endpoint 2 and runs");
	tap_done();
}
