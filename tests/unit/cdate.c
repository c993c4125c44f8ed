/* Unit tests of common/cdate: written dates to YYYY-MM-DD. */
#include <stdio.h>
#include <string.h>

#include "common/cdate.h"
#include "tests/unit/unit.h"

static const char *
iso(const char *s, int order)
{
	static char out[CDATE_LEN + 1];

	if (cdate_iso(s, strlen(s), order, out, NULL) == 0)
		return NULL;
	return out;
}

static const char *
why(const char *s)
{
	char out[CDATE_LEN + 1];
	const char *w;

	if (cdate_iso(s, strlen(s), CDATE_DMY, out, &w) != 0)
		return "ok";
	return w;
}

int
main(void)
{
	static const struct { const char *in, *dmy, *mdy; } t[] = {
		/* ISO dates and datetimes */
		{ "1975-11-01", "1975-11-01", "1975-11-01" },
		{ "2023-1-5", "2023-01-05", "2023-01-05" },
		{ "2023/01/15", "2023-01-15", "2023-01-15" },
		{ "2023.01.15", "2023-01-15", "2023-01-15" },
		{ "2023-01-15T10:20:30Z", "2023-01-15", "2023-01-15" },
		{ "2023-01-15T10:20", "2023-01-15", "2023-01-15" },
		{ "2023-01-15t10:20:30.123456+01:00", "2023-01-15",
		    "2023-01-15" },
		{ "2023-01-15 10:20:30", "2023-01-15", "2023-01-15" },
		{ "2023-01-15 10:20:30 +0100", "2023-01-15", "2023-01-15" },
		{ "2023-01-15T23:59:60-05", "2023-01-15", "2023-01-15" },
		{ "2023-01-15 10:20 UTC", "2023-01-15", "2023-01-15" },
		{ "  2023-01-15  ", "2023-01-15", "2023-01-15" },
		/* YYYYMMDD */
		{ "20230115", "2023-01-15", "2023-01-15" },
		{ "19000101", "1900-01-01", "1900-01-01" },
		/* numeric day-month-year and month-day-year */
		{ "01/02/2023", "2023-02-01", "2023-01-02" },
		{ "1/2/2023", "2023-02-01", "2023-01-02" },
		{ "15/01/2023", "2023-01-15", NULL },
		{ "01/15/2023", NULL, "2023-01-15" },
		{ "15-01-2023", "2023-01-15", NULL },
		{ "15.01.2023", "2023-01-15", NULL },
		{ "31/12/1999 23:59", "1999-12-31", NULL },
		{ "12/31/1999 11:59 pm", NULL, "1999-12-31" },
		/* two-digit years: 69-99 are 19xx, 00-68 are 20xx */
		{ "01/02/69", "1969-02-01", "1969-01-02" },
		{ "01/02/99", "1999-02-01", "1999-01-02" },
		{ "01/02/00", "2000-02-01", "2000-01-02" },
		{ "01/02/68", "2068-02-01", "2068-01-02" },
		{ "1-Nov-75", "1975-11-01", "1975-11-01" },
		{ "01-NOV-05", "2005-11-01", "2005-11-01" },
		/* D Mon YYYY */
		{ "1 Nov 1975", "1975-11-01", "1975-11-01" },
		{ "01 November 1975", "1975-11-01", "1975-11-01" },
		{ "1-Nov-1975", "1975-11-01", "1975-11-01" },
		{ "1 nov. 1975", "1975-11-01", "1975-11-01" },
		{ "1st Nov 1975", "1975-11-01", "1975-11-01" },
		{ "2nd March 2020", "2020-03-02", "2020-03-02" },
		{ "23rd Sept 2021", "2021-09-23", "2021-09-23" },
		{ "4th JULY 1976", "1976-07-04", "1976-07-04" },
		{ "Tue, 1 Nov 1977", "1977-11-01", "1977-11-01" },
		{ "Tue, 01 Nov 1977 10:00:00 +0000", "1977-11-01",
		    "1977-11-01" },
		/* Mon D, YYYY */
		{ "Nov 1, 1975", "1975-11-01", "1975-11-01" },
		{ "November 1 1975", "1975-11-01", "1975-11-01" },
		{ "Nov 1st, 1975", "1975-11-01", "1975-11-01" },
		{ "Sep. 9, 2001", "2001-09-09", "2001-09-09" },
		{ "Saturday, May 5, 2012", "2012-05-05", "2012-05-05" },
		/* leap years */
		{ "2024-02-29", "2024-02-29", "2024-02-29" },
		{ "2000-02-29", "2000-02-29", "2000-02-29" },
		{ "29/02/2024", "2024-02-29", NULL },
		{ "Feb 29, 2024", "2024-02-29", "2024-02-29" },
		/* impossible dates and unparseable text */
		{ "2023-02-29", NULL, NULL },
		{ "2023-02-30", NULL, NULL },
		{ "1900-02-29", NULL, NULL },
		{ "2023-04-31", NULL, NULL },
		{ "2023-13-01", NULL, NULL },
		{ "2023-00-10", NULL, NULL },
		{ "2023-01-00", NULL, NULL },
		{ "0000-01-01", NULL, NULL },
		{ "31/02/2023", NULL, NULL },
		{ "32 Jan 2023", NULL, NULL },
		{ "20230230", NULL, NULL },
		{ "", NULL, NULL },
		{ "unknown", NULL, NULL },
		{ "n/a", NULL, NULL },
		{ "2023", NULL, NULL },
		{ "2023-01", NULL, NULL },
		{ "2023-01-15T25:00", NULL, NULL },
		{ "2023-01-15T10:61", NULL, NULL },
		{ "2023-01-15 tomorrow", NULL, NULL },
		{ "2023-01/15", NULL, NULL },
		{ "01/02-2023", NULL, NULL },
		{ "1/2/123", NULL, NULL },
		{ "123/1/2023", NULL, NULL },
		{ "Foo 1, 2023", NULL, NULL },
		{ "1 Foo 2023", NULL, NULL },
		{ "Nov 1, 75", NULL, NULL },
		{ "202301150", NULL, NULL },
		{ "2023-001-15", NULL, NULL },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		CHECK_STR(iso(t[i].in, CDATE_DMY), t[i].dmy);
		CHECK_STR(iso(t[i].in, CDATE_MDY), t[i].mdy);
	}
	CHECK_STR(why("2023-02-30"), "impossible date");
	CHECK_STR(why("soon"), "unrecognised date");
	CHECK_STR(why("2023-02-28"), "ok");
	CHECK(cdate_valid(2024, 2, 29));
	CHECK(!cdate_valid(2023, 2, 29));
	CHECK(cdate_valid(9999, 12, 31));
	CHECK(!cdate_valid(10000, 1, 1));
	CHECK(cdate_valid(1, 1, 1));
	return UNIT_DONE("cdate");
}
