# ${x:-y} family and pattern removal
unset u; e=; s=set
echo "${u:-a} ${e:-b} ${s:-c}"
echo "${u-a} ${e-b} ${s-c}"
echo "${u:+a} ${e:+b} ${s:+c}"
echo "${u+a} ${e+b} ${s+c}"
echo "${u:=assigned} $u"
echo "${e=notassigned}[$e]"
( : ${u2:?custom message} ) 2>/dev/null; echo "question: $?"
( : ${s:?unused} ); echo "question set: $?"
p=/usr/local/lib/file.tar.gz
echo "${p#*/} ${p##*/} ${p%.*} ${p%%.*}"
echo "${#p} ${#u2} ${#}"
x=aaa; echo "${x#a} ${x##a} ${x%a} ${x%%a*}"
y='a*b'; echo "${y#"a*"} ${y#a\*}"
echo ${nested:-${s}-inner}
echo "${u3:-"quoted default"}"
w="a b c"; set -- ${w}; echo $#
