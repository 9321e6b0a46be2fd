# /usr/tests/lib/tap.sh - TAP for the shell tests, sourced by each script
# (". lib/tap.sh": the runner starts tests in /usr/tests).  Every check
# compares what a command printed, and its status, with what is expected:
#   t_is DESC EXPECTED ACTUAL          the two strings are equal
#   t_out DESC STATUS EXPECTED CMD...  CMD's stdout+stderr and status
#   t_ok DESC CMD...                   CMD exits 0 (its output discarded)
#   t_done                             the plan, then exit 0 (the runner
#                                      judges each line and the plan)
# A failed check prints what was expected and what came, as # lines.
# Each script gets a scratch directory $T (under /tmp), removed by t_done.
t_n=0
T=/tmp/t.$$
rm -rf "$T"
mkdir -p "$T" || { echo "Bail out! cannot make $T"; exit 1; }

t_diag() {	# LABEL TEXT: one "# LABEL: line" per line of TEXT
	printf '%s\n' "$2" | while IFS= read -r t_line; do
		echo "#   $1: $t_line"
	done
}

t_is() {
	t_n=$((t_n + 1))
	if [ "$2" = "$3" ]; then
		echo "ok $t_n - $1"
	else
		echo "not ok $t_n - $1"
		t_diag want "$2"
		t_diag got "$3"
	fi
}

t_out() {
	t_desc=$1 t_want_st=$2 t_want=$3
	shift 3
	t_got=$("$@" 2>&1)
	t_st=$?
	t_is "$t_desc" "$t_want [status $t_want_st]" "$t_got [status $t_st]"
}

t_ok() {
	t_desc=$1
	shift
	"$@" >/dev/null 2>&1
	t_is "$t_desc" "status 0" "status $?"
}

t_done() {
	cd /
	rm -rf "$T"
	echo "1..$t_n"
	exit 0
}
