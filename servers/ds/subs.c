/*
 * subs.c - subscriptions: per subscriber label up to DS_SUB_PATTERNS
 * patterns ("key" or "prefix*") and a queue of changes not yet fetched
 * with DS_CHECK.  A change to a key already queued updates that event in
 * place; a full queue sets 'overrun' (the subscriber rescans).  After each
 * change the subscriber's current endpoint gets a notification.
 */
#include "ds.h"

static struct ds_sub ds_subs[DS_NR_SUBS];

static int pattern_match(const char *pat, const char *key)
{
	for (; *pat && *pat != '*'; pat++, key++)
		if (*pat != *key)
			return 0;
	return *pat == '*' || *key == 0;
}

struct ds_sub *ds_sub_find(const char *label)
{
	int i;

	for (i = 0; i < DS_NR_SUBS; i++)
		if (ds_subs[i].label[0] && !strcmp(ds_subs[i].label, label))
			return &ds_subs[i];
	return NULL;
}

static int sub_matches(const struct ds_sub *s, const char *key)
{
	int i;

	for (i = 0; i < DS_SUB_PATTERNS; i++)
		if (s->pattern[i][0] && pattern_match(s->pattern[i], key))
			return 1;
	return 0;
}

static void sub_queue(struct ds_sub *s, const struct ds_entry *e, int deleted)
{
	struct ds_event *ev = NULL;
	u32_t i;

	for (i = 0; i < s->nev && !ev; i++)
		if (!strcmp(s->ev[i].key, e->key))
			ev = &s->ev[i];
	if (!ev && s->nev == DS_SUB_EVENTS) {
		s->overrun = 1;
		return;
	}
	if (!ev)
		ev = &s->ev[s->nev++];
	ds_copy_str(ev->key, e->key, DS_KEY_LEN);
	ds_copy_str(ev->owner, e->owner, RS_LABEL_LEN);
	ev->flags = e->type | (deleted ? DSF_DELETED : 0);
}

static void sub_notify(const struct ds_sub *s)
{
	endpoint_t ep = ds_endpoint_of(s->label);

	if (ep != NONE && (s->nev || s->overrun))
		ipc_notify(ep);
}

/* Tell every subscriber whose patterns match e->key that it changed. */
void ds_sub_changed(const struct ds_entry *e, int deleted)
{
	int i;

	for (i = 0; i < DS_NR_SUBS; i++) {
		struct ds_sub *s = &ds_subs[i];

		if (s->label[0] && sub_matches(s, e->key)) {
			sub_queue(s, e, deleted);
			sub_notify(s);
		}
	}
}

/* Queue every existing entry that matches pattern (DSF_INITIAL). */
static void sub_initial(struct ds_sub *s, const char *pattern)
{
	const struct ds_entry *e;
	int i = 0;

	while ((e = ds_next(&i)))
		if (pattern_match(pattern, e->key))
			sub_queue(s, e, 0);
}

static struct ds_sub *sub_get(const char *label)
{
	struct ds_sub *s = ds_sub_find(label);
	int i;

	for (i = 0; !s && i < DS_NR_SUBS; i++) {
		if (!ds_subs[i].label[0]) {
			s = &ds_subs[i];
			memset(s, 0, sizeof(*s));
			ds_copy_str(s->label, label, RS_LABEL_LEN);
		}
	}
	return s;
}

int ds_sub_add(const char *label, const char *pattern, int initial)
{
	struct ds_sub *s = sub_get(label);
	int i, slot = -1;

	if (!s)
		return -ENOMEM;
	for (i = 0; i < DS_SUB_PATTERNS; i++) {
		if (!strcmp(s->pattern[i], pattern))
			return -EEXIST;
		if (!s->pattern[i][0] && slot < 0)
			slot = i;
	}
	if (slot < 0)
		return -ENOMEM;
	ds_copy_str(s->pattern[slot], pattern, DS_KEY_LEN);
	if (initial)
		sub_initial(s, pattern);
	sub_notify(s);
	return OK;
}

int ds_sub_remove(const char *label, const char *pattern)
{
	struct ds_sub *s = ds_sub_find(label);
	int i, left = 0, found = 0;

	if (!s)
		return -ENOENT;
	for (i = 0; i < DS_SUB_PATTERNS; i++) {
		if (!found && !strcmp(s->pattern[i], pattern)) {
			s->pattern[i][0] = 0;
			found = 1;
		}
		left += s->pattern[i][0] != 0;
	}
	if (!left)
		memset(s, 0, sizeof(*s));
	return found ? OK : -ENOENT;
}

/* Take the oldest change off s's queue: OK, or ENOENT if none. */
int ds_sub_pop(struct ds_sub *s, struct ds_event *ev)
{
	u32_t i;

	if (!s->nev)
		return -ENOENT;
	*ev = s->ev[0];
	for (i = 1; i < s->nev; i++)
		s->ev[i - 1] = s->ev[i];
	s->nev--;
	return OK;
}
