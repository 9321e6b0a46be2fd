# functions: arguments, return, recursion, redefinition
greet() { echo "hello $1 ($#)"; }
greet world
ret() { return $1; }; ret 7; echo "return $?"
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1 - 1))) )); fi; }
fact 6
count() { n=0; for a; do n=$((n+1)); done; echo "n=$n"; }
count a b c
set -- outer; inner() { echo "inside $1"; }; inner arg; echo "outside $1"
greet() { echo "redefined"; }; greet
f() { echo "in f"; }; unset -f f; f 2>/dev/null || echo "f unset"
g() {
  local_var=set
  echo "multi-line $local_var"
}
g
h() ( echo "subshell body"; exit 3 ); h; echo "h status $?"
rec() { if [ $1 -gt 0 ]; then rec $(($1 - 1)); else echo "bottom"; fi; }; rec 50
k() { echo "redir"; } > kout; k; cat kout
