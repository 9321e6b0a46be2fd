/*
 * <sys/xattr.h> for Mica (newlib has none): only the setxattr flags, which
 * the file-system libraries' fsdriver entries take (include/mica/fsdriver.h)
 * whether micafuse calls them on the host or a server in Mica does.  No
 * system call reaches extended attributes in Mica yet, so there are no
 * getxattr/setxattr functions here; the values are Linux's, the host
 * front end's.
 */
#ifndef _SYS_XATTR_H
#define _SYS_XATTR_H

#define XATTR_CREATE  0x1	/* set only if the attribute does not exist */
#define XATTR_REPLACE 0x2	/* set only if it exists */

#endif
