# tests/unit/fsdriver - CUnit tests of libfsdriver (dentry helpers, host
# copies, the name index) and of micafuse's option parsing, inode mapping
# and type list.  malloc and calloc are wrapped so test_nameidx.c can make
# them fail.
TEST_FSDRIVER_SRCS := tests/unit/fsdriver/test_main.c \
	tests/unit/fsdriver/test_dentry.c tests/unit/fsdriver/test_opts.c \
	tests/unit/fsdriver/test_nameidx.c \
	tools/fuse/opts.c tools/fuse/attr.c tools/fuse/fstypes.c
CFLAGS_tests/unit/fsdriver/ += $(FUSE_CFLAGS) -Itools/fuse
TEST_FSDRIVER_WRAP := -Wl,--wrap=malloc -Wl,--wrap=calloc

$(eval $(call host_prog,test_fsdriver,$(TEST_FSDRIVER_SRCS),mfs ext2 isofs romfs fsdriver minixfs,-lcunit $(FUSE_LIBS) $(TEST_FSDRIVER_WRAP)))
UNIT_TESTS += $(HBIN)/test_fsdriver

# micafuse_memfs (the in-memory test double memfs_test.c behind micafuse)
# is linked in tools/fuse/module.mk, which knows micafuse's sources.
