// text/sentence_splitter.h (private to text/): groups one paragraph's tokens
// into sentences.
// In: Tokens of one paragraph and, per token, the line breaks before it.
// Out: Sentences. Rules decide blank lines (always a boundary), single line
// breaks (a boundary unless the next line starts in lowercase: headlines,
// lists), and embedded posts (a line ending "— Name (@handle) July 14, 2017"
// is one sentence). The BoundaryClassifier decides the rest, and is only
// evaluated at candidates: after ".", "!", "?", "..." (plus closing quotes and
// brackets: `sources." These`), after abbreviations, and before capitalized
// words. Linear in tokens. Const: thread-safe; `candidates` is caller scratch.
#pragma once
#include <cstdint>
#include <vector>

#include "core/document.h"
#include "text/boundary_classifier.h"
#include "text/token_lexicon.h"

namespace crosscheck::text {

class SentenceSplitter {
 public:
  // Neither pointer is owned; both must outlive the splitter.
  SentenceSplitter(const TokenLexicon* lexicon, const BoundaryClassifier* classifier)
      : lexicon_(lexicon), classifier_(classifier) {}

  // Appends the sentences of tokens[begin, end) to *out, tagged with `paragraph`.
  void Split(const std::vector<Token>& tokens, const std::vector<uint8_t>& breaks, uint32_t begin,
             uint32_t end, uint32_t paragraph, std::vector<Candidate>* candidates,
             std::vector<Sentence>* out) const;

  // The candidate boundaries of tokens[begin, end) in order (shared with the trainer).
  static void FindCandidates(const std::vector<Token>& tokens, const std::vector<uint8_t>& breaks,
                             uint32_t begin, uint32_t end, std::vector<Candidate>* out);

  // True if the line tokens[begin, end) ends with an embedded-post attribution.
  static bool EndsWithPostAttribution(const std::vector<Token>& tokens, uint32_t begin,
                                      uint32_t end);

 private:
  bool IsBoundary(const std::vector<Token>& tokens, uint32_t end, const Candidate& c) const;

  const TokenLexicon* lexicon_;
  const BoundaryClassifier* classifier_;
};

}  // namespace crosscheck::text
