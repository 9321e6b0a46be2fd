#!/bin/bash
# tools/qemu/test-os.sh - run the in-QEMU test suites and judge their TAP.
#
#   test-os.sh [--kvm] KERNEL LIST BINDIR
#
# LIST has one suite per line: "name: module args, module args, ...",
# where each module is a file name in BINDIR without ".elf", or a data
# module NAME.img in BINDIR/.. (the root image: "root.img data").
# "name: @run ARGS" boots the whole system of `make run` instead: the
# module list in MICA_RUN_MODULES (tests/os/module.mk's RUN_MODULES, set by
# make, quoted as there), with ARGS added to init's boot line.  Each suite
# boots once (run.sh, bounded by a timeout); its serial output must hold a
# plan "1..N", N "ok" lines and no "not ok", and the guest must power off
# with status 0.  A timeout, a missing plan or a short count fails the
# suite.  Prints every TAP line as "<suite>: ..." and ends with
# "N passed, N failed" (assertions, plus one failure per broken suite).
#
# Serial input: a suite NAME with a file NAME.input beside LIST gets one
# chunk of it typed into the serial console each time the guest prints a
# line "# feed": line k of the file (backslash escapes as in echo -e,
# e.g. \r or \x03) answers the k-th request.  Feeding on request keeps
# the guest in charge of timing: nothing arrives before its driver runs.
#
# QEMU options: a suite NAME with a file NAME.qemu beside LIST boots with
# those extra options (run.sh --qemu; lines starting with # are comments),
# e.g. "-icount shift=0,sleep=off" for a suite comparing guest clocks.
#
# Timeout: a suite NAME with a file NAME.timeout beside LIST (one number,
# seconds) is bounded by that instead of OS_TEST_TIMEOUT, e.g. a suite
# that boots the whole system and runs many programs in it.
#
# Host check: a suite NAME with a file NAME.check beside LIST has it run
# (bash NAME.check SERIAL-LOG [DIR]) after the guest powered off; its "ok"
# and "not ok" lines count as assertions too, printed like the guest's.  A
# check that prints none fails the suite.
#
# Host preparation: a suite NAME with a file NAME.prep beside LIST has it
# run (bash NAME.prep DIR) before QEMU starts, DIR a fresh temporary
# directory of the suite's own (disk images, blkdebug rules); "@DIR@" in
# NAME.qemu stands for it (-drive file=@DIR@/a.img,...), and NAME.check
# gets it as its second argument (to look at what the guest wrote).  A
# prep that fails (non-zero status) fails the suite without booting it.
#
# OS_SUITES="a b c" in the environment runs only the suites named there
# (make test-os OS_SUITES="vfs pfs"); the default is every suite.
set -u
here=$(cd "$(dirname "$0")" && pwd)
kvm=""
[ "${1:-}" = --kvm ] && { kvm=--kvm; shift; }
kernel=$1 list=$2 bindir=$3
timeout=${OS_TEST_TIMEOUT:-30}
inputs=$(dirname "$list")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# feed INPUT LOG FIFO STOP: answer each "# feed" line in LOG with the next
# chunk of INPUT written to FIFO, until the file STOP appears.
feed() {
	local sent=0 want line
	exec 3<>"$3"
	while [ ! -e "$4" ]; do
		want=$(tr -d '\r' < "$2" 2>/dev/null | grep -c '^# feed$')
		while [ "$sent" -lt "$want" ]; do
			sent=$((sent + 1))
			line=$(sed -n "${sent}p" "$1")
			printf '%b' "$line" >&3
		done
		sleep 0.05
	done
}

