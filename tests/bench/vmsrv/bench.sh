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
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bench=vmsrv
. "$root/tools/qemu/bench-lib.sh"

run() {	# mode, extra QEMU options
	bench_run "$1" "$2" 300 "$tbin/vm.elf priv=sys" \
		"$tbin/bench_vmsrv.elf role=main priv=sys" "$tbin/kernel.elf" \
		"$tbin/kernel.elf" "$tbin/bench_vmsrv.elf role=other" &&
	bench_table "$1" null-kernel-call "null calls" anon-fault cow-fault \
		fork-exit fork-eager
}

status=0
run icount "-icount shift=0,sleep=off" || status=1
[ $status = 0 ] && awk -v c="$(bench_fig icount anon-fault cyc)" \
	'BEGIN { printf "  anon-fault against Linux 6.1 in-kernel (3.9k): %.2fx (target <= 2)\n", c / 3900 }'
run tcg "" || status=1
exit $status
