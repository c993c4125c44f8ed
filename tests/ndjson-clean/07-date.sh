# ndjson-clean: --date and --date-order
. "$TOP/tests/lib.sh"
cat >"$T/cases" <<'CASES'
"1975-11-01"	"1975-11-01"	"1975-11-01"
"2023-01-15T10:20:30Z"	"2023-01-15"	"2023-01-15"
"01/02/2023"	"2023-02-01"	"2023-01-02"
"15/01/2023"	"2023-01-15"	null
"01/15/2023"	null	"2023-01-15"
"1 Nov 1975"	"1975-11-01"	"1975-11-01"
"Nov 1, 1975"	"1975-11-01"	"1975-11-01"
"19751101"	"1975-11-01"	"1975-11-01"
19751101	"1975-11-01"	"1975-11-01"
"01/02/69"	"1969-02-01"	"1969-01-02"
"01/02/68"	"2068-02-01"	"2068-01-02"
"2024-02-29"	"2024-02-29"	"2024-02-29"
"2023-02-29"	null	null
"2023-02-30"	null	null
"yesterday"	null	null
"  "	null	null
CASES
cut -f1 "$T/cases" | sed 's/^/{"DOB":/; s/$/}/' >"$T/in"
cut -f2 "$T/cases" | sed 's/^/{"dob":/; s/$/}/' >"$T/dmy"
cut -f3 "$T/cases" | sed 's/^/{"dob":/; s/$/}/' >"$T/mdy"
run 0 $NDJSON_CLEAN --date dob "$T/in"
same "$T/out" "$T/dmy"
run 0 $NDJSON_CLEAN --date dob --date-order dmy "$T/in"
same "$T/out" "$T/dmy"
run 0 $NDJSON_CLEAN --date dob --date-order mdy --stats "$T/stats" "$T/in"
same "$T/out" "$T/mdy"
# mdy: 16 seen, 12 dates (2 unchanged), 4 invalid + 1 blank nulled
has "$T/stats" '"dob":\{"seen":16,"changed":14,"nulled":5,"invalid":4,"rejected":0\}'
