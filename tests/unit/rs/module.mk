# tests/unit/rs - CUnit tests of RS's configuration parser and privilege
# builder (servers/rs/conf.c, bootmap.c): good stanzas give exactly their
# privileges, every hostile one is refused with its line and reason.
CFLAGS_servers/rs/ += -DRS_HOST
CFLAGS_tests/unit/rs/ += -DRS_HOST -Iservers/rs
$(eval $(call host_lib,rs_host,servers/rs/conf.c servers/rs/bootmap.c))
$(eval $(call host_prog,test_rs_conf,tests/unit/rs/test_conf.c,rs_host,-lcunit))
UNIT_TESTS += $(HBIN)/test_rs_conf