passed=0 failed=0
while IFS= read -r line; do
	line=${line%%#*}
	[ -z "${line// }" ] && continue
	name=${line%%:*}
	if [ -n "${OS_SUITES:-}" ] && [[ " $OS_SUITES " != *" $name "* ]]; then
		continue
	fi
	mods=()
	IFS=',' read -ra parts <<< "${line#*:}"
	spec=$(echo "${line#*:}" | sed 's/^ *//; s/ *$//')
	if [ "${spec%% *}" = @run ]; then
		# the whole system of `make run`: its module list comes from make
		parts=() extra=${spec#@run}
		if [ -z "${MICA_RUN_MODULES:-}" ]; then
			echo "not ok - $name: MICA_RUN_MODULES is not set (make test-os sets it)"
			failed=$((failed + 1))
			continue
		fi
		eval "set -- $MICA_RUN_MODULES"
		for m in "$@"; do
			w=${m%% *}
			[ "${w##*/}" = init ] && m="$m$extra"
			mods+=("$m")
		done
	fi
	for p in "${parts[@]}"; do
		p=$(echo "$p" | sed 's/^ *//; s/ *$//')
		case ${p%% *} in
		*.img) mods+=("$bindir/../$p") ;;	# a data module: build/i386/NAME.img
		*) mods+=("$bindir/${p%% *}.elf${p#"${p%% *}"}") ;;
		esac
	done
	log=$tmp/$name.log
	input=(); feeder=""
	if [ -f "$inputs/$name.input" ]; then
		: > "$log"
		mkfifo "$tmp/$name.fifo"
		feed "$inputs/$name.input" "$log" "$tmp/$name.fifo" "$tmp/$name.stop" &
		feeder=$!
		input=(--input "$tmp/$name.fifo")
	fi
	dir=""
	if [ -f "$inputs/$name.prep" ]; then
		dir=$tmp/$name.d
		mkdir -p "$dir"
		if ! bash "$inputs/$name.prep" "$dir" > "$tmp/$name.prep.log" 2>&1; then
			echo "not ok - $name: host preparation $name.prep failed"
			tail -20 "$tmp/$name.prep.log"
			failed=$((failed + 1))
			[ -n "$feeder" ] && { touch "$tmp/$name.stop"; wait "$feeder"; }
			continue
		fi
	fi
	qopts=()
	[ -f "$inputs/$name.qemu" ] &&
		qopts=(--qemu "$(grep -v '^#' "$inputs/$name.qemu" | tr '\n' ' ' |
			sed "s|@DIR@|$dir|g")")
	stimeout=$timeout
	[ -f "$inputs/$name.timeout" ] && stimeout=$(grep -v '^#' "$inputs/$name.timeout" | head -1)
	bash "$here/run.sh" $kvm --timeout "$stimeout" --log "$log" "${input[@]}" "${qopts[@]}" \
		"$kernel" "${mods[@]}" >/dev/null
	rc=$?
	[ -n "$feeder" ] && { touch "$tmp/$name.stop"; wait "$feeder"; }
	tr -d '\r' < "$log" > "$log.clean"
	plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$log.clean" | head -1)
	oks=$(grep -c '^ok ' "$log.clean")
	nots=$(grep -c '^not ok ' "$log.clean")
	grep -E '^(ok|not ok) |^# |^kernel' "$log.clean" | sed "s/^/$name: /"
	passed=$((passed + oks))
	failed=$((failed + nots))
	why=""
	[ "$rc" = 124 ] && why="timeout after ${stimeout}s"
	[ -z "$why" ] && [ -z "$plan" ] && why="no TAP plan (run.sh status $rc)"
	[ -z "$why" ] && [ "$((oks + nots))" != "$plan" ] && why="planned $plan, ran $((oks + nots))"
	[ -z "$why" ] && [ "$rc" != 0 ] && [ "$nots" = 0 ] && why="guest exit status $rc"
	if [ -z "$why" ] && [ -f "$inputs/$name.check" ]; then
		bash "$inputs/$name.check" "$log.clean" ${dir:+"$dir"} > "$log.check" 2>&1
		grep -E '^(ok|not ok) ' "$log.check" | sed "s/^/$name: host: /"
		coks=$(grep -c '^ok ' "$log.check")
		cnots=$(grep -c '^not ok ' "$log.check")
		passed=$((passed + coks))
		failed=$((failed + cnots))
		nots=$((nots + cnots))
		[ "$((coks + cnots))" = 0 ] && why="host check $name.check said nothing"
	fi
	if [ -n "$why" ]; then
		echo "not ok - $name: $why"
		echo "---- serial output of $name:"; tail -40 "$log.clean"; echo "----"
		failed=$((failed + 1))
	else
		echo "$( [ "$nots" = 0 ] && echo ok || echo 'not ok' ) - $name"
	fi
done < "$list"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
