#!/bin/bash
# tools/qemu/run.sh - boot the Mica kernel with boot modules in QEMU.
#
#   run.sh [--kvm] [--timeout SEC] [--log FILE] [--input FILE] [--qemu "OPTS"]
#          KERNEL "MODULE [ARGS]"...
#
# Each module argument is a path plus its command line; they become
# -initrd "m1 args,m2 args".  The serial console goes to stdout (and to
# FILE with --log).  The guest ends QEMU through isa-debug-exit: writing v
# to port 0xf4 exits with (v << 1) | 1, so status 1 means the guest said 0.
# --kvm uses KVM when /dev/kvm is usable (TCG otherwise, the default).
# --input FILE is what the serial console receives (a file or a FIFO;
# nothing by default).  --qemu adds options to QEMU's command line (split
# at blanks), e.g. "-icount shift=0,sleep=off" for deterministic time.
# Exit status: 0 when the guest powered off with status 0, the guest's
# status when it gave another, 124 on timeout, 125 when the guest reset
# (a triple fault, with -no-reboot), other values from QEMU.
set -u

kvm=0 timeout=60 log="" input=/dev/null qemu_opts=""
while [ $# -gt 0 ]; do
	case "$1" in
	--kvm) kvm=1; shift ;;
	--timeout) timeout=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--input) input=$2; shift 2 ;;
	--qemu) qemu_opts="$qemu_opts $2"; shift 2 ;;
	*) break ;;
	esac
done
[ $# -ge 1 ] || { echo "usage: $0 [--kvm] [--timeout S] [--log F] [--input F] KERNEL MODULE..." >&2; exit 2; }
kernel=$1; shift

initrd=""
for m in "$@"; do
	case "$m" in *,*) echo "run.sh: a module argument may not contain ','" >&2; exit 2 ;; esac
	initrd="${initrd:+$initrd,}$m"
done

accel=tcg
if [ "$kvm" = 1 ] && [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
	accel=kvm
fi

args=(-machine pc,accel=$accel -m 128 -kernel "$kernel"
	-serial stdio -display none -monitor none -no-reboot
	-device isa-debug-exit,iobase=0xf4,iosize=0x04)
[ -n "$initrd" ] && args+=(-initrd "$initrd")
# shellcheck disable=SC2206  # word splitting is the point
[ -n "$qemu_opts" ] && args+=($qemu_opts)

timeout --foreground -k 5 "$timeout" qemu-system-i386 "${args[@]}" <"$input" |
	tee ${log:+"$log"}
rc=${PIPESTATUS[0]}
case $rc in
0) echo "run.sh: the guest reset or stopped without isa-debug-exit" >&2; exit 125 ;;
124|137) exit 124 ;;
*) [ $((rc & 1)) = 1 ] && exit $((rc >> 1)) ;;
esac
exit "$rc"
