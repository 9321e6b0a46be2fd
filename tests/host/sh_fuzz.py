#!/usr/bin/env python3
# tests/host/sh_fuzz.py - random shell input for Mica's sh (hostile input).
#
#   sh_fuzz.py SHELL COUNT SEED [run]
#
# Builds COUNT inputs from shell-token soup (keywords, operators, quotes,
# expansions, here-documents, deep nesting), feeds each to SHELL -n -c
# (parse only) or, with "run", executes it with an empty PATH in the
# current directory.  A case fails when the shell dies by a signal, times
# out, or prints a sanitizer report.  Prints one line per failure and a
# summary "fuzz: N cases, F failures"; exit 1 if any failed.
import random
import subprocess
import sys

TOKENS = ["if", "then", "else", "elif", "fi", "while", "until", "do", "done",
          "for", "x", "in", "case", "esac", ";;", "(", ")", "{", "}", "|",
          "||", "&&", ";", "&", "\n", "<<E\n", "\nE\n", "<<-'E'\n", "'", '"',
          "`", "$(", "$((", "${", "}", "x=1", "$x", "${x:-y}", "${x%%*}",
          "${#x}", "${x:=z}", "${x?}", "$?", "$#", "$@", "$*", "$1", ":",
          "echo", "true", "false", "a", "*", "?", "[", "]", "\\", "#", "!",
          ">/dev/null", "<", ">&2", "2>&1", "1", "+", "-", "/", "%", "))",
          "f()", "return", "break", "continue", "shift", "set", "--",
          "eval", "trap", "exit 3", "~", "IFS=:", "$'", "\\\n", " ", "\t",
          "read", "wait", "export", "unset", "readonly", "local", "0x", "<<",
          "${x#", "$((1/0))", "$((x+", "[[", "]]", "\x01", "\xff", "é"]


def case(rng):
    n = rng.randint(1, 40)
    parts = [rng.choice(TOKENS) for _ in range(n)]
    if rng.random() < 0.1:
        d = rng.randint(50, 400)
        opener = rng.choice(["(", "{ ", "$(", "$((", "if true; then ",
                             "\"$(", "${x:-"])
        parts = [opener * d] + parts
    return " ".join(parts) if rng.random() < 0.5 else "".join(parts)


def main():
    shell, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    run = len(sys.argv) > 4 and sys.argv[4] == "run"
    rng = random.Random(seed)
    fails = 0
    for i in range(count):
        src = case(rng)
        argv = [shell, "-c", src] if run else [shell, "-n", "-c", src]
        try:
            p = subprocess.run(argv, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=10,
                               env={"PATH": "", "ASAN_OPTIONS":
                                    "abort_on_error=1:detect_leaks=0"})
            bad = p.returncode < 0 or b"Sanitizer" in p.stderr \
                or b"runtime error" in p.stderr
            why = "status %d" % p.returncode
        except subprocess.TimeoutExpired:
            bad, why = True, "timeout"
        if bad:
            fails += 1
            print("fuzz failure (%s), seed %d case %d: %r" %
                  (why, seed, i, src[:200]))
    print("fuzz: %d cases, %d failures" % (count, fails))
    return 1 if fails else 0


sys.exit(main())
