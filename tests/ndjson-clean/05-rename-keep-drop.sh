# ndjson-clean: --rename, --keep and --drop on normalised names
. "$TOP/tests/lib.sh"
printf '%s\n' '{"FirstName":"a","PhoneNo":"0191 496 0841","CardDetails":{"CardNumber":"4111","CVV":"123"},"Sex":"F"}' >"$T/in"
run 0 $NDJSON_CLEAN --rename phone_no=phone_number --rename first_name=given "$T/in"
printf '%s\n' '{"given":"a","phone_number":"0191 496 0841","card_details__card_number":"4111","card_details__cvv":"123","sex":"F"}' >"$T/want"
same "$T/out" "$T/want"
# --drop: names, and a parent name drops its flattened children
run 0 $NDJSON_CLEAN --drop card_details__cvv,sex "$T/in"
printf '%s\n' '{"first_name":"a","phone_no":"0191 496 0841","card_details__card_number":"4111"}' >"$T/want"
same "$T/out" "$T/want"
run 0 $NDJSON_CLEAN --drop card_details --drop sex "$T/in"
printf '%s\n' '{"first_name":"a","phone_no":"0191 496 0841"}' >"$T/want"
same "$T/out" "$T/want"
# --keep keeps input order, not the order of the list
run 0 $NDJSON_CLEAN --keep sex,first_name "$T/in"
printf '%s\n' '{"first_name":"a","sex":"F"}' >"$T/want"
same "$T/out" "$T/want"
run 0 $NDJSON_CLEAN --keep card_details "$T/in"
printf '%s\n' '{"card_details__card_number":"4111","card_details__cvv":"123"}' >"$T/want"
same "$T/out" "$T/want"
# --keep and --drop together; a prefix that is not a parent keeps nothing
run 0 $NDJSON_CLEAN --keep card_details,first --drop card_details__cvv "$T/in"
printf '%s\n' '{"card_details__card_number":"4111"}' >"$T/want"
same "$T/out" "$T/want"
# lists may name a field before or after its --rename
run 0 $NDJSON_CLEAN --rename phone_no=phone_number --keep phone_number --phone phone_number "$T/in"
printf '%s\n' '{"phone_number":"+441914960841"}' >"$T/want"
same "$T/out" "$T/want"
run 0 $NDJSON_CLEAN --rename phone_no=phone_number --keep phone_no --phone phone_no "$T/in"
same "$T/out" "$T/want"
# keep nothing: empty objects
run 0 $NDJSON_CLEAN --keep nothing "$T/in"
printf '%s\n' '{}' >"$T/want"
same "$T/out" "$T/want"
