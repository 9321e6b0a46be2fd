#!/bin/bash
# tests/bench/pty/bench.sh - bytes through a pseudo-terminal against a
# pipe in the same boot (bench_pty.c says what each figure covers): guest
# instructions under -icount shift=0 (deterministic: the TSC counts
# instructions) and TCG wall-clock nanoseconds on this machine.
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
tbin=$root/build/i386/bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bench=pty
. "$root/tools/qemu/bench-lib.sh"

run() {	# mode, extra QEMU options
	bench_run "$1" "$2" 300 "$tbin/pm_double.elf role=vm priv=sys" \
		"$tbin/pm.elf priv=sys" \
		"$tbin/vfs.elf priv=sys root=5 rootdev=none pfs=8 tty=9" \
		"$tbin/kernel.elf" "$tbin/ds.elf priv=sys" \
		"$tbin/memfs.elf priv=sys label=memfs1" "$tbin/kernel.elf" \
		"$tbin/bench_pty.elf" "$tbin/pfs.elf priv=sys" \
		"$tbin/tty.elf priv=sys sigmgr=1" &&
	bench_table "$1" pipe-1 "pipe-1 rounds" pty-1 pty-echo-1 &&
	bench_table "$1" pipe-1k "pipe-1k rounds" pty-out-1k
}

status=0
run icount "-icount shift=0,sleep=off" || status=1
run tcg "" || status=1
exit $status
