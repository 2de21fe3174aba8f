// claims/sentence_tree.h (private to claims/): one parsed sentence as a tree the claim
// rules can walk: heads, children, subtree ranges, lower-case lemmas and forms, and the
// cue classes of every word. Indices are local to the sentence (0-based); `first()`
// maps them back to AnalyzedDocument::tokens. Build is linear in the sentence; a tree is
// rebuilt for each sentence and reuses its buffers.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "claims/claim_lexicon.h"
#include "core/document.h"

namespace crosscheck::claims {

class SentenceTree {
 public:
  // Needs doc.syntax (one entry per token).
  void Build(const AnalyzedDocument& doc, uint32_t sentence, const ClaimLexicon& lexicon);

  uint32_t size() const { return size_; }
  uint32_t first() const { return first_; }
  uint32_t sentence() const { return sentence_; }
  const AnalyzedDocument& doc() const { return *doc_; }

  int32_t Head(uint32_t i) const { return head_[i]; }  // -1 for the root
  std::string_view Deprel(uint32_t i) const { return syntax(i).deprel; }
  // Whether i's relation is `base` or a subtype of it ("nsubj" matches "nsubj:pass").
  bool Rel(uint32_t i, std::string_view base) const;
  std::string_view Upos(uint32_t i) const { return syntax(i).upos; }
  std::string_view Xpos(uint32_t i) const { return syntax(i).xpos; }
  std::string_view Lemma(uint32_t i) const { return lemma_[i]; }  // lower case
  std::string_view Form(uint32_t i) const { return form_[i]; }    // lower case
  uint32_t Cues(uint32_t i) const { return cues_[i]; }            // CueClass bits
  bool IsVerb(uint32_t i) const { return Upos(i) == "VERB"; }
  bool IsNominal(uint32_t i) const;  // NOUN, PROPN, PRON, NUM
  bool Passive(uint32_t i) const;    // has nsubj:pass / aux:pass, or is a passive participle
  // Ends with "?" and opens with an auxiliary or wh-word ("Will you speak out?"); "It's
  // fake news, OK?" is not one.
  bool Question() const;
  Span TokenSpan(uint32_t i) const { return doc_->tokens[first_ + i].span; }

  std::span<const uint32_t> Children(uint32_t i) const {
    return {children_.data() + child_begin_[i], child_begin_[i + 1] - child_begin_[i]};
  }
  // The first child of i whose relation is `base` (or a subtype); -1 if none.
  int32_t Child(uint32_t i, std::string_view base) const;
  // The first child of i with one of these exact relations; -1 if none.
  int32_t ChildExact(uint32_t i, std::string_view rel) const;
  // Whether some child of i has a lemma or form with cue class bits `cls` and relation
  // `base` (any relation when empty); returns the child or -1.
  int32_t CueChild(uint32_t i, uint32_t cls, std::string_view base = {}) const;
  // The lemma of the case marker of a nominal ("of" in "of the men"), "" if none.
  std::string_view CaseOf(uint32_t i) const;

  // Local token range [SubtreeBegin, SubtreeEnd) of i's subtree (projective trees; for a
  // crossing arc the range is the hull).
  uint32_t SubtreeBegin(uint32_t i) const { return sub_begin_[i]; }
  uint32_t SubtreeEnd(uint32_t i) const { return sub_end_[i]; }
  bool InSubtree(uint32_t node, uint32_t root) const;  // by the head chain

  // The words of a phrase headed by i, without relative clauses, appositions, clausal
  // modifiers, coordination and outer punctuation; a leading article is dropped.
  Span PhraseSpan(uint32_t i) const;

 private:
  const TokenSyntax& syntax(uint32_t i) const { return doc_->syntax[first_ + i]; }
  void PhraseTokens(uint32_t i, uint32_t* lo, uint32_t* hi) const;

  const AnalyzedDocument* doc_ = nullptr;
  uint32_t first_ = 0, size_ = 0, sentence_ = 0;
  std::vector<int32_t> head_;
  std::vector<uint32_t> child_begin_, children_, sub_begin_, sub_end_, cues_, fill_;
  std::vector<std::string> lemma_, form_;
};

}  // namespace crosscheck::claims
