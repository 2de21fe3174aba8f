// syntax/parser_beam.h (private to syntax/): greedy and beam-search decoding
// of the arc-eager parser, and the per-thread buffers both use.
// All items of a beam have made the same number of moves (arc-eager makes
// exactly 2n), so their summed move scores are comparable. Labels do not enter
// the beam score: each arc takes the label classifier's best label. Ties are
// broken by item rank, then move number, so decoding is deterministic.
#pragma once
#include <cstdint>
#include <vector>

#include "syntax/parser_features.h"
#include "syntax/parser_model.h"
#include "syntax/transition_system.h"

namespace crosscheck::syntax {

struct BeamItem {
  ParseState state;
  double score = 0;
  std::vector<uint16_t> history;  // per move: move | (label + 1) << 2 (trainer only)
};

class Beam {
 public:
  // Starts `width` (>= 1) hypotheses for a sentence of n words.
  void Start(int n, int width, bool keep_history);
  // Makes one move in every item and keeps the `width` best successors.
  void Advance(const ParserModel& model, const std::vector<WordAtoms>& atoms, FeatureKeys* keys);
  bool Done() const { return items_[0].state.Terminal(); }
  // Best first.
  const std::vector<BeamItem>& items() const { return items_; }

 private:
  struct Candidate {
    int item;
    int move;
    double score;
  };
  int width_ = 1;
  bool keep_history_ = false;
  std::vector<BeamItem> items_, next_;
  std::vector<Candidate> candidates_;
};

inline uint16_t EncodeStep(int move, int label) { return static_cast<uint16_t>(move | (label + 1) << 2); }
inline Move StepMove(uint16_t step) { return static_cast<Move>(step & 3); }
inline int StepLabel(uint16_t step) { return (step >> 2) - 1; }

// Working memory of ParseWords (ParserScratch::Buffers wraps one).
struct ParseBuffers {
  std::vector<WordAtoms> atoms;
  FeatureKeys keys;
  ParseState state;
  Beam beam;
};

}  // namespace crosscheck::syntax
