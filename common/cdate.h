/*
 * cdate: calendar dates as people write them, to ISO 8601 YYYY-MM-DD.
 *
 * Accepted forms (case-insensitive; surrounding whitespace ignored):
 *   YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD   month and day of 1 or 2 digits
 *   YYYYMMDD                             exactly 8 digits
 *   DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY   or MM/DD/YYYY with CDATE_MDY;
 *                                        1 or 2 digits; same separator
 *   DD/MM/YY (and - .)                   two-digit year, see below
 *   D Mon YYYY, D-Mon-YYYY, D Month YYYY, 1st Nov 1975, 01-NOV-75
 *   Mon D, YYYY, Month D YYYY, Nov 1st, 1975
 * Month names are English, full or abbreviated to three letters ("Sept"
 * too), with an optional '.'.  A leading weekday ("Tue, ") is ignored.
 * Any form may be followed by a time, after 'T' or spaces:
 * HH:MM[:SS[.fraction]] with an optional am/pm and zone (Z, UTC, GMT,
 * +HH, +HHMM, +HH:MM); the date is kept as written, never converted to
 * another zone.  The time must be valid too.
 *
 * Two-digit years follow POSIX strptime's %y: 69 to 99 are 1969 to 1999,
 * 00 to 68 are 2000 to 2068.  They are accepted only in the numeric
 * day-month form (DD/MM/YY) and in D-Mon-YY.
 *
 * Dates must exist in the proleptic Gregorian calendar (2023-02-30 and
 * 2023-02-29 are invalid, 2024-02-29 and 2000-02-29 valid, 1900-02-29
 * not), with years 0001 to 9999 (BigQuery's DATE range).
 */
#ifndef NDJ_CDATE_H
#define NDJ_CDATE_H

#include <stddef.h>

#define CDATE_DMY	0	/* 01/02/2023 is 1 February (UK) */
#define CDATE_MDY	1	/* 01/02/2023 is 2 January (US) */
#define CDATE_LEN	10	/* strlen("YYYY-MM-DD") */

/*
 * Write the ISO date of s[0, n) to out (CDATE_LEN + 1 bytes, NUL-
 * terminated) and return CDATE_LEN; or return 0 and point *why (when not
 * NULL) at a static reason: "impossible date" or "unrecognised date".
 */
size_t		 cdate_iso(const char *s, size_t n, int order, char *out,
		     const char **why);
/* 1 when y-m-d exists (y 1 to 9999). */
int		 cdate_valid(int y, int m, int d);

#endif
