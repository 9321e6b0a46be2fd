# tests/host/lib.sh - shared helpers for Mica's host test scripts.
#
# Host tests run as root (FUSE mounts), with BIN=<absolute build/bin>, one
# script per concern, TAP-like output:  "ok N - what", "not ok N - what",
# "# diagnostic", and the plan "1..N" at the end.  A script exits 0 only if
# every check passed.  Source this file, then:
#
#   . "$(dirname "$0")/lib.sh"
#   t_init NAME                  temp dir $T (removed on exit), traps, counters
#   need_bin micafuse fsck.mfs   abort (not ok) unless $BIN/<tool> exists
#   need_cmd mkfs.minix          abort (not ok) unless the host command exists
#   t_ok  "what" cmd args...     run cmd (stdout/stderr to $T/last.log): ok iff exit 0
#                                (cmd runs as a background job: a shell
#                                function works but cannot set variables)
#   t_fail "what" cmd args...    ok iff cmd exits non-zero (but not by a signal)
#   t_is  "what" EXPECTED ACTUAL ok iff the two strings are equal
#   t_pass/t_flunk "what"        record a result computed by the script
#   t_diag "text"                print a diagnostic line
#   t_now_ms                     print milliseconds since the epoch
#   t_done                       print the plan, exit 0 or 1
#
# FUSE daemons are always run in the foreground (-f) as children of the
# script, so their exit can be waited for and their exit status checked:
#
#   fuse_start MNT LOG cmd args...   start a foreground FUSE daemon (a
#                                     program, run through env) that
#                                     mounts on MNT, wait (<= 20 s) until MNT
#                                     is mounted; 0 if mounted, 1 if the
#                                     daemon exited first (status in
#                                     $FUSE_RC) or never mounted
#   mf_mount IMAGE MNT [opts...]     fuse_start with $BIN/micafuse -f
#                                     (log $T/micafuse.<n>.log in $FUSE_LOG)
#   fuse_stop MNT                     fusermount3 -u MNT, then wait (<= 120 s)
#                                     for the daemon to exit, so the image is
#                                     complete; returns the daemon's status
#                                     (also in $FUSE_RC); 124 on timeout,
#                                     128+n when killed by signal n
#   fuse_kill MNT SIG                 like fuse_stop, but stop with a signal
#   fuse_crashed RC                   0 (true) if RC means "killed by a signal"
#   t_mount "what" IMAGE MNT [opts]   mf_mount recorded as a check
#   t_umount "what" MNT               fuse_stop recorded as a check (exit 0)
#
# On exit (normal, error or signal) every daemon still running is unmounted
# and killed, extra mounts registered with t_cleanup_mount are unmounted,
# and $T is removed (kept when KEEP=1, for post-mortems).  Mount points
# must be absolute paths without symlinks (make them under $T).
#
# Trees (see their section below): tree_special, tree_include, tree_meta.
# MINIX superblock facts: mfs_name_max, mfs_max_size.
# The random-operation exerciser is $BIN/fsxr: tests/host/fsx/README.md.
# For ext2 mounts, run it with "-i lost+found -l 255" and check with
# e2fsck -fn after fuse_stop.

T=
T_N=0
T_FAILED=0
FUSE_RC=0
FUSE_LOG=
declare -A T_FUSE_PID=()
T_MOUNTS=()
T_CHILD=

t_init() {
	T=$(mktemp -d "${TMPDIR:-/tmp}/mica-$1.XXXXXX") || exit 1
	trap t_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	if [ "$(id -u)" != 0 ]; then
		t_flunk "running as root (FUSE mounts need it)"
		t_done
	fi
	if [ -z "${BIN:-}" ]; then
		BIN=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/build/bin
	fi
}

