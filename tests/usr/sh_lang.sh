# sh_lang.sh - Mica's sh inside Mica: the language of issue 10 (pipelines,
# redirections, here-documents, variables and export, quoting, $? $$,
# $(...), $((...)), if/while/for/case, functions, set -e, a script's
# arguments, background jobs and wait).  Each check compares output.
. lib/tap.sh
cd "$T" || exit 1
nl='
'

# --- pipelines and lists
t_is "a pipeline of three" "2" "$(printf 'a\nb\nc\n' | grep -v b | wc -l)"
t_is "a pipeline's status is the last command's" "1" "$(true | false; echo $?)"
t_is "! inverts a status" "0" "$(! false; echo $?)"
t_is "&& and ||" "yes" "$(false && echo no || echo yes)"
t_is "a list with ;" "a${nl}b" "$(echo a; echo b)"
t_is "{ } groups output into one pipe" "2" "$({ echo x; echo y; } | wc -l)"
t_is "( ) is a subshell: its cd stays there" "$T" "$( (cd /; true); pwd)"

# --- redirections
echo one > f1
t_is "> writes a file" "one" "$(cat f1)"
echo two >> f1
t_is ">> appends" "one${nl}two" "$(cat f1)"
t_is "< reads a file" "2" "$(wc -l < f1)"
t_is "2> sends errors to a file" "" "$(cat /nonexistent 2> err1)"
t_is "... and the file holds the message" \
	"cat: /nonexistent: No such file or directory" "$(cat err1)"
t_is "2>&1 joins stderr to stdout" \
	"cat: /nonexistent: No such file or directory" "$(cat /nonexistent 2>&1)"
t_is "2>&1 into a pipe" "1" "$(cat /nonexistent 2>&1 | wc -l)"
t_is ">/dev/null 2>&1 silences both" "" "$(cat f1 /nonexistent >/dev/null 2>&1)"
t_is "<> opens for reading and writing" "one" "$(head -n 1 <> f1)"
t_is "n>&- closes a descriptor" "1" "$( (echo x >&3) 3>&- 2>/dev/null; echo $?)"
exec 4> f4
echo via4 >&4
exec 4>&-
t_is "exec opens a descriptor for the shell" "via4" "$(cat f4)"
set -C
t_is "set -C: > does not clobber" "1" "$( (echo x > f1) 2>/dev/null; echo $?)"
echo clobbered >| f1
set +C
t_is ">| clobbers anyway" "clobbered" "$(cat f1)"

# --- here-documents
v=val
t_is "a here-document expands" "line val${nl}2" "$(cat <<EOT
line $v
$((1 + 1))
EOT
)"
t_is "a quoted delimiter: no expansion" 'line $v' "$(cat <<'EOT'
line $v
EOT
)"
t_is "<<- strips leading tabs" "a${nl}b" "$(cat <<-EOT
	a
		b
	EOT
)"
t_is "a here-document into a pipeline" "1" "$(grep -c val <<EOT
no
val
EOT
)"

# --- variables, export, quoting
x="a  b"
t_is "double quotes keep blanks" "a  b" "$(echo "$x")"
t_is "an unquoted variable is split" "a b" "$(echo $x)"
t_is "single quotes keep \$ and \\" '$x \n' "$(echo '$x \n')"
t_is "a backslash quotes one character" '$x' "$(echo \$x)"
t_is "\"\$@\" keeps arguments apart" "3" "$(set -- 'a b' c d; echo $#)"
t_is "an unexported variable stays in the shell" "" "$(y=1; sh -c 'echo $y')"
t_is "export gives it to children" "1" "$(export y=1; sh -c 'echo $y')"
t_is "VAR=x cmd: for that command only" "tmp${nl}|" "$(z=tmp sh -c 'echo $z'; echo "$z|")"
t_is "\${x:-default}" "def" "$(unset u; echo ${u:-def})"
t_is "\${x:=default} assigns" "def def" "$(unset u; echo ${u:=def} $u)"
t_is "\${#x} is the length" "4" "$(w=abcd; echo ${#w})"
t_is "\${x%suffix} and \${x#prefix}" "file.tar dir/file.tar.gz" \
	"$(p=/dir/file.tar.gz; b=${p##*/}; echo ${b%.gz} ${p#/})"
t_is "unset removes" "unset" "$(w=1; unset w; echo ${w-unset})"
t_is "readonly refuses assignment: the script ends, 2" "2" "$(sh -c 'readonly r=1; r=2; echo on' 2>/dev/null; echo $?)"
t_is "... also before a command (r=2 cmd)" "2" "$(sh -c 'readonly r=1; r=2 true; echo on' 2>/dev/null; echo $?)"

# --- special parameters
false
t_is "\$? after false" "1" "$?"
t_is "\$\$ is the shell's pid, the same in a subshell" "$$" "$(echo $$)"
t_is "\$\$ of another shell differs" "differ" \
	"$(if [ "$(sh -c 'echo $$')" != "$$" ]; then echo differ; fi)"
sleep 1 &
bg=$!
t_is "\$! is a background job's pid" "yes" "$(if [ "$bg" -gt 0 ]; then echo yes; fi)"
wait $bg
t_is "wait PID gives its status" "0" "$?"

