# tests/unit/pm - CUnit tests of PM's pure parts: the CMOS clock
# conversion (servers/pm/rtc_time.c) against the host's timegm.
$(eval $(call host_lib,pm_host,servers/pm/rtc_time.c))
$(eval $(call host_prog,test_pm_rtc,tests/unit/pm/test_rtc.c,pm_host,-lcunit))
UNIT_TESTS += $(HBIN)/test_pm_rtc
