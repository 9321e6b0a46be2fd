# set --, shift, scripts with arguments, sh -c with name and args
sh_cmd=${TSH:-sh}
set -- a "b c" d; echo "$# $2"
shift 2; echo "$# $1"
set --; echo "$#"
"$sh_cmd" -c 'echo "name=$0 args=$# $1 $2"' myname one two
printf 'echo "script $# [$1] [$2]"\nexit 4\n' > script.sh
"$sh_cmd" script.sh x "y z"; echo "script status $?"
echo 'echo "from stdin $#"' | "$sh_cmd"
echo 'echo "with -s $1"' | "$sh_cmd" -s arg
"$sh_cmd" -c 'exit 3'; echo "exit code $?"
"$sh_cmd" -c 'false'; echo "last status $?"
"$sh_cmd" -c 'echo $((1+1)); exit'; echo "bare exit $?"
(shift 5) 2>/dev/null; echo "shift too many $?" | sed 's/[1-9][0-9]*/nonzero/'
