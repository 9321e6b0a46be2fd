# pathname expansion
mkdir g; cd g; touch a1 a2 b1 .hidden "sp ace"
echo *; echo a*; echo ?1; echo [ab]2; echo [!a]*; echo .h*
echo "*"; echo '*'; echo \*
x='a*'; echo $x; echo "$x"
echo nomatch*; echo z[
set -f; echo *; set +f
for f in *; do echo "[$f]"; done
mkdir d1 d2; touch d1/x d2/y; echo d*/*
echo */
cd ..
