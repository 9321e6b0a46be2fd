/*
 * type.h - basic types for Mica's freestanding OS side (kernel, boot
 * modules, servers).  The OS build uses -nostdinc, so the fixed-width types
 * are spelled here once.  Host code includes it only for message layouts
 * (the unit tests of libsys), so nothing here may clash with a host libc.
 */
#ifndef MICA_TYPE_H
#define MICA_TYPE_H

typedef unsigned char      u8_t;
typedef unsigned short     u16_t;
typedef unsigned int       u32_t;
typedef unsigned long long u64_t;
typedef signed char        i8_t;
typedef short              i16_t;
typedef int                i32_t;
typedef long long          i64_t;

typedef __SIZE_TYPE__      size_t;
typedef u32_t              vir_bytes;	/* a virtual address (user or kernel) */
typedef u32_t              phys_bytes;	/* a physical address */
typedef int                endpoint_t;	/* process endpoint: slot + generation */
typedef u32_t              clock_t_m;	/* clock ticks since boot */
typedef int                cp_grant_id_t;	/* grant id: index + sequence */

#ifndef NULL
#define NULL ((void *)0)
#endif

#define STATIC_ASSERT(c, name) _Static_assert((c), #name)

#endif /* MICA_TYPE_H */
