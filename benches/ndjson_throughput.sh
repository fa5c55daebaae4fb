#!/usr/bin/env bash
# Throughput of `engagement-errors classify --ndjson`, in lines per second.
#
# Generates a deterministic NDJSON log of small Engagement API error responses
# (200,000 lines by default: the documented message forms with statuses 200, 400,
# 401, 403, 429 and 500), builds the release binary, and times the tool over the
# log three times with the output sent to /dev/null; prints the best run.
#
#   benches/ndjson_throughput.sh            # 200,000 lines
#   LINES=1000000 benches/ndjson_throughput.sh
set -euo pipefail

cd "$(dirname "$0")/.."
lines=${LINES:-200000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=$work/responses.ndjson

python3 - "$lines" > "$log" <<'PY'
import json, sys

lines = int(sys.argv[1])
JSON = {"content-type": "application/json;charset=utf-8"}

def tweet_id(i, k):
    return str(1060976163948904448 + i * 7919 + k * 104729)

def response(i):
    form = i % 12
    a, b, c = tweet_id(i, 0), tweet_id(i, 1), tweet_id(i, 2)
    data = {"perTweetMetricsOwned": {tweet_id(i, 3): {"favorites": str(i % 97), "retweets": str(i % 13)}}}
    if form == 0:
        return 200, JSON, dict(data, errors=["2 Tweet ID(s) are unavailable"], unavailable_tweet_ids=[a, b])
    if form == 1:
        return 200, JSON, dict(data, errors=["Impressions & engagements for tweets older than 90 days (2015-08-17T00:00:00Z - 2015-11-15T00:00:00Z) are not supported"], unsupported_for_impressions_engagements_tweet_ids=[a])
    if form == 2:
        return 403, JSON, {"errors": [f"Forbidden to access tweets for author id {18435372 + i % 1000}: {a}, {b}, {c}"]}
    if form == 3:
        return 403, JSON, {"errors": [f"Forbidden to access tweets: {a};"]}
    if form == 4:
        return 403, JSON, {"errors": ["Forbidden to access metrics: impressions, engagements"]}
    if form == 5:
        return 401, JSON, {"errors": ["Your account could not be authenticated. Reason: Access token not found"]}
    if form == 6:
        return 400, JSON, {"errors": ["One or more of the groupBys you have specified are not supported: (engagement.hour). Please adjust your request and try again."]}
    if form == 7:
        return 400, JSON, {"errors": ["Tweet ID(s) are unavailable"]}
    if form == 8:
        headers = dict(JSON, **{"x-per-minute-limit": "1200", "x-per-minute-remaining": "0", "x-per-minute-reset": str(1449523500 + i)})
        return 429, headers, {"errors": ["Rate limit exceeded"]}
    if form == 9:
        headers = dict(JSON, **{"x-rate-limit-limit": "15", "x-rate-limit-remaining": "0", "x-rate-limit-reset": str(1541793600 + i)})
        return 429, headers, {"errors": [{"message": "Rate limit exceeded", "code": 88}]}
    if form == 10:
        return 500, JSON, {"errors": ["internal server error"]}
    return 200, JSON, dict(data, errors=["1 Tweet ID(s) are unavailable"], unavailable_tweet_ids=[a])

out = sys.stdout
for i in range(lines):
    status, headers, body = response(i)
    line = {"status": status, "headers": headers, "body": json.dumps(body, separators=(",", ":"))}
    out.write(json.dumps(line, separators=(",", ":")))
    out.write("\n")
PY

cargo build --release --features cli --quiet
target=$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
bin=$target/release/engagement-errors

# Every line must be read as a logged response (no line-level finding).
rejected=$("$bin" classify --ndjson "$log" | grep -c '"at":"line ' || true)
if [ "$rejected" -ne 0 ]; then
    echo "ndjson_throughput: $rejected generated lines were rejected" >&2
    exit 1
fi

echo "input: $lines lines, $(wc -c < "$log") bytes; $(nproc) cores"
best=
for run in 1 2 3; do
    start=$(date +%s%N)
    "$bin" classify --ndjson "$log" > /dev/null
    end=$(date +%s%N)
    elapsed=$((end - start))
    echo "run $run: $(awk -v ns="$elapsed" 'BEGIN { printf "%.3f", ns / 1e9 }') s"
    if [ -z "$best" ] || [ "$elapsed" -lt "$best" ]; then
        best=$elapsed
    fi
done
awk -v n="$lines" -v ns="$best" \
    'BEGIN { printf "best of 3: %.3f s, %d lines/s\n", ns / 1e9, n / (ns / 1e9) }'
