# command substitution
echo "[$(echo hello)]"
echo "[`echo back`]"
echo "[$(printf 'trail\n\n\n')]"
echo $(echo a; echo b)
x=$(false); echo "status of assignment $?"
echo "$(echo "$(echo deep "$(echo deeper)")")"
echo `echo \`echo inner\``
n=$(echo 'it''s'); echo $n
echo $(case x in x) echo incase;; esac)
echo "$(cd /; pwd)"; pwd | grep -c /
v=$(exit 3); echo "exit $?"
echo $(( $(echo 2) * 3 ))
