/* unit.h: the smallest test harness: CHECK* macros and a summary. */
#ifndef NDJ_UNIT_H
#define NDJ_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_pass, unit_fail;

#define CHECK(cond) do {						\
	if (cond) unit_pass++;						\
	else { unit_fail++; fprintf(stderr, "%s:%d: FAIL: %s\n",	\
	    __FILE__, __LINE__, #cond); }				\
} while (0)

/* Compare NUL-terminated strings; NULL matches only NULL. */
#define CHECK_STR(got, want) do {					\
	const char *g_ = (got), *w_ = (want);				\
	if ((g_ == NULL && w_ == NULL) ||				\
	    (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0))		\
		unit_pass++;						\
	else { unit_fail++; fprintf(stderr,				\
	    "%s:%d: FAIL: %s: got '%s', want '%s'\n", __FILE__,	\
	    __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); }	\
} while (0)

/* Print "unit NAME: N passed, N failed" and return the exit status. */
#define UNIT_DONE(name) (printf("unit %s: %d passed, %d failed\n",	\
	(name), unit_pass, unit_fail), unit_fail != 0)

#endif
