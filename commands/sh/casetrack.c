/*
 * commands/sh/casetrack.c - telling a case pattern's ')' from the end of
 * a $(...) command substitution.
 *
 * The lexer and expansion find the end of $(...) by counting parentheses
 * rather than parsing the command inside; a case statement there has
 * patterns ending in an unbalanced ')'.  Both feed every unquoted byte to
 * case_track, which follows the words "case" and "esac" and says when a
 * parenthesis belongs to a pattern.  A literal argument spelled "case"
 * inside $(...) would fool it; that is the documented limit.
 */
#include <string.h>

#include "sh.h"

static int ct_wordbyte(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* Feed byte c (-1: a quoted section, which ends any word). */
int case_track(struct casetrack *t, int c)
{
	if (c >= 0 && ct_wordbyte(c)) {
		if (t->wlen < (int)sizeof(t->word) - 1)
			t->word[t->wlen] = (char)c;
		t->wlen++;
		return 0;
	}
	if (t->wlen == 4 && strncmp(t->word, "case", 4) == 0)
		t->incase++;
	else if (t->wlen == 4 && strncmp(t->word, "esac", 4) == 0 &&
		 t->incase > 0)
		t->incase--;
	t->wlen = 0;
	return t->incase > 0 && (c == '(' || c == ')');
}
