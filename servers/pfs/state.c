/*
 * state.c - what of PFS outlives an instance, beside libfsdriver's mount
 * record: the inode-number mark (fs/pfs/pfs.h), a u32 in DS under
 * "<label>.ino".  A restarted PFS hands out numbers from the mark on, so
 * a number VFS still holds from the dead instance names nothing (EINVAL)
 * instead of someone else's new pipe.  The pipes' bytes do not survive.
 */
#include <string.h>

#include <mica/ds.h>
#include <mica/sef.h>

#include "pfs.h"

static void ino_key(char *key)
{
	const char *label = sef_label();
	size_t n = strlen(label);

	if (n > DS_KEY_LEN - 5)
		n = DS_KEY_LEN - 5;
	memcpy(key, label, n);
	memcpy(key + n, ".ino", 5);
}

ino_t pfs_ino_load(void)
{
	char key[DS_KEY_LEN];
	u32_t mark;

	ino_key(key);
	return ds_retrieve_u32(key, &mark) == OK ? (ino_t)mark : 0;
}

int pfs_ino_save(ino_t mark)
{
	char key[DS_KEY_LEN];

	ino_key(key);
	return ds_publish_u32(key, (u32_t)mark, DSF_OVERWRITE);
}
