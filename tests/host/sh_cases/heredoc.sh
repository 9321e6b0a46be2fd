# here-documents: << and <<-, expanded and quoted delimiters
x=value
cat <<EOF
plain $x $(echo sub) $((1+2)) \$x
back\\slash
EOF
cat <<'EOF'
quoted $x $(echo no) \$x
EOF
cat <<"E O F"
dq-delim $x
E O F
	cat <<-END
	tab-stripped $x
		two tabs
	END
cat <<A; cat <<B
first doc
A
second doc
B
f() { cat; }
f <<X
into function $x
X
i=0
while [ $i -lt 2 ]; do cat <<L
loop $i
L
i=$((i+1)); done
big=$(i=0; while [ $i -lt 300 ]; do echo "line $i"; i=$((i+1)); done)
cat <<EOF | wc -l
$big
EOF
cat <<EOF 2>&1 >/dev/null
discarded
EOF
echo after
