/* args: parse option arguments or exit 2 with a one-line reason. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "common/args.h"
#include "common/diag.h"
#include "common/xalloc.h"

static _Noreturn void
bad(const char *what, const char *arg, const char *why)
{
	diag_msg("invalid %s '%s': %s", what, arg, why);
	diag_fatal(STATUS_USAGE, "try '%s --help' for more information",
	    diag_prog());
}

char
args_char(const char *arg, const char *what)
{
	static const struct { const char *name; char c; } names[] = {
		{ "\\t", '\t' }, { "tab", '\t' }, { "comma", ',' },
		{ "semicolon", ';' }, { "pipe", '|' }, { "space", ' ' },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(arg, names[i].name) == 0)
			return names[i].c;
	if (strlen(arg) != 1)
		bad(what, arg, "expected a single byte");
	if (arg[0] == '"' || arg[0] == '\n' || arg[0] == '\r')
		bad(what, arg, "cannot be a quote or line break");
	return arg[0];
}

long long
args_long(const char *arg, const char *what, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (errno || end == arg || *end != '\0')
		bad(what, arg, "expected an integer");
	if (v < min || v > max)
		bad(what, arg, "out of range");
	return v;
}

size_t
args_size(const char *arg, const char *what)
{
	unsigned long long v, mul = 1;
	char *end;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno || end == arg || arg[0] == '-')
		bad(what, arg, "expected a size such as 64M");
	switch (*end) {
	case 'k': case 'K': mul = 1ULL << 10; end++; break;
	case 'm': case 'M': mul = 1ULL << 20; end++; break;
	case 'g': case 'G': mul = 1ULL << 30; end++; break;
	}
	if (*end != '\0' || v == 0 || v > (1ULL << 40) / mul)
		bad(what, arg, "expected a size such as 64M");
	return (size_t)(v * mul);
}

int
args_choice(const char *arg, const char *what, const char *const *choices)
{
	int i;

	for (i = 0; choices[i] != NULL; i++)
		if (strcmp(arg, choices[i]) == 0)
			return i;
	bad(what, arg, "not one of the accepted words");
}

void
args_list(const char *arg, const char *what, char ***list, size_t *n)
{
	const char *s = arg, *comma;
	size_t len;

	do {
		comma = strchr(s, ',');
		len = comma ? (size_t)(comma - s) : strlen(s);
		if (len == 0)
			bad(what, arg, "empty name in list");
		*list = xreallocarray(*list, *n + 2, sizeof(**list));
		(*list)[(*n)++] = xmemdup(s, len);
		(*list)[*n] = NULL;
		s = comma + 1;
	} while (comma != NULL);
}

void
args_list_free(char **list)
{
	size_t i;

	if (list == NULL)
		return;
	for (i = 0; list[i] != NULL; i++)
		free(list[i]);
	free(list);
}

long
args_list_find(char *const *list, const char *name, size_t len)
{
	long i;

	if (list == NULL)
		return -1;
	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == len && memcmp(list[i], name, len) == 0)
			return i;
	return -1;
}

void
args_bad_option(char *argv[])
{
	const char *arg = argv[optind - 1];

	if (optopt != 0 && optopt != '?' && optopt < 0x80 && arg[1] != '-')
		diag_msg("invalid option -- '%c'", optopt);
	else
		diag_msg("invalid option '%s'", arg);
}
