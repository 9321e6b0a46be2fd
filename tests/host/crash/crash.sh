#!/bin/bash
# tests/host/crash/crash.sh - crash consistency of micafuse on MFS and ext2
# (issue 11, item 1): kill -9 the daemon at random points of a writing
# workload, repair, and check that nothing fsync'd was lost.
#
# For each format (CRASH_FORMATS, default "mfs ext2"), CRASH_KILLS kill points (default 6; make crash-soak
# runs 100), CRASH_SEED picks them (default: the date, printed, so a run
# can be repeated).  A fresh image every CRASH_EPOCH (10) kills; in
# between, each workload runs on the image the last repair left.  One
# kill point:
#   1. mount (micafuse -f; every other kill point with a small cache, so
#      that eviction writes blocks back between fsyncs), start workload.py in a new directory: fsx-like
#      writes, truncates, a tree copy, renames, unlinks, fsyncs, logging
#      what each returned fsync made durable;
#   2. after a random 0.2 - 2.5 s, kill -9 micafuse (mid-request, with
#      dirty blocks in its cache); the workload ends on ENOTCONN;
#   3. the format's own repair: fsck.mfs -y / e2fsck -fy must end with
#      status 0 or 1 (nothing left unrepaired), if need be after a second
#      run (counted and reported: e2fsck says when it needs one);
#   4. the outside checker must then be clean: fsck.minix -f (util-linux)
#      / e2fsck -fn;
#   5. remount; every file whose last logged event is a returned fsync
#      must read back exactly (workload.py check); then the workload's
#      files are removed (through the mount) and the image unmounted.
# One report line per kill point (what the repair changed, what was
# verified or lost); the full repair outputs go to $T/report (kept with
# KEEP=1) or CRASH_REPORT=DIR.
. "$(dirname "$0")/../lib.sh"
t_init crash
need_bin micafuse fsck.mfs
need_cmd python3 mkfs.minix fsck.minix mke2fs e2fsck

HERE=$(cd "$(dirname "$0")" && pwd)
KILLS=${CRASH_KILLS:-6}
EPOCH=${CRASH_EPOCH:-10}
SEED=${CRASH_SEED:-$(date +%s)}
REPORT=${CRASH_REPORT:-$T/report}
MNT=$T/mnt
mkdir -p "$MNT" "$REPORT" "$T/src"
t_diag "CRASH_SEED=$SEED CRASH_KILLS=$KILLS"
RANDOM=$SEED

# A small source tree for the copies: some headers, a few larger files.
for f in /usr/include/linux/*.h; do
	cp "$f" "$T/src/" 2>/dev/null
done
head -c 300000 /dev/urandom >"$T/src/big1.bin"
head -c 1200000 /dev/urandom >"$T/src/big2.bin"

mk_mfs() { truncate -s 64M "$1" && mkfs.minix -3 "$1" >/dev/null 2>&1; }
mk_ext2() { mke2fs -q -F -t ext2 "$1" 64M >/dev/null 2>&1; }
fix_mfs() { "$BIN/fsck.mfs" -y -f "$1"; }
fix_ext2() { e2fsck -fy "$1"; }
check_mfs() { fsck.minix -f "$1"; }
check_ext2() { e2fsck -fn "$1"; }

# What a repair output says it changed: problems fixed (fsck.mfs says
# "Fixed.", e2fsck "? yes"), the three commonest kinds, numbers as N.
summary() {
	local n
	n=$(grep -cE 'Fixed\.|\? yes' "$1")
	if [ "$n" -eq 0 ]; then
		echo "nothing to fix"
		return
	fi
	echo "$n fixed: $(grep -E 'Fixed\.|\? yes' "$1" |
		sed -e 's/[0-9]\{1,\}/N/g' -e 's/  */ /g' | sort | uniq -c |
		sort -rn | head -n 3 | sed 's/^ *\([0-9]*\) /\1x /' |
		paste -sd '|')"
}

TOTAL_SYNCED=0
TOTAL_LOST=0
TOTAL_REPAIRED=0
SECOND=0

