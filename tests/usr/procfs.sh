# procfs.sh - /proc (fs/procfs) read by the ordinary tools: a process's
# status (the shell's own pid, a child's parent), a background sleep's
# command line size (t_procfs checks its bytes) and its maps, the shell's
# regions in order; /proc/services against ps -e; the MFS cache's counters
# moving; every modifying call refused; an unknown pid, a reaped process;
# ps from /proc and from PM's table (with /proc unmounted) agreeing; umount
# of an idle /proc and a mount again.
. lib/tap.sh
cd "$T" || exit 1
tab='	'
nl='
'

# ---- a process's files -------------------------------------------------
t_out "status of the shell: Pid is \$\$" 0 "Pid:${tab}$$" grep '^Pid:' /proc/$$/status
sh -c 'grep "^PPid:" /proc/$$/status' > ppid	# a child of this shell
t_out "status of a child shell: PPid is \$\$" 0 "PPid:${tab}$$" cat ppid
t_out "status has every key, one 'Key:<tab>value' a line" 0 \
	"Name State Pid PPid Pgrp Sid Uid Gid Endpoint Kind VmSize VmRSS Utime Stime" \
	sh -c 'while IFS="$(printf "\t")" read k v; do printf "%s " "${k%:}"; done < /proc/$$/status | { read l; echo $l; }'
t_out "a shell reading its own status: name sh, state R" 0 \
	"Name:${tab}sh${nl}State:${tab}R (running)" \
	sh -c 'while read l; do case $l in Name:*|State:*) echo "$l";; esac; done < /proc/$$/status'

sleep 30 &
sp=$!
t_ok "a background sleep has a directory" test -d /proc/$sp
t_out "its cmdline is 'sleep' '30', NUL after each: 9 bytes" 0 9 \
	sh -c "wc -c < /proc/$sp/cmdline | { read n; echo \$n; }"
t_out "its status: name, state S, its parent the shell" 0 \
	"Name:${tab}sleep${nl}State:${tab}S (sleeping)${nl}PPid:${tab}$$" \
	grep -e '^Name:' -e '^State:' -e '^PPid:' /proc/$sp/status
kinds() {	# FILE: the kinds of a maps file, in order, one line
	while read range perm kind; do printf '%s ' "$kind"; done < "$1"
}
t_is "its maps: text, data, stack in address order (sleep has no heap)" \
	"text text data stack " "$(kinds /proc/$sp/maps)"
t_is "the shell's maps: text, data, heap, stack in order" \
	"text text data heap stack " "$(kinds /proc/$$/maps)"
t_out "maps lines are start-end perms kind, the stack rw-p" 0 \
	"rw-p stack" sh -c "grep stack /proc/$sp/maps | { read r p k; echo \$p \$k; }"

# ---- the service table -------------------------------------------------
for s in vm pm vfs rs ds tty mfs procfs; do
	line=$(grep "^$s " /proc/services)
	set -- $line
	pspid=$(ps -e -c | grep " \[$s\]\$" | { read p rest; echo $p; })
	t_is "/proc/services lists $s, up, with the pid ps -e shows" \
		"$s up $pspid" "$1 $4 $3"
	t_out "... and the endpoint its /proc/PID/status has" 0 \
		"Endpoint:${tab}$2" grep '^Endpoint:' /proc/$3/status
done

# ---- memory, uptime ----------------------------------------------------
t_out "meminfo: total, free, used in kB" 0 "MemTotal: kB${nl}MemFree: kB${nl}MemUsed: kB" \
	sh -c 'head -n 3 /proc/meminfo | while read k v u; do echo $k $u; done'
mmfills() {	# VM's page-cache fills so far (FileFills in /proc/meminfo)
	while read k v u; do [ "$k" = FileFills: ] && echo "$v"; done < /proc/meminfo
}
t_out "meminfo: VM's file page cache in kB" 0 "FileCached: kB" \
	sh -c 'while read k v u; do if [ "$k" = FileCached: ]; then echo $k $u; fi; done < /proc/meminfo'
f0=$(mmfills)
dd if=/dev/zero of=mapped bs=4096 count=3 2>/dev/null
/usr/tests/t_mmap -c mapped >/dev/null 2>&1
f1=$(mmfills)
t_out "meminfo: FileFills rises when a new file is mapped and read" 0 "yes" \
	sh -c "[ ${f1:-0} -ge \$((${f0:-0} + 3)) ] && echo yes || echo '$f0 -> $f1'"
t_out "uptime: seconds with hundredths" 0 "ok" \
	sh -c 'read u < /proc/uptime; case $u in *.[0-9][0-9]) echo ok;; *) echo "$u";; esac'

# ---- the file systems' caches ---------------------------------------------
stat_of() {	# LABEL KEY: its value in /proc/fs/LABEL/cache
	grep "^$2:" /proc/fs/$1/cache | { read k v; echo $v; }
}
t_ok "/proc/fs lists mfs, with a cache file" test -f /proc/fs/mfs/cache
t_out "... and not pfs (no cache: ENOSYS)" 1 "" test -d /proc/fs/pfs
t_out "... nor mfs2 while it serves no mount" 1 "" test -d /proc/fs/mfs2
t_out "the root's cache has buffers and a block size" 0 "yes" \
	sh -c "[ $(stat_of mfs buffers) -gt 0 ] && [ $(stat_of mfs block_size) -ge 1024 ] && echo yes"
