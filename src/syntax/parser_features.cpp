#include "syntax/parser_features.h"

#include <algorithm>

#include "core/binary_io.h"

namespace crosscheck::syntax {
namespace {

constexpr uint64_t kMul = 0x9e3779b97f4a7c15ull;
constexpr uint64_t kNoLabel = 0x5bd1e9955bd1e995ull;

uint64_t Atom(std::string_view prefix, std::string_view value) {
  return Mix64(FnvBytes(HashString(prefix), value));
}

uint64_t ShapeOf(std::string_view form) {
  bool upper_first = false, any_upper = false, any_lower = false, any_digit = false, any_other = false;
  for (size_t i = 0; i < form.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(form[i]);
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
    if (i == 0) upper_first = upper;
    any_upper |= upper;
    any_lower |= lower;
    any_digit |= digit;
    any_other |= !(upper || lower || digit) && c < 0x80;
  }
  const uint64_t length_class = std::min<size_t>(form.size(), 4);
  return 1 + (upper_first << 1 | any_upper << 2 | any_lower << 3 | any_digit << 4 | any_other << 5 |
              length_class << 6);
}

// Adds keys of numbered templates; a template's number is its call order, so
// every template is always emitted (with filler atoms when a position is empty).
class KeyWriter {
 public:
  KeyWriter(FeatureKeys* out, uint64_t seed) : out_(out), seed_(seed) { out_->size = 0; }
  void operator()(uint64_t a) { Push(Next() * kMul + a); }
  void operator()(uint64_t a, uint64_t b) { Push((Next() * kMul + a) * kMul + b); }
  void operator()(uint64_t a, uint64_t b, uint64_t c) {
    Push(((Next() * kMul + a) * kMul + b) * kMul + c);
  }
  void operator()(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
    Push((((Next() * kMul + a) * kMul + b) * kMul + c) * kMul + d);
  }

