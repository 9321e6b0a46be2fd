/* commands/mount/list.h - mount's listing of the mount table (list.c). */
#ifndef MOUNT_LIST_H
#define MOUNT_LIST_H

/* Print every mount; the command's status. */
int mount_list(void);

#endif
