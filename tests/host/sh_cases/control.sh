# if / while / until / for / case
if true; then echo then; else echo else; fi
if false; then echo no; elif false; then echo no2; else echo else; fi
i=0; while [ $i -lt 3 ]; do echo "while $i"; i=$((i+1)); done
until [ $i -eq 0 ]; do i=$((i-1)); done; echo "until $i"
for w in one "two three" four; do echo "for $w"; done
for w in; do echo never; done; echo "empty for"
set -- x y; for a; do echo "implicit $a"; done
for f in *.nomatch; do echo "glob literal $f"; done
case abc in a*c) echo "case glob";; esac
case "x y" in "x y") echo "case quoted";; *) echo wrong;; esac
case b in a|b|c) echo "alternatives";; esac
case z in [a-y]) echo range;; [!a-y]) echo "negated class";; esac
case '*' in \*) echo "escaped star";; esac
case x in (x) echo "paren pattern";; esac
case nothing in a) ;; esac; echo "no match status $?"
for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo "loop $i"; done
for i in a b; do for j in 1 2; do [ $j = 2 ] && continue 2; echo "$i$j"; done; done
for i in a b; do for j in 1 2; do break 2; done; echo never; done; echo "break 2 done"
while :; do break; done; echo "colon loop"
x=$(if true; then echo inside; fi); echo $x
if [ -n "" ]
then
  echo no
else
  echo multiline
fi
