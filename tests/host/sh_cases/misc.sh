# comments, line continuation, lists, groups, subshells
echo a # comment
echo b \
  continued
{ echo group1; echo group2; } | wc -l
(cd /; pwd); pwd | grep -c /
x=outer; (x=inner; echo $x); echo $x
true && echo and1 || echo or1
false && echo and2 || echo or2
false || false || echo chain
echo semi; echo colon;
a=1; { a=2; }; echo "group keeps $a"
echo 'multi
line'
echo #notcomment
echo x#y
tilde=~; test "$tilde" = "$HOME" && echo "tilde home"
echo ~/sub | grep -c "^$HOME/sub$"
v=~:~; echo "$v" | grep -c "^$HOME:$HOME$"
echo "~"
