#!/usr/bin/env python3
"""tests/host/sh_jobctl.py - drive an interactive shell on a pseudo-terminal.

Usage: sh_jobctl.py SHELL TRANSCRIPT

Job control needs a real terminal: the shell must be a session leader with
a controlling tty whose foreground process group it moves between jobs.  A
pty from pty.fork() gives exactly that.  Nothing here depends on timing:
^Z and ^C are typed only once the job's process group is the terminal's
foreground group (read from the master side with tcgetpgrp), and every step
waits for the text it needs, with a generous bound.

The steps: `sleep 5`, ^Z (the job stops), `jobs`, `fg` (the sleep goes on
and ends normally (`echo back $?` prints 0), `sleep 30` then ^C (`echo int
$?` prints 130), `exit`.  Everything the terminal showed goes to TRANSCRIPT
with CRs removed; the shell script checks it.  Exit status: 0 when the
session ran to its end, 1 when a step timed out (the transcript says where),
77 when this machine cannot make a pty at all.
"""
import os
import pty
import re
import select
import sys
import time

BOUND = 30.0            # seconds any one step may take before it fails
PROMPT = r"[$#] $"       # PS1 is "$ " from the environment, "# " by default


class Session:
    def __init__(self, shell):
        env = dict(os.environ, PS1="$ ", LC_ALL="C", HOME="/")
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.execve(shell, [shell, "-i"], env)
            finally:
                os._exit(127)
        self.text = ""

    def pump(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return
        try:
            data = os.read(self.fd, 4096)
        except OSError:             # EIO: the slave side is closed
            data = b""
        if not data:
            raise EOFError
        self.text += data.decode("utf-8", "replace").replace("\r", "")

    def expect(self, pattern, start):
        """Wait for PATTERN after offset START; the offset after it."""
        end = time.monotonic() + BOUND
        rx = re.compile(pattern, re.M)
        while True:
            m = rx.search(self.text, start)
            if m:
                return m.end()
            if time.monotonic() > end:
                raise TimeoutError("waiting for %r" % pattern)
            self.pump(0.2)

    def type(self, s):
        os.write(self.fd, s.encode())

    def wait_foreground(self, job):
        """Wait until a job's process group (JOB true) or the shell's own
        owns the terminal."""
        end = time.monotonic() + BOUND
        while True:
            try:
                fg = os.tcgetpgrp(self.fd)
            except OSError:
                fg = -1
            if fg > 0 and (fg != self.pid) == job:
                return
            if time.monotonic() > end:
                raise TimeoutError("the terminal's foreground group never "
                                   "became the %s" % ("job's" if job else "shell's"))
            self.pump(0.05)


def main():
    shell, transcript = sys.argv[1], sys.argv[2]
    try:
        s = Session(shell)
    except OSError as e:
        print("# no pty: %s" % e)
        return 77
    status = 0
    try:
        at = s.expect(PROMPT, 0)
        s.type("sleep 5\n")
        s.wait_foreground(True)
        s.type("\x1a")
        at = s.expect(r"^\[1\] Stopped", at)
        at = s.expect(PROMPT, at)
        s.type("jobs\n")
        at = s.expect(r"^\[1\] Stopped", at)
        at = s.expect(PROMPT, at)
        s.type("fg\n")
        s.wait_foreground(True)
        s.wait_foreground(False)
        at = s.expect(PROMPT, at)
        s.type("echo back $?\n")
        at = s.expect(r"^back \d+$", at)
        at = s.expect(PROMPT, at)
        s.type("sleep 30\n")
        s.wait_foreground(True)
        s.type("\x03")
        at = s.expect(PROMPT, at)
        s.type("echo int $?\n")
        at = s.expect(r"^int \d+$", at)
        s.type("exit\n")
        try:
            while True:
                s.pump(1.0)
        except EOFError:
            pass
    except (TimeoutError, EOFError) as e:
        print("# step failed: %s" % (e or "the shell ended early"))
        status = 1
        try:
            os.kill(s.pid, 9)
        except OSError:
            pass
    os.waitpid(s.pid, 0)
    with open(transcript, "w") as f:
        f.write(s.text)
    return status


if __name__ == "__main__":
    sys.exit(main())
