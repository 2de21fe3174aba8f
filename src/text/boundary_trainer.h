// text/boundary_trainer.h (private to text/): averaged-perceptron training of
// the BoundaryClassifier on gold UD documents. The tokenizer (with the learned
// `lexicon`) and the splitter's candidate finder run on each document's raw
// text; a candidate is positive when a gold sentence ends where it does.
// Deterministic: documents in order, examples shuffled by a fixed-seed LCG.
#pragma once
#include <vector>

#include "text/boundary_classifier.h"
#include "text/token_lexicon.h"
#include "text/ud_text.h"

namespace crosscheck::text {

// Returns training accuracy (percent); *examples gets the number of candidates.
double TrainBoundaryClassifier(const std::vector<UdDocument>& docs, const TokenLexicon& lexicon,
                               int epochs, BoundaryClassifier* classifier, size_t* examples);

}  // namespace crosscheck::text
