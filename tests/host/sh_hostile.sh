#!/bin/bash
# tests/host/sh_hostile.sh - Mica's sh on hostile input: every bound
# (parser nesting, function/eval recursion, arithmetic depth, word size)
# gives an error and a normal exit status, never a signal; then a short
# random fuzz (sh_fuzz.py, fixed seeds) of the parser and of execution,
# under the ASan/UBSan build when present.
. "$(dirname "$0")/lib.sh"
t_init sh_hostile
need_bin mica-sh
MSH=$BIN/mica-sh
[ -x "$(dirname "$BIN")/asan/bin/mica-sh" ] && MSH=$(dirname "$BIN")/asan/bin/mica-sh
export ASAN_OPTIONS=abort_on_error=1

# bounded WHAT SCRIPT-FILE: exits non-zero, not by a signal, with a message
bounded() {
	timeout 60 "$MSH" "$2" >/dev/null 2>"$T/err" </dev/null
	local rc=$?
	if [ $rc -gt 0 ] && [ $rc -lt 124 ] && [ -s "$T/err" ]; then
		t_pass "$1 (status $rc: $(head -c 60 "$T/err" | head -n 1))"
	else
		t_flunk "$1 (status $rc)"
		t_show "$T/err" 3
	fi
}

rep() { python3 -c "import sys; sys.stdout.write(sys.argv[1] * int(sys.argv[2]))" "$1" "$2"; }

{ rep 'if true; then ' 5000; echo; } >"$T/ifs.sh"
bounded "5000 nested ifs" "$T/ifs.sh"
{ echo -n 'echo '; rep '$(' 3000; echo; } >"$T/subst.sh"
bounded "3000 nested \$(" "$T/subst.sh"
{ echo -n 'echo $(('; rep '(' 5000; echo '1'; } >"$T/arith.sh"
bounded "5000 nested arithmetic parentheses" "$T/arith.sh"
{ echo -n 'echo $(( '; rep '-' 5000; echo '1 ))'; } >"$T/unary.sh"
bounded "5000 unary minus signs" "$T/unary.sh"
echo 'f() { f; }; f' >"$T/rec.sh"
bounded "unbounded function recursion" "$T/rec.sh"
echo 'e='"'"'eval "$e"'"'"'; eval "$e"' >"$T/eval.sh"
bounded "unbounded eval recursion" "$T/eval.sh"
echo '. "$0"' >"$T/dot.sh"
bounded "a script sourcing itself" "$T/dot.sh"
{ echo -n 'echo '; rep 'x' 2000000; echo; } >"$T/word.sh"
bounded "a 2 MB word" "$T/word.sh"
{ echo -n 'echo "${x:-'; rep '${x:-' 3000; echo; } >"$T/param.sh"
bounded "3000 nested \${x:-" "$T/param.sh"
{ echo 'cat <<E'; python3 -c "print('line of a here-document, no end\\n' * 40000)"
	echo 'echo never'; } >"$T/hd.sh"
bounded "a 1.6 MB unterminated here-document" "$T/hd.sh"
echo 'echo $((9223372036854775807 + 1)) $((-9223372036854775807 - 1 / -1)) $((1 << 70))' >"$T/ovf.sh"
t_is "arithmetic overflow wraps, no UB report" "-9223372036854775808 -9223372036854775806 64" \
	"$("$MSH" "$T/ovf.sh" 2>&1)"

mkdir -p "$T/fz"
HERE=$(cd "$(dirname "$0")" && pwd)
for mode in parse run; do
	if (cd "$T/fz" && python3 "$HERE/sh_fuzz.py" "$MSH" \
		$([ $mode = parse ] && echo 200 || echo 60) 7 \
		$([ $mode = run ] && echo run) >"$T/fuzz.log" 2>&1); then
		t_pass "fuzz ($mode): $(tail -n 1 "$T/fuzz.log")"
	else
		t_flunk "fuzz ($mode)"
		t_show "$T/fuzz.log" 10
	fi
done
t_done
