// reconcile/summarizer.h: the short, neutral "what we know" summary of a story.
// In: the story's AnalyzedDocuments (tokens, sentences; lemmas and POS when
// the syntax stage ran), optional per-sentence support (how many
// independent sources back the facts a sentence states) and which documents
// are syndicated copies. Out: whole sentences of the documents, each citing
// (document id, sentence index); see docs/summary.md for the rules.
// Method: extractive. Questions, mostly-quoted sentences and the writer's
// first person are left out while anything else remains. Each sentence is
// scored by its centrality across the other documents (TF-IDF cosine against
// each other document and the headlines), its position, its support, less
// penalties for loaded wording (data/lexicons/loaded_words.tsv), quoted
// words and fragments; sentences are then picked greedily under the length
// cap with a redundancy penalty (MMR), and near-duplicates are skipped.
// Cost: O(sentences^2) per story, well under a millisecond for a few short
// documents. A loaded Summarizer is immutable; Summarize is thread-safe.
//
//   auto summarizer = Summarizer::Load(analyze::DefaultDataDir());
//   auto summary = summarizer->Summarize(docs, {}, {.max_words = 60});
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "reconcile/brief.h"

namespace crosscheck::reconcile {

struct SummaryInput {
  // (index into docs, sentence index) -> independent sources behind the facts
  // that sentence states; sentences not listed have no known support.
  std::map<std::pair<size_t, uint32_t>, double> support;
  // is_copy[d]: docs[d] is a syndicated copy of another document and is not
  // summarized. Empty: no copies known.
  std::vector<bool> is_copy;
};

// The length cap; 0 = no cap of that kind. Whole sentences only: a sentence
// that does not fit is passed over for a shorter one; the first pick is
// always taken. Words are whitespace-separated.
struct SummaryLength {
  size_t max_words = 0;
  size_t max_sentences = 0;
};

struct SummaryWeights {
  // Tuned for ROUGE on NeuS train and val (docs/summary.md); the penalties
  // are kept where ROUGE is indifferent to them.
  double centrality = 2.0;     // mean cosine with the other documents
  double headline = 1.2;       // cosine with the documents' headlines
  double position = 0.4;       // 1 / (1 + index in document)
  double support = 0.6;        // log-scaled support, 0..1
  double loaded = 0.24;        // per loaded-word weight unit
  double quote = 0.25;         // times the share of its words inside quotation marks
  double question = 0.6;       // sentence is a question
  double first_person = 0.4;   // I/we/my/our outside quotation marks
  double fragment = 0.4;       // attribution-only or heading-like fragment
  double dangling = 0.2;       // opens with "It", "But", "However"...: needs the sentence before
  double redundancy = 0.7;     // MMR: times the highest cosine with a picked sentence
  double duplicate = 0.6;      // cosine at or above: a repeat, never picked
  size_t min_words = 6;        // shorter sentences are not candidates
  bool drop_parentheticals = true;  // "(DOJ)", "(R-Texas)": short asides are cut from the text
};

class Summarizer {
 public:
  // Reads `data_dir`/lexicons/loaded_words.tsv; errors name file and line.
  static Result<Summarizer> Load(const std::filesystem::path& data_dir, SummaryWeights weights = {});

  // Sentences in the order picked (most central first). Empty when no
  // document has a candidate sentence.
  std::vector<SummarySentence> Summarize(const std::vector<const AnalyzedDocument*>& docs,
                                         const SummaryInput& extra, SummaryLength length) const;

  struct Lexicon;  // loaded words and background document frequencies

 private:
  std::shared_ptr<const Lexicon> lexicon_;
  SummaryWeights weights_;
};

}  // namespace crosscheck::reconcile
