# lib/libfsdriver - the host build of libfsdriver: the getdents helpers
# (dentry.c, front-end independent) and the host services (host.c: memory
# copies, clock, log).  The OS build will swap host.c for its IPC front end.
FSDRIVER_SRCS := lib/libfsdriver/dentry.c lib/libfsdriver/host.c
$(eval $(call host_lib,fsdriver,$(FSDRIVER_SRCS)))
