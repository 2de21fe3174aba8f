// wink-nlp + wink-eng-lite-web-model: UPOS accuracy on EWT test and tagging speed (bench/peers-pos.sh).
// wink tokenizes for itself, so each gold sentence is given as its tokens joined by spaces and
// wink's tokens are aligned to the gold ones by character offset: a gold token counts as right
// only if wink produced exactly that token with the gold UPOS (so tokenization differences
// count as errors; the aligned share is printed too).
// Usage: node pos-wink.js WORK_DIR -> "upos_accuracy<TAB>aligned_percent<TAB>tokens_per_second"
'use strict';
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const nlp = winkNLP(model, ['pos']);
const its = nlp.its;
const work = process.argv[2];

function readGold(path) {
  const sentences = [];
  let current = [];
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    if (!line) {
      if (current.length) sentences.push(current);
      current = [];
      continue;
    }
    const [form, upos] = line.split('\t');
    current.push({form, upos});
  }
  return sentences;
}

function scoreSentence(gold, counts) {
  const text = gold.map((t) => t.form).join(' ');
  const starts = new Map();
  let offset = 0;
  for (const t of gold) {
    starts.set(offset, t);
    offset += t.form.length + 1;
  }
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value);
  const tags = doc.tokens().out(its.pos);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const at = text.indexOf(values[i], cursor);
    if (at < 0) continue;
    cursor = at + values[i].length;
    const t = starts.get(at);
    if (t && t.form === values[i]) {
      counts.aligned++;
      if (t.upos === tags[i]) counts.right++;
    }
  }
  counts.total += gold.length;
}

const counts = {right: 0, aligned: 0, total: 0};
for (const s of readGold(`${work}/test.tsv`)) scoreSentence(s, counts);

const lines = fs.readFileSync(`${work}/speed.txt`, 'utf8').split('\n').filter((l) => l);
let tokens = 0;
for (const l of lines) tokens += l.split(' ').length;
const start = process.hrtime.bigint();
for (const l of lines) nlp.readDoc(l).tokens().out(its.pos);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log([(100 * counts.right / counts.total).toFixed(2),
  (100 * counts.aligned / counts.total).toFixed(2), Math.round(tokens / seconds)].join('\t'));
