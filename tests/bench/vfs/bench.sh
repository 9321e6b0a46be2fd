#!/bin/bash
# tests/bench/vfs/bench.sh - file calls through VFS on the real MFS server
# (as "/", on the memory driver): per operation, guest instructions under
# -icount shift=0 (deterministic) and TCG wall-clock nanoseconds.  The
# reference in the same boot is a VFS call that does nothing (umask).
# Anchors (issue 10, Linux 6.1 i386 + busybox in the same QEMU, tmpfs,
# 10,000 files of 16 bytes): create 42,300 instructions per file, stat
# 9,900, unlink 16,400.
set -u
root=$(cd "$(dirname "$0")/../../.." && pwd)
t=$root/build/i386/bin
ver=$(qemu-system-i386 --version | head -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mods=("$t/libc_double.elf role=vm priv=sys" "$t/libc_double.elf role=pm priv=sys"
	"$t/vfs.elf priv=sys root=6 rootdev=memory pfs=8"
	"$t/vfs_rs.elf priv=sys ds=4 memory=5 mfs=6 memfs=7 pfs=8 vfs=2"
	"$t/ds.elf priv=sys" "$t/memory.elf size=491520 priv=sys" "$t/mfs.elf priv=sys"
	"$t/memfs.elf priv=sys label=memfs2" "$t/pfs.elf priv=sys" "$t/bench_vfs.elf")

run() {	# mode, QEMU options
	local mode=$1 opts=$2 log=$tmp/run.log
	bash "$root/tools/qemu/run.sh" --timeout 300 --log "$log" ${opts:+--qemu "$opts"} \
		"$t/kernel.elf" "${mods[@]}" >/dev/null
	tr -d '\r' < "$log" | awk -v mode="$mode" -v ver="$ver" '
		/^bench: .* failed/ { bad = 1; print }
		/^bench: .* iterations/ { cyc[$2] = $5; ns[$2] = $7; n[$2] = $3; order[++k] = $2 }
		/^bench: done/ { done = 1 }
		END {
			anchor["create-16-bytes"] = 42300; anchor["stat"] = 9900; anchor["unlink"] = 16400
			if (bad || !done) { print "vfs bench (" mode "): no figures"; exit 1 }
			unit = mode ~ /icount/ ? "guest instructions" : "TSC cycles"
			printf "%s, %s\n", ver, mode
			for (i = 1; i <= k; i++) {
				o = order[i]
				printf "  %-17s %8d %s %8d ns  (%d)  = %5.1fx null call", o, cyc[o], unit, ns[o], n[o], cyc[o] / cyc["null-call"]
				if (mode ~ /icount/ && (o in anchor)) printf "  = %.2fx Linux tmpfs (%d)", cyc[o] / anchor[o], anchor[o]
				printf "\n"
			}
		}'
}

status=0
run "VFS on MFS, icount" "-icount shift=0,sleep=off" || status=1
run "VFS on MFS, tcg" "" || status=1
exit $status