# --- command substitution and arithmetic
t_is "\$(...) nests" "inner" "$(echo $(echo inner))"
t_is "backquotes" "bq" "`echo bq`"
t_is "\$(...) strips trailing newlines" "a" "$(printf 'a\n\n\n')"
t_is "\$((...)) precedence" "14" "$((2 + 3 * 4))"
t_is "\$((...)) with variables, / and %" "3 1" "$(n=7; echo $((n / 2 - 0)) $((n % 2)))" 
t_is "\$((...)) negative and comparisons" "-5 1 0" "$(echo $((-5)) $((3 > 2)) $((3 == 2)))"
t_is "\$((...)) assignment" "6 6" "$(i=5; echo $((i += 1)) $i)"
t_is "division by zero is an error" "2" "$(sh -c 'echo $((1 / 0))' 2>/dev/null; echo $?)"

# --- if, while, until, for, case
t_is "if/elif/else" "two" "$(n=2; if [ $n = 1 ]; then echo one; elif [ $n = 2 ]; then echo two; else echo many; fi)"
t_is "while with a counter" "0 1 2" "$(i=0; s=; while [ $i -lt 3 ]; do s="$s $i"; i=$((i + 1)); done; echo $s)"
t_is "until" "3" "$(i=0; until [ $i = 3 ]; do i=$((i + 1)); done; echo $i)"
t_is "for over words" "a-b-c-" "$(for w in a b c; do printf '%s-' $w; done)"
t_is "for over \"\$@\"" "[x y][z]" "$(set -- 'x y' z; for a in "$@"; do printf '[%s]' "$a"; done)"
t_is "break and continue" "1.3." "$(for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; printf '%s.' $i; done)"
touch g1.c g2.c g3.h
t_is "globbing sorts names" "g1.c g2.c" "$(echo g*.c)"
t_is "a glob that matches nothing stays" "nomatch*" "$(echo nomatch*)"
t_is "case with patterns and |" "c-file header other" \
	"$(for f in x.c y.h z; do case $f in *.c) printf 'c-file ';; *.h|*.hpp) printf 'header ';; *) echo other;; esac; done)"
t_is "case with [...] and ?" "digit" "$(case 7 in [0-9]) echo digit;; ?) echo char;; esac)"

# --- functions
f() { echo "f:$1:$#"; return 3; }
t_is "a function with arguments" "f:a:2" "$(f a b)"
f x >/dev/null
t_is "its return status" "3" "$?"
t_is "\$@ is restored after a call" "2" "$(set -- p q; f a >/dev/null; echo $#)"
g() { n=$(($1 - 1)); if [ $1 -gt 0 ]; then g $n; fi; echo $1; }
t_is "recursion" "0${nl}1${nl}2" "$(g 2)"
h() { sv=global; }
h
t_is "a function sets the shell's variables" "global" "$sv"

# --- set -e
t_is "set -e stops at a failure" "1" "$(sh -c 'set -e; false; echo after' ; echo $?)"
t_is "set -e: not in an if condition" "ok" "$(sh -c 'set -e; if false; then :; fi; echo ok')"
t_is "set -e: not left of &&" "ok" "$(sh -c 'set -e; false && true; echo ok')"
t_is "set -u: an unset variable is an error" "2" "$(sh -c 'set -u; echo $nosuch' 2>/dev/null; echo $?)"

# --- scripts with arguments, sh -c
cat > script.sh <<'EOS'
echo "$0|$#|$1|$2|$*"
shift
echo "after shift: $1"
exit 5
EOS
t_out "sh script args" 5 "script.sh|2|p|q r|p q r${nl}after shift: q r" sh script.sh p 'q r'
t_out "sh -c with \$0 and arguments" 0 "name a" sh -c 'echo $0 $1' name a
t_out "a syntax error exits 2" 2 "sh: line 1: syntax error: unexpected 'fi'" sh -c 'fi'
t_out "an unknown command is 127" 127 "sh: nosuchcmd: not found" sh -c 'nosuchcmd'
chmod 644 script.sh
t_out "a non-executable file is 126" 126 "sh: ./script.sh: Permission denied" sh -c './script.sh'
t_out "exit N" 9 "" sh -c 'exit 9'
t_out ". runs a file in this shell" 0 "sourced" sh -c 'echo "sv=sourced" > s.sh; . ./s.sh; echo $sv'
t_out "eval" 0 "3" sh -c 'c="echo \$((1 + 2))"; eval "$c"'

# --- background jobs and wait
sleep 1 & p1=$!
(exit 4) & p2=$!
wait $p2
t_is "wait for a job that exited 4" "4" "$?"
wait
t_is "wait with no operands waits for all" "0" "$?"
t_is "a background job's output arrives before wait returns" "bg1 bg2" \
	"$( (echo bg1 > j1) & (echo bg2 > j2) & wait; echo $(cat j1) $(cat j2))"
t_is "kill ends a background job: 128+15" "143" "$(sleep 30 & k=$!; kill $k; wait $k; echo $?)"
t_is "read splits a line into variables" "a|b c" "$(echo 'a b c' | { read x y; echo "$x|$y"; })"
t_is "trap on EXIT" "bye" "$(sh -c 'trap "echo bye" EXIT; true')"

t_done
