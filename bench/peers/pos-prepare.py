#!/usr/bin/python3
"""Writes the inputs of bench/peers-pos.sh into OUT_DIR from UD treebanks.

  train.opennlp  EWT train, one sentence per line, tokens "form_XPOS"
  train.tsv      EWT train, one "form<TAB>UPOS<TAB>XPOS" per line, blank line between sentences
  test.tsv       EWT test, same format (the gold for every system)
  speed.txt      >= MIN_TOKENS tokens: EWT + GUM (open genres) train sentences repeated,
                 one sentence per line, tokens separated by single spaces
  speed.conllu   the same sentences as CoNLL-U (for crosscheck's pos_bench)
Usage: pos-prepare.py SHARED_DATA_DIR OUT_DIR
"""
import gzip
import sys

MIN_TOKENS = 1_000_000
GUM_GENRES = ("news", "interview", "bio", "voyage")


def sentences(path):
    keep, words = True, []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newdoc id"):
                doc = line.split("=", 1)[1].strip()
                keep = not doc.startswith("GUM_") or doc.split("_")[1] in GUM_GENRES
            elif not line.strip():
                if words and keep:
                    yield words
                words = []
            elif not line.startswith("#"):
                cols = line.rstrip("\n").split("\t")
                if cols[0].isdigit():
                    # Peers split on whitespace: a form never contains one.
                    words.append((cols[1].replace(" ", "_"), cols[3], cols[4]))


def write_tsv(path, sents):
    with open(path, "w", encoding="utf-8") as f:
        for s in sents:
            f.writelines(f"{w}\t{u}\t{x}\n" for w, u, x in s)
            f.write("\n")


def main():
    shared, out = sys.argv[1], sys.argv[2]
    ud = f"{shared}/ud"
    train = list(sentences(f"{ud}/en_ewt/en_ewt-ud-train.conllu.gz"))
    test = list(sentences(f"{ud}/en_ewt/en_ewt-ud-test.conllu.gz"))
    gum = list(sentences(f"{ud}/en_gum/en_gum-ud-train.conllu.gz"))
    with open(f"{out}/train.opennlp", "w", encoding="utf-8") as f:
        for s in train:
            f.write(" ".join(f"{w}_{x}" for w, _, x in s) + "\n")
    write_tsv(f"{out}/train.tsv", train)
    write_tsv(f"{out}/test.tsv", test)
    pool, tokens, speed = train + gum, 0, []
    while tokens < MIN_TOKENS:
        for s in pool:
            speed.append(s)
            tokens += len(s)
    with open(f"{out}/speed.txt", "w", encoding="utf-8") as f:
        f.writelines(" ".join(w for w, _, _ in s) + "\n" for s in speed)
    with open(f"{out}/speed.conllu", "w", encoding="utf-8") as f:
        for s in speed:
            for i, (w, u, x) in enumerate(s, 1):
                f.write(f"{i}\t{w}\t_\t{u}\t{x}\t_\t_\t_\t_\t_\n")
            f.write("\n")
    print(f"prepared: {len(train)} train, {len(test)} test sentences, {tokens} speed tokens",
          file=sys.stderr)


if __name__ == "__main__":
    main()
