#!/bin/bash
# tests/bench/vm/bench.sh - a page fault served by VM and a copy-on-write
# fault, per fault: in guest instructions under -icount shift=0 (the TSC
# counts instructions, so the figure is the same on every machine and
# run), and in TCG wall-clock nanoseconds (plain TCG, this machine).  The
# reference in the same boot is a null kernel call.
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
tbin=$root/build/i386/bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bench=vm
. "$root/tools/qemu/bench-lib.sh"

run() {	# mode, extra QEMU options
	bench_run "$1" "$2" 120 "$tbin/bench_vm.elf role=vm priv=sys" \
		"$tbin/bench_vm.elf role=client" &&
	bench_table "$1" null-kernel-call "null kernel calls" vm-pagefault cow-fault
}

status=0
run icount "-icount shift=0,sleep=off" || status=1
run tcg "" || status=1
exit $status
