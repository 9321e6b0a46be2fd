/*
 * conf.h - RS's configuration parser and privilege builder (conf.c,
 * bootmap.c): pure functions over text and tables, built for the host too
 * (tests/unit/rs), so every hostile configuration is tested there.
 */
#ifndef RS_CONF_H
#define RS_CONF_H

#include <mica/type.h>
#include <mica/const.h>
#include <mica/com.h>
#include <mica/errno.h>
#include <mica/ipc.h>
#include <mica/rs.h>

#ifdef RS_HOST
#include <string.h>
#else
#include <mica/syslib.h>
#endif

/*
 * Parse text[0..len) into tab (at most max stanzas' labels).  Returns the
 * number of entries (refused stanzas included, marked bad with the line
 * and reason in err) or -EINVAL when the text itself is unusable (too
 * many labels; then *err says why).  Errors outside any stanza are
 * reported through bad entries with an empty label.
 */
int rs_conf_parse(const char *text, u32_t len, struct rs_conf *tab, int max,
	char *err, u32_t errlen);

/* The entry for label, or NULL. */
const struct rs_conf *rs_conf_find(const struct rs_conf *tab, int n,
	const char *label);

/*
 * Where each label runs at boot: RS's command line "label=slot ..."
 * ("priv=sys", the kernel's word, "ping=TICKS" and "touch=PAGES" are
 * skipped here: boot.c reads them).
 */
#define RS_BOOT_MAX 32
struct rs_boot {
	char label[RS_LABEL_LEN];
	int slot;
};
/* Entries, or -EINVAL with the offending word in err. */
int rs_boot_parse(const char *args, struct rs_boot *map, int max, char *err,
	u32_t errlen);

/*
 * The privileges of a good entry c: exactly its calls, IRQs, ranges and
 * flags (plus PF_SYS_PROC), IPC to its listed labels' slots (through map)
 * and to RS.  -EINVAL with err set when a listed label has no boot slot.
 */
int rs_conf_priv(const struct rs_conf *c, const struct rs_boot *map, int n,
	struct priv_info *pi, char *err, u32_t errlen);

/*
 * Keep the physical ranges the boot image gave the process (the kernel's
 * "image=J": a boot module's pages, as the memory driver's root image)
 * in pi, ahead of the configured ones: the boot image is trusted like the
 * boot map.  -EINVAL with err set when both do not fit in NR_MEM_RANGES.
 */
int rs_priv_keep_boot(struct priv_info *pi, const struct priv_info *boot,
	char *err, u32_t errlen);

/* A label's rules: 1..RS_LABEL_LEN-1 of [a-z0-9_-], starting with a letter. */
int rs_label_ok(const char *s, u32_t len);

#endif /* RS_CONF_H */
