#!/bin/bash
# tests/bench/vmsrv/bench.sh - the VM server's costs per operation
# (bench_vmsrv.c says what each covers): guest instructions under -icount
# shift=0 (deterministic: the TSC counts instructions) and TCG wall-clock
# nanoseconds on this machine, each against a null kernel call in the same
# boot, and the anonymous fault against Linux's (issue 9's anchor: 3.9k
# instructions, Debian's i386 6.1 kernel under the same QEMU).
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
tbin=$root/build/i386/bin
ver=$(qemu-system-i386 --version | head -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {	# mode, extra QEMU options
	local log=$tmp/$1.log
	bash "$root/tools/qemu/run.sh" --timeout 300 --log "$log" ${2:+--qemu "$2"} \
		"$tbin/kernel.elf" "$tbin/vm.elf priv=sys" \
		"$tbin/bench_vmsrv.elf role=main priv=sys" "$tbin/kernel.elf" \
		"$tbin/kernel.elf" "$tbin/bench_vmsrv.elf role=other" >/dev/null || {
		echo "vmsrv bench ($1): run failed"; tail -5 "$log"; return 1; }
	tr -d '\r' < "$log" | awk -v mode="$1" -v ver="$ver" '
		/^bench: / { cyc[$2] = $5; ns[$2] = $7; n[$2] = $3 }
		END {
			ref = "null-kernel-call"
			if (!("anon-fault" in cyc)) { print "vmsrv bench (" mode "): no figures"; exit 1 }
			printf "%s, %s\n", ver, mode
			unit = mode == "icount" ? "instructions" : "TSC cycles"
			split("anon-fault cow-fault fork-exit fork-eager", names, " ")
			for (i = 1; i <= 4; i++) {
				k = names[i]
				printf "  %-12s %9d %s %9d ns (%d runs)", k, cyc[k], unit, ns[k], n[k]
				if (cyc[ref] > 0) printf " = %.1f null calls", cyc[k] / cyc[ref]
				if (mode == "icount" && k == "anon-fault")
					printf ", %.2fx Linux (3.9k)", cyc[k] / 3900
				printf "\n"
			}
			printf "  %-12s %9d %s %9d ns (reference)\n", ref, cyc[ref], unit, ns[ref]
		}'
}

status=0
run icount "-icount shift=0,sleep=off" || status=1
run tcg "" || status=1
exit $status
