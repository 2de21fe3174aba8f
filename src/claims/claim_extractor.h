// claims/claim_extractor.h: fact-bearing clauses as records (the claims stage).
//
// In: an AnalyzedDocument with tokens and sentences, and, when present, the syntax layer
// (upos, lemma, head, deprel), entities, quantities, dates and quotes. Out: doc->claims
// in text order (docs/claims-guideline.md; JSON in docs/analysis-schema.md):
//   event       KILL, WOUND, DETAIN, TORTURE, ABDUCT, DISPLACE, PROTEST, ATTACK, SIGN, VOTE,
//               PAY (verb, noun and adjective lemmas of data/lexicons/events.tsv), or STATE:
//               a count that is no event's count, a denial or an objection
//   trigger     the word naming the event ("detained"), with agent, patient (and its
//               count: Claim::quantity), place (a LOC entity of the clause), time (a date
//               mention of the clause)
//   modality    denied > questioned > negated > hedged > asserted, with the cue
//   attribution the chain of sources, outermost first, from reporting verbs, "according
//               to", "a report by X showed" and quotations (Claim::quote)
//     "A local paper, the Daily Courier, reported that at least 40 protesters had been
//      arrested, two of them possibly injured."
//       -> DETAIN patient "at least 40 protesters" [Daily Courier (outlet)], asserted
//       -> WOUND count 2, hedged ("possibly") [Daily Courier (outlet)]
//     "The army denied that any journalists had been detained." -> DETAIN, denied [army]
// Without a syntax layer only event words with a nearby count, cue words and quotations
// are used (no STATE claims).
//
// Cost: linear in tokens (a few hash probes per word) plus work per trigger bounded by the
// sentence's depth and its quantities. A loaded ClaimExtractor is immutable: share one
// between threads; Extract keeps its scratch on the stack of the call.
//
//   auto claims = claims::ClaimExtractor::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
//   if (!claims.ok()) return claims.status();   // names the file and line
//   claims->Extract(&doc);                      // fills doc.claims
#pragma once
#include <filesystem>
#include <memory>

#include "core/document.h"
#include "core/status.h"

namespace crosscheck::claims {

class ClaimLexicon;

class ClaimExtractor {
 public:
  // Reads events.tsv, claim_cues.tsv, reporting_verbs.tsv and quote_verbs_extra.tsv from
  // `lexicon_dir` (data/lexicons/). Errors name the file and line.
  static Result<ClaimExtractor> Load(const std::filesystem::path& lexicon_dir);

  // Replaces doc->claims. Never fails; earlier layers are read only.
  void Extract(AnalyzedDocument* doc) const;

 private:
  std::shared_ptr<const ClaimLexicon> lexicon_;
};

}  // namespace crosscheck::claims
