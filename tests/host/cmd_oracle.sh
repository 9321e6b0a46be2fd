#!/bin/bash
# tests/host/cmd_oracle.sh - Mica's small commands against GNU coreutils
# and grep: the same command line on the same files must give the same
# stdout and exit status; commands that change files must leave the same
# tree (names, types, modes, sizes, link targets, owners, contents).
# Then the conventions: a bad option gives a usage line and status 2, a
# missing file the conventional message.  The ASan/UBSan builds
# (build/asan/bin) are used when present.
. "$(dirname "$0")/lib.sh"
t_init cmd_oracle
CB=$BIN
[ -x "$(dirname "$BIN")/asan/bin/mica-ls" ] && CB=$(dirname "$BIN")/asan/bin
t_diag "commands under test: $CB"
need_bin mica-cat mica-ls mica-grep
export LC_ALL=C TZ=UTC

BASE=$T/base
mkdir -p "$BASE/dir/sub/deeper"
(
	cd "$BASE" || exit 1
	printf 'alpha\nbeta\ngamma delta\n\n  spaced  out  \nlast line, no newline' >text
	seq 1 5000 >nums
	head -c 70000 /dev/urandom >bin
	printf 'Hello\nhello world\nHELLO again\nfoo.bar\nfooxbar\na[b]c\n' >words
	echo x >dir/a; echo y >dir/sub/b; ln -s a dir/link; : >empty
	chmod 640 text; chmod 755 dir/sub
	touch -d '2001-02-03 04:05:06' text nums words empty
)

# out MICA|GNU CMDLINE: run with @ replaced by the Mica prefix or nothing
run_in() {	# DIR PREFIX CMDLINE
	local d=$1 p=$2
	shift 2
	(cd "$d" && eval "${*//@/$p}" 2>/dev/null; echo "status $?")
}

# same WHAT CMDLINE: read-only command lines, in the base tree
same() {
	t_is "$1" "$(run_in "$BASE" "" "$2")" "$(run_in "$BASE" "$CB/mica-" "$2")"
}

tree_state() {
	(cd "$1" && find . -printf '%p %y %m %U:%G %l\n' | sort &&
		find . -type f -exec md5sum {} + | sort -k2)
}

# fs_same WHAT CMDLINE: on two fresh copies; output, status and tree
fs_same() {
	local g=$T/gnu m=$T/mica og om
	rm -rf "$g" "$m"; cp -a "$BASE" "$g"; cp -a "$BASE" "$m"
	og=$(run_in "$g" "" "$2"); om=$(run_in "$m" "$CB/mica-" "$2")
	if [ "$og" = "$om" ] && [ "$(tree_state "$g")" = "$(tree_state "$m")" ]; then
		t_pass "$1"
	else
		t_flunk "$1"
		diff <(echo "$og"; tree_state "$g") <(echo "$om"; tree_state "$m") |
			head -10 | sed 's/^/#   /'
	fi
}

# ---- output only ----
same "cat files" "@cat text nums"
same "cat stdin and -" "@cat - <text; @cat text - words <nums"
same "cat binary" "@cat bin | md5sum"
same "cat missing file continues" "@cat text missing words"
same "echo" "@echo a 'b  c' d; @echo -n x; @echo"
for f in '%s|%s\n' '%d %i %o %x %X %u\n' '%5s|%-5s|%.2s\n' '%05d %+d % d\n' \
	'%c%c\n' '%b\n' 'a\tb\\n\101\n' '%%\n'; do
	same "printf '$f'" "@printf '$f' abc 42 -7 255 'x' 'y\\tz' 3 | od -c"
done
same "printf reuses the format" "@printf '%s-%s\n' 1 2 3 4 5"
same "printf 'c char value" "@printf '%d\n' \"'A\""
same "printf bad number" "@printf '%d\n' 12abc"
for e in '-n x' '-z ""' 'a = a' 'a != b' '5 -eq 5' '3 -lt 2' '-10 -le -10' \
	'-f text' '-d dir' '-e missing' '-s empty' '-s text' '-L dir/link' \
	'-h dir/a' '-x dir' '! -f dir' 'a = a -a b = c' 'a = a -o b = c' \
	'( a = b ) -o x' '! ( -n "" )' '' 'x' '""' '-n' '!' '= = =' \
	'text -nt nums' 'x -eq 1' '( x' '1 -gt'; do
	same "test $e" "@test $e"
done
same "wc -l" "@wc -l text nums"
same "wc (all counts)" "@wc text nums words | tr -s ' '"
same "wc stdin" "@wc <text | tr -s ' '; @wc -c <bin; @wc -w <words"
same "head" "@head nums; @head -n 3 text; @head -c 10 text"
same "head several files" "@head -n 2 text words"
same "tail" "@tail nums; @tail -n 3 text; @tail -c 20 nums"
same "tail +N" "@tail -n +4990 nums; @tail -c +60 text"
same "tail from a pipe" "seq 1 100000 | @tail -n 2"
for p in 'hello' '^h' 'o$' 'o.b' 'fo*x' '[[:upper:]]' '[^a-z]' 'a\[b\]c' \
	'\(l\)\{2\}' 'l\{1,2\}o' '^$' 'x*' '.' '^[0-9]\{4\}$' 'zzz'; do
	same "grep '$p'" "@grep -n '$p' words text nums"
