#!/bin/bash
# tests/host/run_bounds.sh - `make run`'s harness (tools/qemu/mica.sh) ends
# a boot that never reaches a shell prompt with an error, within its bound:
# a boot whose only process spins forever (test_timer's spinner) is
# stopped by MICA_BOOT_TIMEOUT;
# a system that powers off without ever showing a prompt (the ping/pong
# demo) is a failure too, even with status 0; a scripted session's input
# is not consumed before the prompt.
. "$(dirname "$0")/lib.sh"
t_init run-bounds
need_cmd qemu-system-i386
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
K=$ROOT/build/i386/bin/kernel.elf
[ -f "$K" ] || { t_flunk "$K is built"; t_done; }

MICA_BOOT_TIMEOUT=5 bash "$ROOT/tools/qemu/mica.sh" "$K" \
	"$ROOT/build/i386/bin/test_timer.elf role=spinner" \
	</dev/null >"$T/hang.out" 2>"$T/hang.err"
t_is "a boot that hangs: status 1" 1 "$?"
t_ok "  and it says why" grep -q "no shell prompt within 5s" "$T/hang.err"

printf 'never read\n' | MICA_BOOT_TIMEOUT=60 bash "$ROOT/tools/qemu/mica.sh" "$K" \
	"$ROOT/build/i386/bin/demo.elf role=ping priv=sys" \
	"$ROOT/build/i386/bin/demo.elf role=pong" >"$T/demo.out" 2>"$T/demo.err"
t_is "a system that stops before a prompt: status 1" 1 "$?"
t_ok "  and it says why" grep -q "stopped (status 0) before a shell prompt" "$T/demo.err"
t_ok "  the demo did run" grep -q "kernel: shutdown" "$T/demo.out"
t_fail "  the input was held back (never reached the guest)" grep -q "never read" "$T/demo.out"
t_done
