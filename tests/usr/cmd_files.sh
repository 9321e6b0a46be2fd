# cmd_files.sh - the file commands inside Mica, on the root MFS: ls (-l -a
# -R -d), cat, cp (-r), mv, rm (-r -f), mkdir (-p), rmdir, ln (-s), touch,
# chmod, chown, stat; each with its usage error (status 2) and the
# conventional message for a missing file.
. lib/tap.sh
cd "$T" || exit 1
nl='
'
nofile() { echo "$1: $2: No such file or directory"; }

# --- usage errors: a usage line, status 2
for c in ls cat cp mv rm mkdir rmdir ln touch chmod chown stat; do
	out=$($c -Z 2>&1)
	st=$?
	case $out in *usage:*) u=usage ;; *) u="no usage line: $out" ;; esac
	t_is "$c -Z: usage, status 2" "usage 2" "$u $st"
done
for c in cp mv ln chmod chown; do
	$c >/dev/null 2>&1
	t_is "$c without operands: status 2" "2" "$?"
done

# --- missing files
t_out "cat of a missing file" 1 "$(nofile cat nofile)" cat nofile
t_out "ls of a missing file" 1 "$(nofile ls nofile)" ls nofile
t_out "stat of a missing file" 1 "$(nofile stat nofile)" stat nofile
t_out "rm of a missing file" 1 "$(nofile rm nofile)" rm nofile
t_out "rm -f of a missing file: quiet" 0 "" rm -f nofile
t_out "cp from a missing file" 1 "$(nofile cp nofile)" cp nofile x
t_out "mv of a missing file" 1 "$(nofile mv nofile)" mv nofile x
t_out "chmod of a missing file" 1 "$(nofile chmod nofile)" chmod 644 nofile
t_out "chown of a missing file" 1 "$(nofile chown nofile)" chown 0 nofile
t_out "rmdir of a missing directory" 1 "$(nofile rmdir nodir)" rmdir nodir
t_out "touch -c of a missing file: nothing" 0 "" touch -c nofile
t_out "mkdir in a missing directory" 1 "$(nofile mkdir nodir/x)" mkdir nodir/x

# --- cat, touch
printf 'one\ntwo\n' > a
printf 'three\n' > b
t_out "cat joins files" 0 "one${nl}two${nl}three" cat a b
t_out "cat - reads stdin" 0 "in${nl}three" sh -c 'echo in | cat - b'
t_out "cat goes on after a missing file" 1 "one${nl}two${nl}$(nofile cat nofile)${nl}three" cat a nofile b
touch t1
t_out "touch makes an empty file" 0 "0 regular empty file" stat -c '%s %F' t1
touch -r /etc/rc t1
t_is "touch -r copies the times" "$(stat -c %Y /etc/rc)" "$(stat -c %Y t1)"

# --- mkdir, rmdir
t_out "mkdir -p makes the parents" 0 "directory" sh -c 'mkdir -p p/q/r && stat -c %F p/q/r'
t_out "mkdir -p of an existing one: fine" 0 "" mkdir -p p/q
t_out "mkdir of an existing one: EEXIST" 1 "mkdir: p: File exists" mkdir p
t_out "mkdir -m 700" 0 "700" sh -c 'mkdir -m 700 m7 && stat -c %a m7'
t_out "rmdir of a non-empty directory" 1 "rmdir: p: Directory not empty" rmdir p
t_out "rmdir of a file" 1 "rmdir: a: Not a directory" rmdir a
t_out "rmdir -p removes the chain" 0 "gone" sh -c 'rmdir -p p/q/r; [ -e p ] || echo gone'

# --- ls
mkdir -p tree/sub
echo x > tree/f
echo yy > tree/sub/g
touch tree/.hidden
t_out "ls sorts, hides dot files" 0 "f${nl}sub" ls tree
t_out "ls -a shows . .. and dot files" 0 ".${nl}..${nl}.hidden${nl}f${nl}sub" ls -a tree
t_out "ls -R recurses" 0 "tree:${nl}f${nl}sub${nl}${nl}tree/sub:${nl}g" ls -R tree
t_out "ls -d shows the directory itself" 0 "tree" ls -d tree
chmod 640 tree/f
set -- $(ls -l tree/f)
t_is "ls -l: mode, links, owner, group, size, name" "-rw-r----- 1 root root 2 tree/f" "$1 $2 $3 $4 $5 $9"
set -- $(ls -ld tree)
t_is "ls -ld: a directory's mode and links" "drwxr-xr-x 3" "$1 $2"
t_is "ls -l of a directory starts with total" "total" "$(ls -l tree | head -n 1 | { read w rest; echo $w; })"
t_out "ls of a file names it" 0 "tree/f" ls tree/f
set -- $(ls -l /dev/null)
t_is "ls -l of a character device: major, minor" "crw-rw-rw- root 1, 1 /dev/null" "$1 $3 $5 $6 ${10}"
set -- $(ls -l /dev/ram0)
t_is "ls -l of a block device" "brw------- root 1, 0 /dev/ram0" "$1 $3 $5 $6 ${10}"
t_out "stat -c %F of devices" 0 "character special file${nl}block special file" stat -c %F /dev/zero /dev/ram0