done
same "grep -c -v -i -x" "@grep -c -i hello words; @grep -v o words; @grep -x -i hello words"
same "grep -l -q -e" "@grep -l a words text nums; @grep -q foo words; @grep -e foo -e Hello words"
same "grep stdin" "@grep beta <text; @grep -h a text words; @grep -H x words"
same "ls" "@ls; @ls -a; @ls dir"
same "ls -l" "@ls -l; @ls -la dir"
same "ls -R" "@ls -R; @ls -lR dir"
same "ls operands" "@ls -d dir text; @ls text dir words; @ls -l dir/link"
mknod "$T/cdev" c 300 70000 && mknod "$T/bdev" b 8 1 &&
	touch -h -d '2001-02-03 04:05:06' "$T/cdev" "$T/bdev" &&
	same "ls -l devices (major, minor)" "@ls -l $T/cdev $T/bdev | tr -s ' '"
same "stat -c" "@stat -c '%n %s %a %A %F %h %u %g %Y' text nums dir dir/link empty"
same "dd" "@dd if=bin bs=1000 count=5 skip=3 2>/dev/null | md5sum; @dd if=bin ibs=333 obs=1000 count=40 | md5sum"
same "dd records" "@dd if=bin of=/dev/null ibs=333 obs=1000 2>&1 | head -n 2"
same "env" "@env -i A=1 B='x y'; @env -i A=2 sh -c 'echo \$A'"
same "pwd true false" "@pwd; @true; @false"
same "sleep" "@sleep 0.1; @sleep 0"

# ---- commands that change files ----
fs_same "cp file" "@cp text copy; @cp nums dir"
fs_same "cp -r" "@cp -r dir dir2; @cp -r dir text words dir2"
fs_same "cp -p" "@cp -p text kept"
fs_same "mv" "@mv text renamed; @mv nums words dir; @mv dir dir3"
fs_same "rm" "@rm text; @rm -f missing nums; @rm -r dir; @rm -rf empty"
fs_same "rm refuses" "@rm dir; @rm -r .; @rm -r dir/.."
fs_same "mkdir" "@mkdir new; @mkdir -p a/b/c dir/sub; @mkdir dir; @mkdir -m 700 m"
fs_same "rmdir" "@rmdir dir/sub/deeper; @mkdir -p p/q/r && @rmdir -p p/q/r; @rmdir dir"
fs_same "ln" "@ln text hard; @ln -s text soft; @ln -s ../text dir; @ln -sf nums soft"
fs_same "chmod octal and symbolic" \
	"@chmod 600 text; @chmod u+x,g-r nums; @chmod a=r words; @chmod +x empty; @chmod o=u dir/a"
fs_same "chmod -R" "@chmod -R go-rwx dir"
fs_same "chown" "@chown 1234:5678 text; @chown -R 42 dir; @chown -h 7 dir/link; @chown :9 nums"
fs_same "touch" "@touch newfile; @touch -c nofile; @touch -r text words"
t_is "touch sets mtime to now" 1 "$(cd "$T/mica" && find newfile -newer nums | wc -l)"
fs_same "dd of" "@dd if=text of=out bs=4 seek=2 2>/dev/null; @dd if=nums of=text bs=3 count=2 conv=notrunc 2>/dev/null"

# ---- kill, sync ----
sleep 30 & sp=$!
"$CB/mica-kill" -s TERM $sp; wait $sp; t_is "kill -s TERM" 143 $?
sleep 30 & sp=$!
"$CB/mica-kill" -9 $sp; { wait $sp; } 2>/dev/null; t_is "kill -9" 137 $?
t_ok "kill -0 self" "$CB/mica-kill" -0 $$
t_fail "kill no such pid" "$CB/mica-kill" 999999
t_ok "sync" "$CB/mica-sync"

# ---- conventions: usage -> 2, missing files -> message ----
for c in cat cp mv rm mkdir rmdir ln pwd kill sleep sync dd wc grep head \
	tail touch chmod chown stat ls env; do
	case $c in
	kill|sleep|dd|sync) args="-Z" ;;
	env) args="-Z x" ;;
	*) args="-Z missing" ;;
	esac
	(cd "$BASE" && "$CB/mica-$c" $args >/dev/null 2>"$T/err")
	rc=$?
	if [ $rc -eq 2 ] && grep -q '^usage: ' "$T/err"; then
		t_pass "$c: bad option gives usage and status 2"
	else
		t_flunk "$c: bad option gives usage and status 2 (status $rc)"
		t_show "$T/err" 3
	fi
done
for c in "cat missing" "head missing" "tail missing" "wc missing" \
	"grep x missing" "ls missing" "cp missing x" "mv missing x" \
	"rm missing" "stat missing" "chmod 644 missing" "chown 0 missing" \
	"rmdir missing" "ln missing x" "dd if=missing"; do
	(cd "$T/mica" && "$CB/mica-"$c >/dev/null 2>"$T/err")
	rc=$?
	if [ $rc -ne 0 ] && grep -q "missing: No such file or directory" "$T/err"; then
		t_pass "$c: conventional message, status $rc"
	else
		t_flunk "$c: conventional message (status $rc)"
		t_show "$T/err" 3
	fi
done
t_done
