#!/bin/bash
# tests/bench/image/bench.sh - the file benchmarks of issue 10 in the real
# system: `make run`'s boot (BENCH_RUN_MODULES) with the big bench image
# (224 MiB, tests/bench/image/module.mk) whose /etc/rc runs
# /usr/bench/files and /usr/bench/bigfile, then powers off; MFS with
# stats=1.  One boot under -icount shift=0 (the TSC counts guest
# instructions: deterministic), one under plain TCG (wall time here).
#
#   files    10,000 files of 16 bytes created, stat'ed, unlinked in /tmp;
#            per file and in total, against a null VFS call in the same
#            boot and against Linux 6.1's anchors (issue 10: i386 + busybox
#            in the same QEMU, tmpfs: create 423M, stat 99M, unlink 164M
#            instructions for 10,000).  Target: within 2x of Linux.
#   bigfile  64 MiB written and read back through VFS -> MFS -> the memory
#            driver against a read of the raw /dev/ram0 in the same boot
#            (bigfile.c says what each phase reads from where); per MiB,
#            MB/s under TCG, and the device requests each phase issued per
#            32 blocks (MFS's libminixfs counters, printed at each sync).
#            Target: the cold file read at >= 80% of the raw read.
#            Twice: on big.img (1 KiB blocks, as root.img) and on big4k.img
#            (4 KiB blocks, MFS V3's default), each booted on its own.
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root" || exit 1
tbin=$root/build/i386/bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bench=image
. "$root/tools/qemu/bench-lib.sh"

mem="-m 512"	# the 224 MiB image module, MFS's cache (up to 64 MiB), the rest

report_files() {	# MODE
	local mode=$1
	bench_table "$mode" null-call "null calls" create stat unlink || return 1
	awk -v mode="$mode" -v c="$(bench_fig "$mode" create cyc)" -v s="$(bench_fig "$mode" stat cyc)" \
	    -v u="$(bench_fig "$mode" unlink cyc)" -v cn="$(bench_fig "$mode" create ns)" \
	    -v sn="$(bench_fig "$mode" stat ns)" -v un="$(bench_fig "$mode" unlink ns)" -v n="$(bench_fig "$mode" create runs)" '
	function line(what, per, ns, linux) {
		if (mode == "icount")
			printf "bench: files %-6s %d: %.1fM instructions (%.0f per file) = %.2fx Linux tmpfs (%dM)%s\n",
				what, n, per * n / 1e6, per, per * n / (linux * 1e6), linux,
				(per * n <= 2 * linux * 1e6 ? "" : "  [target 2x missed]")
		else
			printf "bench: files %-6s %d: %.2f s TCG wall (%.0f us per file)\n", what, n, ns * n / 1e9, ns / 1e3
	}
	BEGIN { line("create", c, cn, 423); line("stat", s, sn, 99); line("unlink", u, un, 164) }'
}

report_big() {	# MODE BLOCK-SIZE-NAME
	local mode=$1 bs=$2
	bench_table "$mode" raw-read "raw reads" write read-warm write-evict read-cold || return 1
	awk -v mode="$mode" -v raw="$(bench_fig "$mode" raw-read cyc)" -v rawns="$(bench_fig "$mode" raw-read ns)" \
	    -v cold="$(bench_fig "$mode" read-cold cyc)" -v coldns="$(bench_fig "$mode" read-cold ns)" \
	    -v warm="$(bench_fig "$mode" read-warm cyc)" -v warmns="$(bench_fig "$mode" read-warm ns)" \
	    -v wr="$(bench_fig "$mode" write cyc)" -v wrns="$(bench_fig "$mode" write ns)" -v bs="$bs" 'BEGIN {
		if (mode ~ /icount/) {
			printf "bench: 64MiB " bs " instructions per MiB: raw /dev/ram0 %.1fM, file write %.1fM, read warm %.1fM, read cold %.1fM\n",
				raw / 1e6, wr / 1e6, warm / 1e6, cold / 1e6
			printf "bench: 64MiB " bs " cold file read = %.1f%% of raw /dev/ram0 (instructions; target >= 80%%): %s\n",
				100 * raw / cold, (raw / cold >= 0.8 ? "met" : "MISSED")
		} else {
			printf "bench: 64MiB " bs " TCG MB/s: raw /dev/ram0 %.1f, file write %.1f, read warm %.1f, read cold %.1f\n",
				1.048576e3 / (rawns / 1e6), 1.048576e3 / (wrns / 1e6), 1.048576e3 / (warmns / 1e6), 1.048576e3 / (coldns / 1e6)
			printf "bench: 64MiB " bs " cold file read = %.1f%% of raw /dev/ram0 (TCG wall; target >= 80%%): %s\n",
				100 * rawns / coldns, (rawns / coldns >= 0.8 ? "met" : "MISSED")
		}
	}'
	bench_phase_requests "$mode" mfs
}

# boot MODE IMAGE REPORT...: one boot, its figures, the guest's failures
boot() {
	local mode=$1 image=$2 opts=$mem
	shift 2
	[[ $mode == icount* ]] && opts="$opts -icount shift=0,sleep=off"
	bench_mods "$image" || return 1
	bench_run "$mode" "$opts" 600 "${mods[@]}" || return 1
	"$@" || return 1
	! tr -d '\r' <"$tmp/$mode.log" | grep '^bench-failed\|^files:\|^bigfile:'
}

status=0
for mode in icount tcg; do
	boot $mode build/i386/bench/big.img eval 'report_files $mode && report_big $mode "1KiB-blocks"' ||
		status=1
	boot $mode-4k build/i386/bench/big4k.img report_big $mode-4k "4KiB-blocks" || status=1
done
exit $status
