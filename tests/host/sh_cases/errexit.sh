# set -e and its exceptions
sh_cmd=${TSH:-sh}
"$sh_cmd" -c 'set -e; false; echo notreached'; echo "plain: $?"
"$sh_cmd" -c 'set -e; false || true; echo "or ok"'
"$sh_cmd" -c 'set -e; if false; then :; fi; echo "if ok"'
"$sh_cmd" -c 'set -e; ! true; echo "bang ok"'
"$sh_cmd" -c 'set -e; false && true; echo "and ok"'
"$sh_cmd" -c 'set -e; while false; do :; done; echo "while ok"'
"$sh_cmd" -c 'set -e; (false); echo notreached'; echo "subshell: $?"
"$sh_cmd" -c 'set -e; true | false; echo notreached'; echo "pipe: $?"
"$sh_cmd" -c 'set -e; f() { false; echo notreached; }; f'; echo "func: $?"
"$sh_cmd" -c 'set -e; x=$(false); echo notreached'; echo "assign: $?"
"$sh_cmd" -c 'set -e; set +e; false; echo "off again"'
