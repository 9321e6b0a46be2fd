/*
 * as_rs.h - a test standing in for RS: the services a suite boots without
 * RS (DS, drivers, file systems) wait in sef_startup for an init from
 * RS_PROC_NR, which the test's slot is; this sends it and waits for the
 * answer.  Header-only (static inline): each suite is one boot module.
 */
#ifndef TESTS_OS_AS_RS_H
#define TESTS_OS_AS_RS_H

#include <mica/syslib.h>
#include <mica/sef.h>

/* Initialise ep under label with init type (SEF_INIT_FRESH, ..._RESTART):
 * the init callback's result, -9999 when the IPC failed, -9998 when the
 * answer was no RS_INIT_REPLY. */
static inline int as_rs_init(endpoint_t ep, const char *label, int type)
{
	size_t len = strlen(label);
	message m;

	memset(&m, 0, sizeof(m));
	m.m_type = RS_INIT;
	m.m_rs_init.type = type;
	memcpy(m.m_rs_init.label, label,
		len < RS_LABEL_LEN - 1 ? len : RS_LABEL_LEN - 1);
	if (ipc_send(ep, &m) != OK || ipc_receive(ep, &m) != OK)
		return -9999;
	return m.m_type == RS_INIT_REPLY ? m.m_rs_init_reply.result : -9998;
}

#endif
