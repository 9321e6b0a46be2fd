# lib/libfsdriver - the host build of libfsdriver: the getdents helpers and
# the shared encodings (dentry.c, encode.c: front-end independent) and the
# host services (host.c: memory copies, clock, log).  The OS build will swap host.c for its IPC front end.
FSDRIVER_SRCS := lib/libfsdriver/dentry.c lib/libfsdriver/encode.c \
	lib/libfsdriver/host.c
$(eval $(call host_lib,fsdriver,$(FSDRIVER_SRCS)))
