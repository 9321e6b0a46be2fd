#!/bin/bash
# tests/bench/pm/bench.sh - fork+exit+wait and fork+exec+wait of C
# programs through PM, per iteration: guest instructions under -icount
# shift=0 (deterministic: the TSC counts instructions) and TCG wall-clock
# nanoseconds (plain TCG, this machine).  Boots: the whole stack (VM, PM,
# VFS on memfs; exec of a 560-byte static program), and PM with the VM
# and VFS stand-ins (the kernel's eager copy, no file descriptors).
# Anchors: Linux 6.1 (Debian i386, a static 9 KB true, same QEMU, issue
# 9): fork+exit+wait 176k instructions, fork+exec+wait 395k.  The
# reference in the same boot is a PM round trip that does nothing.
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
t=$root/build/i386/bin
ver=$(qemu-system-i386 --version | head -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

full=("$t/vm.elf priv=sys" "$t/pm.elf priv=sys" "$t/vfs.elf priv=sys root=5 rootdev=none"
	"$t/kernel.elf" "$t/ds.elf priv=sys" "$t/memfs.elf priv=sys label=memfs1"
	"$t/bench_pm.elf exec")
standin=("$t/pm_double.elf role=vm priv=sys" "$t/pm.elf priv=sys"
	"$t/pm_double.elf role=vfs priv=sys" "$t/kernel.elf" "$t/kernel.elf"
	"$t/bench_pm.elf")

run() {	# mode, QEMU options, modules...
	local mode=$1 opts=$2 log=$tmp/run.log
	shift 2
	bash "$root/tools/qemu/run.sh" --timeout 300 --log "$log" ${opts:+--qemu "$opts"} \
		"$t/kernel.elf" "$@" >/dev/null || {
		echo "pm bench ($mode): run failed"; tail -5 "$log"; return 1; }
	tr -d '\r' < "$log" | awk -v mode="$mode" -v ver="$ver" '
		/^bench: .* failed/ { bad = 1; print }
		/^bench: .* iterations/ { cyc[$2] = $5; ns[$2] = $7; n[$2] = $3 }
		END {
			anchor["fork-exit-wait"] = 176000; anchor["fork-exec-wait"] = 395000
			ref = "pm-null-call"
			if (bad || !("fork-exit-wait" in cyc)) { print "pm bench (" mode "): no figures"; exit 1 }
			unit = mode ~ /icount/ ? "guest instructions" : "TSC cycles"
			printf "%s, %s\n", ver, mode
			split("fork-exit-wait fork-exec-wait", names, " ")
			for (i = 1; i <= 2; i++) {
				k = names[i]
				if (!(k in cyc)) continue
				printf "  %-16s %8d %s  %8d ns  (%d)", k, cyc[k], unit, ns[k], n[k]
				if (mode ~ /icount/) printf "  = %.2fx Linux (%d)", cyc[k] / anchor[k], anchor[k]
				printf "\n"
			}
			printf "  %-16s %8d %s  %8d ns  (reference)\n", ref, cyc[ref], unit, ns[ref]
		}'
}

status=0
icount="-icount shift=0,sleep=off"
run "VM+PM+VFS, icount" "$icount" "${full[@]}" || status=1
run "stand-ins for VM and VFS, icount" "$icount" "${standin[@]}" || status=1
run "VM+PM+VFS, tcg" "" "${full[@]}" || status=1
exit $status
