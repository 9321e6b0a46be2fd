#!/bin/bash
# tests/bench/fsread/bench.sh - one tree read whole on ISO 9660, ext2 and
# MFS in Mica (bench_fsread.c says what each figure covers): guest
# instructions under -icount shift=0 (deterministic) and TCG wall-clock ns,
# each against MFS's warm read of the same tree in the same boot; MB/s
# from TCG.  The ISO (xorriso -R -J) and the ext2 image (mke2fs -d) are made
# here from fsmnt's tree (tests/os/fsmnt/mkimages.sh, less its one name
# too long for MFS) and booted as
# /dev/ram1 and /dev/ram2 with the whole system.
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
tbin=$root/build/i386/bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bench=fsread
. "$root/tools/qemu/bench-lib.sh"

# fsmnt's ISO tree without its 200-byte name (MFS names end at 60 bytes).
bash "$root/tests/os/fsmnt/mkimages.sh" "$tmp/img/trees" >/dev/null || exit 1
tree=$tmp/img/trees/iso_tree
rm -f "$tree"/docs/long_name_*
xorriso -as mkisofs -quiet -R -J -o "$tmp/img/tree.iso" "$tree" 2>/dev/null &&
mke2fs -q -F -t ext2 -b 1024 -d "$tree" "$tmp/img/tree.ext2" 2M >/dev/null || exit 1

run() {	# mode, extra QEMU options
	bench_run "$1" "$2" 300 "$tbin/vm.elf" "$tbin/pm.elf" "$tbin/vfs.elf" \
		"$tbin/rs.elf priv=sys" "$tbin/ds.elf" "$tbin/tty.elf" \
		"$tbin/memory.elf image=10 image1=14 image2=15" "$tbin/mfs.elf" \
		"$tbin/pfs.elf" "$tbin/bench_fsread.elf" "$root/build/i386/root.img data" \
		"$tbin/kernel.elf" "$tbin/ext2.elf" "$tbin/isofs.elf" \
		"$tmp/img/tree.iso data" "$tmp/img/tree.ext2 data" &&
	bench_table "$1" tree-mfs "MFS warm reads" tree-iso tree-ext2 \
		tree-cold-iso tree-cold-ext2
}

status=0
run icount "-icount shift=0,sleep=off" || status=1
if run tcg ""; then
	bytes=$(find "$tree" -type f -printf "%s\n" | awk "{ s += \$1 } END { print s }")
	for k in tree-mfs tree-iso tree-ext2 tree-cold-iso tree-cold-ext2; do
		awk -v k="$k" -v ns="$(bench_fig tcg "$k" ns)" -v b="$bytes" 'BEGIN {
			if (ns > 0) printf "  %-16s %.1f MB/s (TCG)\n", k, b / (ns / 1e9) / 1e6 }'
	done
else
	status=1
fi
exit $status