t_cleanup() {
	local m pid
	[ -n "$T_CHILD" ] && kill "$T_CHILD" 2>/dev/null
	for m in "${!T_FUSE_PID[@]}"; do
		pid=${T_FUSE_PID[$m]}
		fusermount3 -u -z "$m" 2>/dev/null
		kill "$pid" 2>/dev/null
		sleep 0.2
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	for m in "${T_MOUNTS[@]}"; do
		umount -l "$m" 2>/dev/null
	done
	if [ -n "$T" ] && [ -d "$T" ]; then
		if [ "${KEEP:-0}" = 1 ]; then
			echo "# kept $T"
		else
			rm -rf "$T"
		fi
	fi
}

# Register a non-FUSE mount (tmpfs, ...) for unmounting on exit.
t_cleanup_mount() {
	T_MOUNTS+=("$1")
}

t_diag() {
	echo "# $*"
}

t_pass() {
	T_N=$((T_N + 1))
	echo "ok $T_N - $1"
}

t_flunk() {
	T_N=$((T_N + 1))
	T_FAILED=$((T_FAILED + 1))
	echo "not ok $T_N - $1"
}

# Milliseconds since the epoch (for timing diagnostics).
t_now_ms() {
	echo $(( $(date +%s%N) / 1000000 ))
}

# Show the tail of a log as diagnostics.
t_show() {
	[ -s "$1" ] && tail -n "${2:-15}" "$1" | sed 's/^/#   /'
	return 0
}

# Run a command into $T/last.log in the background and wait for it, so a
# signal to the script is handled at once (bash defers traps until a
# foreground command ends); the cleanup kills it.
t_run() {
	local rc
	"$@" >"$T/last.log" 2>&1 </dev/null &
	T_CHILD=$!
	wait "$T_CHILD"
	rc=$?
	T_CHILD=
	return $rc
}

t_ok() {
	local what=$1
	shift
	if t_run "$@"; then
		t_pass "$what"
	else
		t_flunk "$what (exit $?: $*)"
		t_show "$T/last.log"
	fi
}

t_fail() {
	local what=$1 rc
	shift
	t_run "$@"
	rc=$?
	if [ $rc -ne 0 ] && [ $rc -lt 124 ]; then
		t_pass "$what"
	else
		t_flunk "$what (exit $rc: $*)"
		t_show "$T/last.log"
	fi
}

t_is() {
	if [ "$2" = "$3" ]; then
		t_pass "$1"
	else
		t_flunk "$1 (expected '$2', got '$3')"
	fi
}

t_done() {
	echo "1..$T_N"
	if [ "$T_FAILED" -ne 0 ]; then
		echo "# $T_FAILED of $T_N checks failed"
		exit 1
	fi
	exit 0
}

need_bin() {
	local b
	for b in "$@"; do
		if [ ! -x "$BIN/$b" ]; then
			t_flunk "$BIN/$b is built"
			t_done
		fi
	done
}

need_cmd() {
	local c
	for c in "$@"; do
		if ! command -v "$c" >/dev/null 2>&1; then
			t_flunk "host command $c is installed (tools/deps.sh)"
			t_done
		fi
	done
}

# 0 if MNT (an absolute path without symlinks, as under $T) is in the
# mount table; reads only /proc, never the file system itself.
is_mounted() {
	awk -v m="$1" '$5 == m { f = 1 } END { exit !f }' /proc/self/mountinfo
}

fuse_crashed() {
	[ "$1" -gt 128 ] && [ "$1" -ne 124 ]
}

fuse_start() {
	local mnt=$1 log=$2 pid i
	shift 2
	# A background job of a script starts with SIGINT ignored, and libfuse
	# leaves ignored signals alone: give the daemon the default back.
	env --default-signal=INT,QUIT "$@" >"$log" 2>&1 &
	pid=$!
	for i in $(seq 200); do
		if is_mounted "$mnt"; then
			T_FUSE_PID[$mnt]=$pid
			FUSE_RC=0
			return 0
		fi
		if ! kill -0 "$pid" 2>/dev/null; then
			wait "$pid"
			FUSE_RC=$?
			return 1
		fi
		sleep 0.1
	done
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	FUSE_RC=124
	return 1
}

