# set -x writes commands to stderr with PS4
sh_cmd=${TSH:-sh}
"$sh_cmd" -c 'set -x; echo traced; x=1; set +x; echo quiet' 2>&1
"$sh_cmd" -c 'PS4="> "; set -x; echo custom' 2>&1
