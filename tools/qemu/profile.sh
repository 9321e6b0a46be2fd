#!/bin/bash
# tools/qemu/profile.sh - where guest instructions go: a flat profile by
# function of the kernel and of one user program.
#
#   profile.sh [--skip N] [--count N] KERNEL USER_ELF "MODULE [ARGS]"...
#
# QEMU runs under TCG with -icount shift=0 and one instruction per
# translation block (-singlestep), logging every executed block (-d exec),
# i.e. every guest instruction with its EIP.  The first --skip instructions
# (firmware, boot; default 20M) are dropped, the next --count (default 2M)
# are attributed to the nearest symbol below their EIP: kernel symbols for
# addresses below 1 GiB, USER_ELF's above (all user processes share its
# link address).  A profiling aid, not a test: slow, and only as exact as
# the window chosen.
set -u
skip=20000000 count=2000000
while [ $# -gt 0 ]; do
	case "$1" in
	--skip) skip=$2; shift 2 ;;
	--count) count=$2; shift 2 ;;
	*) break ;;
	esac
done
[ $# -ge 3 ] || { echo "usage: $0 [--skip N] [--count N] KERNEL USER_ELF MODULE..." >&2; exit 2; }
kernel=$1 user=$2; shift 2
initrd=""
for m in "$@"; do initrd="${initrd:+$initrd,}$m"; done
syms=$(mktemp)
fifo=$(mktemp -u)
mkfifo "$fifo"
qpid=""
trap 'rm -f "$syms" "$fifo"; [ -n "$qpid" ] && kill "$qpid" 2>/dev/null' EXIT
{ nm -n "$kernel"; nm -n "$user"; } | awk '$2 ~ /^[tTwW]$/ { print $1, $3 }' |
	sort -u > "$syms"
timeout 600 qemu-system-i386 -machine pc,accel=tcg -m 128 -kernel "$kernel" \
	-initrd "$initrd" -display none -monitor none -serial none -no-reboot \
	-icount shift=0 -singlestep -d exec,nochain -D "$fifo" 2>/dev/null &
qpid=$!		# QEMU ignores SIGPIPE: stopped by the trap once awk has its window
awk -v skip="$skip" -v count="$count" -v syms="$syms" '
	function hex(h,   i, v) {
		v = 0; h = tolower(h)
		for (i = 1; i <= length(h); i++)
			v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
		return v
	}
	BEGIN {
		while ((getline l < syms) > 0) {
			split(l, f, " "); a[n] = hex(f[1]); s[n] = f[2]; n++
		}
	}
	/^Trace/ {
		if (++seen <= skip) next
		if (seen > skip + count) exit
		split($4, f, "/"); pc = hex(f[2])
		lo = 0; hi = n - 1
		if (pc < a[0]) { hits["?"]++; next }
		while (lo < hi) { mid = int((lo + hi + 1) / 2); if (a[mid] <= pc) lo = mid; else hi = mid - 1 }
		hits[(pc < 1073741824 ? "k:" : "u:") s[lo]]++
	}
	END {
		for (k in hits) printf "%8d %6.2f%% %s\n", hits[k], 100 * hits[k] / count, k
	}' "$fifo" | sort -rn | head -40
