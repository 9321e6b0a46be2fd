#!/bin/bash
# tests/bench/ipc/bench.sh - IPC round-trip benchmark in QEMU.  First
# under TCG with -icount shift=0, where the guest TSC counts guest
# instructions: deterministic figures, the same on every machine and run
# (issue 8's targets: null kernel call <= 300, sendrec round trip <= 1,000;
# before the work on it 1,092 and 5,179).  Then plain TCG wall-clock, and
# KVM too when /dev/kvm is usable.  Prints the QEMU version and the
# accelerator beside each figure, and the ratio of a sendrec round trip
# to a null kernel call (the reference, measured in the same boot).
# tools/qemu/profile.sh shows where the instructions go.
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
tbin=$root/build/i386/bin
ver=$(qemu-system-i386 --version | head -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {	# accel: icount, tcg or kvm
	local flag=() log=$tmp/$1.log
	[ "$1" = kvm ] && flag=(--kvm)
	[ "$1" = icount ] && flag=(--qemu "-icount shift=0")
	bash "$root/tools/qemu/run.sh" "${flag[@]}" --timeout 120 --log "$log" \
		"$tbin/kernel.elf" "$tbin/bench_ipc.elf role=client priv=sys" \
		"$tbin/bench_ipc.elf role=server" >/dev/null || {
		echo "ipc bench ($1): run failed"; tail -5 "$log"; return 1; }
	tr -d '\r' < "$log" | awk -v accel="$1" -v ver="$ver" '
		/^bench: / { cyc[$2] = $5; ns[$2] = $7; n[$2] = $3 }
		/^fastpath: / { fp = fp sprintf("%s%s %s of %s", fp == "" ? "" : ", ", $2, $3, $5) }
		END {
			rt = "sendrec-roundtrip"; ref = "null-kernel-call"
			if (!(rt in cyc)) { print "ipc bench (" accel "): no figures"; exit 1 }
			if (accel == "icount") {
				printf "%s, accel=tcg -icount shift=0 (guest instructions)\n", ver
				printf "  sendrec round trip: %d guest instructions  (target <= 1000, was 5179)\n", cyc[rt]
				printf "  null kernel call:   %d guest instructions  (target <= 300, was 1092)\n", cyc[ref]
				printf "  IPC traps done by the kernel fast path: %s\n", fp
				exit 0
			}
			printf "%s, accel=%s\n", ver, accel
			printf "  sendrec round trip: %d cycles, %d ns  (%d iterations)\n", cyc[rt], ns[rt], n[rt]
			printf "  null kernel call:   %d cycles, %d ns  (reference)\n", cyc[ref], ns[ref]
			if (cyc[ref] > 0) printf "  ratio round trip / kernel call: %.2f (cycles)\n", cyc[rt] / cyc[ref]
		}'
}

status=0
run icount || status=1
run tcg || status=1
if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
	# KVM is extra: where /dev/kvm exists but cannot run the kernel (some
	# nested set-ups fault when the guest turns paging on), say so and go on.
	run kvm || echo "KVM: /dev/kvm present but the kernel did not run under it; TCG figures only"
else
	echo "KVM: /dev/kvm not usable here; TCG figures only"
fi
exit $status
