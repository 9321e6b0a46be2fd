# syntax errors: status 2, no crash; the shell stops reading a script
sh_cmd=${TSH:-sh}
for s in 'if true; then' 'fi' 'echo (' 'case x in' '{ echo' 'while true; do' \
	'for 1 in a; do :; done' 'echo "unterminated' "echo 'open" 'echo $(' \
	'a | | b' '&& x' ')' 'echo ${x' ';;' 'then' 'done'; do
	"$sh_cmd" -c "$s" 2>/dev/null; echo "[$s] $?"
done
printf 'echo before\nif\necho after\n' > bad.sh; "$sh_cmd" bad.sh 2>/dev/null; echo "script $?"
