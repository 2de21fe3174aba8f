// Reporting frames and their sources (docs/claims-guideline.md, section 5): the speaker of
// a reporting verb whose content clause holds the claim, "according to X", "a report by X
// found that", and the quotes stage's quotations; nested frames form the chain.
#include <algorithm>

#include "claims/claim_parts.h"

namespace crosscheck::claims {
namespace {

bool IsRelativePronoun(const SentenceTree& tree, int32_t i) {
  if (i < 0 || tree.Upos(i) != "PRON") return false;
  std::string_view l = tree.Lemma(i);
  return l == "who" || l == "which" || l == "that" || l == "whom";
}

// The subject of verb v, through coordination, control and participial clauses ("…,
// adding that", "insisting that"); a relative pronoun becomes the noun it stands for.
// "WASHINGTON (Reuters) - President X denied": a dateline the parse took for the subject
// stands for the name in apposition after it.
int32_t SkipDateline(const SentenceTree& tree, int32_t s) {
  if (s != 0 || tree.Upos(0) != "PROPN") return s;
  std::string_view form = tree.doc().tokens[tree.first()].form;
  for (char c : form) {
    if (c >= 'a' && c <= 'z') return s;
  }
  int32_t last = -1;
  for (uint32_t c : tree.Children(s)) {
    if (tree.Rel(c, "appos") && (c == 0 || tree.Form(c - 1) != "(")) last = static_cast<int32_t>(c);
  }
  return last >= 0 ? last : s;
}

// The nominal right before a verb the parse left without a subject ("…, Vice President
// Pence claimed that"): news puts the speaker there.
int32_t NominalBefore(const SentenceTree& tree, uint32_t v) {
  int32_t k = static_cast<int32_t>(v) - 1;
  while (k >= 0 && (tree.Upos(k) == "ADV" || tree.Upos(k) == "AUX")) --k;
  if (k < 0 || !(tree.Upos(k) == "PROPN" || tree.Upos(k) == "NOUN")) return -1;
  return k;
}

int32_t SubjectOrNominalBefore(const SentenceTree& tree, uint32_t v, int32_t subject) {
  if (subject >= 0) return SkipDateline(tree, subject);
  const int32_t obj = tree.Child(v, "obj");  // "…,\" said X": the parse makes the speaker an object
  if (obj > static_cast<int32_t>(v) && tree.IsNominal(obj) && tree.Upos(obj) != "PRON") return obj;
  return tree.Rel(v, "acl") ? -1 : NominalBefore(tree, v);
}

int32_t SubjectOf(const SentenceTree& tree, uint32_t v) {
  int32_t cur = static_cast<int32_t>(v);
  for (int guard = 0; cur >= 0 && guard < 8; ++guard) {
    int32_t s = tree.Child(cur, "nsubj");
    if (cur != static_cast<int32_t>(v) && tree.Child(cur, "expl") >= 0) s = -1;  // "there are people …, insisting"
    if (s >= 0 && tree.Deprel(s) != "nsubj:pass") {
      if (IsRelativePronoun(tree, s) && tree.Rel(cur, "acl")) return tree.Head(cur);
      return s;
    }
    if (tree.Rel(cur, "acl")) return tree.Head(cur);  // "a report that said", "which is reporting"
    const bool shares = tree.Rel(cur, "conj") || tree.Rel(cur, "xcomp") ||
                        (tree.Rel(cur, "advcl") && (tree.Xpos(cur) == "VBG" || tree.Xpos(cur) == "VBN")) ||
                        (cur != static_cast<int32_t>(v) && tree.Child(cur, "expl") >= 0 && tree.Rel(cur, "ccomp"));
    if (!shares) return -1;
    cur = tree.Head(cur);
  }
  return -1;
}

// Whether the arc from a reporting verb of `stance` to `child` introduces its content.
bool ContentArc(const SentenceTree& tree, uint32_t child, std::string_view stance) {
  if (tree.Rel(child, "parataxis")) return true;
  if (tree.Rel(child, "ccomp")) {
    // A content clause has its own subject; "The X claims emerged" is a noun the tagger
    // took for a verb.
    return tree.Child(child, "nsubj") >= 0 || tree.Child(child, "csubj") >= 0 || tree.Child(child, "expl") >= 0 ||
           !tree.IsVerb(child);
  }
  if (tree.Rel(child, "xcomp")) return stance != "neutral" && stance != "inform";
  if (tree.Rel(child, "obj")) {  // "denied reports that …", not "rejected offers"
    return stance == "denial" && ((tree.Cues(child) & kStatement) || tree.Upos(child) == "PRON");
  }
  // "denied paying", "demanded the bill be paid": a clause without a subordinator.
  if (tree.Rel(child, "advcl")) return (stance == "denial" || stance == "directive") && tree.Child(child, "mark") < 0;
  return false;
}

// A source phrase in a frame: the report's author when the subject is a report ("a tally
// by X", "the X report"), else the subject.
uint32_t AuthorOf(const SentenceTree& tree, uint32_t subj) {
  if (!(tree.Cues(subj) & kReport)) return subj;
  for (uint32_t c : tree.Children(subj)) {
    std::string_view cs = tree.CaseOf(c);
    if (tree.Rel(c, "nmod") && (cs == "by" || cs == "from")) return c;
  }
  for (uint32_t c : tree.Children(subj)) {
    if ((tree.Rel(c, "compound") || tree.Deprel(c) == "nmod:poss") && tree.Upos(c) == "PROPN") return c;
  }
  return subj;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string KindOfHead(const SentenceTree& tree, uint32_t x) {
  const uint32_t cues = tree.Cues(x);
  if (cues & (kOutlet | kOutletName)) return "outlet";
  if (cues & kAnonymous) return "anonymous";
  if (cues & kOrganisation) return "organisation";
  if (cues & kPersonRole) return "person";
  if (tree.Upos(x) == "PROPN") return "person";
  return "other";
}

std::string KindOfEntity(const SentenceTree& tree, const DocIndex& index, int32_t e, uint32_t x,
                         const ClaimLexicon& lexicon) {
  const Entity& entity = tree.doc().entities[e];
  if (index.outlet_entity[e] || (tree.Cues(x) & (kOutlet | kOutletName))) return "outlet";
  if (entity.type == "PERSON") return "person";
  if (entity.type == "ORG" || entity.type == "LOC") return "organisation";
  return KindOfHead(tree, x);
}

// The entity a source phrase names: its head, or a name in apposition or flat with it.
int32_t EntityOfPhrase(const SentenceTree& tree, const DocIndex& index, uint32_t x) {
  auto usable = [&](int32_t e) { return e >= 0 && tree.doc().entities[e].type != "MISC"; };
  int32_t e = index.entity_of_token[tree.first() + x];
  if (usable(e)) {
    // "NBC 4 Washington" with only "Washington" recognised: the name is the phrase.
    for (uint32_t c : tree.Children(x)) {
      if ((tree.Rel(c, "compound") || tree.Rel(c, "flat")) && tree.Upos(c) == "PROPN" &&
          index.entity_of_token[tree.first() + c] != e) {
        return -1;
      }
    }
    return e;
  }
  for (uint32_t c : tree.Children(x)) {
    if (tree.Rel(c, "appos") || tree.Rel(c, "flat")) {
      e = index.entity_of_token[tree.first() + c];
      if (usable(e)) return e;
    }
  }
  return -1;
}

uint32_t SubtreeBytes(const SentenceTree& tree, uint32_t root) {
  return tree.TokenSpan(tree.SubtreeEnd(root) - 1).end - tree.TokenSpan(tree.SubtreeBegin(root)).begin;
}

void AddFrame(const SentenceTree& tree, const ClaimLexicon& lexicon, const DocIndex& index, int32_t speaker,
              uint32_t cue, std::string_view stance, uint32_t scope, std::vector<Frame>* frames) {
  for (const Frame& f : *frames) {
    if (f.cue_span == tree.TokenSpan(cue)) return;
  }
  Frame f;
  if (speaker >= 0) {
    f.source = SourceOf(tree, speaker, lexicon, index);
  } else {
    f.source.kind = "other";  // "it was reported that": a frame without a named source
  }
  f.source.cue = std::string(tree.Lemma(cue));
  f.stance = std::string(stance);
  f.cue_span = tree.TokenSpan(cue);
  f.scope = scope;
  frames->push_back(std::move(f));
}

// "according to X", "per X" and "citing X" attached to `node`.
void AddAttachedFrames(const SentenceTree& tree, const ClaimLexicon& lexicon, const DocIndex& index, uint32_t node,
                       std::vector<Frame>* frames) {
  for (uint32_t c : tree.Children(node)) {
    if (tree.Rel(c, "obl") || tree.Rel(c, "nmod")) {
      for (uint32_t k : tree.Children(c)) {
        if (!tree.Rel(k, "case")) continue;
        std::string_view l = tree.Form(k);
        const bool per = l == "per" && (tree.Upos(c) == "PROPN" || (tree.Cues(c) & (kReport | kOutlet | kOutletName)));
        if (l != "according" && !per) continue;
        const size_t before = frames->size();
        AddFrame(tree, lexicon, index, AuthorOf(tree, c), k, "neutral", SubtreeBytes(tree, node), frames);
        if (frames->size() > before) {
          frames->back().source.cue = "according to";
          frames->back().hedged_source = tree.CueChild(c, kHedge, "amod") >= 0;
        }
      }
    } else if (tree.Rel(c, "advcl") && tree.Lemma(c) == "cite") {
      int32_t obj = tree.Child(c, "obj");
      if (obj >= 0) AddFrame(tree, lexicon, index, AuthorOf(tree, obj), c, "neutral", SubtreeBytes(tree, node), frames);
    }
  }
}

bool CommaBefore(const SentenceTree& tree, uint32_t k) {
  if (k == 0) return false;
  std::string_view f = tree.Form(k - 1);
  return f == "," || f == "\u201d" || f == "\"" || f == "--" || f == "\u2014";
}

// Frames at the edge of a sentence cover all of it before (or after) them, wherever the
// parse attached them: "…, according to X.", "According to X, …", "…, said X." / "…, X said."
void AddPeripheralFrames(const SentenceTree& tree, const ClaimLexicon& lexicon, const DocIndex& index, uint32_t token,
                         std::vector<Frame>* frames) {
  const uint32_t n = tree.size();
  const uint32_t last = n > 0 && tree.Upos(n - 1) == "PUNCT" ? n - 1 : n;
  auto bytes_before = [&](uint32_t k) { return tree.TokenSpan(k).begin - tree.TokenSpan(0).begin; };
  for (uint32_t k = 0; k < n; ++k) {
    if (tree.Form(k) == "according" && k + 1 < n && tree.Form(k + 1) == "to" && tree.Head(k) >= 0) {
      const uint32_t c = tree.Head(k);
      const bool tail = CommaBefore(tree, k) && tree.SubtreeEnd(c) >= last && token < k;
      const bool head = k == 0 && token >= tree.SubtreeEnd(c);
      if (tail || head) {
        const size_t before = frames->size();
        AddFrame(tree, lexicon, index, AuthorOf(tree, c), k, "neutral", tail ? bytes_before(k) : bytes_before(n - 1) - bytes_before(tree.SubtreeEnd(c)), frames);
        if (frames->size() > before) frames->back().source.cue = "according to";
      }
      continue;
    }
    if (!tree.IsVerb(k) || token >= k) continue;
    std::string_view stance = lexicon.Stance(tree.Lemma(k));
    if (stance.empty() || tree.Child(k, "ccomp") >= 0 || tree.Child(k, "xcomp") >= 0) continue;
    if (tree.Head(k) >= 0 && !tree.Rel(k, "conj") && !tree.Rel(k, "parataxis")) continue;
    uint32_t begin = tree.SubtreeBegin(k);
    while (begin < k && tree.Upos(begin) == "PUNCT") ++begin;
    if (!CommaBefore(tree, begin) || tree.SubtreeEnd(k) < last || token >= begin) continue;
    int32_t speaker = tree.Child(k, "nsubj");
    if (speaker < 0) {  // "…, said the DA's office": the parse makes the speaker an object
      int32_t obj = tree.Child(k, "obj");
      if (obj > static_cast<int32_t>(k)) speaker = obj;
    }
    if (speaker >= 0) AddFrame(tree, lexicon, index, speaker, k, stance, bytes_before(begin), frames);
  }
}

// A quote's speaker as the quotes stage found it, unless it is a date or a bare function
// word ("that", "Tuesday"): its parse missed the speaker.
bool UsableSpeaker(const SentenceTree& tree, const ClaimLexicon& lexicon, const DocIndex& index, const Quote& q) {
  if (q.speaker_entity >= 0) return true;
  const AnalyzedDocument& doc = tree.doc();
  for (size_t t = 0; t < doc.tokens.size() && !q.speaker_span.empty(); ++t) {
    const Span s = doc.tokens[t].span;
    if (s.begin < q.speaker_span.end && q.speaker_span.begin < s.end && index.date_of_token[t] >= 0) return false;
  }
  bool upper = false;
  for (char c : q.speaker) upper |= c >= 'A' && c <= 'Z';
  return upper || KindOfWords(q.speaker, lexicon) != "other";
}

// Quotations (direct speech, partial quotes, posts) around the claim's bytes; their
// speakers come from the quotes stage. Indirect speech is framed by the parse instead.
void AddQuoteFrames(const SentenceTree& tree, const ClaimLexicon& lexicon, const DocIndex& index, Span at,
                    std::vector<Frame>* frames) {
  const AnalyzedDocument& doc = tree.doc();
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    const Quote& quote = doc.quotes[q];
    if (quote.kind == "scare" || quote.speaker.empty()) continue;
    if (at.begin < quote.content.begin || at.end > quote.content.end) continue;
    Frame* known = nullptr;
    for (Frame& f : *frames) {
      if (f.cue_span == quote.verb_span) known = &f;
    }
    if (quote.kind == "indirect" || !UsableSpeaker(tree, lexicon, index, quote)) continue;
    if (known && !known->source.source.empty()) continue;
    std::string kind = quote.speaker_entity >= 0 ? "" : KindOfWords(quote.speaker, lexicon);
    Frame f;
    if (quote.speaker_entity >= 0) {
      const Entity& e = doc.entities[quote.speaker_entity];
      f.source.source = e.name;
      f.source.entity = quote.speaker_entity;
      bool outlet = KindOfWords(e.name, lexicon) == "outlet";
      f.source.kind = outlet ? "outlet" : e.type == "PERSON" ? "person" : e.type == "ORG" ? "organisation" : "other";
    } else {
      std::string name = quote.speaker;
      for (std::string_view article : {"a ", "an ", "the ", "A ", "An ", "The "}) {
        if (name.starts_with(article)) { name.erase(0, article.size()); break; }
      }
      f.source.source = std::move(name);
      f.source.kind = kind;
    }
    f.source.span = quote.speaker_span;
    f.source.cue = quote.verb;
    f.stance = quote.stance.empty() ? "neutral" : quote.stance;
    f.cue_span = quote.verb_span;
    f.scope = quote.content.size();
    f.quote = static_cast<int32_t>(q);
    if (known) {
      known->source = std::move(f.source);  // the parse found the verb but not who spoke
    } else {
      frames->push_back(std::move(f));
    }
  }
}

bool SameSource(const Attribution& a, const Attribution& b) {
  if (a.entity >= 0 && a.entity == b.entity) return true;
  if (a.source.size() != b.source.size()) return false;
  for (size_t i = 0; i < a.source.size(); ++i) {
    if ((a.source[i] | 0x20) != (b.source[i] | 0x20)) return false;
  }
  return true;
}

}  // namespace

std::string KindOfWords(std::string_view words, const ClaimLexicon& lexicon) {
  std::vector<uint32_t> classes;
  char buffer[64];
  size_t start = 0;
  while (start < words.size()) {
    size_t end = words.find_first_of(" ,", start);
    if (end == std::string_view::npos) end = words.size();
    if (end > start) {
      std::string_view word = LowerInto(words.substr(start, end - start), buffer, sizeof buffer);
      uint32_t c = lexicon.Cues(word);
      if (c == 0 && word.size() > 3 && word.back() == 's') c = lexicon.Cues(word.substr(0, word.size() - 1));  // "officials"
      classes.push_back(c);
    }
    start = end + 1;
  }
  for (uint32_t c : classes) {
    if (c & (kOutlet | kOutletName)) return "outlet";
  }
  for (auto it = classes.rbegin(); it != classes.rend(); ++it) {  // the head is last
    if (*it == 0) continue;
    if (*it & kAnonymous) return "anonymous";
    if (*it & kOrganisation) return "organisation";
    if (*it & kPersonRole) return "person";
    if (*it & kReport) return "other";
  }
  return "other";
}

Attribution SourceOf(const SentenceTree& tree, uint32_t head, const ClaimLexicon& lexicon, const DocIndex& index) {
  Attribution a;
  const int32_t e = EntityOfPhrase(tree, index, head);
  const Span phrase = tree.PhraseSpan(head);
  a.span = phrase;
  if (e >= 0) {
    a.source = tree.doc().entities[e].name;
    a.entity = e;
    a.kind = KindOfEntity(tree, index, e, head, lexicon);
    return a;
  }
  if (tree.Upos(head) == "PRON" && (tree.Lemma(head) == "i" || tree.Lemma(head) == "we")) {
    // "I think …" inside a quotation: the speaker of the quotation, if the quotes stage has one.
    const AnalyzedDocument& doc = tree.doc();
    const Span at = tree.TokenSpan(head);
    for (const Quote& q : doc.quotes) {
      if (q.kind != "direct" || at.begin < q.content.begin || at.end > q.content.end) continue;
      if (!UsableSpeaker(tree, lexicon, index, q)) break;
      a.source = q.speaker_entity >= 0 ? doc.entities[q.speaker_entity].name : q.speaker;
      a.entity = q.speaker_entity;
      a.span = q.speaker_span;
      a.kind = q.speaker_entity >= 0 && doc.entities[q.speaker_entity].type == "ORG" ? "organisation" : "person";
      return a;
    }
    a.kind = "other";
    return a;  // unnamed: no source of its own
  }
  a.source = CollapseSpaces(std::string_view(tree.doc().doc.text).substr(phrase.begin, phrase.size()));
  a.kind = KindOfHead(tree, head);
  if (a.kind != "outlet" && KindOfWords(a.source, lexicon) == "outlet") a.kind = "outlet";
  return a;
}

std::vector<Frame> FramesOf(const SentenceTree& tree, uint32_t token, const ClaimLexicon& lexicon,
                            const DocIndex& index, bool include_self) {
  std::vector<Frame> frames;
  if (include_self && tree.IsVerb(token)) {
    std::string_view stance = lexicon.Stance(tree.Lemma(token));
    if (!stance.empty()) {
      AddFrame(tree, lexicon, index, SubjectOrNominalBefore(tree, token, SubjectOf(tree, token)), token, stance,
               SubtreeBytes(tree, token), &frames);
    }
  }
  AddAttachedFrames(tree, lexicon, index, token, &frames);
  uint32_t cur = token;
  for (uint32_t guard = 0; tree.Head(cur) >= 0 && guard < tree.size(); ++guard) {
    const uint32_t h = tree.Head(cur);
    if (!tree.Rel(cur, "conj") && tree.IsVerb(h)) {
      std::string_view stance = lexicon.Stance(tree.Lemma(h));
      if (!stance.empty() && ContentArc(tree, cur, stance)) {
        AddFrame(tree, lexicon, index, SubjectOrNominalBefore(tree, h, SubjectOf(tree, h)), h, stance,
                 SubtreeBytes(tree, cur), &frames);
      } else if ((tree.Cues(h) & kShow) && (tree.Rel(cur, "ccomp") || tree.Rel(cur, "obj"))) {
        int32_t subj = SubjectOf(tree, h);
        AddFrame(tree, lexicon, index, subj >= 0 ? static_cast<int32_t>(AuthorOf(tree, SkipDateline(tree, subj))) : -1, h,
                 "neutral", SubtreeBytes(tree, cur), &frames);
      }
    }
    AddAttachedFrames(tree, lexicon, index, h, &frames);
    cur = h;
  }
  AddPeripheralFrames(tree, lexicon, index, token, &frames);
  AddQuoteFrames(tree, lexicon, index, tree.TokenSpan(token), &frames);
  std::stable_sort(frames.begin(), frames.end(), [](const Frame& a, const Frame& b) { return a.scope > b.scope; });
  // A quote and the parse often find the same speaker: keep the outer one.
  std::vector<Frame> unique;
  for (Frame& f : frames) {
    bool seen = false;
    for (const Frame& u : unique) seen |= !f.source.source.empty() && SameSource(u.source, f.source);
    if (!seen) unique.push_back(std::move(f));
  }
  return unique;
}

}  // namespace crosscheck::claims
