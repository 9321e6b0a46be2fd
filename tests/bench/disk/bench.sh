#!/bin/bash
# tests/bench/disk/bench.sh - issue 12's disk benchmark, in one boot of the
# real system: `make run`'s modules (BENCH_RUN_MODULES) with the disk bench
# root image (tests/bench/image: /etc/rc runs /usr/bench/disk and
# /usr/bench/files, then powers off), every MFS with stats=1, and one
# virtio-blk disk made here: mkfs.mfs -B 4096 holding big.dat, 64 MiB of
# a known pattern (seq's lines).  The guest (disk.c, files.c say what
# each figure covers) mounts it as mfs2 and reads:
#
#   raw-read     `dd bs=64k` of the first 64 MiB of /dev/vda (the
#                reference; the disk is mounted, so VFS sends the block
#                special file's reads to its MFS: that cache, 4 KiB blocks)
#   read-cold    big.dat after a remount, 64 KiB reads; per MiB
#                target: >= 80% of raw-read (TCG wall time)
#   rand-raw     1000 4 KiB preads of /dev/vda at pseudo-random offsets
#   rand-cold    the same offsets in big.dat after a remount, then
#   rand-warm    again; per read
#   create/stat/unlink  10,000 files of 16 bytes in one directory on the
#                disk; per file, against a null VFS call (umask)
#
# One boot under -icount shift=0,sleep=off (the TSC counts guest
# instructions: the CPU cost, deterministic) and one under plain TCG (wall
# time, the figures compared against raw).  Under -icount the figures of
# reads that wait for the disk include the clock warps of the idle CPU
# while QEMU does the I/O (sleep=off jumps to the next timer): they are
# not work (see tests/bench/vblk/bench.sh).
#
# Device requests: per phase from the MFS counters (mfs-stats lines at
# each sync: requests per 32 blocks, mean request size, read-ahead's
# share; target on the sequential file read <= 1 request per 32 blocks),
# and for the whole boot from QEMU's trace (virtio_blk_handle_read: the
# requests the device really saw, by size).  The guest's cksum of big.dat
# must equal the host's.
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root" || exit 1
tbin=$root/build/i386/bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bench=disk
. "$root/tools/qemu/bench-lib.sh"

# The data disk: 192 MiB of 4 KiB blocks, inodes for the 10,000 files.
mkdir "$tmp/stage"
seq -w 1 99999999 | head -c $((64 << 20)) >"$tmp/stage/big.dat" || exit 1
want=$(cksum <"$tmp/stage/big.dat" | awk '{ print $1, $2 }')
"$root/build/bin/mkfs.mfs" -q -B 4096 -b 49152 -i 12288 -d "$tmp/stage" \
	"$tmp/disk.img" || exit 1
rm -rf "$tmp/stage"

