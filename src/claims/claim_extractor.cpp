#include "claims/claim_extractor.h"

#include <algorithm>

#include "claims/claim_parts.h"

namespace crosscheck::claims {

// lexical_claims.cpp: the claims of a document without a syntax layer.
void ExtractLexical(const ClaimLexicon& lexicon, AnalyzedDocument* doc);

namespace {

bool ClausalArc(const SentenceTree& tree, uint32_t c) {
  return tree.Rel(c, "ccomp") || tree.Rel(c, "advcl") || tree.Rel(c, "parataxis") || tree.Rel(c, "csubj") ||
         tree.Deprel(c) == "acl:relcl";
}

// Whether local token m attaches to `target` within a few arcs of the same clause.
bool AttachesTo(const SentenceTree& tree, uint32_t m, uint32_t target) {
  int32_t cur = static_cast<int32_t>(m);
  for (int step = 0; cur >= 0 && step < 6; ++step) {
    if (static_cast<uint32_t>(cur) == target) return true;
    if (ClausalArc(tree, cur)) return false;
    cur = tree.Head(cur);
  }
  return false;
}

// The clause word places and times attach to: the trigger, or the verb above a noun.
uint32_t ClauseHead(const SentenceTree& tree, uint32_t t) {
  uint32_t v = t;
  for (int guard = 0; !tree.IsVerb(v) && tree.Head(v) >= 0 && guard < 4; ++guard) v = tree.Head(v);
  return tree.IsVerb(v) ? v : t;
}

int32_t PlaceOf(const SentenceTree& tree, const DocIndex& index, uint32_t t) {
  const uint32_t clause = ClauseHead(tree, t);
  for (uint32_t m = 0; m < tree.size(); ++m) {
    const int32_t e = index.entity_of_token[tree.first() + m];
    if (e < 0 || tree.doc().entities[e].type != "LOC") continue;
    if (AttachesTo(tree, m, t) || AttachesTo(tree, m, clause)) return e;
  }
  return -1;
}

int32_t DateOf(const SentenceTree& tree, const DocIndex& index, uint32_t t) {
  const uint32_t clause = ClauseHead(tree, t);
  for (uint32_t m = 0; m < tree.size(); ++m) {
    const int32_t d = index.date_of_token[tree.first() + m];
    if (d >= 0 && (AttachesTo(tree, m, t) || AttachesTo(tree, m, clause))) return d;
  }
  return -1;
}

int32_t QuoteOf(const AnalyzedDocument& doc, Span at) {
  int32_t best = -1;
  for (size_t q = 0; q < doc.quotes.size(); ++q) {
    const Quote& quote = doc.quotes[q];
    if (quote.kind == "scare" || at.begin < quote.content.begin || at.end > quote.content.end) continue;
    if (best < 0 || quote.content.size() < doc.quotes[best].content.size()) best = static_cast<int32_t>(q);
  }
  return best;
}

Span Hull(Span a, Span b) {
  if (b.empty()) return a;
  return {std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

// Agent or patient: the phrase, and the entity it names.
void Participant(const SentenceTree& tree, const DocIndex& index, int32_t head, std::string* text, Span* span,
                 int32_t* entity) {
  if (head < 0) return;
  *span = tree.PhraseSpan(head);
  *entity = index.entity_of_token[tree.first() + head];
  if (*entity >= 0 && tree.Upos(head) == "PRON") {
    *text = tree.doc().entities[*entity].name;  // "he" -> the person it stands for
  } else {
    *text = tree.doc().doc.text.substr(span->begin, span->size());
  }
}

Claim MakeClaim(const SentenceTree& tree, const DocIndex& index, uint32_t t, std::string event,
                const std::vector<Frame>& frames, const ModalityResult& modality) {
  Claim c;
  c.sentence = tree.sentence();
  c.event = std::move(event);
  c.trigger = std::string(tree.Lemma(t));
  c.trigger_span = tree.TokenSpan(t);
  c.modality = modality.modality;
  c.modality_cue = modality.cue;
  c.modality_span = modality.span;
  for (const Frame& f : frames) {
    if (!f.source.source.empty()) c.attribution.push_back(f.source);
  }
  c.quote = QuoteOf(tree.doc(), c.trigger_span);
  c.place_entity = PlaceOf(tree, index, t);
  c.date = DateOf(tree, index, t);
  return c;
}

void Finish(const AnalyzedDocument& doc, Claim* c) {
  c->span = Hull(Hull(c->trigger_span, c->agent_span), c->patient_span);
  if (c->quantity >= 0) c->span = Hull(c->span, doc.quantities[c->quantity].span);
}

void ExtractSentence(const SentenceTree& tree, const ClaimLexicon& lexicon, DocIndex* index,
                     std::vector<Claim>* out) {
  std::vector<uint32_t> claimed;
  for (const Trigger& tr : FindTriggers(tree, lexicon, index)) {
    std::vector<Frame> frames = FramesOf(tree, tr.token, lexicon, *index);
    if (Irrealis(tree, tr.token, frames)) continue;
    Claim c = MakeClaim(tree, *index, tr.token, tr.event, frames, ModalityOf(tree, tr.token, frames));
    Participant(tree, *index, tr.agent, &c.agent, &c.agent_span, &c.agent_entity);
    Participant(tree, *index, tr.patient, &c.patient, &c.patient_span, &c.patient_entity);
    c.quantity = tr.quantity;
    if (tr.quantity >= 0) index->quantity_used[tr.quantity] = 1;
    if (tr.agent_quantity >= 0) index->quantity_used[tr.agent_quantity] = 1;
    Finish(tree.doc(), &c);
    out->push_back(std::move(c));
    claimed.push_back(tr.token);
  }
  for (const StateCandidate& s : FindStateClaims(tree, lexicon, *index, claimed)) {
    std::vector<Frame> frames = FramesOf(tree, s.token, lexicon, *index, s.self_frame);
    if (s.quantity >= 0 && Irrealis(tree, s.token, frames)) continue;
    ModalityResult modality;
    if (s.modality.empty()) {
      modality = ModalityOf(tree, s.token, frames);
    } else {
      modality = {s.modality, s.cue, s.cue_span};
    }
    Claim c = MakeClaim(tree, *index, s.token, "STATE", frames, modality);
    c.quantity = s.quantity;
    Finish(tree.doc(), &c);
    out->push_back(std::move(c));
  }
}

}  // namespace

Result<ClaimExtractor> ClaimExtractor::Load(const std::filesystem::path& lexicon_dir) {
  auto lexicon = ClaimLexicon::Load(lexicon_dir);
  if (!lexicon.ok()) return lexicon.status();
  ClaimExtractor extractor;
  extractor.lexicon_ = std::make_shared<const ClaimLexicon>(std::move(lexicon).value());
  return extractor;
}

void ClaimExtractor::Extract(AnalyzedDocument* doc) const {
  doc->claims.clear();
  if (doc->tokens.empty()) return;
  if (doc->syntax.size() != doc->tokens.size()) {
    ExtractLexical(*lexicon_, doc);
    return;
  }
  DocIndex index;
  index.Build(*doc, *lexicon_);
  SentenceTree tree;
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    tree.Build(*doc, s, *lexicon_);
    ExtractSentence(tree, *lexicon_, &index, &doc->claims);
  }
  std::stable_sort(doc->claims.begin(), doc->claims.end(), [](const Claim& a, const Claim& b) {
    return a.trigger_span.begin < b.trigger_span.begin;
  });
}

}  // namespace crosscheck::claims
