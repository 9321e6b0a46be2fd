#!/bin/bash
# tests/bench/mmap/bench.sh - the fill path's cost: a 16 MiB file on ext2
# (mke2fs -d, 4 KiB blocks, /dev/ram1 of the whole system) read through a
# private mapping, one touch per page (every page a fill: VM -> VFS ->
# ext2 -> VFS -> VM), against read() of it in 4 KiB reads in the same
# boot; and the fault on a page the cache holds (another mapping of it).
# Per 4 KiB page: guest instructions under -icount shift=0 and TCG ns.
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
tbin=$root/build/i386/bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bench=mmap
. "$root/tools/qemu/bench-lib.sh"

mkdir -p "$tmp/tree"
head -c $((16 << 20)) /dev/urandom > "$tmp/tree/big"
mke2fs -q -F -t ext2 -b 4096 -d "$tmp/tree" "$tmp/big.ext2" 20M >/dev/null || exit 1

run() {	# mode, extra QEMU options
	bench_run "$1" "$2" 600 "$tbin/vm.elf" "$tbin/pm.elf" "$tbin/vfs.elf" \
		"$tbin/rs.elf priv=sys" "$tbin/ds.elf" "$tbin/tty.elf" \
		"$tbin/memory.elf image=10 image1=14" "$tbin/mfs.elf" \
		"$tbin/pfs.elf" "$tbin/bench_mmap.elf" "$root/build/i386/root.img data" \
		"$tbin/kernel.elf" "$tbin/ext2.elf" "$tbin/isofs.elf" \
		"$tmp/big.ext2 data" &&
	bench_table "$1" read-4k "read()" mmap-fill mmap-hit
}

status=0
run icount "-icount shift=0,sleep=off" || status=1
run tcg "" || status=1
exit $status
