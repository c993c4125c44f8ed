# The ndjson-clean benchmark's transformation in jq: snake_case keys, trim,
# empty strings to null, UK phone numbers to E.164 (9-10 digit NSNs).
def snake: if test("^[a-z0-9]+(_[a-z0-9]+)*$") then . else
    gsub("(?<a>[a-z0-9])(?<b>[A-Z])"; "\(.a)_\(.b)")
  | gsub("(?<a>[A-Z])(?<b>[A-Z][a-z])"; "\(.a)_\(.b)")
  | gsub("[^A-Za-z0-9_]+"; "_") | ascii_downcase
  | sub("^_+"; "") | sub("_+$"; "") end;
def trim: sub("^[\\s\u00a0]+"; "") | sub("[\\s\u00a0]+$"; "");
def e164: gsub("[\\s().\\-/\u00a0]"; "")
  | if test("^\\+44") then .[3:] | sub("^0"; "")
    elif test("^0044") then .[4:] | sub("^0"; "")
    elif test("^0") then .[1:] else . end
  | if test("^[1-9][0-9]{8,9}$") then "+44" + . else null end;
with_entries(.key |= snake
  | .value |= (if type == "string" then trim | (if . == "" then null else . end)
               else . end))
| if .phone_number | type == "string" then .phone_number |= e164 else . end
