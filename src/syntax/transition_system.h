// syntax/transition_system.h (private to syntax/): the arc-eager transition
// system with the root at the END of the buffer (Ballesteros & Nivre 2013:
// fewer premature root attachments than a root at the front), and its dynamic
// oracle (Goldberg & Nivre 2012), which gives the cost of every move from any
// state so the trainer can learn to recover from its own mistakes.
//
// Words are 0-based; the artificial root is index n. Arcs are unlabeled here:
// labels are chosen by a separate classifier when an arc is made (a row of 4
// move scores per feature instead of 2+2L keeps the parser fast).
// A ParseState is reused across sentences: Reset only grows its buffers.
#pragma once
#include <cstdint>
#include <vector>

namespace crosscheck::syntax {

enum Move : uint8_t { kShift = 0, kReduce = 1, kLeftArc = 2, kRightArc = 3 };
inline constexpr int kNumMoves = 4;
inline constexpr int kNone = -1;     // "no such word" in the accessors below
inline constexpr int kMaxLabels = 64;  // label sets are 64-bit masks

class ParseState {
 public:
  void Reset(int n);

  int size() const { return n_; }  // words; the root is index size()
  bool Terminal() const { return stack_.empty() && buffer_ == n_; }
  bool Legal(Move move) const;
  // Applies a legal move; `label` is stored on the arc made by kLeftArc/kRightArc.
  void Apply(Move move, int label);

  // Stack from the top (0) down and buffer from the front; kNone if absent.
  int Stack(int i) const {
    return i < static_cast<int>(stack_.size()) ? stack_[stack_.size() - 1 - i] : kNone;
  }
  int Buffer(int i) const { return buffer_ + i <= n_ ? buffer_ + i : kNone; }
  int stack_depth() const { return static_cast<int>(stack_.size()); }

  // Per-word arc information (words 0..n, root included); kNone if absent.
  int head(int w) const { return head_[w]; }
  int label(int w) const { return label_[w]; }
  int leftmost(int w) const { return left1_[w]; }
  int leftmost2(int w) const { return left2_[w]; }
  int rightmost(int w) const { return right1_[w]; }
  int rightmost2(int w) const { return right2_[w]; }
  int left_valency(int w) const { return n_left_[w]; }
  int right_valency(int w) const { return n_right_[w]; }
  uint64_t left_labels(int w) const { return left_labels_[w]; }
  uint64_t right_labels(int w) const { return right_labels_[w]; }

  // The dynamic-oracle cost (gold arcs made unreachable) of each legal move;
  // `gold_heads[w]` in 0..n (n = root) must form a projective tree.
  void MoveCosts(const std::vector<int>& gold_heads, int costs[kNumMoves]) const;

 private:
  void AddArc(int head, int dependent, int label);

  int n_ = 0;
  int buffer_ = 0;  // front of the buffer; == n_ when only the root is left
  std::vector<int> stack_;
  std::vector<int> head_, label_, left1_, left2_, right1_, right2_, n_left_, n_right_;
  std::vector<uint64_t> left_labels_, right_labels_;
};

// Lifts non-projective arcs (the shortest first) to the grandparent until the
// tree is projective. `heads[w]` in 0..n with n = root; changes it in place.
// Returns the number of lifted arcs.
int Projectivize(std::vector<int>* heads);

}  // namespace crosscheck::syntax
