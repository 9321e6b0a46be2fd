/*
 * memdev.h - the memory driver's minors (bdev/memory): one definition for
 * the driver, VFS's device nodes (tools/mkimage/devtable repeats these
 * numbers in its own format and names this file) and tests.  The driver
 * is major 1 in VFS's dmap (vfs/dev.c) for both kinds of special file.
 */
#ifndef MICA_MEMDEV_H
#define MICA_MEMDEV_H

/* Block special files: /dev/ram0..ram3, minor i the disk of the driver's
 * "image<i>=" boot module ("image=" for ram0, which may instead be a
 * "size=" scratch disk; bdev/memory/README.md).  At most one per physical
 * memory range the kernel lists for the driver (NR_MEM_RANGES). */
#define MEM_RAM_MINOR     0	/* /dev/ram0: the RAM disk or the boot image */
#define MEM_RAM_NR        4	/* block minors 0..3: ram0..ram3 */

/* Character special files. */
#define MEM_NULL_MINOR    1	/* /dev/null: reads EOF, writes vanish */
#define MEM_ZERO_MINOR    2	/* /dev/zero: reads zeros, writes vanish */
#define MEM_RANDOM_MINOR  3	/* /dev/random, /dev/urandom: a PRNG */
#define MEM_NR_CHAR_MINORS 4	/* char minor 0 does not exist (ENXIO) */

#endif
