# trap: EXIT, signals, listing, reset
sh_cmd=${TSH:-sh}
"$sh_cmd" -c 'trap "echo exit trap" EXIT; echo body'
"$sh_cmd" -c 'trap "echo exit trap \$?" EXIT; exit 3'; echo "status $?"
"$sh_cmd" -c 'trap "echo got USR1" USR1; kill -USR1 $$; echo after'
"$sh_cmd" -c 'trap "echo got INT; exit 9" INT; kill -INT $$; echo notreached'; echo "int status $?"
"$sh_cmd" -c 'trap "" TERM; kill -TERM $$; echo "ignored term"'
"$sh_cmd" -c 'trap "echo x" EXIT; trap - EXIT; echo reset'
"$sh_cmd" -c 'trap "echo hi" USR2; trap' | sed 's/SIGUSR2/USR2/'
"$sh_cmd" -c 'trap "echo sub" EXIT; (echo in subshell); echo main'
"$sh_cmd" -c 'f() { exit 4; }; trap "echo trapped \$?" EXIT; f'
