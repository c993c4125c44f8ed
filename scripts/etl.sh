#!/bin/sh
# etl.sh: the whole job.  Extract the three customer exports in parallel,
# clean (and mask the billing data before anything touches disk), join them
# into one record per customer with a stable customer_id, and load the
# customers_transformed table into SQLite, BigQuery or an NDJSON file.
# See man/etl.sh.1 and README.md.  POSIX sh.
set -eu

prog=etl.sh
usage() {
	cat <<'EOF'
usage: etl.sh [--data DIR] [--out DIR] [--sink sqlite|bigquery|ndjson]
              [--db FILE] [--table NAME] [--schema FILE] [--keep DIR]
              [--bin DIR] [--quiet] [BigQuery options]
       etl.sh --stage NAME [--data DIR] [--out DIR] ...
       etl.sh --summary [--out DIR]
Run the customer ETL pipeline: extract, clean, mask, join, load.
  --data DIR        input exports (data): customers.csv,
                    customers_subscriptions.json, customers_billing.xml
  --out DIR         results and reports (out)
  --sink SINK       sqlite (default), bigquery or ndjson
  --db FILE         SQLite database (OUT/customers.db)
  --table NAME      table name (customers_transformed)
  --schema FILE     BigQuery JSON schema (scripts/customers_transformed.schema.json)
  --keep DIR        keep every stage's NDJSON in DIR, named by stage
  --bin DIR         where the tools are (bin/ next to scripts/, else PATH)
  --stage NAME      run one stage with its files in OUT (used by make):
                    sales.extract sales.clean marketing.extract
                    marketing.clean billing.mask join.marketing
                    join.billing load
  --summary         print the summary of the stage files in OUT
  --quiet           no summary
BigQuery (--sink bigquery), passed to bq-load:
  --project P --dataset D --location L --credentials FILE --endpoint URL
  --bq-opt ARG      any other bq-load argument (repeatable)
EOF
}

die() {
	echo "$prog: $*" >&2
	exit 1
}

here=$(cd "$(dirname "$0")" && pwd)
DATA=data
OUT=out
SINK=sqlite
DB=
TABLE=customers_transformed
SCHEMA=$here/customers_transformed.schema.json
KEEP=
BIN=
STAGE=
SUMMARY_ONLY=
QUIET=
BQ_ARGS=
PROJECT= DATASET=

# Append one argument, quoted, to BQ_ARGS (replayed with eval).
bq_arg() {
	BQ_ARGS="$BQ_ARGS '$(printf '%s' "$1" | sed "s/'/'\\\\''/g")'"
}

need() {
	[ $# -ge 2 ] || { echo "$prog: $1 needs an argument" >&2; usage >&2; exit 2; }
}

while [ $# -gt 0 ]; do
	case $1 in
	--data) need "$@"; DATA=$2; shift 2 ;;
	--out) need "$@"; OUT=$2; shift 2 ;;
	--sink) need "$@"; SINK=$2; shift 2 ;;
	--db) need "$@"; DB=$2; shift 2 ;;
	--table) need "$@"; TABLE=$2; shift 2 ;;
	--schema) need "$@"; SCHEMA=$2; shift 2 ;;
	--keep) need "$@"; KEEP=$2; shift 2 ;;
	--bin) need "$@"; BIN=$2; shift 2 ;;
	--stage) need "$@"; STAGE=$2; shift 2 ;;
	--summary) SUMMARY_ONLY=1; shift ;;
	--quiet) QUIET=1; shift ;;
	--project) need "$@"; PROJECT=$2; shift 2 ;;
	--dataset) need "$@"; DATASET=$2; shift 2 ;;
	--location|--credentials|--endpoint)
		need "$@"; bq_arg "$1"; bq_arg "$2"; shift 2 ;;
	--bq-opt) need "$@"; bq_arg "$2"; shift 2 ;;
	-h|--help) usage; exit 0 ;;
	*) echo "$prog: unknown option: $1" >&2; usage >&2; exit 2 ;;
	esac
done
case $SINK in
sqlite|bigquery|ndjson) ;;
*) echo "$prog: --sink: expected sqlite, bigquery or ndjson" >&2; exit 2 ;;
esac
if [ "$SINK" = bigquery ] && [ -z "$STAGE$SUMMARY_ONLY" ] &&
    { [ -z "$PROJECT" ] || [ -z "$DATASET" ]; }; then
	echo "$prog: --sink bigquery needs --project and --dataset" >&2
	exit 2
