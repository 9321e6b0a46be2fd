# quoting: single, double, backslash
printf '%s\n' 'single $x `no` \n'
x=val; echo "double $x \$x \" \\ \` 'q'"
echo back\ slash \$x \\ \'
echo "a"'b'c\d
echo "line
break"
echo ''"" | wc -c
set -- "" ; echo $#
printf '%s|' "a b" 'c d' e\ f; echo
echo "$(echo "nested \"quotes\"")"
printf '%s\n' '\'
printf '%s\n' "\a\b"
echo \"
