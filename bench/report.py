#!/usr/bin/env python3
"""report.py: renders a bench/run-all section's measurements (TSV) as a Markdown table.

Usage: report.py segment|warc ROWS.tsv [TITLE]
ROWS.tsv columns (header line required; empty cell = not measured):
  system  does  input  mb  wall  rss_kb  words  docs  token_f1  sentence_f1  scorer  ref  note
  mb:    MB (10^6 bytes) the throughput is computed on (text bytes for `segment`, compressed
         file bytes for `warc`); mb_raw (warc only): uncompressed bytes, MB
  ref:   "ref" marks the crosscheck row the ratios are taken against
Ratios are row / crosscheck for speed and peak RSS ("12.0x" = 12 times crosscheck's value);
F1 differences are row minus crosscheck in percentage points.
"""
import csv
import sys


def num(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def fmt(x, digits=1):
    if x is None:
        return "—"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "—"
    r = a / b
    return f"{r:.2f}×" if r < 10 else f"{r:.0f}×"


def delta(a, b):
    if a is None or b is None:
        return ""
    return f" ({a - b:+.2f})"


def main():
    section, path = sys.argv[1], sys.argv[2]
    title = sys.argv[3] if len(sys.argv) > 3 else section
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    ref = next((r for r in rows if r.get("ref") == "ref" and num(r.get("wall"))), None)
    for r in rows:
        mb, wall = num(r.get("mb")), num(r.get("wall"))
        r["_mbps"] = mb / wall if mb and wall else None
        r["_rss"] = num(r.get("rss_kb")) / 1024 if num(r.get("rss_kb")) and wall else None
        mb_raw = num(r.get("mb_raw"))
        r["_mbps_raw"] = mb_raw / wall if mb_raw and wall else None
        words, docs = num(r.get("words")), num(r.get("docs"))
        r["_wps"] = words / wall / 1e6 if words and wall else None
        r["_dps"] = docs / wall if docs and wall else None
    out = [f"### {title}", ""]
    if section == "segment":
        out.append("| system | does | input | wall s | MB/s (1 core) | × crosscheck | Mwords/s | docs/s "
                   "| peak RSS MiB | × crosscheck | EWT test token F1 | EWT test sentence F1 |")
        out.append("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
        for r in rows:
            tf, sf = num(r.get("token_f1")), num(r.get("sentence_f1"))
            rtf = num(ref.get("token_f1")) if ref else None
            rsf = num(ref.get("sentence_f1")) if ref else None
            mark = "*" if r.get("scorer") == "provisional" else ""
            tcell = (fmt(tf, 2) + mark + ("" if r is ref else delta(tf, rtf))) if tf is not None else "—"
            scell = (fmt(sf, 2) + mark + ("" if r is ref else delta(sf, rsf))) if sf is not None else "—"
            name = r["system"] + (" **(ref)**" if r is ref else "")
            out.append(
                f"| {name} | {r.get('does', '')} | {r.get('input', '')} | {fmt(num(r.get('wall')), 2)} "
                f"| {fmt(r['_mbps'])} | {ratio(r['_mbps'], ref['_mbps']) if ref else '—'} "
                f"| {fmt(r['_wps'], 2)} | {fmt(r['_dps'], 0)} "
                f"| {fmt(r['_rss'], 0)} | {ratio(r['_rss'], ref['_rss']) if ref else '—'} "
                f"| {tcell} | {scell} |")
    else:
        out.append("| system | does | wall s | MB/s compressed (1 core) | MB/s uncompressed | × crosscheck "
                   "| docs/s | peak RSS MiB | × crosscheck |")
        out.append("|---|---|--:|--:|--:|--:|--:|--:|--:|")
        for r in rows:
            name = r["system"] + (" **(ref)**" if r is ref else "")
            out.append(
                f"| {name} | {r.get('does', '')} | {fmt(num(r.get('wall')), 2)} | {fmt(r['_mbps'])} "
                f"| {fmt(r['_mbps_raw'])} | {ratio(r['_mbps'], ref['_mbps']) if ref else '—'} "
                f"| {fmt(r['_dps'], 0)} | {fmt(r['_rss'], 0)} "
                f"| {ratio(r['_rss'], ref['_rss']) if ref else '—'} |")
    notes = [f"- {r['system']}: {r['note']}" for r in rows if r.get("note")]
    if notes:
        out += ["", *notes]
    if any(r.get("scorer") == "provisional" for r in rows):
        out += ["", "\\* provisional scorer (tools/ud-tool score): `crosscheck eval segment --system` "
                "was not available; the figures that count come from crosscheck's scorer."]
    if ref is None:
        out += ["", "No crosscheck reference row was measured: ratios are blank."]
    print("\n".join(out))


if __name__ == "__main__":
    main()
