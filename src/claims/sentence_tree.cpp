#include "claims/sentence_tree.h"

#include <algorithm>

namespace crosscheck::claims {
namespace {

void LowerTo(std::string_view in, std::string* out) {
  out->assign(in);
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

// Relations that leave a phrase: what follows them is not part of its name.
bool LeavesPhrase(std::string_view rel) {
  return rel.starts_with("acl") || rel == "appos" || rel == "punct" || rel == "cc" || rel == "conj" ||
         rel == "parataxis" || rel.starts_with("advcl") || rel == "dep" || rel == "ccomp" ||
         rel == "discourse";
}

}  // namespace

void SentenceTree::Build(const AnalyzedDocument& doc, uint32_t sentence, const ClaimLexicon& lexicon) {
  doc_ = &doc;
  sentence_ = sentence;
  const Sentence& s = doc.sentences[sentence];
  first_ = s.first_token;
  size_ = s.end_token - s.first_token;
  head_.assign(size_, -1);
  child_begin_.assign(size_ + 1, 0);
  lemma_.resize(size_);
  form_.resize(size_);
  cues_.assign(size_, 0);
  for (uint32_t i = 0; i < size_; ++i) {
    const uint32_t h = syntax(i).head;
    head_[i] = (h >= 1 && h <= size_ && h - 1 != i) ? static_cast<int32_t>(h - 1) : -1;
    if (head_[i] >= 0) ++child_begin_[head_[i] + 1];
    LowerTo(syntax(i).lemma, &lemma_[i]);
    LowerTo(doc.tokens[first_ + i].form, &form_[i]);
    cues_[i] = lexicon.Cues(lemma_[i]);
    if (form_[i] != lemma_[i]) cues_[i] |= lexicon.Cues(form_[i]);
  }
  for (uint32_t i = 0; i < size_; ++i) child_begin_[i + 1] += child_begin_[i];
  children_.assign(child_begin_[size_], 0);
  fill_.assign(child_begin_.begin(), child_begin_.end() - 1);
  for (uint32_t i = 0; i < size_; ++i) {
    if (head_[i] >= 0) children_[fill_[head_[i]]++] = i;
  }
  // Subtree hulls: every word widens the range of each of its ancestors. Trees are
  // shallow, and a guard stops a malformed cycle.
  sub_begin_.resize(size_);
  sub_end_.resize(size_);
  for (uint32_t i = 0; i < size_; ++i) { sub_begin_[i] = i; sub_end_[i] = i + 1; }
  for (uint32_t i = 0; i < size_; ++i) {
    int32_t a = head_[i];
    for (uint32_t guard = 0; a >= 0 && guard < size_; ++guard, a = head_[a]) {
      sub_begin_[a] = std::min(sub_begin_[a], i);
      sub_end_[a] = std::max(sub_end_[a], i + 1);
    }
  }
}

bool SentenceTree::Rel(uint32_t i, std::string_view base) const {
  std::string_view rel = Deprel(i);
  return rel.starts_with(base) && (rel.size() == base.size() || rel[base.size()] == ':');
}

bool SentenceTree::IsNominal(uint32_t i) const {
  std::string_view u = Upos(i);
  return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM";
}

bool SentenceTree::Passive(uint32_t i) const {
  if (ChildExact(i, "nsubj:pass") >= 0 || ChildExact(i, "aux:pass") >= 0) return true;
  // A participle without auxiliaries modifying a noun ("Americans evacuated from") ...
  // ... or of an absolute clause ("two of them possibly injured").
  return Xpos(i) == "VBN" && Child(i, "aux") < 0 && (Rel(i, "acl") || Rel(i, "amod") || Rel(i, "advcl"));
}

bool SentenceTree::Question() const {
  if (size_ == 0 || Form(size_ - 1) != "?") return false;
  uint32_t first = 0;
  while (first + 1 < size_ && Upos(first) == "PUNCT") ++first;
  return (cues_[first] & kQuestionStart) != 0;
}

int32_t SentenceTree::Child(uint32_t i, std::string_view base) const {
  for (uint32_t c : Children(i)) {
    if (Rel(c, base)) return static_cast<int32_t>(c);
  }
  return -1;
}

int32_t SentenceTree::ChildExact(uint32_t i, std::string_view rel) const {
  for (uint32_t c : Children(i)) {
    if (Deprel(c) == rel) return static_cast<int32_t>(c);
  }
  return -1;
}

int32_t SentenceTree::CueChild(uint32_t i, uint32_t cls, std::string_view base) const {
  for (uint32_t c : Children(i)) {
    if ((cues_[c] & cls) && (base.empty() || Rel(c, base))) return static_cast<int32_t>(c);
  }
  return -1;
}

std::string_view SentenceTree::CaseOf(uint32_t i) const {
  for (uint32_t c : Children(i)) {
    if (Rel(c, "case")) return Lemma(c);
  }
  return {};
}

bool SentenceTree::InSubtree(uint32_t node, uint32_t root) const {
  int32_t a = static_cast<int32_t>(node);
  for (uint32_t guard = 0; a >= 0 && guard <= size_; ++guard, a = head_[a]) {
    if (static_cast<uint32_t>(a) == root) return true;
  }
  return false;
}

void SentenceTree::PhraseTokens(uint32_t i, uint32_t* lo, uint32_t* hi) const {
  *lo = std::min(*lo, i);
  *hi = std::max(*hi, i + 1);
  for (uint32_t c : Children(i)) {
    if (!LeavesPhrase(Deprel(c))) PhraseTokens(c, lo, hi);
  }
}

Span SentenceTree::PhraseSpan(uint32_t i) const {
  uint32_t lo = i, hi = i + 1;
  for (uint32_t c : Children(i)) {  // the phrase's own preposition ("according to", "by") is not part of it
    if (!LeavesPhrase(Deprel(c)) && !Rel(c, "case")) PhraseTokens(c, &lo, &hi);
  }
  // The phrase ends before the first word that left it (an apposition inside a kept
  // modifier would otherwise stretch the hull).
  for (uint32_t t = i + 1; t < hi; ++t) {
    if (LeavesPhrase(Deprel(t)) && Deprel(t) != "cc" && InSubtree(t, i)) { hi = t; break; }
  }
  while (hi > lo + 1 && Upos(hi - 1) == "PUNCT") --hi;
  if (lo < i && Upos(lo) == "DET" && (Lemma(lo) == "a" || Lemma(lo) == "the")) ++lo;
  return {TokenSpan(lo).begin, TokenSpan(hi - 1).end};
}

}  // namespace crosscheck::claims
