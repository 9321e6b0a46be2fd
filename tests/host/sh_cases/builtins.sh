# cd pwd . eval exec trap read true false :
mkdir -p sub/dir; cd sub/dir; pwd | sed 's|.*/||'; cd ..; pwd | sed 's|.*/||'
cd - >/dev/null; pwd | sed 's|.*/||'
cd /nonexistent-mica-dir 2>/dev/null || echo "cd failed"
cd /; echo "$PWD"; cd "$OLDPWD"
echo 'dotvar=fromdot; echo "sourced $#"' > dotfile; . ./dotfile; echo "$dotvar"
eval 'echo evaluated; ev=1'; echo "ev=$ev"
cmd='echo "eval $((2+3))"'; eval "$cmd"
eval "for i in 1 2; do echo e\$i; done"
true; echo "true $?"; false; echo "false $?"; :; echo "colon $?"
(exec echo "exec replaced"; echo notreached)
(exec 2>/dev/null; ls /nonexistent-mica-dir; echo "exec redir ok")
printf 'one two three\nsecond line\n' > input
read a b < input; echo "[$a] [$b]"
{ read l1; read l2; } < input; echo "[$l2]"
echo 'back\slash' | { read -r r; echo "$r"; }
echo 'back\slash' | { read r; echo "$r"; }
echo '  lead  trail  ' | { read v; echo "[$v]"; }
echo 'a:b:c' | { IFS=: read x y; echo "[$x] [$y]"; }
printf 'no newline' | { read v; echo "status $? [$v]"; }
umask 022; umask
type_test=$(command -v true 2>/dev/null); echo done
# pwd: -L and -P accepted, an unknown option a usage error (status 2)
cd /tmp && pwd -L && pwd -P && pwd -- ; echo "pwd $?"
(pwd -Z 2>/dev/null); echo "pwd -Z $?"
