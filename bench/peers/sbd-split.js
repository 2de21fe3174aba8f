#!/usr/bin/env node
// sbd-split.js: the npm `sbd` sentence splitter as a benchmark peer.
// Usage: node sbd-split.js [--tokens] FILE > OUT
// Reads FILE as UTF-8 paragraphs separated by blank lines (lines of one paragraph are joined
// by a space), streams it, and writes each sentence sbd finds on its own line.
// sbd does not tokenize: with --tokens every sentence is split on whitespace only and the
// pieces are joined by single spaces (the input format of `crosscheck eval segment --system`),
// so its token F1 measures whitespace tokenization, not sbd.
// sbd sometimes drops characters (the '.' of "Stanford.EDU" when it splits there), so each
// sentence it returns is projected back onto the paragraph: the output is always the input's
// own characters, cut where sbd cut (see project() below).
'use strict';
const fs = require('fs');
const readline = require('readline');
const sbd = require('sbd');

const args = process.argv.slice(2);
const tokens = args.includes('--tokens');
const file = args.filter((a) => a !== '--tokens')[0];
if (!file) {
  process.stderr.write('usage: node sbd-split.js [--tokens] FILE\n');
  process.exit(1);
}

// A closed pipe (`| head`) ends the run quietly.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });

const options = { newline_boundaries: false, html_boundaries: false, sanitize: false };
let buffered = [];
let out = [];
let outBytes = 0;
let paragraphs = 0;
let sentences = 0;

function flushOut(force) {
  if (outBytes > (1 << 20) || (force && out.length)) {
    process.stdout.write(out.join(''));
    out = [];
    outBytes = 0;
  }
}

const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0';

// Maps sbd's sentences to consecutive slices of `text`: each sentence's non-space characters
// are matched in order against the text from where the previous one ended (an unmatched
// character, i.e. one sbd added, is skipped; text characters sbd dropped are kept); the slice
// ends after the last matched character. Text left after the last sentence joins it.
function project(text, sents) {
  const out = [];
  let p = 0;
  for (let i = 0; i < sents.length; i++) {
    const s = sents[i];
    const start = p;
    let end = p;
    for (const c of s) {
      if (isSpace(c)) continue;
      const q = text.indexOf(c, end);
      if (q < 0 || q - end > 16) continue;
      end = q + c.length;
    }
    // A terminator sbd dropped at its cut belongs to this sentence, not the next.
    const next = i + 1 < sents.length ? sents[i + 1].trimStart() : '';
    while (end > start && end < text.length && '.!?'.includes(text[end]) && next[0] !== text[end]) end++;
    if (end > start) {
      out.push(text.slice(start, end));
      p = end;
    }
  }
  if (p < text.length) {
    if (text.slice(p).trim() === '') { /* trailing space only */ }
    else if (out.length) out[out.length - 1] += text.slice(p);
    else out.push(text.slice(p));
  }
  return out.map((x) => x.trim()).filter(Boolean);
}

function paragraph(lines) {
  const text = lines.join(' ');
  paragraphs++;
  for (let s of project(text, sbd.sentences(text, options))) {
    if (tokens) s = s.split(/\s+/).filter(Boolean).join(' ');
    else s = s.replace(/\n/g, ' ');
    if (!s) continue;
    sentences++;
    out.push(s, '\n');
    outBytes += s.length + 1;
  }
  flushOut(false);
}

const rl = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
rl.on('line', (line) => {
  if (line.trim() === '') {
    if (buffered.length) paragraph(buffered);
    buffered = [];
  } else {
    buffered.push(line);
  }
});
rl.on('close', () => {
  if (buffered.length) paragraph(buffered);
  flushOut(true);
  process.stderr.write(`sbd-split: ${paragraphs} paragraphs, ${sentences} sentences\n`);
});
