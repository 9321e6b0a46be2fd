# variables, export, unset, readonly
a=1 b=2; echo "$a $b"
a=x; echo ${a}y
export EXP=exported; sh_cmd=${TSH:-sh}; "$sh_cmd" -c 'echo "child sees $EXP"'
NOTEXP=hidden; "$sh_cmd" -c 'echo "child sees [$NOTEXP]"'
TEMP=tmp "$sh_cmd" -c 'echo "temp $TEMP"'; echo "after [$TEMP]"
unset a; echo "unset [${a}]"
readonly R=fixed; (R=changed) 2>/dev/null || echo "readonly refused"; echo $R
(unset R) 2>/dev/null || echo "unset readonly refused"
x="with  spaces"; echo $x; echo "$x"
e=; echo "[${e}]" "[${e:-empty}]" "[${u-unset}]"
export -p | grep -c '^export EXP=' 
v=1; f() { v=2; }; f; echo "global $v"
(R=changed; echo "not reached") 2>/dev/null; echo "readonly assignment: $?"
(R=changed true; echo "not reached") 2>/dev/null; echo "readonly before a command: $?"
(for R in a; do echo "not reached"; done) 2>/dev/null; echo "readonly for variable: $?"
