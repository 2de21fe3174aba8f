#include "syntax/parser_beam.h"

#include <algorithm>

namespace crosscheck::syntax {

void Beam::Start(int n, int width, bool keep_history) {
  width_ = width;
  keep_history_ = keep_history;
  items_.resize(1);
  items_[0].state.Reset(n);
  items_[0].score = 0;
  items_[0].history.clear();
}

void Beam::Advance(const ParserModel& model, const std::vector<WordAtoms>& atoms, FeatureKeys* keys) {
  candidates_.clear();
  float scores[kNumMoves];
  for (int i = 0; i < static_cast<int>(items_.size()); ++i) {
    const ParseState& state = items_[i].state;
    ExtractMoveFeatures(state, atoms, keys);
    model.moves.Score(*keys, scores);
    for (int m = 0; m < kNumMoves; ++m) {
      if (state.Legal(static_cast<Move>(m))) candidates_.push_back({i, m, items_[i].score + scores[m]});
    }
  }
  const size_t keep = std::min<size_t>(width_, candidates_.size());
  std::partial_sort(candidates_.begin(), candidates_.begin() + keep, candidates_.end(),
                    [](const Candidate& a, const Candidate& b) {
                      if (a.score != b.score) return a.score > b.score;
                      return a.item != b.item ? a.item < b.item : a.move < b.move;
                    });
  next_.resize(keep);
  for (size_t j = 0; j < keep; ++j) {
    const Candidate& c = candidates_[j];
    const BeamItem& parent = items_[c.item];
    const ParseState& s = parent.state;
    int label = -1;
    if (c.move == kLeftArc) label = ChooseLabel(model, s, atoms, s.Buffer(0), s.Stack(0), keys);
    if (c.move == kRightArc) label = ChooseLabel(model, s, atoms, s.Stack(0), s.Buffer(0), keys);
    BeamItem& child = next_[j];
    child.state = s;  // copy-assign: reuses the child's buffers
    child.state.Apply(static_cast<Move>(c.move), label);
    child.score = c.score;
    if (keep_history_) {
      child.history = parent.history;
      child.history.push_back(EncodeStep(c.move, label));
    }
  }
  items_.swap(next_);
}

}  // namespace crosscheck::syntax
