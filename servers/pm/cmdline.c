/*
 * cmdline.c - a process's command line (PM_GETCMDLINE, mica/procinfo.h).
 *
 * At PM_EXEC, PM copies the caller's exec frame (its own grant, the one
 * VFS later reads too) and checks it with libexec's parser at the address
 * VFS will place it (the top frame_len bytes below USER_STACK_TOP,
 * vmif.h), then keeps argv's strings, NUL after each, cut at
 * MICA_CMDLINE_MAX, as the exec's pending command line.  When VFS reports
 * the exec done it becomes the process's; a failed exec drops it.  So the
 * command line is what exec was given, fixed for the life of the image:
 * whatever the process writes over its stack later (a hostile one, or a
 * daemon retitling itself as BSD's setproctitle does) changes nothing,
 * and no length PM trusts comes from the process's memory.  A frame the
 * parser refuses leaves the pending line empty; VFS then refuses the exec.
 */
#include "pm.h"
#include <mica/exec.h>
#include <mica/procinfo.h>

static u32_t frame_words[EXEC_FRAME_MAX / 4];
#define frame ((u8_t *)frame_words)

/* Fill p's pending command line from the caller's frame grant. */
void cmdline_exec_start(struct mproc *p, cp_grant_id_t g, u32_t len)
{
	struct exec_frame f;
	vir_bytes base = USER_STACK_TOP - len;
	const u32_t *w = frame_words;
	u32_t n = 0;

	p->exec_cmdline_len = 0;
	if (len == 0 || len > EXEC_FRAME_MAX ||
	    sys_safecopyfrom(p->ep, g, 0, frame, len) != OK ||
	    exec_frame_parse(frame, len, base, &f) != OK)
		return;
	for (u32_t i = 0; i < f.argc && n < MICA_CMDLINE_MAX; i++) {
		/* the parser checked: inside the frame, NUL-terminated */
		const char *s = (const char *)frame + (w[f.argv_word + i] - base);
		size_t l = strlen(s) + 1;

		if (l > MICA_CMDLINE_MAX - n)
			l = MICA_CMDLINE_MAX - n;
		memcpy(p->exec_cmdline + n, s, l);
		n += l;
	}
	p->exec_cmdline_len = (u16_t)n;
}

/* The exec succeeded: its command line is the process's now. */
void cmdline_exec_done(struct mproc *p)
{
	memcpy(p->cmdline, p->exec_cmdline, p->exec_cmdline_len);
	p->cmdline_len = p->exec_cmdline_len;
	p->exec_cmdline_len = 0;
}

/* A forked child runs its parent's image: the same command line. */
void cmdline_fork(struct mproc *child, const struct mproc *parent)
{
	memcpy(child->cmdline, parent->cmdline, parent->cmdline_len);
	child->cmdline_len = parent->cmdline_len;
}

int do_getcmdline(void)
{
	const mess_lc_pm_cmdline *q = &m_in.m_lc_pm_cmdline;
	struct mproc *p = mp_by_pid(q->pid);
	u32_t n;

	if (!p || (p->flags & MP_ZOMBIE))
		return -ESRCH;
	n = q->size < p->cmdline_len ? q->size : p->cmdline_len;
	if (n > 0 && sys_safecopyto(m_in.m_source, q->grant, 0, p->cmdline,
	    n) != OK)
		return -EFAULT;
	return p->cmdline_len;
}
