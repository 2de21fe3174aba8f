// eval/ner_eval.h: named-entity accuracy against IOB2 gold files.
// In: a gold IOB2 file ([.gz]; `id<TAB>token<TAB>tag` as in Universal NER, or
// `token<TAB>tag` as in WikiGold; `#` comments; blank lines between
// sentences; documents from `# newdoc id` or `-DOCSTART-`). The gold
// tokenization is used: each document's text is its words joined by spaces,
// one sentence per gold sentence, so document-level features and coreference
// see whole documents. Out: exact span-and-type precision, recall and F1 as
// conlleval computes them, overall (over `types`) and per type. Our PERSON is
// gold PER; demonyms (MISC) are scored only as MISC. Cost: one Analyze per
// document.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "entities/entity_recognizer.h"
#include "eval/segment_eval.h"  // PRF

namespace crosscheck::eval {

struct NerScores {
  PRF overall;                          // over NerEvalOptions::types
  std::map<std::string, PRF> per_type;  // gold names: "PER", "ORG", "LOC", "MISC"
  uint64_t documents = 0, sentences = 0, tokens = 0;
};

struct NerEvalOptions {
  std::vector<std::string> types = {"PER", "ORG", "LOC"};  // what `overall` counts
};

// Runs `recognizer` on the gold text and scores its name mentions.
Result<NerScores> EvaluateNer(const entities::EntityRecognizer& recognizer,
                              const std::filesystem::path& gold, const NerEvalOptions& options = {});

// Scores another system's IOB2 output (same format, same tokens in the same
// order; tags other than PER/ORG/LOC/MISC are read as they are). Lets
// benchmarks score peers with exactly the same rules.
Result<NerScores> EvaluateNerOutput(const std::filesystem::path& system,
                                    const std::filesystem::path& gold,
                                    const NerEvalOptions& options = {});

// Writes the recognizer's tags for `gold`'s tokens as IOB2 `token<TAB>tag` lines.
Status WriteNerOutput(const entities::EntityRecognizer& recognizer,
                      const std::filesystem::path& gold, const std::filesystem::path& out);

}  // namespace crosscheck::eval
