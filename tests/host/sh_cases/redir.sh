# redirections: < > >> 2>&1 <& >& <> and fd numbers
echo first > f1; echo second >> f1; cat < f1
ls /nonexistent-mica-dir > out 2>&1; echo "status $?"; test -s out && echo "stderr captured"
{ echo to-err 1>&2; } 2> errfile; cat errfile
exec 3> f3; echo via3 >&3; exec 3>&-; cat f3
exec 4< f1; read line <&4; echo "fd4: $line"; exec 4<&-
echo rw 1<> f4; cat f4
{ echo a; echo b >&2; } > both 2>&1; cat both
echo noclobber > nc; set -C; (echo again > nc) 2>/dev/null || echo "clobber refused"; echo forced >| nc; cat nc; set +C
> empty; test -f empty && test ! -s empty && echo "empty created"
cat < /nonexistent-mica-file 2>/dev/null || echo "missing input fails"
while read l; do echo "line $l"; done < f1
