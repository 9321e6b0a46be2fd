#!/bin/bash
# tests/host/sh_posix.sh - Mica's sh against dash, feature by feature.
#
# Every script in tests/host/sh_cases/ runs under dash and under
# build/bin/mica-sh (the ASan/UBSan build when present), with the same
# arguments, an empty stdin and a fresh working directory; stdout and the
# exit status must be the same.  Stderr is not compared (messages differ),
# only kept for diagnostics.  Cases that start a nested shell use $TSH,
# the shell under test.
. "$(dirname "$0")/lib.sh"
t_init sh_posix
need_cmd dash
CASES=$(cd "$(dirname "$0")/sh_cases" && pwd)
MSH=$BIN/mica-sh
[ -x "$(dirname "$BIN")/asan/bin/mica-sh" ] && MSH=$(dirname "$BIN")/asan/bin/mica-sh
need_bin mica-sh
t_diag "shell under test: $MSH"

run_case() {	# SHELL CASE DIR
	mkdir -p "$3"
	(cd "$3" && LC_ALL=C TSH=$1 HOME=$3 timeout 30 "$1" "$2" a 'b c' '' d \
		>out 2>err </dev/null; echo $? >rc)
}

for c in "$CASES"/*.sh; do
	name=$(basename "$c" .sh)
	run_case dash "$c" "$T/$name.dash"
	run_case "$MSH" "$c" "$T/$name.mica"
	d=$T/$name.dash m=$T/$name.mica
	if cmp -s "$d/out" "$m/out" && cmp -s "$d/rc" "$m/rc"; then
		t_pass "$name: same output and status as dash"
	else
		t_flunk "$name: differs from dash (status $(cat "$d/rc") vs $(cat "$m/rc"))"
		diff "$d/out" "$m/out" | head -20 | sed 's/^/#   /'
		t_show "$m/err" 5
	fi
done

# POSIX 2.1: a shell reading commands from a pipe leaves the rest of its
# input to the commands it runs (dash reads ahead; bash is the oracle).
in='read line\necho "got [$line]"\nthis is data\necho after\n'
t_is "stdin commands leave the rest of stdin to read (as bash)" \
	"$(printf "$in" | bash 2>/dev/null)" "$(printf "$in" | "$MSH" 2>/dev/null)"
# An interactive shell prompts with PS1 ("# " for root) and PS2 on stderr.
t_is "interactive: PS1 and PS2 on stderr" "# > # " \
	"$(printf 'echo \\\nhi\n' | "$MSH" -i 2>&1 >/dev/null)"
t_is "interactive: the continued command ran" "hi" \
	"$(printf 'echo \\\nhi\n' | "$MSH" -i 2>/dev/null)"
# Job control on a terminal (a pty made by tests/host/sh_jobctl.py, which
# types ^Z and ^C only once the job owns the terminal): ^Z stops the
# foreground job, jobs lists it, fg resumes it to a normal end; ^C ends a
# foreground job with 130 and the shell carries on.
python3 "$(dirname "$0")/sh_jobctl.py" "$MSH" "$T/pty.txt" >"$T/pty.out"
rc=$?
if [ $rc = 77 ]; then
	t_diag "no pty on this machine: job control not checked"
else
	t_is "the terminal session ran to its end" 0 $rc
	t_is "^Z stops the job, jobs and fg see it" 2 \
		"$(grep -c '^\[1\] Stopped' "$T/pty.txt")"
	t_is "fg resumes it to a normal end" 1 "$(grep -c '^back 0$' "$T/pty.txt")"
	t_is "^C ends the foreground job with 130" 1 "$(grep -c '^int 130$' "$T/pty.txt")"
	[ $rc = 0 ] || { t_show "$T/pty.out" 5; t_show "$T/pty.txt" 40; }
fi
t_done
