#!/bin/bash
# tests/host/run_session.sh - the acceptance path of `make run`: the whole
# system boots from the root image to the console shell, and a scripted
# session (`printf ... | make run`) runs commands typed into the serial
# console and powers Mica off at end of input with the shell's status.
. "$(dirname "$0")/lib.sh"
t_init run-session
need_cmd qemu-system-i386 make
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

cat >"$T/in" <<'IN'
ls -l /
cat /etc/rc
echo hi > /tmp/f; cat /tmp/f
echo one two three | wc -w
ls /nonexistent
df
mount
sh -c 'exit 7'
echo status $?
ps
ps -e
ps -z
echo ps status $?
IN
MICA_BOOT_TIMEOUT=120 MICA_RUN_TIMEOUT=300 make -s -C "$ROOT" run <"$T/in" \
	>"$T/out" 2>"$T/err"
rc=$?
tr -d '\r' <"$T/out" >"$T/log"
t_is "the session ends on its own, status 0 (make run)" 0 "$rc"
t_ok "a command's exit status reaches the shell" grep -q '# status 7$' "$T/log"
t_ok "/etc/rc ran before the prompt" grep -q '^Mica: root file system up' "$T/log"
t_fail "no failed root mount at boot (VFS waits for the driver: vfs/root.c)" \
	grep -q 'mounting the root file system' "$T/log"
t_ok "ls -l / lists /tmp as drwxrwxrwt root" grep -q '^drwxrwxrwt .* root root .* tmp$' "$T/log"
t_ok "cat /etc/rc" grep -q '# /etc/rc - run by init' "$T/log"
t_ok "a file written in /tmp reads back" grep -q '^# hi$' "$T/log"
t_ok "a pipeline: echo | wc -w" grep -q '^# 3$' "$T/log"
t_ok "a missing file: the conventional message" \
	grep -q 'ls: /nonexistent: No such file or directory' "$T/log"
t_ok "df reports the root from the mount table" grep -qE '^/dev/ram0 +8192 .* /$' "$T/log"
t_ok "mount lists the root" grep -qE '^(# )?/dev/ram0 on / type root \(rw\)$' "$T/log"
t_ok "ps lists init as pid 1" grep -qE '^ +1 +0 +0 S +init$' "$T/log"
t_ok "ps lists itself, running" grep -qE '^ +[0-9]+ +[0-9]+ +0 R +ps$' "$T/log"
t_ok "ps -e lists the services by their labels" grep -qE '^ +[0-9]+ +0 +0 R +\[pm\]$' "$T/log"
t_ok "ps with a bad option: usage, status 2" grep -q '^# ps status 2$' "$T/log"
t_ok "PM powered the machine off" grep -q 'kernel: shutdown by pm' "$T/log"
t_fail "no failure message from the harness" grep -q '^mica:' "$T/err"
t_done