one_format() {
	local fmt=$1 img=$T/$1.img k wl pid delay rc out seed msg cache fresh=0
	local synced lost
	for k in $(seq 1 "$KILLS"); do
		if [ $(((k - 1) % EPOCH)) -eq 0 ] || [ $fresh = 1 ]; then
			# (a fresh image also after a failed repair, so that
			# one failure does not fail every later kill point)
			mk_$fmt "$img" || { t_flunk "$fmt: mkfs"; return; }
			fresh=0
		fi
		# Every other kill point runs with a small cache, so that
		# blocks are written back by eviction between fsyncs too.
		cache=
		[ $((k % 2)) -eq 0 ] && cache="-o cache_size=$((64 + RANDOM % 512))"
		if ! mf_mount "$img" "$MNT" $cache; then
			t_flunk "$fmt #$k: mount"
			t_show "$FUSE_LOG"
			return
		fi
		wl=w$k
		seed=$((SEED + k))
		mkdir "$MNT/$wl"
		python3 "$HERE/workload.py" run "$MNT/$wl" "$T/log.$fmt.$k" \
			"$seed" "$T/src" >"$T/wl.out" 2>&1 &
		pid=$!
		delay=$((200 + RANDOM % 2300))
		sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
		kill -9 "${T_FUSE_PID[$MNT]}"
		wait "${T_FUSE_PID[$MNT]}" 2>/dev/null
		unset "T_FUSE_PID[$MNT]"
		# The workload ends on ENOTCONN; unmount only after it has,
		# or its next path would resolve under the empty mount point.
		wait "$pid"
		rc=$?
		fusermount3 -u -z "$MNT" 2>/dev/null
		if [ $rc -ne 0 ] || ! grep -q '^end$' "$T/log.$fmt.$k"; then
			t_flunk "$fmt #$k: workload ended only by the kill (status $rc)"
			t_show "$T/wl.out"
		fi
		out=$REPORT/$fmt.$k.repair
		fix_$fmt "$img" >"$out" 2>&1
		rc=$?
		msg=$(summary "$out")
		if [ $rc -gt 1 ]; then
			# e2fsck itself says a second run may be needed.
			SECOND=$((SECOND + 1))
			msg="$msg; SECOND PASS (first: status $rc)"
			fix_$fmt "$img" >"$out.2" 2>&1
			rc=$?
		fi
		if [ $rc -gt 1 ]; then
			t_flunk "$fmt #$k: repair left problems (status $rc)"
			t_show "$out"
			fresh=1
		fi
		[ "$msg" != "nothing to fix" ] &&
			TOTAL_REPAIRED=$((TOTAL_REPAIRED + 1))
		if ! check_$fmt "$img" >"$REPORT/$fmt.$k.check" 2>&1; then
			t_flunk "$fmt #$k: outside checker after the repair"
			t_show "$REPORT/$fmt.$k.check"
			fresh=1
		fi
		if ! mf_mount "$img" "$MNT"; then
			t_flunk "$fmt #$k: mount after the repair"
			t_show "$FUSE_LOG"
			return
		fi
		python3 "$HERE/workload.py" check "$MNT/$wl" "$T/log.$fmt.$k" \
			>"$REPORT/$fmt.$k.lost" 2>&1
		rc=$?
		read -r _ synced _ _ _ lost < <(head -n 1 "$REPORT/$fmt.$k.lost")
		TOTAL_SYNCED=$((TOTAL_SYNCED + ${synced:-0}))
		TOTAL_LOST=$((TOTAL_LOST + ${lost:-0}))
		t_diag "$fmt #$k: killed at ${delay} ms${cache:+ (${cache#-o })} after" \
			"$(grep -c '^dirty' "$T/log.$fmt.$k") changes;" \
			"repair: $msg; $(head -n 1 "$REPORT/$fmt.$k.lost")"
		if [ $rc -ne 0 ]; then
			t_flunk "$fmt #$k: every fsync'd file reads back"
			t_show "$REPORT/$fmt.$k.lost"
		fi
		rm -rf "$MNT/$wl" ||
			t_flunk "$fmt #$k: remove the checked workload's files"
		fuse_stop "$MNT" || t_flunk "$fmt #$k: clean unmount"
		check_$fmt "$img" >/dev/null 2>&1 ||
			t_flunk "$fmt #$k: clean after the unmount"
	done
	t_pass "$fmt: $KILLS kill points"
}

NFMT=0
for fmt in ${CRASH_FORMATS:-mfs ext2}; do
	one_format "$fmt"
	NFMT=$((NFMT + 1))
done
t_diag "in all: $TOTAL_SYNCED fsync'd files checked, $TOTAL_LOST lost;" \
	"$TOTAL_REPAIRED of $((NFMT * KILLS)) repairs changed something," \
	"$SECOND needed a second pass"
[ "${KEEP:-0}" = 1 ] || [ -n "${CRASH_REPORT:-}" ] ||
	t_diag "repair outputs: set KEEP=1 or CRASH_REPORT=DIR to keep them"
t_done
