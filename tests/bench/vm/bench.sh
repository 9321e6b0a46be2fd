#!/bin/bash
# tests/bench/vm/bench.sh - a page fault served by VM and a copy-on-write
# fault, per fault: in guest instructions under -icount shift=0 (the TSC
# counts instructions, so the figure is the same on every machine and
# run), and in TCG wall-clock nanoseconds (plain TCG, this machine).  The
# reference in the same boot is a null kernel call.
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
tbin=$root/build/i386/bin
ver=$(qemu-system-i386 --version | head -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {	# name, extra QEMU options
	local log=$tmp/$1.log
	bash "$root/tools/qemu/run.sh" --timeout 120 --log "$log" ${2:+--qemu "$2"} \
		"$tbin/kernel.elf" "$tbin/bench_vm.elf role=vm priv=sys" \
		"$tbin/bench_vm.elf role=client" >/dev/null || {
		echo "vm bench ($1): run failed"; tail -5 "$log"; return 1; }
	tr -d '\r' < "$log" | awk -v mode="$1" -v ver="$ver" '
		/^bench: / { cyc[$2] = $5; ns[$2] = $7; n[$2] = $3 }
		END {
			ref = "null-kernel-call"
			if (!("vm-pagefault" in cyc)) { print "vm bench (" mode "): no figures"; exit 1 }
			printf "%s, %s\n", ver, mode
			unit = mode == "icount" ? "guest instructions" : "TSC cycles"
			split("vm-pagefault cow-fault", names, " ")
			for (i = 1; i <= 2; i++) {
				k = names[i]
				printf "  %-20s %8d %s  %8d ns  (%d faults)", k, cyc[k], unit, ns[k], n[k]
				if (cyc[ref] > 0) printf "  = %.1f null kernel calls", cyc[k] / cyc[ref]
				printf "\n"
			}
			printf "  %-20s %8d %s  %8d ns  (reference)\n", ref, cyc[ref], unit, ns[ref]
		}'
}

status=0
run icount "-icount shift=0,sleep=off" || status=1
run tcg "" || status=1
exit $status
