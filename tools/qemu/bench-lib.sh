# tools/qemu/bench-lib.sh - what the in-QEMU benchmarks share (sourced).
#
# A benchmark boots its modules twice: under -icount shift=0,sleep=off,
# where the guest TSC counts instructions (the same figure on every machine
# and run), and under plain TCG for wall-clock nanoseconds.  Its guest
# program prints one line per figure, "bench: NAME RUNS ... CYCLES ... NS",
# and one of them is the reference measured in the same boot.
#
#   bench_run MODE QEMU-OPTS TIMEOUT MODULE...   boot; figures to $tmp/MODE.fig
#   bench_table MODE REF PER KEY...              print KEY rows and REF, each
#                                                KEY also as a multiple of REF
#   bench_fig MODE NAME FIELD                    one figure: runs, cyc or ns
#   bench_boot ROUNDS MODE QEMU-OPTS TIMEOUT KERNEL MODULE...
#                                                boot ROUNDS times, timing
#                                                each: figures wall-prompt
#                                                and wall-exit (medians)
#                                                added to $tmp/MODE.fig
#   bench_mods IMAGE                             mods=(): make run's boot list
#                                                (BENCH_RUN_MODULES) with IMAGE
#                                                as the root, MFS stats=1
#   bench_phase_requests MODE LABEL              per "bench-phase:" line, the
#                                                device reads of MFS LABEL and
#                                                the work done (TSC not idle)
# Callers set root, tbin, tmp and bench (a name for messages).
# Figures are printed with %.0f: mawk's %d stops at 2^31.

ver=$(qemu-system-i386 --version | head -1)

bench_run() {
	local mode=$1 opts=$2 timeout=$3 log=$tmp/$1.log
	shift 3
	bash "$root/tools/qemu/run.sh" --timeout "$timeout" --log "$log" \
		${opts:+--qemu "$opts"} "$tbin/kernel.elf" "$@" >/dev/null || {
		echo "$bench bench ($mode): run failed"; tail -5 "$log"; return 1; }
	tr -d '\r' <"$log" | awk '/^bench: / { print $2, $3, $5, $7 }' \
		>"$tmp/$mode.fig"
	[ -s "$tmp/$mode.fig" ] || { echo "$bench bench ($mode): no figures"; return 1; }
}

bench_fig() {
	awk -v k="$2" -v f="$3" '$1 == k { print f == "runs" ? $2 : f == "cyc" ? $3 : $4 }' \
		"$tmp/$1.fig"
}

bench_table() {
	local mode=$1 ref=$2 per=$3
	shift 3
	awk -v mode="$mode" -v ver="$ver" -v ref="$ref" -v per="$per" -v keys="$*" '
		{ n[$1] = $2; cyc[$1] = $3; ns[$1] = $4 }
		END {
			printf "%s, %s\n", ver, mode
			unit = mode ~ /icount/ ? "instructions" : "TSC cycles"
			k = split(keys, names, " ")
			for (i = 1; i <= k; i++) {
				x = names[i]
				if (!(x in cyc)) { printf "  %-16s missing\n", x; bad = 1; continue }
				printf "  %-16s %9.0f %s %9.0f ns (%d runs)", x, cyc[x], unit, ns[x], n[x]
				if (cyc[ref] > 0) printf " = %.2f %s", cyc[x] / cyc[ref], per
				printf "\n"
			}
			printf "  %-16s %9.0f %s %9.0f ns (reference)\n", ref, cyc[ref], unit, ns[ref]
			exit bad
		}' "$tmp/$mode.fig"
}