fi
case $STAGE in
''|sales.extract|sales.clean|marketing.extract|marketing.clean|billing.mask|\
join.marketing|join.billing|load) ;;
*) echo "$prog: unknown stage: $STAGE" >&2; exit 2 ;;
esac
[ -n "$DB" ] || DB=$OUT/customers.db
if [ -z "$BIN" ]; then
	if [ -n "${TOOLDIR:-}" ]; then
		BIN=$TOOLDIR
	elif [ -x "$here/../bin/ndjson-join" ]; then
		BIN=$(cd "$here/../bin" && pwd)
	fi
fi
tool() {
	if [ -n "$BIN" ]; then
		printf '%s/%s' "$BIN" "$1"
	else
		printf '%s' "$1"
	fi
}
CSV2NDJSON=$(tool csv2ndjson)
JSON2NDJSON=$(tool json2ndjson)
XML2NDJSON=$(tool xml2ndjson)
NDJSON_CLEAN=$(tool ndjson-clean)
NDJSON_MASK=$(tool ndjson-mask)
NDJSON_JOIN=$(tool ndjson-join)
SQLITE_LOAD=$(tool sqlite-load)
BQ_LOAD=$(tool bq-load)

# The join rules (README "The pipeline"): marketing by type and name with
# a name required; billing by name, company and E.164 phone.  Duplicated
# keys whose records differ are ambiguous and match nothing (reported).
MKT_KEYS=customer_type,first_name,last_name,company_name
MKT_IDENTITY=first_name,last_name,company_name
BILL_KEYS=first_name,last_name,company_name,phone_number
ID_FROM=customer_type,first_name,last_name,company_name,email,phone_number,dob

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# ---- one function per stage: input file (or stdin) to stdout ----------
# Stats, rejects and unmatched files go to $W, named after the stage.

sales_extract() {	# [file]
	"$CSV2NDJSON" --rejects "$W/sales.extract.rejects" "$DATA/customers.csv"
}
sales_clean() {
	"$NDJSON_CLEAN" --phone phone_number --date dob --email email \
	    --stats "$W/sales.clean.stats" --rejects "$W/sales.clean.rejects" \
	    ${1:+"$1"}
}
marketing_extract() {
	"$JSON2NDJSON" --rejects "$W/marketing.extract.rejects" \
	    "$DATA/customers_subscriptions.json"
}
marketing_clean() {
	"$NDJSON_CLEAN" --stats "$W/marketing.clean.stats" \
	    --rejects "$W/marketing.clean.rejects" ${1:+"$1"}
}
# Billing holds raw card numbers until ndjson-mask: these three run in one
# pipe, without --rejects (a rejects file would hold the raw record).
billing_extract() {
	"$XML2NDJSON" --record Customers/Customer "$DATA/customers_billing.xml"
}
billing_clean() {
	"$NDJSON_CLEAN" --rename phone_no=phone_number --phone phone_number \
	    --stats "$W/billing.clean.stats"
}
billing_mask() {
	"$NDJSON_MASK" --card card_details__card_number \
	    --drop card_details__cvv --stats "$W/billing.mask.stats" \
	    --rejects "$W/billing.mask.rejects"
}
join_marketing() {	# sales marketing
	"$NDJSON_JOIN" -k "$MKT_KEYS" --identity "$MKT_IDENTITY" --fold \
	    --type left --dups none --prefer left \
	    --stats "$W/join.marketing.stats" \
	    --unmatched "$W/join.marketing.unmatched" "$1" "$2"
}
join_billing() {	# left billing
	"$NDJSON_JOIN" -k "$BILL_KEYS" --fold --type left --dups none \
	    --prefer left --id customer_id --id-from "$ID_FROM" \
	    --stats "$W/join.billing.stats" \
	    --unmatched "$W/join.billing.unmatched" "$1" "$2"
}
load() {	# customers.ndjson [commit-if file (sqlite)]
	case $SINK in
	sqlite)
		"$SQLITE_LOAD" --schema "$SCHEMA" --db "$DB" --table "$TABLE" \
		    --stats "$W/load.stats" ${2:+--commit-if "$2"} "$1" ;;
	ndjson)
		# Replace the file atomically, as the other sinks do.
		cp "$1" "$OUT/$TABLE.ndjson.tmp" &&
		    mv "$OUT/$TABLE.ndjson.tmp" "$OUT/$TABLE.ndjson" &&
		    printf '{"tool":"etl.sh","records_out":%s}\n' \
		    "$(wc -l <"$1" | tr -d ' ')" >"$W/load.stats" ;;
	bigquery)
		eval "\"\$BQ_LOAD\" --schema \"\$SCHEMA\" --replace $BQ_ARGS" \
		    "\"\$PROJECT.\$DATASET.\$TABLE\" \"\$1\"" &&
		    printf '{"tool":"bq-load","records_out":%s}\n' \
		    "$(wc -l <"$1" | tr -d ' ')" >"$W/load.stats" ;;
	esac
}

