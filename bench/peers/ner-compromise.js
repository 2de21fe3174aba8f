// bench/peers/ner-compromise.js: the npm library `compromise` as an NER peer.
// Reads IOB2 (token<TAB>...tag, or id<TAB>token<TAB>tag...) on stdin, joins each
// sentence's tokens with spaces, runs people() / organizations() / places(),
// maps the character offsets of each match back to tokens and writes IOB2
// `token<TAB>tag` lines (PER / ORG / LOC) to stdout. Timing on stderr:
// words and seconds spent inside compromise.
const nlp = require('compromise');
const lines = require('fs').readFileSync(0, 'utf8').split('\n');

const sentences = [];
let words = [];
for (const line of lines) {
  if (line === '') { if (words.length) sentences.push(words); words = []; continue; }
  const f = line.split('\t');
  if (line.startsWith('#') && f.length === 1) continue;
  if (f[0] === '-DOCSTART-') continue;
  words.push(f.length >= 3 && /^\d+$/.test(f[0]) ? f[1] : f[0]);
}
if (words.length) sentences.push(words);

let seconds = 0, count = 0;
const out = [];
for (const tokens of sentences) {
  const starts = [];
  let text = '';
  for (const t of tokens) { starts.push(text.length); text += t + ' '; }
  const tags = tokens.map(() => 'O');
  const t0 = process.hrtime.bigint();
  const doc = nlp(text);
  const found = [['PER', doc.people()], ['ORG', doc.organizations()], ['LOC', doc.places()]]
    .map(([type, view]) => [type, view.json({offset: true})]);
  seconds += Number(process.hrtime.bigint() - t0) / 1e9;
  count += tokens.length;
  for (const [type, matches] of found) {
    for (const m of matches) {
      const begin = m.offset.start, end = begin + m.offset.length;
      let first = true;
      for (let i = 0; i < tokens.length; i++) {
        const tb = starts[i], te = tb + tokens[i].length;
        if (tb >= begin && te <= end + 1 && tags[i] === 'O') {
          tags[i] = (first ? 'B-' : 'I-') + type;
          first = false;
        }
      }
    }
  }
  for (let i = 0; i < tokens.length; i++) out.push(tokens[i] + '\t' + tags[i]);
  out.push('');
}
process.stdout.write(out.join('\n') + '\n');
process.stderr.write(`words ${count} seconds ${seconds.toFixed(3)}\n`);
