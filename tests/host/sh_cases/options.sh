# set -u -f -a -C and $-, set -o NAME
sh_cmd=${TSH:-sh}
"$sh_cmd" -c 'set -u; echo "${unset_var-default}"; echo $unset_var; echo notreached' 2>/dev/null; echo "nounset status $?"
"$sh_cmd" -c 'set -f; touch gx1; echo g*; set +f; echo g*'
"$sh_cmd" -c 'set -a; AV=auto; sh -c "echo \$AV"'
"$sh_cmd" -c 'set -o noclobber; echo a > nc1; echo b > nc1' 2>/dev/null || echo "noclobber refused"; cat nc1
"$sh_cmd" -c 'set -e -u; case $- in *e*u*|*u*e*) echo "dash-minus has e and u";; esac'
"$sh_cmd" -n -c 'echo not run'; echo "noexec status $?"
"$sh_cmd" -c 'set -o errexit; false; echo notreached'; echo "set -o errexit $?"
