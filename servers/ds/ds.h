/*
 * ds.h - the data store's internals (the protocol is mica/ds.h; how DS
 * recovers and is updated is in README.md).
 *
 * All state is in three static tables (entries, subscriptions) plus the
 * pages holding MEM values, so an identity transfer carries all of it.
 * Ownership is by label, not endpoint: a service restarted behind a new
 * endpoint owns its keys again once RS republishes its label.
 */
#ifndef SERVERS_DS_DS_H
#define SERVERS_DS_DS_H

#include <mica/syslib.h>
#include <mica/ds.h>

#define DS_NR_ENTRIES 256
#define DS_NR_SUBS     32
#define DS_SUB_PATTERNS 4
#define DS_SUB_EVENTS  16

struct ds_entry {
	char key[DS_KEY_LEN];		/* "" when free */
	char owner[RS_LABEL_LEN];	/* label of the publisher */
	u32_t type;			/* DSF_TYPE_* */
	union {
		u32_t u32;
		endpoint_t endpt;
		char str[DS_STR_LEN];
	} val;
	void *mem;			/* MEM: pages from sys_pages_alloc */
	u32_t mem_len;
};

struct ds_event {
	char key[DS_KEY_LEN];
	char owner[RS_LABEL_LEN];
	u32_t flags;			/* type | DSF_DELETED */
};

struct ds_sub {
	char label[RS_LABEL_LEN];	/* "" when free */
	char pattern[DS_SUB_PATTERNS][DS_KEY_LEN];
	struct ds_event ev[DS_SUB_EVENTS];
	u32_t nev;
	int overrun;
};

/* store.c */
int ds_key_ok(const char *key, int pattern);
struct ds_entry *ds_find(const char *key);
struct ds_entry *ds_alloc(const char *key);
void ds_free(struct ds_entry *e);
const char *ds_label_of(endpoint_t ep);
endpoint_t ds_endpoint_of(const char *label);
void ds_copy_str(char *dst, const char *src, u32_t size);
const struct ds_entry *ds_next(int *i);

/* subs.c */
struct ds_sub *ds_sub_find(const char *label);
int ds_sub_add(const char *label, const char *pattern, int initial);
int ds_sub_remove(const char *label, const char *pattern);
void ds_sub_changed(const struct ds_entry *e, int deleted);
int ds_sub_pop(struct ds_sub *s, struct ds_event *ev);

/* requests.c: one handler per request; reply fields in *m, result returned */
int do_publish(message *m);
int do_retrieve(message *m);
int do_delete(message *m);
int do_subscribe(message *m);
int do_unsubscribe(message *m);
int do_check(message *m);

#endif /* SERVERS_DS_DS_H */
