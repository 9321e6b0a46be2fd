/* <sys/utsname.h> for Mica; lib/libposix/uname.c. */
#ifndef _MICA_SYS_UTSNAME_H
#define _MICA_SYS_UTSNAME_H

#define _UTSNAME_LEN 32

struct utsname {
	char sysname[_UTSNAME_LEN];
	char nodename[_UTSNAME_LEN];
	char release[_UTSNAME_LEN];
	char version[_UTSNAME_LEN];
	char machine[_UTSNAME_LEN];
};

int uname(struct utsname *u);

#endif
