# fs/ext2 - the second extended file system on libminixfs + libfsdriver.
# A library (no server main yet): micafuse and the unit tests link it as
# `ext2 fsdriver minixfs`.
EXT2_SRCS := $(wildcard fs/ext2/*.c)
$(eval $(call host_lib,ext2,$(EXT2_SRCS)))
# Host tests (real micafuse mounts judged by e2fsprogs); they need
# build/bin/micafuse and build/bin/fsxr, and attr's setfattr/getfattr.
HOST_TESTS += $(sort $(wildcard tests/host/ext2_*.sh))