# ---- running, timing and checking stages ------------------------------

now() {
	date +%s.%N
}

# st NAME CMD...: run CMD with its stderr in $W/NAME.err; record the exit
# status and the start and end times in $W/NAME.st.  Always returns 0 so a
# pipe goes on; check_stages looks at the records afterwards.
st() {
	_name=$1
	shift
	_t0=$(now)
	set +e
	"$@" 2>"$W/$_name.err"
	_rc=$?
	set -e
	echo "$_rc $_t0 $(now)" >"$W/$_name.st"
	return 0
}

branch_sales() {
	if [ -n "$KEEP" ]; then
		st sales.extract sales_extract >"$KEEP/sales.extract.ndjson"
		st sales.clean sales_clean "$KEEP/sales.extract.ndjson" \
		    >"$W/sales.clean.ndjson"
	else
		st sales.extract sales_extract | st sales.clean sales_clean \
		    >"$W/sales.clean.ndjson"
	fi
}

branch_marketing() {
	if [ -n "$KEEP" ]; then
		st marketing.extract marketing_extract \
		    >"$KEEP/marketing.extract.ndjson"
		st marketing.clean marketing_clean \
		    "$KEEP/marketing.extract.ndjson" >"$W/marketing.clean.ndjson"
	else
		st marketing.extract marketing_extract |
		    st marketing.clean marketing_clean \
		    >"$W/marketing.clean.ndjson"
	fi
}

branch_billing() {	# output file or FIFO
	st billing.extract billing_extract | st billing.clean billing_clean |
	    st billing.mask billing_mask >"$1"
}

# failed NAME...: the stages that ran and failed, or did not run, in the
# order given, as "name:status" words ("name:-" when it did not run).
failed() {
	for _s in "$@"; do
		if [ ! -f "$W/$_s.st" ]; then
			printf ' %s:-' "$_s"
			continue
		fi
		read -r _rc _t0 _t1 <"$W/$_s.st"
		[ "$_rc" -eq 0 ] || printf ' %s:%s' "$_s" "$_rc"
	done
}

# check_stages NAME...: fail naming the stages that failed, with their
# messages.  A broken pipe (141) is only the echo of a later failure, and
# a stage that did not run or failed after an earlier one had (a join or
# the load reading a cut-short input) is not reported on its own.
check_stages() {
	_bad=$(failed "$@")
	[ -n "$_bad" ] || return 0
	_first=
	for _b in $_bad; do
		_s=${_b%%:*}
		_rc=${_b#*:}
		case $_rc in 141) continue ;; esac
		case $_rc:$_first:$_s in
		-:*) [ -n "$_first" ] && continue
		    echo "$prog: stage $_s did not run" >&2 ;;
		*:?*:join.*|*:?*:load) continue ;;
		*)	echo "$prog: stage $_s failed (exit $_rc)" >&2
			[ -s "$W/$_s.err" ] && sed "s/^/$prog: $_s: /" \
			    "$W/$_s.err" | head -n 20 >&2 ;;
		esac
		_first=$_s
	done
	echo "$prog: stopped; the previous table is untouched" >&2
	exit 1
}

# ---- summary ------------------------------------------------------------

# num FILE KEY: the first "KEY":N in FILE (0 when absent).
num() {
	_v=
	[ -f "$1" ] && _v=$(grep -o "\"$2\":[0-9]*" "$1" | head -n 1 |
	    sed 's/.*://')
	echo "${_v:-0}"
}

# sum KEY FILE...: the sum of every "KEY":N in the files.
sum() {
	_k=$1
	shift
	cat "$@" 2>/dev/null | grep -o "\"$_k\":[0-9]*" |
	    awk -F: '{ s += $2 } END { print s + 0 }'
}

lines() {
	if [ -f "$1" ]; then wc -l <"$1" | tr -d ' '; else echo 0; fi
}

