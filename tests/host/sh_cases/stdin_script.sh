# a shell reading commands from a pipe leaves the rest of stdin to commands
sh_cmd=${TSH:-sh}
printf 'echo "no newline at end"' | "$sh_cmd"
printf 'if true\nthen\necho multi\nfi\n' | "$sh_cmd"
printf 'echo a; exit 5\necho b\n' | "$sh_cmd"; echo "status $?"