t_out "usage accounting: used <= total, both > 0" 0 "yes" \
	sh -c "[ $(stat_of mfs used_blocks) -gt 0 ] && [ $(stat_of mfs used_blocks) -le $(stat_of mfs total_blocks) ] && echo yes"
echo small > small
cat small > /dev/null
h0=$(stat_of mfs hits)
cat small > /dev/null
h1=$(stat_of mfs hits)
t_out "the root's hits rise after reading a file again" 0 "yes" \
	sh -c "[ $h1 -gt $h0 ] && echo yes"
# A cold cache: a second MFS (mfs2) on a vnd, mounted again after a file
# was written (the unmount drops the device's blocks).
dd if=/dev/zero of=img bs=1k count=512 2>/dev/null
mkdir mnt
if vnconfig vnd0 img && mkfs.mfs -q -B 1024 /dev/vnd0 &&
    mount -t mfs2 /dev/vnd0 mnt && dd if=/dev/zero of=mnt/f bs=1k count=64 2>/dev/null &&
    umount mnt && mount -t mfs2 /dev/vnd0 mnt; then
	t_ok "/proc/fs/mfs2 appears with its mount" test -f /proc/fs/mfs2/cache
	m0=$(stat_of mfs2 misses)
	r0=$(stat_of mfs2 read_blocks)
	cat mnt/f > /dev/null
	m1=$(stat_of mfs2 misses)
	r1=$(stat_of mfs2 read_blocks)
	# (readahead brings most of the 64 blocks in before they are looked
	# up: few misses, 64 or more blocks read from the device)
	t_out "mfs2's misses rise reading a file it has not cached" 0 "yes" \
		sh -c "[ $m1 -gt $m0 ] && echo yes || echo $m0 $m1"
	t_out "... and the device reads its 64 blocks" 0 "yes" \
		sh -c "[ $r1 -ge $((r0 + 64)) ] && echo yes || echo $r0 $r1"
	h0=$(stat_of mfs2 hits)
	cat mnt/f > /dev/null
	h1=$(stat_of mfs2 hits)
	t_out "... and its hits rise reading it again" 0 "yes" \
		sh -c "[ $h1 -ge $((h0 + 64)) ] && echo yes || echo $h0 $h1"
else
	t_is "a second MFS on vnd0 for a cold cache" "mounted" "not mounted"
fi
umount mnt 2>/dev/null
vnconfig -u vnd0 2>/dev/null
t_out "mfs2's directory goes with its mount" 1 "" test -d /proc/fs/mfs2

# ---- read-only, unknown and reaped ---------------------------------------
t_out "writing a file: EROFS" 1 "sh: /proc/uptime: Read-only file system" \
	sh -c 'echo x > /proc/uptime'
t_out "creating a file: EROFS" 1 "touch: /proc/new: Read-only file system" \
	touch /proc/new
t_out "unlinking a file: EROFS" 1 "rm: /proc/uptime: Read-only file system" \
	rm /proc/uptime
t_out "mkdir: EROFS" 1 "mkdir: /proc/d: Read-only file system" mkdir /proc/d
t_out "chmod: EROFS" 1 "chmod: /proc/meminfo: Read-only file system" \
	chmod 666 /proc/meminfo
t_out "/proc/99999: ENOENT" 1 "cat: /proc/99999/status: No such file or directory" \
	cat /proc/99999/status
sleep 1 &
q=$!
t_ok "a short sleep has its directory while it runs" test -d /proc/$q
wait $q
t_out "... which is gone once it is reaped" 1 "" test -d /proc/$q
t_out "... and its files with it" 1 "cat: /proc/$q/status: No such file or directory" \
	cat /proc/$q/status

# ---- ps: from /proc and from PM's table --------------------------------
# Every process but ps itself (a new pid each run); ps alone runs while
# it reads (no pipeline whose other half is still being forked).
ps -e -c > all_proc
grep -v ' ps$' all_proc > from_proc
t_out "ps from /proc shows the sleep's command line" 0 "sleep 30" \
	sh -c "ps | grep '^ *$sp ' | { read p pp u st cmd; echo \$cmd; }"
t_out "umount /proc works when idle" 0 "" umount /proc
t_out "... /proc is the empty directory again" 0 "" ls /proc
ps -e -c > all_pm
grep -v ' ps$' all_pm > from_pm
t_out "ps with /proc unmounted (PM's table) agrees: same pids and names" 0 "" \
	sh -c 'while read a; do read b <&3 || { echo "pm short"; break; }; [ "$a" = "$b" ] || echo "$a | $b"; done < from_proc 3< from_pm'
t_out "... as many lines" 0 "yes" \
	sh -c '[ $(wc -l < from_proc) -eq $(wc -l < from_pm) ] && [ $(wc -l < from_pm) -gt 16 ] && echo yes || { wc -l from_proc from_pm; cat from_pm; }'
t_out "mount -t procfs none /proc again" 0 "" mount -t procfs none /proc
t_ok "... and it serves" test -f /proc/$sp/status
kill $sp
wait $sp 2>/dev/null
t_done