T_MOUNT_SEQ=0
mf_mount() {
	local img=$1 mnt=$2
	shift 2
	T_MOUNT_SEQ=$((T_MOUNT_SEQ + 1))
	FUSE_LOG=$T/micafuse.$T_MOUNT_SEQ.log
	fuse_start "$mnt" "$FUSE_LOG" "$BIN/micafuse" -f "$@" "$img" "$mnt"
}

# mf_dump MNT: ask the micafuse serving MNT (mounted with mf_mount, so
# its log is FUSE_LOG) for its request counts since the last dump
# (SIGUSR1, tools/fuse/count.c); the line lands in MF_COUNTS.
mf_dump() {
	local pid=${T_FUSE_PID[$1]} n i
	n=$(grep -c 'requests since last dump' "$FUSE_LOG")
	kill -USR1 "$pid"
	for i in $(seq 200); do
		[ "$(grep -c 'requests since last dump' "$FUSE_LOG")" -gt "$n" ] &&
			break
		sleep 0.05
	done
	MF_COUNTS=$(grep 'requests since last dump' "$FUSE_LOG" | tail -n 1)
}

# mf_req OP: how many OP requests MF_COUNTS holds (0 if none); "total":
# all of them.
mf_req() {
	local v
	if [ "$1" = total ]; then
		v=$(sed -n 's/.*total \([0-9]*\).*/\1/p' <<<"$MF_COUNTS")
	else
		v=$(grep -o ", $1 [0-9]*" <<<"$MF_COUNTS" | awk '{print $3}')
	fi
	echo "${v:-0}"
}

fuse_stop() {
	local mnt=$1 pid=${T_FUSE_PID[$1]:-} i
	if [ -z "$pid" ]; then
		FUSE_RC=1
		return 1
	fi
	for i in 1 2 3 4 5 6 7 8 9 10 lazy; do
		if [ $i = lazy ]; then
			fusermount3 -u -z "$mnt" 2>/dev/null
		else
			fusermount3 -u "$mnt" 2>/dev/null && break
			sleep 0.5
		fi
	done
	for i in $(seq 1200); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		fusermount3 -u -z "$mnt" 2>/dev/null
		FUSE_RC=124
	else
		wait "$pid"
		FUSE_RC=$?
	fi
	unset "T_FUSE_PID[$mnt]"
	return $FUSE_RC
}

# fuse_kill MNT SIGNAL: stop the daemon with a signal instead of an
# unmount; wait (<= 120 s) for it to exit; FUSE_RC and return as fuse_stop.
fuse_kill() {
	local mnt=$1 pid=${T_FUSE_PID[$1]:-} i
	[ -n "$pid" ] || { FUSE_RC=1; return 1; }
	kill -s "$2" "$pid"
	for i in $(seq 1200); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		FUSE_RC=124
	else
		wait "$pid"
		FUSE_RC=$?
	fi
	is_mounted "$mnt" && fusermount3 -u -z "$mnt" 2>/dev/null
	unset "T_FUSE_PID[$mnt]"
	return $FUSE_RC
}

# t_umount "what" MNT: fuse_stop, recorded as a check (clean exit 0).
t_umount() {
	fuse_stop "$2"
	if [ "$FUSE_RC" -eq 0 ]; then
		t_pass "$1"
	else
		t_flunk "$1 (daemon exit status $FUSE_RC)"
		[ -n "$FUSE_LOG" ] && t_show "$FUSE_LOG"
	fi
}

# t_mount "what" IMAGE MNT [opts...]: mf_mount, recorded as a check.
t_mount() {
	local what=$1
	shift
	if mf_mount "$@"; then
		t_pass "$what"
		return 0
	fi
	t_flunk "$what (micafuse exit status $FUSE_RC)"
	t_show "$FUSE_LOG"
	return 1
}

