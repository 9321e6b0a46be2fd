#!/bin/bash
# tools/qemu/mica.sh - boot the whole Mica system (`make run`) and bound it.
#
#   mica.sh KERNEL "MODULE [ARGS]"...        (the boot list: tests/os/module.mk)
#
# On a terminal it is an interactive session: the console shell reads what
# is typed, `poweroff` ends it.  With stdin a pipe or a file it is a
# scripted session: the module named init gets the word "once" (its
# console shell runs once and the system powers off when it ends), and the
# input, sent once the first prompt is there, is followed by a newline and
# ^D, so the shell meets end of input and Mica powers off on its own:
# `printf 'ls /\n' | make run`.
#
# Bounds: the console shell's first prompt ("# " at the start of a line)
# must appear within MICA_BOOT_TIMEOUT seconds (default 60), or QEMU is
# stopped and the status is 1 with a message (so is a system that stops
# before any prompt); a scripted session ends
# within MICA_RUN_TIMEOUT seconds (default 300; status 124).  The exit
# status is the guest's (the shell's last status in a scripted session).
#
# Disks: MICA_DISK="a.img b.img" attaches raw images as virtio-blk disks,
# /dev/vda, /dev/vdb, ... in that order (writes go to the files: a disk
# outlives the run); an entry blkdebug:RULES:IMG puts IMG behind QEMU's
# blkdebug driver, whose RULES file makes chosen sectors fail (tests).
# MICA_QEMU adds options to QEMU's command line (e.g. "-trace
# enable=virtio_blk_handle_read -D trace.log" to count disk requests).
# MICA_ROOT=vda (or vda1..vda4, vdb, ...) gives VFS
# that device as the root file system (an MFS image, e.g. a copy of
# build/i386/root.img) instead of the boot module in /dev/ram0: the module
# named vfs gets "rootdev=virtio_blk rootminor=N", N = disk * 8 + part
# (include/mica/vblkdev.h).
set -u
here=$(cd "$(dirname "$0")" && pwd)
boot_timeout=${MICA_BOOT_TIMEOUT:-60}
[ $# -ge 2 ] || { echo "usage: $0 KERNEL MODULE..." >&2; exit 2; }
kernel=$1; shift

tmp=$(mktemp -d)
log=$tmp/console.log pidfile=$tmp/qemu.pid
: > "$log"
cleanup() {
	[ -n "${feeder:-}" ] && kill "$feeder" 2>/dev/null
	[ -n "${watch:-}" ] && kill "$watch" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

qemu_disks=""
n=0
for d in ${MICA_DISK:-}; do
	case "$d" in *,*) echo "mica: MICA_DISK: no ',' in $d" >&2; exit 2 ;; esac
	img=$d
	case "$d" in blkdebug:*:*) img=${d##*:} rules=${d#blkdebug:} rules=${rules%:*}
		[ -f "$rules" ] || { echo "mica: MICA_DISK: no file $rules" >&2; exit 2; } ;;
	esac
	[ -f "$img" ] || { echo "mica: MICA_DISK: no file $img" >&2; exit 2; }
	qemu_disks="$qemu_disks -drive file=$d,format=raw,if=none,id=vd$n -device virtio-blk-pci,drive=vd$n"
	n=$((n + 1))
done
root_args=""
if [ -n "${MICA_ROOT:-}" ]; then
	case "$MICA_ROOT" in
	vd[a-d]) part=0 ;;
	vd[a-d][1-4]) part=${MICA_ROOT:3:1} ;;
	*) echo "mica: MICA_ROOT=$MICA_ROOT: want vda..vdd or vda1..vdd4" >&2; exit 2 ;;
	esac
	disk=$(( $(printf '%d' "'${MICA_ROOT:2:1}") - 97 ))
	[ "$disk" -lt "$n" ] || { echo "mica: MICA_ROOT=$MICA_ROOT: MICA_DISK has $n disk(s)" >&2; exit 2; }
	root_args=" rootdev=virtio_blk rootminor=$((disk * 8 + part))"
fi
args=()
for m in "$@"; do
	w=${m%% *}
	[ "${w##*/}" = vfs.elf ] && m="$m$root_args"
	args+=("$m")
done
set -- "${args[@]}"

mods=()
if [ -t 0 ]; then
	input=/dev/stdin run_timeout=${MICA_RUN_TIMEOUT:-0}
	mods=("$@")
else
	run_timeout=${MICA_RUN_TIMEOUT:-300}
	for m in "$@"; do
		w=${m%% *}
		[ "${w##*/}" = init ] && m="$m once"
		mods+=("$m")
	done
	mkfifo "$tmp/input"
	# The input waits for the first prompt: bytes that reach the serial
	# port before the TTY driver owns it go to the kernel's own console
	# handler.  (A background job's stdin would be /dev/null: fd 3 is ours.)
	exec 3<&0
	(
		exec 4>"$tmp/input"
		while [ ! -e "$tmp/prompt" ] && [ ! -e "$tmp/no-prompt" ]; do
			sleep 0.1
		done
		[ -e "$tmp/prompt" ] && { cat <&3; printf '\n\004'; } >&4
		exec 4>&-
	) &
	feeder=$!
	input=$tmp/input
fi
[ "$run_timeout" = 0 ] && run_timeout=$((365 * 24 * 3600))

# The watchdog: no prompt within the bound -> stop QEMU, say why.
(
	for ((i = 0; i < boot_timeout * 10; i++)); do
		tr -d '\r' < "$log" | grep -q '^# ' && { touch "$tmp/prompt"; exit 0; }
		sleep 0.1
	done
	touch "$tmp/no-prompt"
	[ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
) &
watch=$!

bash "$here/run.sh" --timeout "$run_timeout" --log "$log" --input "$input" \
	--qemu "-pidfile $pidfile$qemu_disks ${MICA_QEMU:-}" "$kernel" "${mods[@]}"
rc=$?
kill "$watch" 2>/dev/null
if [ -e "$tmp/no-prompt" ]; then
	echo "mica: no shell prompt within ${boot_timeout}s (MICA_BOOT_TIMEOUT): the boot failed" >&2
	exit 1
fi
if ! tr -d '\r' < "$log" | grep -q '^# '; then
	echo "mica: the system stopped (status $rc) before a shell prompt: the boot failed" >&2
	[ "$rc" = 0 ] && rc=1
fi
exit "$rc"
