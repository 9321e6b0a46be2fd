/*
 * test_boot.c - boot modules: arguments, endpoints, and modules the kernel
 * must refuse (the kernel image itself: linked outside user space; a
 * command line whose arguments pass the 127 bytes a module's stack gets:
 * refused, not cut, since a cut one could mean other words).
 *   boot: test_boot role=main priv=sys arg=42, kernel, test_boot role=peer,
 *         test_boot role=peer pad=(127 bytes of arguments),
 *         test_boot role=peer pad=(128 bytes)
 * Module i is slot i and endpoint i even when an earlier one was refused.
 */
#include "tap.h"

#define MAIN 0
#define REFUSED 1
#define PEER 2
#define FULL 3		/* 127 bytes of arguments: runs */
#define LONG 4		/* 128: refused */

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
	tap_is(ipc_sendrec(FULL, &m), OK, "a module with 127 bytes of arguments runs");
	memset(&m, 0, sizeof(m));
	tap_is(ipc_sendnb(LONG, &m), -EDEADSRCDST,
		"a module with 128 bytes of arguments is refused, not cut");
	tap_done();
}
