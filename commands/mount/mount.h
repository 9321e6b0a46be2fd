/*
 * mount.h - inside the mount command: a mount with the type given or
 * detected (fstype.c), and /etc/fstab (fstab.c).
 */
#ifndef COMMANDS_MOUNT_H
#define COMMANDS_MOUNT_H

#define FSTAB	"/etc/fstab"

/* mount(2) of source (NULL: none) on dir as type, or, for a NULL type or
 * "auto", as the first type of FSTYPE_ORDER whose server accepts it; the
 * type used goes to *used.  A write-protected device (EROFS without
 * MS_RDONLY) is mounted read-only instead, and *ro_forced says so.  0, or
 * -1 with errno: the first error that is not "not this type" (EFTYPE,
 * ENODEV), else EBUSY if a server was busy, else EFTYPE. */
int mount_typed(const char *source, const char *dir, const char *type,
    unsigned long flags, const char **used, int *ro_forced);
/* "mfs, ext2, ..." for messages. */
const char *mount_type_names(void);

/* mount -a: every FSTAB entry but "/" and noauto ones; flags are added to
 * each entry's.  The exit status (1 if any entry failed). */
int mount_all(unsigned long flags);

#endif
