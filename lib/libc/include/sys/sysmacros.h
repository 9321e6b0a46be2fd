/*
 * <sys/sysmacros.h> for Mica: newlib has none.  Device numbers are
 * newlib's 16-bit dev_t, MINIX's major << 8 | minor (which is also the
 * small-number case of the encoding file systems store, see
 * fsdriver_dev_encode in mica/fsdriver.h).
 */
#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H

#include <sys/types.h>

#define major(dev)	((unsigned int)(((dev) >> 8) & 0xff))
#define minor(dev)	((unsigned int)((dev) & 0xff))
#define makedev(ma, mi)	((dev_t)((((ma) & 0xff) << 8) | ((mi) & 0xff)))

#endif /* _SYS_SYSMACROS_H */
