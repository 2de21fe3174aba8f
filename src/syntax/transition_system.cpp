#include "syntax/transition_system.h"

#include <algorithm>
#include <cstdlib>

namespace crosscheck::syntax {

void ParseState::Reset(int n) {
  n_ = n;
  buffer_ = 0;
  stack_.clear();
  const size_t words = static_cast<size_t>(n) + 1;
  for (auto* v : {&head_, &label_, &left1_, &left2_, &right1_, &right2_}) v->assign(words, kNone);
  n_left_.assign(words, 0);
  n_right_.assign(words, 0);
  left_labels_.assign(words, 0);
  right_labels_.assign(words, 0);
}

bool ParseState::Legal(Move move) const {
  switch (move) {
    case kShift: return buffer_ < n_;
    case kRightArc: return !stack_.empty() && buffer_ < n_;
    case kLeftArc: return !stack_.empty() && head_[stack_.back()] == kNone;
    case kReduce: return !stack_.empty() && head_[stack_.back()] != kNone;
  }
  return false;
}

void ParseState::AddArc(int head, int dependent, int label) {
  head_[dependent] = head;
  label_[dependent] = label;
  const uint64_t bit = label >= 0 ? (1ull << label) : 0;
  if (dependent < head) {
    if (left1_[head] == kNone || dependent < left1_[head]) {
      left2_[head] = left1_[head];
      left1_[head] = dependent;
    } else if (left2_[head] == kNone || dependent < left2_[head]) {
      left2_[head] = dependent;
    }
    ++n_left_[head];
    left_labels_[head] |= bit;
  } else {
    if (right1_[head] == kNone || dependent > right1_[head]) {
      right2_[head] = right1_[head];
      right1_[head] = dependent;
    } else if (right2_[head] == kNone || dependent > right2_[head]) {
      right2_[head] = dependent;
    }
    ++n_right_[head];
    right_labels_[head] |= bit;
  }
}

void ParseState::Apply(Move move, int label) {
  switch (move) {
    case kShift:
      stack_.push_back(buffer_++);
      break;
    case kReduce:
      stack_.pop_back();
      break;
    case kLeftArc:
      AddArc(buffer_, stack_.back(), label);
      stack_.pop_back();
      break;
    case kRightArc:
      AddArc(stack_.back(), buffer_, label);
      stack_.push_back(buffer_++);
      break;
  }
}

void ParseState::MoveCosts(const std::vector<int>& gold, int costs[kNumMoves]) const {
  const int b = buffer_;
  const int s = stack_.empty() ? kNone : stack_.back();
  // Gold dependents of b still on the stack without a head, and whether b's
  // gold head is on the stack (both lost if b is pushed).
  int b_children_on_stack = 0;
  bool b_head_on_stack = false;
  if (b < n_) {
    for (int k : stack_) {
      if (gold[k] == b && head_[k] == kNone) ++b_children_on_stack;
      if (gold[b] == k) b_head_on_stack = true;
    }
  }
  // Gold dependents of s still in the buffer (lost if s is popped).
  int s_children_in_buffer = 0;
  if (s != kNone) {
    for (int k = b; k < n_; ++k) s_children_in_buffer += gold[k] == s;
  }
  for (int m = 0; m < kNumMoves; ++m) costs[m] = 0;
  if (b < n_) costs[kShift] = b_children_on_stack + (b_head_on_stack ? 1 : 0);
  if (s != kNone) {
    costs[kReduce] = s_children_in_buffer;
    const bool s_head_later = gold[s] > b;  // in the buffer behind b (the root included)
    costs[kLeftArc] = s_children_in_buffer + (s_head_later ? 1 : 0);
    if (b < n_) {
      const bool b_head_elsewhere = gold[b] != s && (gold[b] > b || b_head_on_stack);
      costs[kRightArc] = b_children_on_stack + (b_head_elsewhere ? 1 : 0);
    }
  }
}

namespace {

// True if `ancestor` dominates `w` (or is w) in `heads` (root = n).
bool Dominates(const std::vector<int>& heads, int ancestor, int w) {
  const int n = static_cast<int>(heads.size());
  for (int steps = 0; w != n && steps <= n; ++steps) {
    if (w == ancestor) return true;
    w = heads[w];
  }
  return w == ancestor;
}

bool IsProjectiveArc(const std::vector<int>& heads, int dependent) {
  const int head = heads[dependent];
  const int lo = std::min(head, dependent), hi = std::max(head, dependent);
  for (int k = lo + 1; k < hi; ++k) {
    if (!Dominates(heads, head, k)) return false;
  }
  return true;
}

}  // namespace

int Projectivize(std::vector<int>* heads) {
  const int n = static_cast<int>(heads->size());
  int lifted = 0;
  for (;;) {
    int shortest = kNone;
    for (int d = 0; d < n; ++d) {
      const int h = (*heads)[d];
      if (h == n || IsProjectiveArc(*heads, d)) continue;
      if (shortest == kNone || std::abs(h - d) < std::abs((*heads)[shortest] - shortest)) shortest = d;
    }
    if (shortest == kNone || lifted > 4 * n) return lifted;
    (*heads)[shortest] = (*heads)[(*heads)[shortest]];
    ++lifted;
  }
}

}  // namespace crosscheck::syntax
