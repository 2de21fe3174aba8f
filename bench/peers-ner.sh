#!/bin/sh
# bench/peers-ner.sh: NER peers beside crosscheck, in one run, scored by
# crosscheck's own scorer (eval::EvaluateNerOutput via `ner_bench --score`).
#   - crosscheck: models/ner.bin (entities stage, gold tokens)
#   - Apache OpenNLP 2.1 name finder (Debian `opennlp`), trained here on the
#     same UNER EWT train file converted to <START:person> ... <END> markup
#   - compromise (npm, bench/peers): people() / organizations() / places()
# Prints a Markdown table: F1 (P/R) on UNER EWT test and PUD test, words/s.
# Usage: bench/peers-ner.sh [SHARED_DIR]   (default ../shared)
# Needs build/bench/ner_bench (BENCH_BIN to override), opennlp, node.
set -eu
shared=${1:-../shared}
bench_bin=${BENCH_BIN:-build/bench}
out=${BENCH_DATA:-build/bench-data}/ner
mkdir -p "$out"
ner=$shared/data/ner
train=$ner/uner-en-ewt/en_ewt-ud-train.draft-normalized.iob2.gz
golds="$ner/uner-en-ewt/en_ewt-ud-test.iob2.gz $ner/uner-en-pud/en_pud-ud-test.iob2.gz"

now() { date +%s.%N; }
score() { "$bench_bin/ner_bench" --score "$1" "$2" | sed 's/^{"f1": \([0-9.]*\), "precision": \([0-9.]*\), "recall": \([0-9.]*\).*/\1 (\2 \/ \3)/' | head -1; }
words() { zcat -f "$1" | grep -v '^#' | grep -c .; }

# IOB2 -> one sentence per line with OpenNLP markup.
to_opennlp() {
  zcat -f "$1" | awk -F'\t' '
    function close_entity() { if (open) { line = line " <END>"; open = 0 } }
    /^#/ && NF == 1 { next }
    /^$/ { close_entity(); if (line != "") print substr(line, 2); line = ""; next }
    { tok = (NF >= 3 && $1 ~ /^[0-9]+$/) ? $2 : $1; tag = (NF >= 3 && $1 ~ /^[0-9]+$/) ? $3 : $2
      type = substr(tag, 3); name = (type == "PER") ? "person" : (type == "ORG") ? "organization" : "location"
      if (tag ~ /^B-/ || tag == "O") close_entity()
      if (tag ~ /^B-/) { line = line " <START:" name ">"; open = 1 }
      line = line " " tok }
    END { close_entity(); if (line != "") print substr(line, 2) }'
}
# Plain tokens, one sentence per line.
to_tokens() { to_opennlp "$1" | sed -e 's/<START:[a-z]*> //g' -e 's/ <END>//g'; }
# OpenNLP output -> IOB2 token<TAB>tag.
from_opennlp() {
  awk '{ type = ""; first = 0
         for (i = 1; i <= NF; i++) {
           if ($i ~ /^<START:/) { t = $i; gsub(/<START:|>/, "", t); type = (t == "person") ? "PER" : (t == "organization") ? "ORG" : "LOC"; first = 1; continue }
           if ($i == "<END>") { type = ""; continue }
           print $i "\t" (type == "" ? "O" : (first ? "B-" : "I-") type); first = 0 }
         print "" }'
}

model=$out/opennlp-ner-ewt.bin
if [ ! -s "$model" ] || [ "${BENCH_RETRAIN:-0}" = 1 ]; then
  to_opennlp "$train" > "$out/ewt-train.opennlp"
  t0=$(now)
  opennlp TokenNameFinderTrainer -lang en -data "$out/ewt-train.opennlp" -model "$model" \
    -encoding UTF-8 > "$out/opennlp-train.log" 2>&1
  echo "OpenNLP training: $(echo "$(now) - $t0" | bc) s" >&2
fi

echo "| system | UNER EWT test F1 (P / R) | UNER PUD test F1 (P / R) | words/s (EWT test, one core) |"
echo "|---|---|---|---|"
row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"; }

set -- $golds
ewt=$1; pud=$2
n=$(words "$ewt")
t0=$(now); "$bench_bin/ner_bench" --tag "$ewt" "$out/crosscheck-ewt.iob2"; t1=$(now)
"$bench_bin/ner_bench" --tag "$pud" "$out/crosscheck-pud.iob2"
row "crosscheck (incl. model load)" "$(score "$out/crosscheck-ewt.iob2" "$ewt")" \
    "$(score "$out/crosscheck-pud.iob2" "$pud")" "$(echo "$n / ($t1 - $t0)" | bc)"

for g in ewt pud; do
  eval gold=\$$g
  to_tokens "$gold" > "$out/$g.tokens"
  t0=$(now)
  opennlp TokenNameFinder "$model" < "$out/$g.tokens" 2> "$out/opennlp-$g.log" | from_opennlp > "$out/opennlp-$g.iob2"
  t1=$(now)
  [ "$g" = ewt ] && opennlp_rate=$(echo "$n / ($t1 - $t0)" | bc)
done
row "OpenNLP 2.1 name finder (trained on EWT train; incl. JVM start)" \
    "$(score "$out/opennlp-ewt.iob2" "$ewt")" "$(score "$out/opennlp-pud.iob2" "$pud")" "$opennlp_rate"

for g in ewt pud; do
  eval gold=\$$g
  zcat -f "$gold" | node bench/peers/ner-compromise.js > "$out/compromise-$g.iob2" 2> "$out/compromise-$g.log"
done
rate=$(awk '{ printf "%d", $2 / $4 }' "$out/compromise-ewt.log")
row "compromise $(node -p "require('./bench/peers/node_modules/compromise/package.json').version") (people/organizations/places; time inside the library)" \
    "$(score "$out/compromise-ewt.iob2" "$ewt")" "$(score "$out/compromise-pud.iob2" "$pud")" "$rate"
