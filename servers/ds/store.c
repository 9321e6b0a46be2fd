/*
 * store.c - the entry table: key checks, lookup, allocation, and the
 * label <-> endpoint maps that permissions and notifications use (a
 * label is a LABEL entry: key = label, val.endpt = its endpoint).
 */
#include "ds.h"

static struct ds_entry ds_table[DS_NR_ENTRIES];

/* A key (or, with pattern, a subscription pattern) that DS accepts:
 * NUL-terminated within DS_KEY_LEN, not empty, printable ASCII without
 * spaces; '*' only as a pattern's last character. */
int ds_key_ok(const char *key, int pattern)
{
	u32_t i;

	for (i = 0; i < DS_KEY_LEN && key[i]; i++) {
		if (key[i] <= ' ' || key[i] > '~')
			return 0;
		if (key[i] == '*' && (!pattern || key[i + 1]))
			return 0;
	}
	return i > 0 && i < DS_KEY_LEN;
}

static int key_eq(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

struct ds_entry *ds_find(const char *key)
{
	int i;

	for (i = 0; i < DS_NR_ENTRIES; i++)
		if (ds_table[i].key[0] && key_eq(ds_table[i].key, key))
			return &ds_table[i];
	return NULL;
}

struct ds_entry *ds_alloc(const char *key)
{
	int i;

	for (i = 0; i < DS_NR_ENTRIES; i++) {
		if (!ds_table[i].key[0]) {
			memset(&ds_table[i], 0, sizeof(ds_table[i]));
			ds_copy_str(ds_table[i].key, key, DS_KEY_LEN);
			return &ds_table[i];
		}
	}
	return NULL;
}

void ds_free(struct ds_entry *e)
{
	if (e->mem)
		sys_pages_free(e->mem, e->mem_len);
	memset(e, 0, sizeof(*e));
}

/* The label ep is published under, or NULL. */
const char *ds_label_of(endpoint_t ep)
{
	int i;

	for (i = 0; i < DS_NR_ENTRIES; i++)
		if (ds_table[i].key[0] && ds_table[i].type == DSF_TYPE_LABEL &&
		    ds_table[i].val.endpt == ep)
			return ds_table[i].key;
	return NULL;
}

endpoint_t ds_endpoint_of(const char *label)
{
	struct ds_entry *e = ds_find(label);

	return e && e->type == DSF_TYPE_LABEL ? e->val.endpt : NONE;
}

/* Copy a string, always terminated, cut to size. */
void ds_copy_str(char *dst, const char *src, u32_t size)
{
	u32_t i;

	for (i = 0; i + 1 < size && src[i]; i++)
		dst[i] = src[i];
	dst[i] = 0;
}

/* The next used entry at or after *i (advancing *i past it), or NULL. */
const struct ds_entry *ds_next(int *i)
{
	for (; *i < DS_NR_ENTRIES; (*i)++)
		if (ds_table[*i].key[0])
			return &ds_table[(*i)++];
	return NULL;
}
