# ndjson-clean: keys to snake_case, flattening with __ or --separator
. "$TOP/tests/lib.sh"
cat >"$T/in" <<'IN'
{"FirstName":"a","PhoneNo":"b","CVV":"c","customerID":"d","HTTPServer":"e","Postal Code":"f","address2":"g"}
{"BillingAddress":{"Street":"s","City":"c","Postcode":"p"},"CardDetails":{"CardNumber":"n","CVV":"v"}}
{"a":{"b":{"C-D":1,"e.f":[1, {"G":2}]}},"empty":{},"2nd":true,"x":{"3rd":null}}
{"@id":"7","@xml:lang":"en","#text":"t","Pr\u00e9nom":"p","Prénom2":"q"}
{"billing_address__street":"idempotent","_2nd_line":1,"":"empty key"}
IN
run 0 $NDJSON_CLEAN "$T/in"
cat >"$T/want" <<'OUT'
{"first_name":"a","phone_no":"b","cvv":"c","customer_id":"d","http_server":"e","postal_code":"f","address2":"g"}
{"billing_address__street":"s","billing_address__city":"c","billing_address__postcode":"p","card_details__card_number":"n","card_details__cvv":"v"}
{"a__b__c_d":1,"a__b__e_f":[1,{"G":2}],"_2nd":true,"x__3rd":null}
{"attr_id":"7","attr_xml_lang":"en","text":"t","prenom":"p","prenom2":"q"}
{"billing_address__street":"idempotent","_2nd_line":1,"_":"empty key"}
OUT
same "$T/out" "$T/want"
empty "$T/err"
# running it again changes nothing
run 0 $NDJSON_CLEAN "$T/want"
same "$T/out" "$T/want"

# another separator
run 0 $NDJSON_CLEAN --separator _x_ "$T/in"
has "$T/out" '"billing_address_x_street":"s"'
has "$T/out" '"a_x_b_x_c_d":1'

# every name is a valid BigQuery column name, at most 300 bytes
long=$(printf 'Abc%.0s' $(seq 150))
printf '{"%s":{"%s":1}}\n' "$long" "$long" >"$T/long"
run 0 $NDJSON_CLEAN "$T/long"
$PY - "$T/out" <<'PY'
import json, re, sys
for line in open(sys.argv[1]):
    for k in json.loads(line):
        assert re.fullmatch(r'[A-Za-z_][A-Za-z0-9_]{0,299}', k), k
        assert len(k) == 300 or not k.endswith('_'), k
PY
