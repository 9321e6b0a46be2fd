/*
 * name.c - file names as the volume stores them, to the names we report.
 *
 * Plain ISO 9660 names are d-characters with a ";version" suffix on files
 * and a '.' separating an empty extension ("README.;1"): both are dropped;
 * case is kept as recorded.  Joliet names are UCS-2 big endian (read as
 * UTF-16, so surrogate pairs written by newer tools survive); they become
 * UTF-8, with a lone surrogate turned into U+FFFD.  Rock Ridge NM names are
 * used as they are (rrip.c).  Every name is finally checked for the two
 * bytes a POSIX name cannot hold, NUL and '/', which become '_'.
 */
#include <errno.h>
#include <string.h>
#include "iso.h"

/* Length of 'name' without ";digits" and one trailing '.'. */
static size_t iso_name_trim(const char *name, size_t len)
{
	size_t i = len;

	while (i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9')
		i--;
	if (i > 0 && name[i - 1] == ';')
		len = i - 1;
	if (len > 1 && name[len - 1] == '.')
		len--;
	return len;
}

int iso_name_plain(const uint8_t *raw, size_t len, char *out, size_t *outlen)
{
	if (len > ISO_NAME_MAX)
		return -ENAMETOOLONG;
	memcpy(out, raw, len);
	len = iso_name_trim(out, len);
	out[len] = '\0';
	*outlen = len;
	return len ? OK : -EINVAL;
}

/* Append code point 'c' as UTF-8; false if 'out' is full. */
static bool iso_put_utf8(char *out, size_t *n, size_t max, uint32_t c)
{
	uint8_t b[4];
	size_t k;

	if (c < 0x80) {
		b[0] = (uint8_t)c;
		k = 1;
	} else if (c < 0x800) {
		b[0] = (uint8_t)(0xc0 | c >> 6);
		b[1] = (uint8_t)(0x80 | (c & 0x3f));
		k = 2;
	} else if (c < 0x10000) {
		b[0] = (uint8_t)(0xe0 | c >> 12);
		b[1] = (uint8_t)(0x80 | (c >> 6 & 0x3f));
		b[2] = (uint8_t)(0x80 | (c & 0x3f));
		k = 3;
	} else {
		b[0] = (uint8_t)(0xf0 | c >> 18);
		b[1] = (uint8_t)(0x80 | (c >> 12 & 0x3f));
		b[2] = (uint8_t)(0x80 | (c >> 6 & 0x3f));
		b[3] = (uint8_t)(0x80 | (c & 0x3f));
		k = 4;
	}
	if (*n + k > max)
		return false;
	memcpy(out + *n, b, k);
	*n += k;
	return true;
}

int iso_name_joliet(const uint8_t *raw, size_t len, char *out,
    size_t *outlen)
{
	size_t i, n = 0;

	for (i = 0; i + 1 < len; i += 2) {
		uint32_t c = (uint32_t)raw[i] << 8 | raw[i + 1];

		if (c >= 0xd800 && c < 0xdc00 && i + 3 < len) {
			uint32_t lo = (uint32_t)raw[i + 2] << 8 | raw[i + 3];

			if (lo >= 0xdc00 && lo < 0xe000) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
				i += 2;
			}
		}
		if (c >= 0xd800 && c < 0xe000)
			c = 0xfffd;
		if (!iso_put_utf8(out, &n, ISO_NAME_MAX, c))
			return -ENAMETOOLONG;
	}
	n = iso_name_trim(out, n);
	out[n] = '\0';
	*outlen = n;
	return n ? OK : -EINVAL;
}

bool iso_name_sanitize(char *name, size_t len)
{
	bool changed = false;
	size_t i;

	for (i = 0; i < len; i++) {
		if (name[i] == '\0' || name[i] == '/') {
			name[i] = '_';
			changed = true;
		}
	}
	return changed;
}
