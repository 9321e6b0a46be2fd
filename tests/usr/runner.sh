# runner.sh - /usr/tests/run judged on fixtures (fixtures/): renumbered TAP,
# diagnostics as comments, a crash, an exit status, a short plan, no TAP,
# a timeout, a file that is no program, what is not a test, -t, usage.
. lib/tap.sh
nl='
'
want="ok 1 - a_pass.sh: first
ok 2 - a_pass.sh: second # SKIP not here
ok 3 - b_fail.sh: good
not ok 4 - b_fail.sh: bad
# b_fail.sh: # a diagnostic
ok 5 - c_crash.sh: before the crash
not ok 6 - c_crash.sh: killed by signal 11 (SEGV)
ok 7 - d_exit.sh: fine
not ok 8 - d_exit.sh: exit status 3
ok 9 - e_short.sh: only one
not ok 10 - e_short.sh: planned 3, ran 1
# f_notap.sh: plain output
ok 11 - f_notap.sh: exit status 0
ok 12 - g_hang.sh: started
not ok 13 - g_hang.sh: timed out after 1 s
# h_noelf: run: /usr/tests/fixtures/h_noelf: Exec format error
not ok 14 - h_noelf: exit status 127
ok 15 - j_leftover.sh: left a job behind
1..15
# run: 9 tests, 15 checks, 6 failed"
t_out "the fixtures: every verdict, renumbered, status 1" 1 "$want" \
	/usr/tests/run -d /usr/tests/fixtures -s 1
# j_leftover.sh's sleeper is killed when the script ends: no timeout, and
# the runner is quick about it (-s 20: a wait for the sleeper would fail).
t_out "a job left behind neither holds the runner nor fails the test" 0 \
	"ok 1 - j_leftover.sh: left a job behind
1..1
# run: 1 tests, 1 checks, 0 failed" /usr/tests/run -d /usr/tests/fixtures -s 20 -t j_leftover.sh
t_out "-t runs those named, in that order; an absolute path too" 0 \
	"# f_notap.sh: plain output
ok 1 - f_notap.sh: exit status 0
ok 2 - /usr/tests/fixtures/a_pass.sh: first
ok 3 - /usr/tests/fixtures/a_pass.sh: second # SKIP not here
1..3
# run: 2 tests, 3 checks, 0 failed" \
	/usr/tests/run -d /usr/tests/fixtures -t f_notap.sh,/usr/tests/fixtures/a_pass.sh
t_out "-t of a missing script: sh says so, 127" 1 "# nosuch.sh: sh: /usr/tests/fixtures/nosuch.sh: No such file or directory
not ok 1 - nosuch.sh: exit status 127
1..1
# run: 1 tests, 1 checks, 1 failed" /usr/tests/run -d /usr/tests/fixtures -t nosuch.sh
t_out "a directory without tests" 1 "not ok 1 - $T: no tests found
1..1
# run: 0 tests, 1 checks, 1 failed" /usr/tests/run -d "$T"
t_out "a missing directory" 1 "run: /nodir: No such file or directory
not ok 1 - /nodir: cannot list the tests
1..1
# run: 0 tests, 1 checks, 1 failed" /usr/tests/run -d /nodir
t_out "-Z: usage, status 2" 2 "/usr/tests/run: illegal option -- Z
usage: run [-T] [-t test,...] [-d dir] [-s seconds]" /usr/tests/run -Z
t_out "-s 0: usage" 2 "usage: run [-T] [-t test,...] [-d dir] [-s seconds]" /usr/tests/run -s 0
t_out "an operand: usage" 2 "usage: run [-T] [-t test,...] [-d dir] [-s seconds]" /usr/tests/run extra
t_done
