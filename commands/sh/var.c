/*
 * commands/sh/var.c - shell variables: a hash table of name -> value with
 * export and readonly flags, the environment in and out, and temporary
 * assignments (`VAR=x builtin`) undone after the command.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

#define VAR_BUCKETS 64

struct var {
	struct var *next;
	char *name, *val;	/* val NULL: declared (export/readonly) only */
	int flags;
};

struct var_save {
	struct var_save *next;
	char *name, *val;
	int flags, existed;
};

static struct var *var_tab[VAR_BUCKETS];

static unsigned var_hash(const char *s, size_t n)
{
	unsigned h = 5381;

	while (n--)
		h = h * 33 + (unsigned char)*s++;
	return h % VAR_BUCKETS;
}

/* Is s[0..n) a name: [A-Za-z_][A-Za-z0-9_]* ? */
int var_valid_name(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (!(c == '_' || (c >= 'a' && c <= 'z') ||
		      (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return 0;
	}
	return 1;
}

static struct var **var_slot(const char *name)
{
	struct var **p = &var_tab[var_hash(name, strlen(name))];

	while (*p && strcmp((*p)->name, name) != 0)
		p = &(*p)->next;
	return p;
}

const char *var_get(const char *name)
{
	struct var *v = *var_slot(name);

	return v ? v->val : NULL;
}

static struct var *var_make(const char *name)
{
	struct var **p = var_slot(name), *v = *p;

	if (!v) {
		v = xmalloc(sizeof(*v));
		v->next = NULL;
		v->name = xstrdup(name);
		v->val = NULL;
		v->flags = 0;
		*p = v;
	}
	return v;
}

/* 0 when name may be assigned; -1 with the message when it is readonly
 * (a "NAME=value" word is taken too: the name ends at '='). */
int var_writable(const char *word)
{
	size_t n = strcspn(word, "=");
	struct var **p;
	char *name = xmalloc(n + 1);

	memcpy(name, word, n);
	name[n] = '\0';
	p = var_slot(name);
	if (*p && ((*p)->flags & V_READONLY)) {
		sh_error("%s: is read only", name);
		free(name);
		return -1;
	}
	free(name);
	return 0;
}

/* Set name to val (NULL: keep the value), adding flags; -1 if readonly. */
int var_set(const char *name, const char *val, int flags)
{
	struct var *v = var_make(name);

	if (val && (v->flags & V_READONLY)) {
		sh_error("%s: is read only", name);
		return -1;
	}
	if (val) {
		free(v->val);
		v->val = xstrdup(val);
	}
	if (sh.opt[OPT_A] && val)
		flags |= V_EXPORT;
	v->flags |= flags;
	return 0;
}

int var_add_flags(const char *name, int flags)
{
	var_make(name)->flags |= flags;
	return 0;
}

int var_unset(const char *name)
{
	struct var **p = var_slot(name), *v = *p;

	if (!v)
		return 0;
	if (v->flags & V_READONLY) {
		sh_error("%s: is read only", name);
		return -1;
	}
	*p = v->next;
	free(v->name);
	free(v->val);
	free(v);
	return 0;
}

/* Take in the process environment: every valid name, exported. */
void var_import(char **envp)
{
	char *eq, *name;

	for (; envp && *envp; envp++) {
		eq = strchr(*envp, '=');
		if (!eq || !var_valid_name(*envp, eq - *envp))
			continue;
		name = xmalloc(eq - *envp + 1);
		memcpy(name, *envp, eq - *envp);
		name[eq - *envp] = '\0';
		var_set(name, eq + 1, V_EXPORT);
		free(name);
	}
}

/* NAME=value for every exported variable with a value. */
char **var_environ(void)
{
	struct strlist l;
	struct var *v;
	char *s;
	int i;

	sl_init(&l);
	for (i = 0; i < VAR_BUCKETS; i++)
		for (v = var_tab[i]; v; v = v->next) {
			if (!(v->flags & V_EXPORT) || !v->val)
				continue;
			s = xmalloc(strlen(v->name) + strlen(v->val) + 2);
			sprintf(s, "%s=%s", v->name, v->val);
			sl_add(&l, s);
		}
	if (!l.v) {
		l.v = xmalloc(sizeof(*l.v));
		l.v[0] = NULL;
	}
	return l.v;
}

void var_free_environ(char **env)
{
	char **p;

	for (p = env; p && *p; p++)
		free(*p);
	free(env);
}

static int var_cmp(const void *a, const void *b)
{
	return strcmp((*(struct var *const *)a)->name,
		      (*(struct var *const *)b)->name);
}

/* Print `value' in single quotes, so the shell can read it back. */
static void var_quote(const char *s)
{
	putchar('\'');
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
	}
	putchar('\'');
}

/* List the variables having all of flags (all if 0), sorted. */
void var_print(int flags, const char *prefix)
{
	struct var *v, **all = NULL;
	int i, n = 0;

	for (i = 0; i < VAR_BUCKETS; i++)
		for (v = var_tab[i]; v; v = v->next)
			if ((v->flags & flags) == flags) {
				all = xrealloc(all, (n + 1) * sizeof(*all));
				all[n++] = v;
			}
	if (n)
		qsort(all, n, sizeof(*all), var_cmp);
	for (i = 0; i < n; i++) {
		fputs(prefix, stdout);
		fputs(all[i]->name, stdout);
		if (all[i]->val) {
			putchar('=');
			var_quote(all[i]->val);
		}
		putchar('\n');
	}
	fflush(stdout);
	free(all);
}

/* Set name=val exported for one command, remembering the old state. */
struct var_save *var_save_set(struct var_save *chain, const char *name,
			      const char *val)
{
	struct var_save *s = xmalloc(sizeof(*s));
	struct var *v = *var_slot(name);

	s->next = chain;
	s->name = xstrdup(name);
	s->existed = v != NULL;
	s->val = v && v->val ? xstrdup(v->val) : NULL;
	s->flags = v ? v->flags : 0;
	if (var_set(name, val, V_EXPORT) < 0) {
		free(s->name);
		free(s->val);
		free(s);
		return chain;
	}
	return s;
}

/* Undo a chain of var_save_set, newest first. */
void var_restore(struct var_save *s)
{
	struct var_save *next;
	struct var *v;

	for (; s; s = next) {
		next = s->next;
		if (!s->existed) {
			var_unset(s->name);
		} else {
			v = var_make(s->name);
			free(v->val);
			v->val = s->val;
			v->flags = s->flags;
			s->val = NULL;
		}
		free(s->name);
		free(s->val);
		free(s);
	}
}
