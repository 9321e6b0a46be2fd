#!/bin/bash
# tests/host/errno_table.sh - every error number include/mica/errno.h
# defines has its line in the file's MICA_ERRNO_TABLE (the messages
# strerror gives in Mica: lib/libposix/strerror.c), and the table names
# nothing else.  The libc suite (tests/os/libc t_errstr) checks in Mica
# that each message is non-empty and distinct.
. "$(dirname "$0")/lib.sh"
t_init errno-table
H=$(cd "$(dirname "$0")/../.." && pwd)/include/mica/errno.h

sed -n 's/^#define \(E[A-Z0-9]*\) .*/\1/p' "$H" | sort -u >"$T/defined"
sed -n 's/^[[:space:]]*X(\(E[A-Z0-9]*\),.*/\1/p' "$H" | sort >"$T/table"
t_ok "errno.h defines error numbers" test "$(wc -l <"$T/defined")" -ge 40
t_is "every #define has a message in MICA_ERRNO_TABLE" "" \
	"$(comm -23 "$T/defined" "$T/table" | tr '\n' ' ')"
t_is "the table names only defined numbers" "" \
	"$(comm -13 "$T/defined" "$T/table" | tr '\n' ' ')"
t_is "no number twice in the table" "" "$(uniq -d "$T/table" | tr '\n' ' ')"
t_done
