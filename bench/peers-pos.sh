#!/usr/bin/env bash
# bench/peers-pos.sh: crosscheck's POS tagger beside three peers, in one run.
#
# Trains Apache OpenNLP's POS tagger (maxent, Debian `opennlp`) and NLTK's averaged perceptron
# (python3-nltk) on UD English EWT train XPOS, runs wink-nlp with wink-eng-lite-web-model (npm,
# bench/peers), and measures on EWT test (gold tokens) their accuracy, and on the same >= 1M-token
# text (EWT + GUM open-genre train sentences repeated, pre-tokenized) their tagging speed on one
# core. Prints a Markdown table (also written to $BENCH_DATA/results-pos.md).
#
# Usage: bench/peers-pos.sh [SHARED_DIR]          (default ../shared)
# Environment: CROSSCHECK=build/crosscheck  BENCH_BIN=build/bench  BENCH_DATA=build/bench-data
#              BENCH_CPU=0 (core to pin to; BENCH_PIN=0: no pinning)  BENCH_RETRAIN=1: retrain peers
# Needs: opennlp, /usr/bin/python3 with nltk, node + `npm ci` in bench/peers, and a build with
# bench/pos_bench (cmake -DCROSSCHECK_BENCH=ON).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${1:-../shared}
SHARED=$(cd "$SHARED" && pwd)
CROSSCHECK=${CROSSCHECK:-$ROOT/build/crosscheck}
BENCH_BIN=${BENCH_BIN:-$ROOT/build/bench}
BENCH_DATA=${BENCH_DATA:-$ROOT/build/bench-data}
WORK=$BENCH_DATA/pos
PIN=()
[[ ${BENCH_PIN:-1} == 1 ]] && PIN=(taskset -c "${BENCH_CPU:-0}")
mkdir -p "$WORK"
GOLD=$SHARED/data/ud/en_ewt/en_ewt-ud-test.conllu.gz

log() { echo "peers-pos: $*" >&2; }

[[ -s $WORK/speed.txt ]] || /usr/bin/python3 "$ROOT/bench/peers/pos-prepare.py" "$SHARED/data" "$WORK"
TOKENS=$(wc -w < "$WORK/speed.txt")

# --- crosscheck: accuracy from `crosscheck eval pos`, speed from pos_bench (CPU time, one core)
log "crosscheck"
CC_EVAL=$("$CROSSCHECK" eval pos --gold "$GOLD" --json)
CC_SPEED=$(CROSSCHECK_BENCH_CONLLU=$WORK/speed.conllu "${PIN[@]}" "$BENCH_BIN/pos_bench" \
  --benchmark_filter='BM_TagSentences$' --benchmark_format=json --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true)
read -r CC_UPOS CC_XPOS < <(/usr/bin/python3 -c 'import json,sys; e=json.loads(sys.argv[1]); print("%.2f %.2f" % (e["upos_accuracy"], e["xpos_accuracy"]))' "$CC_EVAL")
CC_TPS=$(/usr/bin/python3 -c 'import json,sys; b=json.loads(sys.argv[1])["benchmarks"]; print(round(next(x for x in b if x["name"].endswith("_median"))["items_per_second"]))' "$CC_SPEED")

# --- OpenNLP maxent tagger (startup measured on one sentence and subtracted)
log "opennlp"
if [[ ! -s $WORK/opennlp-pos.bin || ${BENCH_RETRAIN:-0} == 1 ]]; then
  opennlp POSTaggerTrainer -model "$WORK/opennlp-pos.bin" -lang en -data "$WORK/train.opennlp" \
    -encoding UTF-8 > "$WORK/opennlp-train.log" 2>&1
fi
/usr/bin/python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
sents, cur = [], []
for line in open(f"{work}/test.tsv", encoding="utf-8"):
    line = line.rstrip("\n")
    if not line:
        if cur: sents.append(cur)
        cur = []
    else:
        cur.append(line.split("\t")[0])
open(f"{work}/test.txt", "w", encoding="utf-8").writelines(" ".join(s) + "\n" for s in sents)
PY
opennlp POSTagger "$WORK/opennlp-pos.bin" < "$WORK/test.txt" > "$WORK/opennlp-test.out" 2> /dev/null
ON_XPOS=$(/usr/bin/python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
gold = [l.rstrip("\n").split("\t")[2] for l in open(f"{work}/test.tsv", encoding="utf-8") if l.strip()]
guess = [t.rsplit("_", 1)[1] for l in open(f"{work}/opennlp-test.out", encoding="utf-8") for t in l.split()]
print(f"{100.0 * sum(g == p for g, p in zip(gold, guess)) / len(gold):.2f}" if len(gold) == len(guess) else "n/a")
PY
)
head -1 "$WORK/speed.txt" > "$WORK/one.txt"
wall() { /usr/bin/time -f %e -o "$WORK/wall" "$@" > /dev/null 2>&1; cat "$WORK/wall"; }
ON_START=$(wall "${PIN[@]}" opennlp POSTagger "$WORK/opennlp-pos.bin" < "$WORK/one.txt")
ON_ALL=$(wall "${PIN[@]}" opennlp POSTagger "$WORK/opennlp-pos.bin" < "$WORK/speed.txt")
ON_TPS=$(/usr/bin/python3 -c "print(round($TOKENS / max($ON_ALL - $ON_START, 1e-3)))")

# --- NLTK averaged perceptron
log "nltk"
read -r NL_XPOS NL_TPS NL_TRAIN < <("${PIN[@]}" /usr/bin/python3 "$ROOT/bench/peers/pos-nltk.py" "$WORK")

# --- wink-nlp (own tokenizer; tokens aligned by offset)
log "wink-nlp"
read -r WK_UPOS WK_ALIGNED WK_TPS < <(cd "$ROOT/bench/peers" && "${PIN[@]}" node pos-wink.js "$WORK")

ratio() { /usr/bin/python3 -c "print(f'{$1 / $CC_TPS:.2f}x')"; }
{
  echo "| system | UPOS acc (EWT test) | XPOS acc (EWT test) | tokens/s (1 core) | ratio to crosscheck |"
  echo "|---|---|---|---|---|"
  echo "| crosscheck (models/pos.bin) | $CC_UPOS | $CC_XPOS | $CC_TPS | 1.00x |"
  echo "| OpenNLP 2.1 maxent POS (trained on EWT train) | - | $ON_XPOS | $ON_TPS | $(ratio "$ON_TPS") |"
  echo "| NLTK 3.8 PerceptronTagger (trained on EWT train) | - | $NL_XPOS | $NL_TPS | $(ratio "$NL_TPS") |"
  echo "| wink-nlp 2.4 + eng-lite-web-model 1.8 | $WK_UPOS ($WK_ALIGNED% of tokens aligned) | - | $WK_TPS | $(ratio "$WK_TPS") |"
  echo
  echo "Speed text: $TOKENS pre-tokenized tokens (EWT + GUM open-genre train, repeated). crosscheck:"
  echo "pos_bench BM_TagSentences (CPU time, median of 3). OpenNLP: CLI wall time minus JVM start-up."
  echo "wink-nlp re-tokenizes the text (its speed includes tokenization)."
} | tee "$BENCH_DATA/results-pos.md"
