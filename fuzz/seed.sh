#!/usr/bin/env bash
# Seeds each fuzz target's corpus from the project's fixtures: whole bodies for the
# body targets, each message string for the grammar targets, and logged-response
# lines for the NDJSON reader. Run from the repository root: fuzz/seed.sh
set -euo pipefail
cd "$(dirname "$0")"
corpus=corpus
mkdir -p "$corpus"
for target in $(cat targets.txt); do mkdir -p "$corpus/$target"; done
n=0
while IFS= read -r -d '' file; do
    n=$((n + 1))
    for target in parse validate parse_response; do
        cp "$file" "$corpus/$target/fixture-$n"
    done
done < <(find ../fixtures -type f \( -name '*.json' -o -name '*.txt' -o -name '*.html' -o -name '*.bin' \) -print0)
python3 - "$corpus" <<'PY'
import base64, glob, json, os, sys
corpus = sys.argv[1]
targets = open("targets.txt").read().split()
grammars = [t for t in targets if t.startswith("grammar_")] + ["period"]
messages = set()
for path in glob.glob("../fixtures/**/*.json", recursive=True):
    try:
        body = json.load(open(path, encoding="utf-8"))
    except Exception:
        continue
    entries = body.get("errors", []) if isinstance(body, dict) else body if isinstance(body, list) else []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, str):
            messages.add(entry)
        elif isinstance(entry, dict) and isinstance(entry.get("message"), str):
            messages.add(entry["message"])
for i, message in enumerate(sorted(messages)):
    for target in grammars:
        open(os.path.join(corpus, target, f"message-{i}"), "w", encoding="utf-8").write(message)
    if "(" in message:
        period = message[message.index("(") + 1:message.rindex(")")] if ")" in message else ""
        open(os.path.join(corpus, "period", f"period-{i}"), "w", encoding="utf-8").write(period)
for i, path in enumerate(sorted(glob.glob("../fixtures/**/*.*", recursive=True))):
    if path.endswith((".head", ".md")):
        continue
    raw = open(path, "rb").read()
    line = {"status": 200, "headers": {"x-per-minute-reset": "1449523500"}}
    try:
        line["body"] = raw.decode("utf-8")
    except UnicodeDecodeError:
        line["body_base64"] = base64.b64encode(raw).decode()
    open(os.path.join(corpus, "logged_line", f"line-{i}"), "w").write(json.dumps(line))
PY
echo "seeded $n fixture bodies into $corpus/"
