/*
 * bench_vblk.c - sequential reads of the same 8 MiB (a copy of the root
 * image) from a virtio-blk disk and from the memory driver serving the
 * image as a boot module, through libbdev, in gathers of 16 and 64 blocks
 * of 4 KiB (64 KiB and the cache's largest, 256 KiB), per request, in TSC
 * cycles and nanoseconds.  The memory driver's 64-block read is the
 * reference measured in the same boot.
 *   bench_vblk priv=sys, virtio_blk priv=sys, memory priv=sys image=3,
 *   root.img data          (and QEMU: the image copy as a virtio disk)
 * Prints "bench: <what> <n> iterations <cycles> cycles <ns> ns" lines and
 * "bench: done"; under -icount shift=0 the cycles are guest instructions.
 * Each pass also checks that both drivers gave the same bytes; one
 * unreported pass (of ROUNDS reads too) of each driver first lets TCG
 * translate the code.
 */
#include <mica/syslib.h>
#include "../lib/bench_sys.h"
#include <mica/libbdev.h>
#include <mica/vblkdev.h>
#include <mica/memdev.h>

#define VBLK	1
#define MEMORY	2
#define BS	4096u
#define TOTAL	(8u * 1024u * 1024u)
#define ROUNDS	4		/* reads of TOTAL per figure */

static u8_t bufs[2][BDEV_MAX_IOV * BS];

/*
 * Read TOTAL bytes ROUNDS times in gathers of blocks * BS into
 * bufs[which]; report per gather unless what is NULL (a warm-up: TCG
 * translates the code paths once, outside the figures).
 */
static int pass(const char *what, struct bdev_dev *d, u32_t blocks,
    int which, u32_t *sum)
{
	struct bdev_buf v[BDEV_MAX_IOV];
	u32_t t0, t1, i, n = 0, pos;
	u64_t c0, c1;
	int r;

	for (i = 0; i < blocks; i++)
		v[i] = (struct bdev_buf){ bufs[which] + i * BS, BS };
	*sum = 0;
	t0 = bench_uptime();
	c0 = rdtsc();
	for (pos = 0; pos < ROUNDS * TOTAL; pos += blocks * BS, n++) {
		if ((r = bdev_readv(d, pos % TOTAL, v, (int)blocks)) !=
		    (int)(blocks * BS)) {
			printf("bench: %s failed at %u (%d)\n",
			    what ? what : "warm-up", pos, r);
			return -1;
		}
		for (i = 0; i < blocks; i++)
			*sum = *sum * 31 + bufs[which][i * BS + (pos >> 12) % BS];
	}
	c1 = rdtsc();
	t1 = bench_uptime();
	if (what)
		bench_line(what, n, (struct bench_mark){ c0, t0 },
		    (struct bench_mark){ c1, t1 });
	return 0;
}

int main(const char *args)
{
	struct bdev_dev vd, rd;
	u32_t s1 = 0, s2 = 0, s3 = 0, s4 = 0;
	u64_t size = 0;

	(void)args;
	if (bdev_open(&vd, VBLK, VBLK_MINOR(0, 0), BDEV_R_BIT) != OK ||
	    bdev_open(&rd, MEMORY, MEM_RAM_MINOR, BDEV_R_BIT) != OK ||
	    bdev_size(&vd, &size) != OK || size < TOTAL) {
		printf("bench: open failed (disk %u bytes)\n", (u32_t)size);
		sys_shutdown(1);
	}
	if (pass(NULL, &rd, 64, 0, &s1) || pass(NULL, &vd, 64, 1, &s2) ||
	    pass("memory-64-blocks", &rd, 64, 0, &s1) ||
	    pass("virtio-64-blocks", &vd, 64, 1, &s2) ||
	    pass("memory-16-blocks", &rd, 16, 0, &s3) ||
	    pass("virtio-16-blocks", &vd, 16, 1, &s4))
		sys_shutdown(1);
	if (s1 != s2 || s3 != s4) {
		printf("bench: the drivers read different bytes failed\n");
		sys_shutdown(1);
	}
	printf("bench: done\n");
	sys_shutdown(0);
	return 0;
}
