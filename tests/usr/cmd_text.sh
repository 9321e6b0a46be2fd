# cmd_text.sh - the text and utility commands inside Mica: echo, printf,
# test and [, wc, grep, head, tail, dd, true, false, env, sleep, kill, pwd,
# sync; output compared with the expected text, usage errors (status 2) and
# missing files (the conventional message).
. lib/tap.sh
cd "$T" || exit 1
nl='
'
nofile() { echo "$1: $2: No such file or directory"; }
printf 'alpha\nbeta\ngamma\ndelta\nepsilon\n' > words

# --- usage errors and missing files
for c in wc grep head tail dd env sleep kill; do
	out=$($c -Z 2>&1)
	st=$?
	case $out in *usage:*) u=usage ;; *) u="no usage line: $out" ;; esac
	t_is "$c -Z: usage, status 2" "usage 2" "$u $st"
done
for c in wc head tail; do
	t_out "$c of a missing file" 1 "$(nofile $c nofile)" $c nofile
done
t_out "grep in a missing file: status 2" 2 "$(nofile grep nofile)" grep x nofile
t_out "grep -s: quiet about it" 2 "" grep -s x nofile
t_out "dd if= a missing file" 1 "$(nofile dd nofile)" dd if=nofile of=/dev/null
t_out "dd with a bad operand" 2 "" sh -c 'dd bogus=1 2>/dev/null'
t_out "env with a missing program: 127" 127 "$(nofile env nosuchprog)" env nosuchprog
t_out "grep without a pattern" 2 "" sh -c 'grep 2>/dev/null'
t_out "sleep without an operand" 2 "" sh -c 'sleep 2>/dev/null'

# --- echo, printf
t_out "echo words" 0 "a b c" echo a b c
t_out "echo -n: no newline" 0 "x|" sh -c 'echo -n x; echo "|"'
t_out "printf %s %d %x %o %c" 0 "s 42 ff 10 A" printf '%s %d %x %o %c\n' s 42 255 8 A
t_out "printf width, precision, -" 0 "[   ab][ab   ][3.1][007]" printf '[%5s][%-5s][%.1s%s%.1s][%03d]\n' ab ab 3 . 1 7
t_out "printf reuses the format" 0 "1;2;3;" printf '%s;' 1 2 3
t_out "printf \\n \\t \\\\ escapes" 0 "a	b\\c" printf 'a\tb\\c\n'
t_out "printf %b expands escapes" 0 "x${nl}y" printf '%b\n' 'x\ny'
t_out "printf of a bad number: status 1" 1 "printf: abc: invalid number${nl}0" printf '%d\n' abc
t_out "printf 'c" 0 "65" printf '%d\n' "'A"

# --- test and [
t_out "test -f -d -e" 0 "f d e" sh -c '[ -f words ] && printf "f "; [ -d . ] && printf "d "; [ -e words ] && echo e'
t_out "test -s -r -w -x" 0 "s r w nx" sh -c '[ -s words ] && printf "s "; [ -r words ] && printf "r "; [ -w words ] && printf "w "; [ -x words ] || echo nx'
t_out "test strings = != -z -n" 0 "1 1 1 1" sh -c 'a=1; [ a = a ] && printf "$a "; [ a != b ] && printf "$a "; [ -z "" ] && printf "$a "; [ -n x ] && echo $a'
t_out "test integers -eq -lt -ge" 0 "yes" sh -c '[ 3 -eq 3 ] && [ 2 -lt 10 ] && [ 5 -ge 5 ] && echo yes'
t_out "test ! -a -o ( )" 0 "yes" sh -c '[ ! -e nofile -a \( 1 = 2 -o 2 = 2 \) ] && echo yes'
t_out "test -L" 0 "link" sh -c 'ln -s words wl; [ -L wl ] && echo link'
t_out "test -nt -ot" 0 "newer older" sh -c 'touch old; sleep 1.1; touch new; [ new -nt old ] && printf "newer "; [ old -ot new ] && echo older'
t_out "[ without ]: status 2" 2 "" sh -c '[ 1 = 1 2>/dev/null'
t_out "test with a bad integer: status 2" 2 "" sh -c 'test x -eq 1 2>/dev/null'
t_out "test with no arguments: false" 1 "" test
t_out "/bin/[ as a program" 0 "prog" sh -c '/bin/[ 1 = 1 ] && echo prog'

# --- wc
t_out "wc counts lines, words, bytes" 0 "5 5 31 words" sh -c 'set -- $(wc words); echo $*'
t_out "wc -l" 0 "5 words" sh -c 'set -- $(wc -l words); echo $*'
t_out "wc -w -c from stdin" 0 "3 14" sh -c 'echo "one two three" | wc -w -c | { read a b; echo $a $b; }'
t_out "wc of two files gives a total" 0 "total" sh -c 'wc -l words words | tail -n 1 | { read n w; echo $w; }'