# One boot of a whole system, timed on the host: QEMU's start to the
# console shell's first prompt ("# " at the start of a line), where
# "poweroff" is typed, and to QEMU's exit.  A kernel that shows no prompt
# (the floor) is timed to its exit.  Prints "PROMPT_US EXIT_US" (PROMPT_US
# 0 when no prompt came); the console goes to LOG.
bench_boot_once() {	# LOG QEMU-OPTS TIMEOUT KERNEL MODULE...
	local log=$1 opts=$2 timeout=$3 fifo=$tmp/boot.in in t0 tp="" te c p1="" p2=$'\n'
	shift 3
	rm -f "$fifo" && mkfifo "$fifo" || return 1
	exec {in}<>"$fifo"	# open both ways: QEMU's open never waits
	t0=$EPOCHREALTIME
	while IFS= read -r -N1 c; do
		if [ -z "$tp" ] && [ "$c" = " " ] && [ "$p1" = "#" ] && [ "$p2" = $'\n' ]; then
			tp=$EPOCHREALTIME
			printf 'poweroff\n' >&"$in"
		fi
		p2=$p1 p1=$c
	done < <(bash "$root/tools/qemu/run.sh" --timeout "$timeout" --log "$log" \
		--input "$fifo" ${opts:+--qemu "$opts"} "$@"; echo $? >"$tmp/boot.rc")
	te=$EPOCHREALTIME
	exec {in}>&-
	[ "$(cat "$tmp/boot.rc")" = 0 ] || return 1
	t0=${t0//[.,]/} te=${te//[.,]/}
	echo "$(( ${tp:+${tp//[.,]/} - t0 + }0 )) $((te - t0))"
}

bench_boot() {
	local rounds=$1 mode=$2 opts=$3 timeout=$4 log=$tmp/$2.log i t
	shift 4
	: >"$tmp/$mode.walls"
	for ((i = 0; i < rounds; i++)); do
		t=$(bench_boot_once "$log" "$opts" "$timeout" "$@") || {
			echo "$bench bench ($mode): boot failed"; tail -5 "$log"; return 1; }
		echo "$t" >>"$tmp/$mode.walls"
	done
	tr -d '\r' <"$log" | awk '/^bench: / { print $2, $3, $5, $7 }' >"$tmp/$mode.fig"
	sort -n -k1,1 "$tmp/$mode.walls" | awk -v n="$rounds" 'NR == int((n + 1) / 2) {
		printf "wall-prompt %d 0 %d\n", n, $1 * 1000 }' >>"$tmp/$mode.fig"
	sort -n -k2,2 "$tmp/$mode.walls" | awk -v n="$rounds" 'NR == int((n + 1) / 2) {
		printf "wall-exit %d 0 %d\n", n, $2 * 1000 }' >>"$tmp/$mode.fig"
}

# make run's module list (tests/os/module.mk, handed over by make bench in
# BENCH_RUN_MODULES) with IMAGE in root.img's place and every MFS started
# with stats=1 (servers/mfs/main.c: counters printed at each sync).
bench_mods() {	# IMAGE
	local m run_mods
	[ -n "${BENCH_RUN_MODULES:-}" ] || { echo "$bench bench: run it from make bench"; return 1; }
	eval "run_mods=($BENCH_RUN_MODULES)"
	mods=()
	for m in "${run_mods[@]}"; do
		case $m in
		*/root.img" data") mods+=("$1 data") ;;
		*/mfs.elf*) mods+=("$m stats=1") ;;
		*) mods+=("$m") ;;
		esac
	done
	[[ "${mods[*]}" == *"$1 data"* ]] || { echo "$bench bench: no root.img in make run's list"; return 1; }
}

# Device requests per phase of the MFS labelled LABEL: its mfs-stats line
# last printed before each "bench-phase: NAME" line, minus the one before
# the phase before; requests per 32 blocks, the mean request in blocks,
# how many of the requests read-ahead made, and the phase's work: TSC
# cycles not spent idle (under -icount: guest instructions without the
# clock warps of the CPU waiting for the disk; kernel/sched.c).
bench_phase_requests() {	# MODE LABEL
	tr -d '\r' <"$tmp/$1.log" | awk -v label="$2" '
		/^mfs-stats: / && $3 == label { for (i = 2; i < NF; i += 2) cur[$i] = $(i + 1) }
		/^bench-phase: / {
			rq = cur["rreq"] - prev["rreq"]; rb = cur["rblk"] - prev["rblk"]
			if (seen) printf "  %-12s %6d device reads, %6d blocks = %5s requests per 32 blocks, %5s blocks a request (%d by read-ahead); %5d writes, %6d blocks; work %.2fM\n",
				$2, rq, rb, (rb >= 32 ? sprintf("%.2f", 32 * rq / rb) : "-"),
				(rq > 0 ? sprintf("%.1f", rb / rq) : "-"), cur["rareq"] - prev["rareq"],
				cur["wreq"] - prev["wreq"], cur["wblk"] - prev["wblk"],
				(cur["tsc"] - prev["tsc"] - cur["idle"] + prev["idle"]) / 1e6
			for (k in cur) prev[k] = cur[k]
			seen = 1
		}'
}
