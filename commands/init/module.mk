# commands/init - the first user process (a boot module, pid 1): /etc/rc,
# then the console shell, respawned; reaps orphans.  Mica only.
$(eval $(call os_prog,init,commands/init/init.c,,boot))