# --- grep
t_out "grep prints matching lines" 0 "beta${nl}delta" grep ta words
t_out "grep -v" 0 "alpha${nl}gamma${nl}epsilon" grep -v ta words
t_out "grep -c" 0 "2" grep -c ta words
t_out "grep -n" 0 "2:beta" grep -n '^b' words
t_out "grep -i" 0 "alpha" grep -i '^ALP' words
t_out "grep -x" 0 "gamma" grep -x 'gam*a' words
t_out "grep -l" 0 "words" grep -l eps words /etc/rc
t_out "grep -e twice" 0 "alpha${nl}epsilon" grep -e alp -e eps words
t_out "grep basic regex: [...] .* \$ \\{" 0 "gamma${nl}delta" grep '^[gd].*a$' words
t_out "grep: bracket and interval" 0 "gamma" grep 'm\{2\}' words
t_out "grep: no match is status 1" 1 "" grep zzz words
t_out "grep -q: a match, no output" 0 "" grep -q beta words
t_out "grep -H names the file" 0 "words:beta" grep -H beta words
t_out "grep over two files names them" 0 "words:beta${nl}w2:beta" sh -c 'cp words w2; grep beta words w2'
t_out "grep from a pipe" 0 "b" sh -c 'printf "a\nb\n" | grep b'

# --- head, tail
t_out "head -n 2" 0 "alpha${nl}beta" head -n 2 words
t_out "head defaults to 10 lines" 0 "5" sh -c 'head words | wc -l'
t_out "head -c 3" 0 "alp" head -c 3 words
t_out "tail -n 2" 0 "delta${nl}epsilon" tail -n 2 words
t_out "tail -n +4" 0 "delta${nl}epsilon" tail -n +4 words
t_out "tail -c 4" 0 "lon" tail -c 4 words
t_out "tail of a pipe" 0 "epsilon" sh -c 'cat words | tail -n 1'
t_out "head of two files: headers" 0 "==> words <==" sh -c 'head -n 1 words words | head -n 1'

# --- dd
t_out "dd copies with bs and count" 0 "alpha" sh -c 'dd if=words of=d1 bs=1 count=5 2>/dev/null; cat d1; echo'
t_out "dd reports records" 0 "5+0 records in${nl}5+0 records out" sh -c 'dd if=words of=d1 bs=1 count=5 2>&1 >/dev/null | head -n 2'
t_out "dd skip" 0 "beta" sh -c 'dd if=words bs=6 skip=1 count=1 2>/dev/null | head -n 1'
t_out "dd seek with conv=notrunc" 0 "alpXa" sh -c 'cp words d2; printf X | dd of=d2 bs=1 seek=3 conv=notrunc 2>/dev/null; head -n 1 d2'
t_out "dd from /dev/zero, 4k" 0 "4096" sh -c 'dd if=/dev/zero of=z bs=1k count=4 2>/dev/null; stat -c %s z'
t_out "dd of a block device (/dev/ram0's superblock)" 0 "1024" sh -c 'dd if=/dev/ram0 bs=1024 skip=1 count=1 2>/dev/null | wc -c | { read n; echo $n; }'

# --- true, false, env
t_out "true" 0 "" true
t_out "false" 1 "" false
t_out "env -i VAR=x prog" 0 "A=1" env -i A=1 /bin/env
t_out "env VAR=x adds to the environment" 0 "yes" sh -c 'env EXTRA=yes sh -c "echo \$EXTRA"'
t_out "env lists PATH" 0 "PATH=/bin:/sbin:/usr/bin" sh -c 'env | grep "^PATH="'

# --- sleep, kill, pwd, sync
t_out "sleep 0.1" 0 "" sleep 0.1
t_out "sleep of a bad interval: a usage error" 2 "sleep: x: invalid time interval${nl}usage: sleep seconds" sleep x
t_out "kill -l lists signal names" 0 "yes" sh -c 'kill -l | grep -q KILL && echo yes'
t_out "kill -0 of this shell" 0 "" kill -0 $$
t_out "kill of a missing process" 1 "kill: 99999: No such process" kill 99999
t_out "kill -s with a bad signal" 2 "" sh -c 'kill -s NOSUCH $$ 2>/dev/null'
t_out "kill -9 of a sleeper: 137" 0 "137" sh -c 'sleep 30 & p=$!; kill -9 $p; wait $p; echo $?'
t_out "kill -s TERM of a sleeper: 143" 0 "143" sh -c 'sleep 30 & p=$!; kill -s TERM $p; wait $p; echo $?'
t_out "pwd" 0 "$T" pwd
t_out "/bin/pwd -P through a symlink" 0 "$T/real" sh -c 'mkdir real; ln -s real lk; cd lk && /bin/pwd -P'
t_out "pwd after cd .." 0 "/tmp" sh -c 'cd ..; pwd'
t_out "sync" 0 "" sync
t_out "poweroff with an operand: usage, the machine stays up" 2 "usage: poweroff" poweroff now

t_done
