# tests/unit/exec - CUnit tests of the initial stack frame (lib/libexec):
# build/parse round trips, limits, and hostile frames.
$(eval $(call host_lib,exec_host,lib/libexec/exec_frame.c))
$(eval $(call host_prog,test_exec,tests/unit/exec/test_exec.c,exec_host,-lcunit))
UNIT_TESTS += $(HBIN)/test_exec