 private:
  uint64_t Next() { return seed_ + 2 * static_cast<uint64_t>(++template_); }
  void Push(uint64_t key) { out_->key[out_->size++] = key; }
  FeatureKeys* out_;
  uint64_t seed_;
  int template_ = 0;
};

uint64_t DistanceClass(int a, int b) {
  if (a < 0 || b < 0) return 0;
  const int d = std::abs(b - a);
  return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

uint64_t LabelAtom(const ParseState& state, int w) {
  return w < 0 || state.label(w) < 0 ? kNoLabel : static_cast<uint64_t>(state.label(w)) + 1;
}

}  // namespace

void ComputeAtoms(const std::vector<ParserWord>& words, std::vector<WordAtoms>* out) {
  out->resize(words.size() + 2);
  std::string lower;
  for (size_t i = 0; i < words.size(); ++i) {
    const ParserWord& word = words[i];
    lower.assign(word.form);
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    WordAtoms& a = (*out)[i];
    a.word = Atom("w", lower);
    a.suffix = Atom("s", std::string_view(lower).substr(lower.size() > 3 ? lower.size() - 3 : 0));
    a.shape = ShapeOf(word.form);
    a.xpos = Atom("p", word.xpos);
    a.upos = Atom("u", word.upos);
    a.lemma = Atom("l", word.lemma);
  }
  const uint64_t root = Atom("", "<root>"), none = Atom("", "<none>");
  (*out)[words.size()] = WordAtoms{root, root, root, root, root, root};
  (*out)[words.size() + 1] = WordAtoms{none, none, none, none, none, none};
}

void ExtractMoveFeatures(const ParseState& state, const std::vector<WordAtoms>& atoms,
                         FeatureKeys* out) {
  const int filler = state.size() + 1;
  const auto at = [&](int w) -> const WordAtoms& { return atoms[w < 0 ? filler : w]; };
  const auto up = [&](int w) { return w < 0 ? kNone : state.head(w); };
  const int s0 = state.Stack(0), s1 = state.Stack(1), s2 = state.Stack(2);
  const int n0 = state.Buffer(0), n1 = state.Buffer(1), n2 = state.Buffer(2);
  const int s0h = up(s0), s0h2 = up(s0h);
  const int s0l = s0 < 0 ? kNone : state.leftmost(s0), s0l2 = s0 < 0 ? kNone : state.leftmost2(s0);
  const int s0r = s0 < 0 ? kNone : state.rightmost(s0), s0r2 = s0 < 0 ? kNone : state.rightmost2(s0);
  const int n0l = n0 < 0 ? kNone : state.leftmost(n0), n0l2 = n0 < 0 ? kNone : state.leftmost2(n0);
  const WordAtoms &S0 = at(s0), &S1 = at(s1), &S2 = at(s2), &N0 = at(n0), &N1 = at(n1), &N2 = at(n2);
  const WordAtoms &S0h = at(s0h), &S0h2 = at(s0h2), &S0l = at(s0l), &S0l2 = at(s0l2);
  const WordAtoms &S0r = at(s0r), &S0r2 = at(s0r2), &N0l = at(n0l), &N0l2 = at(n0l2);
  const uint64_t dist = DistanceClass(s0, n0);
  const uint64_t s0vl = s0 < 0 ? 99 : state.left_valency(s0), s0vr = s0 < 0 ? 99 : state.right_valency(s0);
  const uint64_t n0vl = n0 < 0 ? 99 : state.left_valency(n0);
  const uint64_t s0sl = s0 < 0 ? 1 : state.left_labels(s0), s0sr = s0 < 0 ? 1 : state.right_labels(s0);
  const uint64_t n0sl = n0 < 0 ? 1 : state.left_labels(n0);
  const WordAtoms& before_n0 = at(n0 > 0 ? n0 - 1 : kNone);
  const WordAtoms& after_s0 = at(s0 >= 0 ? s0 + 1 : kNone);
  KeyWriter add(out, 0);
  // Single words.
  add(S0.word, S0.xpos); add(S0.word); add(S0.xpos);
  add(N0.word, N0.xpos); add(N0.word); add(N0.xpos);
  add(N1.word, N1.xpos); add(N1.word); add(N1.xpos);
  add(N2.word, N2.xpos); add(N2.word); add(N2.xpos);
  add(S0.lemma); add(N0.lemma); add(N1.lemma); add(S0.upos); add(N0.upos);
  add(N0.suffix); add(S0.suffix); add(N0.shape, N0.xpos); add(S0.shape, S0.xpos);
  // Pairs of s0 and n0.
  add(S0.word, S0.xpos, N0.word, N0.xpos); add(S0.word, S0.xpos, N0.word);
  add(S0.word, N0.word, N0.xpos); add(S0.word, S0.xpos, N0.xpos); add(S0.xpos, N0.word, N0.xpos);
  add(S0.word, N0.word); add(S0.xpos, N0.xpos); add(N0.xpos, N1.xpos);
  add(S0.lemma, N0.lemma); add(S0.upos, N0.upos); add(S0.lemma, N0.xpos); add(S0.xpos, N0.lemma);
  // Three words.
  add(N0.xpos, N1.xpos, N2.xpos); add(S0.xpos, N0.xpos, N1.xpos); add(S0h.xpos, S0.xpos, N0.xpos);
  add(S0.xpos, S0l.xpos, N0.xpos); add(S0.xpos, S0r.xpos, N0.xpos); add(S0.xpos, N0.xpos, N0l.xpos);
  add(S1.xpos, S0.xpos, N0.xpos); add(S1.xpos, S0.xpos); add(S1.word, S0.word);
  add(S0.upos, N0.upos, N1.upos); add(S1.upos, S0.upos, N0.upos);
  // Distance.
  add(S0.word, dist); add(S0.xpos, dist); add(N0.word, dist); add(N0.xpos, dist);
  add(S0.word, N0.word, dist); add(S0.xpos, N0.xpos, dist);
  // Valency.
  add(S0.word, s0vr); add(S0.xpos, s0vr); add(S0.word, s0vl); add(S0.xpos, s0vl);
  add(N0.word, n0vl); add(N0.xpos, n0vl);
  // Heads and outermost children.
  add(S0h.word); add(S0h.xpos); add(LabelAtom(state, s0));
  add(S0l.word); add(S0l.xpos); add(LabelAtom(state, s0l));
  add(S0r.word); add(S0r.xpos); add(LabelAtom(state, s0r));
  add(N0l.word); add(N0l.xpos); add(LabelAtom(state, n0l));
  // Third order.
  add(S0h2.word); add(S0h2.xpos); add(LabelAtom(state, s0h));
  add(S0l2.word); add(S0l2.xpos); add(LabelAtom(state, s0l2));
  add(S0r2.word); add(S0r2.xpos); add(LabelAtom(state, s0r2));
  add(N0l2.word); add(N0l2.xpos); add(LabelAtom(state, n0l2));
  add(S0.xpos, S0l.xpos, S0l2.xpos); add(S0.xpos, S0r.xpos, S0r2.xpos);
  add(S0.xpos, S0h.xpos, S0h2.xpos); add(N0.xpos, N0l.xpos, N0l2.xpos);
  // Label sets.
  add(S0.word, s0sr); add(S0.xpos, s0sr); add(S0.word, s0sl); add(S0.xpos, s0sl);
  add(N0.word, n0sl); add(N0.xpos, n0sl);
  // Context beyond Zhang & Nivre: s1, s2, neighbours, labels with tags.
  add(S1.word, S1.xpos); add(S1.xpos, LabelAtom(state, s1)); add(S2.xpos, S1.xpos, S0.xpos);
  add(S1.xpos, N0.xpos); add(S1.word, N0.word);
  add(before_n0.xpos, N0.xpos, S0.xpos); add(S0.xpos, after_s0.xpos, N0.xpos);
  add(S0.xpos, LabelAtom(state, s0), N0.xpos); add(N0.word, N1.word);
  add(static_cast<uint64_t>(std::min(state.stack_depth(), 3)), N0.xpos);
}

void ExtractLabelFeatures(const ParseState& state, const std::vector<WordAtoms>& atoms, int head,
                          int dependent, FeatureKeys* out) {
  const int n = state.size(), filler = n + 1;
  const auto at = [&](int w) -> const WordAtoms& { return atoms[w < 0 || w > n ? filler : w]; };
  const WordAtoms &H = at(head), &D = at(dependent);
  const WordAtoms &d_prev = at(dependent - 1), &d_next = at(dependent + 1);
  const WordAtoms &h_prev = at(head - 1), &h_next = at(head + 1);
  const int dl = state.leftmost(dependent), dr = state.rightmost(dependent);
  const int hh = head < n ? state.head(head) : kNone;
  const uint64_t dist = DistanceClass(head, dependent);
  KeyWriter add(out, dependent < head ? 1 : 2);
  add(H.word); add(H.xpos); add(H.upos); add(H.lemma);
  add(D.word); add(D.xpos); add(D.upos); add(D.lemma); add(D.suffix); add(D.shape, D.xpos);
  add(H.word, D.word); add(H.xpos, D.xpos); add(H.word, D.xpos); add(H.xpos, D.word);
  add(H.lemma, D.lemma); add(H.upos, D.upos); add(H.xpos, D.xpos, dist);
  add(H.xpos, D.xpos, d_prev.xpos); add(H.xpos, D.xpos, d_next.xpos);
  add(H.xpos, D.xpos, h_prev.xpos); add(H.xpos, D.xpos, h_next.xpos);
  add(D.xpos, state.left_labels(dependent)); add(D.xpos, state.right_labels(dependent));
  add(H.xpos, head < n ? state.left_labels(head) : 0); add(H.xpos, head < n ? state.right_labels(head) : 0);
  add(H.xpos, LabelAtom(state, head < n ? head : kNone), D.xpos); add(H.xpos, at(hh).xpos, D.xpos);
  add(D.xpos, LabelAtom(state, dl), at(dl).word); add(D.xpos, LabelAtom(state, dr), at(dr).word);
  add(D.word, at(dl).xpos); add(D.lemma, at(dr).xpos);
  add(H.lemma, D.xpos, dist); add(D.lemma, H.xpos, dist);
  add(D.xpos, state.Buffer(1) >= 0 ? at(state.Buffer(1)).xpos : 0);
  add(H.xpos, D.xpos, state.left_valency(dependent), state.right_valency(dependent));
}

}  // namespace crosscheck::syntax
