# special parameters
echo "count $#"
echo "first [$1] second [$2] third [$3] fourth [$4]"
for a in "$@"; do echo "at [$a]"; done
for a in $@; do echo "unquoted at [$a]"; done
for a in "$*"; do echo "star [$a]"; done
IFS=:; echo "star colon [$*]"; IFS=' 	
'
true; echo "status $?"; false; echo "status $?"
test "$$" -gt 0 && echo "pid ok"
sleep 0 & test "$!" -gt 0 && echo "bang ok"; wait
set -- p q r s t u v w x y z; echo "$9 ${10} ${11}"
echo "$0" | grep -c special
set --; for a in "$@"; do echo never; done; echo "empty at: $#"
set -- a; shift; echo "after shift $#"
case $- in *f*) echo f;; *) echo "no f";; esac
