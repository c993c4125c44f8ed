# bench-40-bq.sh (sourced by scripts/bench): bq-load against the fake BigQuery
# (tests/bq/fakebq.py, discarding the bytes it receives) over loopback, with
# N rows of pipeline-shaped NDJSON (~300 bytes each).  Reports throughput and
# bq-load's peak RSS, which must stay under 64 MB whatever the input size.
bq_in=$BENCH_DIR/bq-input.ndjson
bq_schema=$BENCH_DIR/bq-schema.json
if [ ! -s "$bq_in" ]; then
	/usr/bin/python3 - "$N" "$bq_in" "$bq_schema" <<'PY'
import json, random, sys
n, path, schema = int(sys.argv[1]), sys.argv[2], sys.argv[3]
r = random.Random(1)
cols = ["customer_type", "first_name", "last_name", "company_name", "email",
        "phone_number", "dob", "sex", "subscription_type", "payment_method",
        "billing_address__street", "billing_address__city",
        "billing_address__postcode", "card_details__card_number",
        "card_details__expiry_date"]
with open(schema, "w") as fp:
    json.dump([{"name": c, "type": "DATE" if c == "dob" else "STRING"}
               for c in cols], fp)
names = ["Ann", "Bob", "Chloe", "Dmitri", "Eve", "Farah", "Gus", "Hana"]
with open(path, "w") as fp:
    for i in range(n):
        f, l = r.choice(names), r.choice(names) + "son"
        fp.write(json.dumps({
            "customer_type": r.choice(["individual", "business"]),
            "first_name": f, "last_name": l,
            "company_name": "%s %s Ltd" % (l, i % 977),
            "email": "%s.%s%d@example.com" % (f.lower(), l.lower(), i),
            "phone_number": "+4420%08d" % r.randrange(10**8),
            "dob": "19%02d-%02d-%02d" % (r.randrange(40, 100),
                                         r.randrange(1, 13), r.randrange(1, 29)),
            "sex": r.choice(["F", "M"]),
            "subscription_type": r.choice(["free", "basic", "premium"]),
            "payment_method": r.choice(["card", "direct_debit", "paypal"]),
            "billing_address__street": "%d High Street" % r.randrange(1, 300),
            "billing_address__city": r.choice(["London", "Leeds", "York"]),
            "billing_address__postcode": "AB%d %dCD" % (r.randrange(1, 99),
                                                       r.randrange(1, 9)),
            "card_details__card_number": "************%04d" % r.randrange(10**4),
            "card_details__expiry_date": "%02d/%02d" % (r.randrange(1, 13),
                                                        r.randrange(24, 31)),
        }, separators=(",", ":")) + "\n")
PY
fi
bq_dir=$(mktemp -d "${TMPDIR:-/tmp}/bench-bq.XXXXXX")
printf '{"anonymous": true, "discard": true}\n' >"$bq_dir/config.json"
/usr/bin/python3 "$TOP/tests/bq/fakebq.py" --dir "$bq_dir" \
    --config "$bq_dir/config.json" --idle 600 &
bq_pid=$!
while [ ! -f "$bq_dir/port" ]; do sleep 0.1; done
bq_ep=http://127.0.0.1:$(cat "$bq_dir/port")
bench_row "bq-load --schema (validated), 8 MiB chunks" "$bq_in" \
    "BIGQUERY_EMULATOR_HOST=$bq_ep $TOOLDIR/bq-load --no-progress --schema $bq_schema --poll-interval 50 p.ds.t -"
bench_row "bq-load --no-validate, 8 MiB chunks" "$bq_in" \
    "BIGQUERY_EMULATOR_HOST=$bq_ep $TOOLDIR/bq-load --no-progress --no-validate --poll-interval 50 p.ds.t -"
bench_row "bq-load --no-validate, 1 MiB chunks" "$bq_in" \
    "BIGQUERY_EMULATOR_HOST=$bq_ep $TOOLDIR/bq-load --no-progress --no-validate --chunk-size 1M --poll-interval 50 p.ds.t -"
kill "$bq_pid" 2>/dev/null
rm -rf "$bq_dir"