# --- cp
t_out "cp copies the bytes" 0 "one${nl}two" sh -c 'cp a c && cat c'
t_out "cp into a directory" 0 "one${nl}two" sh -c 'cp a tree && cat tree/a'
t_out "cp of a directory without -r" 1 "cp: tree: is a directory (not copied)" cp tree t2
t_out "cp -r copies a tree" 0 "x yy" sh -c 'cp -r tree t2 && echo $(cat t2/f) $(cat t2/sub/g)'
t_out "cp -r into itself is refused" 1 "cp: tree/sub/tree: cannot copy a directory into itself" cp -r tree tree/sub
t_out "cp -p keeps the mode" 0 "640" sh -c 'cp -p tree/f fp && stat -c %a fp'
t_out "cp a file onto itself" 1 "cp: a and a are the same file" cp a a

# --- mv
t_out "mv renames" 0 "one${nl}two" sh -c 'mv c c2 && cat c2 && [ ! -e c ]'
t_out "mv into a directory" 0 "one${nl}two" sh -c 'mv c2 tree && cat tree/c2'
t_out "mv a directory" 0 "x" sh -c 'mv t2 t3 && cat t3/f'
t_out "mv across file systems (/tmp to /home is one fs here)" 0 "three" sh -c 'mv b /home/ul.$$ && cat /home/ul.$$ && rm /home/ul.$$'

# --- ln
t_out "ln makes a hard link: 2 links" 0 "2" sh -c 'ln a hl && stat -c %h a'
t_out "ln onto an existing name" 1 "ln: hl: File exists" ln a hl
t_out "ln -f replaces it" 0 "x" sh -c 'ln -f tree/f hl && cat hl'
t_out "ln -s makes a symlink" 0 "symbolic link -> a" sh -c 'ln -s a sl && stat -c "%F" sl | { read x y; echo "$x $y"; } | head -c 13; echo " -> $(ls -l sl | { read m l o g s mo d t n arrow to; echo $to; })"'
t_out "a symlink reads through" 0 "one${nl}two" cat sl
t_out "a dangling symlink" 1 "$(nofile cat dangle)" sh -c 'ln -s nowhere dangle && cat dangle'
t_out "stat -L follows, stat does not" 0 "symbolic link regular file" sh -c 'echo $(stat -c %F sl | head -c 13) $(stat -L -c %F sl)'

# --- chmod, chown
t_out "chmod octal" 0 "600" sh -c 'chmod 600 a && stat -c %a a'
t_out "chmod symbolic u+x,go+r" 0 "744" sh -c 'chmod u+x,go+r a && stat -c %a a'
t_out "chmod a=r" 0 "-r--r--r--" sh -c 'chmod a=r a && stat -c %A a'
t_out "chmod -R" 0 "700 700" sh -c 'chmod -R 700 tree && echo $(stat -c %a tree/sub) $(stat -c %a tree/sub/g)'
t_out "chmod with a bad mode: usage" 2 "" sh -c 'chmod 9x9 a 2>/dev/null'
t_out "chown uid:gid" 0 "7 8" sh -c 'chown 7:8 a && stat -c "%u %g" a'
t_out "chown by name" 0 "root root" sh -c 'chown root:root a && stat -c "%U %G" a'
t_out "chown with an unknown user" 1 "chown: nosuchuser: invalid user" chown nosuchuser a
t_out "chown -R" 0 "5 5" sh -c 'chown -R 5 tree && echo $(stat -c %u tree) $(stat -c %u tree/sub/g)'

# --- stat
echo 12345 > s
t_out "stat -c %n %s %h" 0 "s 6 1" stat -c '%n %s %h' s
t_out "stat -c %i is the inode ls -i would give" 0 "yes" sh -c '[ "$(stat -c %i s)" -gt 0 ] && echo yes'

# --- rm
t_out "rm of a directory without -r" 1 "rm: tree: is a directory" rm tree
t_out "rm -r removes a tree" 0 "gone" sh -c 'rm -r tree && [ ! -e tree ] && echo gone'
t_out "rm -rf of a missing tree: quiet" 0 "" rm -rf tree
t_out "rm refuses . and .." 1 "rm: .: refusing to remove '.' or '..'" rm -r .
mkdir -p ro/in
touch ro/in/x
chmod 555 ro/in
t_out "rm -rf removes read-only directories' contents as root" 0 "gone" sh -c 'rm -rf ro && [ ! -e ro ] && echo gone'

t_done
