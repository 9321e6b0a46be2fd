# pipelines: data flow, exit status of the last command, ! negation
printf 'b\na\nc\n' | sort | tr a-z A-Z
echo x | false; echo "false last: $?"
false | true; echo "true last: $?"
! true; echo "bang true: $?"
! false | false; echo "bang pipe: $?"
echo one | { read v; echo "got $v"; }
echo long pipeline | cat | cat | cat | cat | cat | wc -w
