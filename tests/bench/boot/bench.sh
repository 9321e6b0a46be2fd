#!/bin/bash
# tests/bench/boot/bench.sh - boot to the prompt (issue 10).
#
# Wall time under TCG: `make run`'s boot (BENCH_RUN_MODULES) with the boot
# bench image (tests/bench/image/boot.img: root.img plus /usr/bench/tsc at
# the end of /etc/rc) from QEMU's start to the console shell's first
# prompt, where "poweroff" is typed, and to QEMU's exit; against the floor
# in the same run: floor.S, a multiboot kernel that exits at once (QEMU's
# start, firmware, multiboot load: what no kernel can avoid).  ROUNDS boots
# of each, interleaved, medians.  Then one boot under -icount shift=0: the
# TSC that /usr/bench/tsc reads at the end of /etc/rc counts guest
# instructions since reset, plus the virtual time QEMU skips to the next
# timer while the CPU idles (sleep=off) - deterministic either way.
# Anchor (issue 10): Linux 6.1 i386 + busybox, same QEMU, boot to init
# 7.0G instructions, 5.9-6.1 s TCG wall.  Target: boot <= 1 s under TCG.
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root" || exit 1
tbin=$root/build/i386/bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bench=boot
. "$root/tools/qemu/bench-lib.sh"
rounds=${BENCH_BOOT_ROUNDS:-7}
[ -n "${BENCH_RUN_MODULES:-}" ] || { echo "boot bench: run it from make bench"; exit 1; }

eval "run_mods=($BENCH_RUN_MODULES)"
mods=()
for m in "${run_mods[@]}"; do
	case $m in
	*/root.img" data") mods+=("build/i386/bench/boot.img data") ;;
	*) mods+=("$m") ;;
	esac
done
[[ "${mods[*]}" == *bench/boot.img* ]] || { echo "boot bench: no root.img in make run's list"; exit 1; }
kernel=$tbin/kernel.elf

status=0
: >"$tmp/rounds"
for ((r = 0; r < rounds; r++)); do	# interleaved: load changes hit both
	bench_boot 1 floor "" 60 "$tbin/bench_floor.elf" || { status=1; break; }
	bench_boot 1 tcg "" 60 "$kernel" "${mods[@]}" || { status=1; break; }
	echo "$(bench_fig floor wall-exit ns) $(bench_fig tcg wall-prompt ns) $(bench_fig tcg wall-exit ns)" \
		>>"$tmp/rounds"
done
if [ $status = 0 ]; then
	awk -v n="$rounds" -v ver="$ver" '
	function median(col,   i, v, k, t) {
		for (i = 1; i <= n; i++) v[i] = x[i, col]
		for (i = 2; i <= n; i++)	# insertion sort: n is small
			for (k = i; k > 1 && v[k - 1] > v[k]; k--) { t = v[k]; v[k] = v[k - 1]; v[k - 1] = t }
		return v[int((n + 1) / 2)] / 1e9
	}
	{ x[NR, 1] = $1; x[NR, 2] = $2; x[NR, 3] = $3 }
	END {
		f = median(1); p = median(2); e = median(3)
		printf "%s, TCG, median of %d boots each\n", ver, n
		printf "bench: boot floor (multiboot kernel, exits at once) %.3f s\n", f
		printf "bench: boot Mica to the prompt %.3f s = %.2fx floor (Mica'"'"'s own %.3f s), to poweroff'"'"'s exit %.3f s\n", p, p / f, p - f, e
		printf "bench: boot target <= 1 s to the prompt: %s; Linux 6.1 5.9-6.1 s: %.3fx\n", p <= 1 ? "met" : "MISSED", p / 6.0
	}' "$tmp/rounds"
fi

if bench_boot 1 icount "-icount shift=0,sleep=off" 120 "$kernel" "${mods[@]}"; then
	awk -v cyc="$(bench_fig icount boot-rc cyc)" 'BEGIN {
		if (cyc <= 0) { print "bench: boot (icount): no figure"; exit 1 }
		printf "bench: boot (icount) reset to the end of /etc/rc: %.0f instructions (+ idle skips) = %.3fx Linux 6.1 boot to init (7.0G)\n",
			cyc, cyc / 7.0e9 }' || status=1
else
	status=1
fi
exit $status
