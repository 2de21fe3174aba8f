// claims/claim_parts.h (private to claims/): the pieces the claim extractor is built
// from. DocIndex holds per-document lookups (token -> entity, quantity, date); the
// functions find event triggers and their participants (event_finder.cpp), reporting
// frames and sources (attribution.cpp), modality (modality.cpp) and STATE claims
// (state_claims.cpp). All work on one SentenceTree at a time; none allocates per word
// beyond its output.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "claims/claim_lexicon.h"
#include "claims/sentence_tree.h"
#include "core/document.h"

namespace crosscheck::claims {

// Per-document lookups, built once per Extract call.
struct DocIndex {
  std::vector<int32_t> entity_of_token;     // entity whose mention covers the token, -1
  std::vector<uint8_t> outlet_entity;       // per entity: a news outlet
  std::vector<int32_t> quantity_of_number;  // quantity whose number_token is the token, -1
  std::vector<int32_t> quantity_of_counted; // quantity whose counted_token is the token, -1
  std::vector<int32_t> date_of_token;       // date mention covering the token, -1
  std::vector<uint8_t> quantity_used;       // per quantity: already the count of an event claim

  void Build(const AnalyzedDocument& doc, const ClaimLexicon& lexicon);
  // Whether a quantity can be a claim's count (not a time, distance or age).
  bool Countable(const AnalyzedDocument& doc, int32_t quantity, const ClaimLexicon& lexicon) const;
};

// An event word found in a sentence, with its participants (local token indices).
struct Trigger {
  uint32_t token = 0;
  std::string event;
  uint32_t flags = 0;      // EventFlag bits of the matched row
  int32_t agent = -1;
  int32_t patient = -1;
  int32_t quantity = -1;   // index into doc.quantities: the count
  int32_t agent_quantity = -1;  // a count inside the agent ("two girls carjacked him"): no STATE claim
};

// A reporting frame around a claim: who the text says it comes from and how.
struct Frame {
  Attribution source;
  std::string stance;      // reporting_verbs.tsv class: neutral, denial, distancing, ...
  Span cue_span;           // the verb or preposition of the frame
  uint32_t scope = 0;      // bytes of the content it covers: larger frames are outer
  int32_t quote = -1;      // the quote it came from, -1 for parse frames
  bool hedged_source = false;  // "according to unverified reports"
};

struct ModalityResult {
  std::string modality = "asserted";
  std::string cue;
  Span span;
};

// event_finder.cpp: the event triggers of a sentence, in text order, with participants
// and counts; marks the quantities they use in `index`.
std::vector<Trigger> FindTriggers(const SentenceTree& tree, const ClaimLexicon& lexicon, DocIndex* index);

// attribution.cpp: the frames around local token `token`, outermost first. With
// `include_self`, a reporting verb at `token` itself is a frame too (denials).
std::vector<Frame> FramesOf(const SentenceTree& tree, uint32_t token, const ClaimLexicon& lexicon,
                            const DocIndex& index, bool include_self = false);
// The source named by the phrase headed by local token `head`.
Attribution SourceOf(const SentenceTree& tree, uint32_t head, const ClaimLexicon& lexicon, const DocIndex& index);
// The kind of a source described by `words` (no parse): outlet, anonymous, ...
std::string KindOfWords(std::string_view words, const ClaimLexicon& lexicon);

// modality.cpp: the modality of the claim at local token `token` inside `frames`.
ModalityResult ModalityOf(const SentenceTree& tree, uint32_t token, const std::vector<Frame>& frames);
// Whether the word at `token` states no claim: future, condition, purpose, imperative,
// request (a directive frame). Raising hedges and denials keep infinitives.
bool Irrealis(const SentenceTree& tree, uint32_t token, const std::vector<Frame>& frames);

// state_claims.cpp: STATE claims of a sentence from unused quantities and from denials
// and objections whose content is not already a claim (`claimed`: local trigger tokens).
struct StateCandidate {
  uint32_t token;        // the trigger (local)
  int32_t quantity = -1;
  std::string modality;  // "" = compute; else "denied"/"questioned" with `cue`
  std::string cue;
  Span cue_span;
  bool self_frame = false;  // the trigger is itself the reporting verb (denials)
};
std::vector<StateCandidate> FindStateClaims(const SentenceTree& tree, const ClaimLexicon& lexicon,
                                            const DocIndex& index, const std::vector<uint32_t>& claimed);

}  // namespace crosscheck::claims
