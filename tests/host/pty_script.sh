#!/bin/bash
# tests/host/pty_script.sh - a real terminal program on Mica's PTYs: in a
# `make run` session, script(1) runs a shell on a pseudo-terminal slave
# (its controlling terminal: tty and /dev/tty name the slave), copies
# what the shell prints to the console and to a log, feeds it input from
# a pipe (the shell is interactive on the slave, so the slave's echo is
# in the log too) and returns the shell's status.  The outer shell's
# terminal stays the console.
. "$(dirname "$0")/lib.sh"
t_init pty-script
need_cmd qemu-system-i386 make
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

cat >"$T/in" <<'IN'
script -c 'echo hi; tty; echo x >/dev/tty; exit 3' /tmp/log </dev/null; echo status $?
cat /tmp/log
printf 'echo inner $((6*7))\ntty\nexit 5\n' | script -q /tmp/l2; echo piped $?
cat /tmp/l2 | grep -c .
tty
IN
MICA_BOOT_TIMEOUT=120 MICA_RUN_TIMEOUT=300 make -s -C "$ROOT" run <"$T/in" \
	>"$T/out" 2>"$T/err"
rc=$?
tr -d '\r' <"$T/out" >"$T/log"
t_is "the session ends on its own, status 0 (make run)" 0 "$rc"
t_ok "script announces its log" grep -q '^Script started, output file is /tmp/log$' "$T/log"
t_ok "the command's status comes back through script" grep -q '^status 3$' "$T/log"
t_ok "the log starts with the start line" grep -qE '^(# )*Script started on ' "$T/log"
t_ok "the log holds the command's output" grep -q '^hi$' "$T/log"
t_ok "tty inside names the PTY slave" grep -q '^/dev/ttyp[0-9]*$' "$T/log"
t_is "/dev/tty inside is the slave: its output is in the log twice (console + cat)" \
	2 "$(grep -c '^x$' "$T/log")"
t_ok "the log ends with the done line" grep -q '^Script done on ' "$T/log"
t_ok "the slave echoed the piped input (ECHO on the PTY)" \
	grep -qE '^(# )*echo inner [$][(][(]6[*]7[)][)]$' "$T/log"
t_ok "an interactive shell on the slave ran the piped input" grep -qE '^(# )*inner 42$' "$T/log"
t_ok "the piped shell's exit status comes back" grep -qE '^(# )*piped 5$' "$T/log"
t_ok "after script, the console shell's terminal is the console again" \
	grep -qE '^(# )*/dev/console$' "$T/log"
t_fail "no failure message from the harness" grep -q '^mica:' "$T/err"
[ "$T_FAILED" -ne 0 ] && sed 's/^/# /' "$T/log"
t_done
