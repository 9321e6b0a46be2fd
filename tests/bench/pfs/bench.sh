#!/bin/bash
# tests/bench/pfs/bench.sh - PFS's cost per request pair (bench_pfs.c says
# what each covers): guest instructions under -icount shift=0
# (deterministic: the TSC counts instructions) and TCG wall-clock
# nanoseconds on this machine, each against a null request to PFS (IPC
# and the front end) measured in the same boot; pipe-4k also as MiB/s
# through the pipe (TCG).
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
tbin=$root/build/i386/bin
ver=$(qemu-system-i386 --version | head -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {	# mode, extra QEMU options
	local log=$tmp/$1.log
	bash "$root/tools/qemu/run.sh" --timeout 300 --log "$log" ${2:+--qemu "$2"} \
		"$tbin/kernel.elf" "$tbin/kernel.elf" "$tbin/kernel.elf" \
		"$tbin/pfs.elf priv=sys" "$tbin/bench_pfs.elf priv=sys" \
		"$tbin/ds.elf priv=sys" >/dev/null || {
		echo "pfs bench ($1): run failed"; tail -5 "$log"; return 1; }
	tr -d '\r' < "$log" | awk -v mode="$1" -v ver="$ver" '
		/^bench: / { cyc[$2] = $5; ns[$2] = $7; n[$2] = $3 }
		END {
			ref = "null-request"
			if (!("pipe-4k" in cyc)) { print "pfs bench (" mode "): no figures"; exit 1 }
			printf "%s, %s\n", ver, mode
			unit = mode == "icount" ? "instructions" : "TSC cycles"
			split("pipe-1 pipe-4k pipe-new", names, " ")
			for (i = 1; i <= 3; i++) {
				k = names[i]
				printf "  %-12s %9d %s %9d ns (%d runs)", k, cyc[k], unit, ns[k], n[k]
				if (cyc[ref] > 0) printf " = %.2f null requests", cyc[k] / cyc[ref]
				if (k == "pipe-4k" && ns[k] > 0 && mode == "tcg")
					printf ", %.1f MiB/s", 4096 / (ns[k] / 1e9) / 1048576
				printf "\n"
			}
			printf "  %-12s %9d %s %9d ns (reference)\n", ref, cyc[ref], unit, ns[ref]
		}'
}

status=0
run icount "-icount shift=0,sleep=off" || status=1
run tcg "" || status=1
exit $status