summary() {
	d=$W
	echo "$prog: summary"
	printf '  %-34s %s\n' "sales records" "$(num "$d/sales.clean.stats" records_out)"
	printf '  %-34s %s\n' "marketing records" "$(num "$d/marketing.clean.stats" records_out)"
	printf '  %-34s %s\n' "billing records" "$(num "$d/billing.mask.stats" records_out)"
	for j in marketing billing; do
		f=$d/join.$j.stats
		printf '  %-34s matched %s, sales unmatched %s, %s unmatched %s\n' \
		    "join $j" "$(num "$f" matched)" "$(num "$f" left_unmatched)" \
		    "$j" "$(num "$f" right_unmatched)"
		printf '  %-34s sales %s, %s %s, ambiguous %s, empty keys %s\n' \
		    "  duplicated keys" "$(num "$f" left_dup_keys)" "$j" \
		    "$(num "$f" right_dup_keys)" "$(num "$f" ambiguous_keys)" \
		    "$(( $(num "$f" left_empty_keys) + $(num "$f" right_empty_keys) ))"
	done
	printf '  %-34s %s\n' "duplicate sales records dropped" \
	    "$(num "$d/join.billing.stats" duplicate_records_dropped)"
	printf '  %-34s %s (invalid values: %s)\n' \
	    "values nulled by cleaning" "$(sum nulled "$d"/*.clean.stats)" \
	    "$(sum invalid "$d"/*.clean.stats)"
	printf '  %-34s %s (CVV dropped: %s)\n' "cards masked" \
	    "$(num "$d/billing.mask.stats" cards_masked)" \
	    "$(num "$d/billing.mask.stats" dropped)"
	rej=0
	for f in "$d"/*.rejects; do
		[ -f "$f" ] && rej=$((rej + $(lines "$f")))
	done
	printf '  %-34s %s\n' "rejected records" "$rej"
	case $SINK in
	sqlite) where="$DB, table $TABLE" ;;
	ndjson) where="$OUT/$TABLE.ndjson" ;;
	bigquery) where="$PROJECT.$DATASET.$TABLE" ;;
	esac
	printf '  %-34s %s (%s)\n' "rows loaded" "$(num "$d/load.stats" records_out)" \
	    "$where"
	echo "  wall time per stage (s):"
	for s in sales.extract sales.clean marketing.extract marketing.clean \
	    billing.extract billing.clean billing.mask join.marketing \
	    join.billing load; do
		f=$d/$s.st
		[ -f "$f" ] || continue
		# With the run's start: when each stage ran, to see the overlap.
		awk -v s="$s" -v t0="${T_START:-}" '{
		    if (t0 == "") printf "    %-32s %.3f\n", s, $3 - $2
		    else printf "    %-32s %.3f  (%.2f to %.2f)\n", s,
		        $3 - $2, $2 - t0, $3 - t0 }' "$f"
	done
	if [ -n "${T_START:-}" ]; then
		awk -v a="$T_START" -v b="$(now)" \
		    'BEGIN { printf "  %-34s %.3f\n", "total wall time (s)", b - a }'
	fi
}

# Keep the reports a user needs (unmatched records, rejects) next to the
# results; stats and messages stay in the work directory.
publish_reports() {
	for f in "$W"/*.unmatched "$W"/*.rejects; do
		[ -f "$f" ] || continue
		b=$(basename "$f")
		if [ -s "$f" ]; then
			[ "$W" = "$OUT" ] || cp "$f" "$OUT/$b.ndjson"
		else
			rm -f "$OUT/$b.ndjson"
		fi
	done
}

# ---- single stages (make) ---------------------------------------------

# One stage for make: its output appears (renamed into place) only when
# the stage succeeded, so make never mistakes a partial file for a result.
run_stage() {
	W=$OUT
	o=$W/$1.ndjson
	case $1 in
	sales.extract) st "$1" sales_extract >"$o.tmp" ;;
	sales.clean) st "$1" sales_clean "$W/sales.extract.ndjson" >"$o.tmp" ;;
	marketing.extract) st "$1" marketing_extract >"$o.tmp" ;;
	marketing.clean) st "$1" marketing_clean \
	    "$W/marketing.extract.ndjson" >"$o.tmp" ;;
	billing.mask)
		branch_billing "$o.tmp"
		check_stages billing.extract billing.clean ;;
	join.marketing) st "$1" join_marketing "$W/sales.clean.ndjson" \
	    "$W/marketing.clean.ndjson" >"$o.tmp" ;;
	join.billing) st "$1" join_billing "$W/join.marketing.ndjson" \
	    "$W/billing.mask.ndjson" >"$o.tmp" ;;
	load) st "$1" load "$W/join.billing.ndjson"
	    check_stages load
	    publish_reports
	    return 0 ;;
	*) echo "$prog: unknown stage: $1" >&2; exit 2 ;;
	esac
	[ -f "$o.tmp" ] || return 0
	if ! stages_ok "$1"; then
		rm -f "$o.tmp"
		check_stages "$1"
	fi
	mv "$o.tmp" "$o"
}

stages_ok() {
	[ -z "$(failed "$@")" ]
}

if [ -n "$SUMMARY_ONLY" ]; then
	W=$OUT
	summary
	exit 0
fi
if [ -n "$STAGE" ]; then
	run_stage "$STAGE"
	exit 0
fi

# ---- the whole run ------------------------------------------------------

for f in customers.csv customers_subscriptions.json customers_billing.xml; do
	[ -r "$DATA/$f" ] || die "$DATA/$f: cannot read"
done
T_START=$(now)
if [ -n "$KEEP" ]; then
	mkdir -p "$KEEP"
	W=$(cd "$KEEP" && pwd)
	KEEP=$W
	rm -f "$W"/*.st "$W"/*.err "$W"/*.stats "$W"/*.rejects "$W"/*.unmatched
else
	W=$(mktemp -d "${TMPDIR:-/tmp}/etl.XXXXXX")
fi
pids=
# kill_tree PID: a branch and every process it started (children first
# would be orphaned, so stop the parent, then each child's tree).
kill_tree() {
	_kids=$(pgrep -P "$1" 2>/dev/null || true)
	kill "$1" 2>/dev/null || true
	for _k in $_kids; do
		kill_tree "$_k"
	done
}
cleanup() {
	for p in $pids; do
		kill_tree "$p"
	done
	[ -n "$KEEP" ] || rm -rf "$W"
}
trap cleanup EXIT
trap 'echo "$prog: interrupted" >&2; exit 130' INT
trap 'exit 143' TERM

ALL_STAGES="sales.extract sales.clean marketing.extract marketing.clean
    billing.extract billing.clean billing.mask join.marketing join.billing"

# --keep: stage by stage through files, so each can be looked at and rerun.
if [ -n "$KEEP" ]; then
	branch_sales &
	pids="$pids $!"
	branch_marketing &
	pids="$pids $!"
	branch_billing "$W/billing.mask.ndjson" &
	pids="$pids $!"
	wait
	pids=
	check_stages sales.extract sales.clean marketing.extract \
	    marketing.clean billing.extract billing.clean billing.mask
	st join.marketing join_marketing "$W/sales.clean.ndjson" \
	    "$W/marketing.clean.ndjson" >"$W/join.marketing.ndjson"
	st join.billing join_billing "$W/join.marketing.ndjson" \
	    "$W/billing.mask.ndjson" >"$W/join.billing.ndjson"
	check_stages join.marketing join.billing
	st load load "$W/join.billing.ndjson"
	check_stages load
	publish_reports
	[ -n "$QUIET" ] || summary
	exit 0
fi

# Otherwise everything overlaps.  Billing streams through a FIFO into the
# second join, which builds its table while the sources are still being
# extracted; sales and marketing go to files, and the first join starts
# when both are there.  It writes to a file too, then streamed into the
# second join: piped straight in, it would stall after 1 MiB until the
# second join's table is built, and its work would wait for the end.
# Writes the joined records to stdout, and creates $W/joins.ok once every
# stage up to the joins has finished and succeeded: a pipe ends alike
# either way.
joined() {
	mkfifo "$W/billing.fifo"
	branch_billing "$W/billing.fifo" &
	_bp=$!
	{
		branch_sales &
		_sp=$!
		branch_marketing &
		wait "$_sp" "$!"
		if stages_ok sales.extract sales.clean marketing.extract \
		    marketing.clean; then
			st join.marketing join_marketing \
			    "$W/sales.clean.ndjson" "$W/marketing.clean.ndjson" \
			    >"$W/join.marketing.ndjson"
			! stages_ok join.marketing ||
			    cat "$W/join.marketing.ndjson"
		fi
	} | st join.billing join_billing - "$W/billing.fifo"
	# A join that stopped early may leave billing blocked on the FIFO.
	stages_ok join.billing || kill_tree "$_bp"
	wait "$_bp" || true
	if stages_ok $ALL_STAGES; then
		: >"$W/joins.ok"
	fi
}

# Into SQLite, the load reads the joins' pipe, so all of it overlaps; it
# commits only if joins.ok is there when its input ends, else it rolls
# back and the old table stays.  The other sinks load the joined file.
if [ "$SINK" = sqlite ]; then
	( joined | st load load - "$W/joins.ok" ) &
	pids=$!
	wait "$pids" || true
	pids=
	check_stages $ALL_STAGES load
else
	( joined >"$W/join.billing.ndjson" ) &
	pids=$!
	wait "$pids" || true
	pids=
	check_stages $ALL_STAGES
	st load load "$W/join.billing.ndjson"
	check_stages load
fi
publish_reports
[ -n "$QUIET" ] || summary
