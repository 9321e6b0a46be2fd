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
# Callers set root, tbin, tmp and bench (a name for messages).

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
			unit = mode == "icount" ? "instructions" : "TSC cycles"
			k = split(keys, names, " ")
			for (i = 1; i <= k; i++) {
				x = names[i]
				if (!(x in cyc)) { printf "  %-16s missing\n", x; bad = 1; continue }
				printf "  %-16s %9d %s %9d ns (%d runs)", x, cyc[x], unit, ns[x], n[x]
				if (cyc[ref] > 0) printf " = %.2f %s", cyc[x] / cyc[ref], per
				printf "\n"
			}
			printf "  %-16s %9d %s %9d ns (reference)\n", ref, cyc[ref], unit, ns[ref]
			exit bad
		}' "$tmp/$mode.fig"
}
