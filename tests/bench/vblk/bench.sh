#!/bin/bash
# tests/bench/vblk/bench.sh - sequential read of 8 MiB (a copy of the root
# image) from a virtio-blk disk against the memory driver serving the same
# image (4 rounds each, after a warm-up), per request of 64 and 16 blocks
# of 4 KiB (bench_vblk.c): guest
# instructions under -icount shift=0 and TCG wall-clock nanoseconds, each
# as a multiple of the memory driver's 64-block read in the same boot.
# Under -icount the virtio figures include the clock warps of the idle
# CPU while QEMU does the I/O (sleep=off jumps to the next timer): the
# TCG rows are the ones to compare.
# QEMU's trace (virtio_blk_handle_read) counts the device requests the
# driver made: one per gather (2 MBR reads, at attach and at the first
# open, then 4 rounds of 32 (warm-up), 32 and 128), i.e. 0.5 per
# 32 blocks at 64 blocks a gather.
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
tbin=$root/build/i386/bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bench=vblk
. "$root/tools/qemu/bench-lib.sh"
cp "$root/build/i386/root.img" "$tmp/disk.img"

run() {	# mode, extra QEMU options
	local reqs
	bench_run "$1" "$2 -drive file=$tmp/disk.img,format=raw,if=none,id=vd0,readonly=on -device virtio-blk-pci,drive=vd0 -trace enable=virtio_blk_handle_read -D $tmp/$1.trace" \
		300 "$tbin/bench_vblk.elf priv=sys" "$tbin/virtio_blk.elf priv=sys" \
		"$tbin/memory.elf priv=sys image=3" "$root/build/i386/root.img data" &&
	bench_table "$1" memory-64-blocks "memory driver 64-block reads" \
		virtio-64-blocks memory-16-blocks virtio-16-blocks || return 1
	reqs=$(grep -c virtio_blk_handle_read "$tmp/$1.trace")
	echo "  virtio-blk device read requests: $reqs (expected 2 MBR + 4 x (32 warm-up + 32 + 128) = 770)"
	[ "$reqs" = 770 ]
}

status=0
run icount "-icount shift=0,sleep=off" || status=1
run tcg "" || status=1
exit $status
