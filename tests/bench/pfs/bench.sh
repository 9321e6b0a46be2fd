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
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bench=pfs
. "$root/tools/qemu/bench-lib.sh"

run() {	# mode, extra QEMU options
	bench_run "$1" "$2" 300 "$tbin/kernel.elf" "$tbin/kernel.elf" \
		"$tbin/pfs.elf priv=sys" "$tbin/bench_pfs.elf priv=sys" \
		"$tbin/ds.elf priv=sys" &&
	bench_table "$1" null-request "null requests" pipe-1 pipe-4k pipe-new
}

status=0
run icount "-icount shift=0,sleep=off" || status=1
if run tcg ""; then
	awk -v ns="$(bench_fig tcg pipe-4k ns)" 'BEGIN { if (ns > 0)
		printf "  pipe-4k through the pipe (TCG): %.1f MiB/s\n", 4096 / (ns / 1e9) / 1048576 }'
else
	status=1
fi
exit $status
