# lib/libvtreefs - virtual trees on libfsdriver (include/mica/vtreefs.h,
# README.md): the host library the unit tests drive (tests/unit/vtreefs),
# and VTREEFS_SRCS for an OS server that links it (servers/procfs).
VTREEFS_SRCS := lib/libvtreefs/tree.c lib/libvtreefs/gen.c \
	lib/libvtreefs/table.c
$(eval $(call host_lib,vtreefs,$(VTREEFS_SRCS)))
