#!/bin/bash
# tests/host/usage_status.sh - mkfs.mfs and fsck.mfs end a bad command
# line with util-linux's status for it: each is run beside mkfs.minix /
# fsck.minix with the same unknown option and with no operand, and the
# statuses must be equal (16 in util-linux 2.38) and a usage line printed.
# Mica's own commands use 2 for that (libcmd cmd_usage; tests/usr/usage.sh
# runs every one of them in Mica, tests/host/cmd_oracle.sh compares the
# host builds with GNU).
. "$(dirname "$0")/lib.sh"
t_init usage-status
need_cmd mkfs.minix fsck.minix
need_bin mkfs.mfs fsck.mfs

# same WHAT MICA-CMD ORACLE-CMD ARGS...: equal statuses, a usage line.
same() {
	local what=$1 mine=$2 theirs=$3 st_mine st_theirs
	shift 3
	"$BIN/$mine" "$@" >/dev/null 2>"$T/err"
	st_mine=$?
	"$theirs" "$@" >/dev/null 2>&1
	st_theirs=$?
	t_is "$mine $what: status as $theirs's" "$st_theirs" "$st_mine"
	t_ok "$mine $what: a usage line" grep -q '^usage: ' "$T/err"
}

same "-Z (an unknown option)" mkfs.mfs mkfs.minix -Z "$T/x.img"
same "without an operand" mkfs.mfs mkfs.minix
same "-Z (an unknown option)" fsck.mfs fsck.minix -Z "$T/x.img"
same "without an operand" fsck.mfs fsck.minix
truncate -s 0 "$T/empty.img"
"$BIN/mkfs.mfs" -q "$T/empty.img" 2>/dev/null
st=$?
mkfs.minix -3 "$T/empty.img" >/dev/null 2>&1
t_is "mkfs.mfs of an empty file (no size): status as mkfs.minix's" "$?" "$st"
t_done