# --- trees to copy in and compare -------------------------------------------
#
#   tree_special DIR [GID]   add the awkward cases to DIR: a hard-link pair,
#                            relative and dangling symlinks, a FIFO (named
#                            fifo.p: diff -r cannot compare FIFOs, exclude it
#                            with -x fifo.p), empty file and directory,
#                            setgid/sticky/odd modes, foreign owner 1234:GID
#                            (GID default 5678), a 14-character name, old
#                            mtimes
#   tree_include DIR         a real tree: a subset of /usr/include (about
#                            20 MiB, 2,500 entries) plus tree_special;
#                            MICA_TREE=<dir> copies that tree instead
#                            (then tree_special)
#   tree_meta DIR            one sorted line per entry: path, type, mode,
#                            links, size (not for directories), mtime (s),
#                            owner, symlink target; two trees that print the
#                            same lines agree in everything but atime/ctime

tree_special() {
	local d=$1 gid=${2:-5678}
	mkdir -p "$d/sp/empty" "$d/sp/sticky" "$d/sp/setgid" &&
	printf 'hello\n' >"$d/sp/hard1" &&
	ln "$d/sp/hard1" "$d/sp/hard2" &&
	ln -s hard1 "$d/sp/rel.link" &&
	ln -s ../sp/empty "$d/sp/dir.link" &&
	ln -s nowhere/at/all "$d/sp/dangling" &&
	mkfifo "$d/sp/fifo.p" &&
	: >"$d/sp/zero" &&
	printf 'x' >"$d/sp/abcdefghijklmn" &&
	chmod 1777 "$d/sp/sticky" && chmod 2755 "$d/sp/setgid" &&
	chmod 0604 "$d/sp/zero" && chmod 4711 "$d/sp/abcdefghijklmn" &&
	chown 1234:"$gid" "$d/sp/hard1" "$d/sp/sticky" &&
	chown -h 1234:"$gid" "$d/sp/rel.link" &&
	touch -h -d '2001-02-03 04:05:06' "$d/sp/rel.link" "$d/sp/zero" &&
	touch -d '1999-12-31 23:59:59' "$d/sp/empty"
}

tree_include() {
	local d=$1 s
	mkdir -p "$d" || return 1
	if [ -n "${MICA_TREE:-}" ]; then
		cp -a "$MICA_TREE/." "$d/" && tree_special "$d"
		return
	fi
	for s in linux asm-generic c++ x86_64-linux-gnu; do
		[ -d "/usr/include/$s" ] && cp -a "/usr/include/$s" "$d/"
	done
	mkdir -p "$d/top" && cp -a /usr/include/*.h "$d/top/" &&
		tree_special "$d"
}

tree_meta() {
	(cd "$1" && find . -printf '%p %y %m %n %s %TY%Tm%Td%TH%TM%TS %U:%G %l\n' |
		awk '$2 == "d" { $5 = "-" } { sub(/\.[0-9]+$/, "", $6) } 1' |
		sort)
}

# --- MINIX superblock facts, read with od (independent of fs/mfs) ----------
#
#   mfs_name_max IMAGE    14, 30 or 60, from the magic number
#   mfs_max_size IMAGE    s_max_size (V3 at superblock byte 16, V1/V2 at 12)

mfs_magic() {
	local m
	m=$(od -An -tx2 -j $((1024 + 24)) -N2 "$1" | tr -d ' ')
	[ "$m" = 4d5a ] || m=$(od -An -tx2 -j $((1024 + 16)) -N2 "$1" | tr -d ' ')
	echo "$m"
}

mfs_name_max() {
	case $(mfs_magic "$1") in
	137f|2468) echo 14 ;;
	138f|2478) echo 30 ;;
	4d5a) echo 60 ;;
	*) echo 0 ;;
	esac
}

mfs_max_size() {
	if [ "$(mfs_magic "$1")" = 4d5a ]; then
		od -An -tu4 -j $((1024 + 16)) -N4 "$1" | tr -d ' '
	else
		od -An -tu4 -j $((1024 + 12)) -N4 "$1" | tr -d ' '
	fi
}
