/* args: option-argument parsing shared by every tool (usage error: exit 2). */
#ifndef NDJ_ARGS_H
#define NDJ_ARGS_H

#include <stddef.h>

/* A one-byte delimiter: "x", "\t", "tab", "comma", "semicolon", "pipe". */
char		 args_char(const char *arg, const char *what);
/* A decimal integer in [min, max]. */
long long	 args_long(const char *arg, const char *what, long long min,
		     long long max);
/* A size with optional K, M or G suffix (powers of 1024). */
size_t		 args_size(const char *arg, const char *what);
/* One of the words in choices (NULL-terminated); returns its index. */
int		 args_choice(const char *arg, const char *what,
		     const char *const *choices);

/*
 * A list of names: "a,b,c" appended to *list (owned, NULL-terminated),
 * *n updated.  Empty names are a usage error.
 */
void		 args_list(const char *arg, const char *what, char ***list,
		     size_t *n);
void		 args_list_free(char **list);
/*
 * Name the option getopt_long just refused (run it with opterr = 0 so that
 * the message carries our program name, not argv[0]); the caller then
 * prints its usage and exits 2.
 */
void		 args_bad_option(char *argv[]);

/* Index of name in list, or -1. */
long		 args_list_find(char *const *list, const char *name, size_t len);

#endif
