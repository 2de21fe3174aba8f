#!/usr/bin/python3
"""NLTK's averaged perceptron tagger, trained on EWT train XPOS (bench/peers-pos.sh).

Usage: pos-nltk.py WORK_DIR  -> prints "xpos_accuracy<TAB>tokens_per_second<TAB>train_seconds"
Tagging speed is measured on WORK_DIR/speed.txt (pre-tokenized, one sentence per line).
"""
import random
import sys
import time

from nltk.tag.perceptron import PerceptronTagger


def read_tsv(path):
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sents.append(cur)
                cur = []
                continue
            w, _, x = line.split("\t")
            cur.append((w, x))
    return sents


def main():
    work = sys.argv[1]
    train, test = read_tsv(f"{work}/train.tsv"), read_tsv(f"{work}/test.tsv")
    random.seed(1)  # NLTK shuffles with the global generator
    tagger = PerceptronTagger(load=False)
    start = time.perf_counter()
    tagger.train(train, nr_iter=5)
    train_seconds = time.perf_counter() - start
    right = total = 0
    for s in test:
        for (_, gold), (_, guess) in zip(s, tagger.tag([w for w, _ in s])):
            right += gold == guess
            total += 1
    with open(f"{work}/speed.txt", encoding="utf-8") as f:
        speed = [line.split() for line in f]
    tokens = sum(len(s) for s in speed)
    start = time.perf_counter()
    for s in speed:
        tagger.tag(s)
    seconds = time.perf_counter() - start
    print(f"{100.0 * right / total:.2f}\t{tokens / seconds:.0f}\t{train_seconds:.1f}")


if __name__ == "__main__":
    main()
