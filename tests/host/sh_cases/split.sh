# field splitting with IFS
x="a b  c"; set -- $x; echo $#
IFS=:; y="a:b::c:"; set -- $y; echo "$# [$1] [$2] [$3] [$4]"
IFS=' :'; z=" a : b "; set -- $z; echo "$# [$1] [$2]"
IFS=; set -- $x; echo "$#"
unset IFS; set -- $x; echo "$#"
IFS=' 	
'
e=""; set -- $e; echo "empty unquoted $#"; set -- "$e"; echo "empty quoted $#"
set -- "a b" c; for i in "$@"; do echo "[$i]"; done
set -- "a b" c; s="$*"; echo "[$s]"
v="1 2"; for i in $v"3 4"; do echo "[$i]"; done