# Each phase's work per MiB, read or file ("KEY PER UNIT [RATIO]"; for
# read-cold the ratio to raw-read): the mfs-stats lines' TSC minus idle
# between the syncs around it, the mean of its rounds.
work() {	# MODE
	bench_phase_requests "$1" mfs2 | awk '
		{ k = $1; sub(/#.*/, "", k); w = $NF; sub(/M$/, "", w); s[k] += w; n[k]++ }
		END {
			split("raw-read 64 MiB read-cold 64 MiB rand-raw 1000 read rand-cold 1000 read rand-warm 1000 read files-create 10000 file files-stat 10000 file files-unlink 10000 file", f, " ")
			for (i = 1; i in f; i += 3) {
				k = f[i]
				if (!(k in n)) { printf "%s missing -\n", k; continue }
				printf "%s %.0f %s", k, s[k] / n[k] * 1e6 / f[i + 1], f[i + 2]
				if (k == "read-cold" && ("raw-read" in n))
					printf " %.2f", s[k] / n[k] / (s["raw-read"] / n["raw-read"])
				printf "\n"
			}
		}'
}

report() {	# MODE
	local mode=$1
	echo "-- sequential 64 MiB (per MiB), random 4 KiB reads (per read)"
	bench_table "$mode" raw-read "raw reads" read-cold rand-raw rand-cold rand-warm || return 1
	awk -v mode="$mode" -v raw="$(work "$mode" | awk '$1 == "raw-read" { print $2 }')" \
	    -v rawns="$(bench_fig "$mode" raw-read ns)" -v cold="$(work "$mode" | awk '$1 == "read-cold" { print $2 }')" \
	    -v coldns="$(bench_fig "$mode" read-cold ns)" -v rr="$(bench_fig "$mode" rand-raw ns)" \
	    -v rc="$(bench_fig "$mode" rand-cold ns)" -v rw="$(bench_fig "$mode" rand-warm ns)" 'BEGIN {
		if (mode == "icount") {
			printf "bench: disk 64MiB guest instructions per MiB, idle clock warps left out (the table above has them): raw /dev/vda %.2fM, file cold %.2fM: file/raw %.2f\n",
				raw / 1e6, cold / 1e6, cold / raw
		} else {
			printf "bench: disk 64MiB TCG MB/s: raw /dev/vda %.1f, file cold %.1f\n",
				1.048576e3 / (rawns / 1e6), 1.048576e3 / (coldns / 1e6)
			printf "bench: disk cold file read = %.1f%% of raw /dev/vda (TCG wall; target >= 80%%): %s\n",
				100 * rawns / coldns, (rawns / coldns >= 0.8 ? "met" : "MISSED")
			printf "bench: disk random 4 KiB reads, TCG us per read: raw %.1f, file cold %.1f, warm %.1f\n",
				rr / 1e3, rc / 1e3, rw / 1e3
		}
	}'
	echo "-- device reads per phase: the disk's MFS (mfs2: the file)"
	bench_phase_requests "$mode" mfs2
	echo "-- the sequential file read, target <= 1 request per 32 blocks:"
	bench_phase_requests "$mode" mfs2 | awk '/read-cold/ { n++; s += $8 } END {
		if (n) printf "  %.2f requests per 32 blocks (mean of %d rounds): %s\n", s / n, n, (s / n <= 1 ? "met" : "MISSED") }'
	echo "-- the device's view (QEMU trace, whole boot): read requests by size"
	awk '/virtio_blk_handle_read/ { for (i = 1; i < NF; i++) if ($i == "nsectors") n[$(i + 1)]++ }
		END { for (k in n) printf "  %6d requests of %3d KiB\n", n[k], k / 2 }' "$tmp/$mode.trace" |
		sort -k4,4n | awk '{ print; t += $1; s += $1 * $4 }
		END { if (t) printf "  %6d requests, mean %.1f KiB\n", t, s / t }'
	echo "-- 10,000 files on the disk (per file)"
	bench_table "$mode" null-call "null calls" create stat unlink stat-name fstat || return 1
	echo "-- work: TSC cycles not idle per phase (kernel/sched.c; under icount the"
	echo "   guest instructions without the clock warps of waits), the mean of the rounds;"
	echo "   a phase runs from the sync before it to the sync after (files: writeback included)"
	work "$mode" | awk -v mode="$mode" '{
		printf "  %-13s %12.0f %s per %s", $1, $2, (mode == "icount" ? "instructions" : "TSC cycles"), $3
		if ($1 == "read-cold") printf "  = %.2f raw-read", $4
		printf "\n" }'
}

boot() {	# MODE QEMU-OPTS
	local mode=$1 got
	cp "$tmp/disk.img" "$tmp/run.img" || return 1
	bench_run "$mode" "-m 512 $2 -drive file=$tmp/run.img,format=raw,if=none,id=vd0 -device virtio-blk-pci,drive=vd0 -trace enable=virtio_blk_handle_read -D $tmp/$mode.trace" \
		900 "${mods[@]}" || return 1
	got=$(tr -d '\r' <"$tmp/$mode.log" | awk '/^disk-cksum: / { print $2, $3 }')
	if [ "$got" != "$want" ]; then
		echo "disk bench ($mode): the guest read big.dat as cksum '$got', the host wrote '$want'"
		return 1
	fi
	echo "disk bench ($mode): big.dat cksum $got, the same as the host's"
	report "$mode" || return 1
	! tr -d '\r' <"$tmp/$mode.log" | grep '^bench-failed\|^files:\|^disk:'
}

bench_mods "$root/build/i386/bench/disk.img" || exit 1
status=0
boot icount "-icount shift=0,sleep=off" || status=1
boot tcg "" || status=1
exit $status
