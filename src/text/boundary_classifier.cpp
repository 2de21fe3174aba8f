#include "text/boundary_classifier.h"

#include <algorithm>

#include "text/char_class.h"

namespace crosscheck::text {
namespace {

constexpr uint32_t kMask = (1u << BoundaryClassifier::kBits) - 1;

// Coarse shape of a token: lower, Capitalized, UPPER, single capital, digit, punct, other.
char ShapeOf(std::string_view form) {
  if (form.empty()) return '0';
  size_t len = 1;
  const uint8_t first = FlagsAt(form, 0, &len);
  if (first & kDigit) return 'd';
  if (first & kPunct) return 'p';
  if (!(first & kLetter)) return 'o';
  if (!(first & kUpper)) return 'x';
  if (len == form.size()) return 'A';
  bool all_upper = true;
  for (size_t i = len; i < form.size();) {
    size_t l = 1;
    const uint8_t f = FlagsAt(form, i, &l);
    if ((f & kLetter) && !(f & kUpper)) { all_upper = false; break; }
    i += l;
  }
  return all_upper ? 'U' : 'C';
}

uint64_t LowerFormHash(uint64_t h, std::string_view form) {
  const size_t n = form.size() < 24 ? form.size() : 24;
  for (size_t i = 0; i < n; ++i) h = FnvByte(h, static_cast<unsigned char>(LowerAscii(form[i])));
  return h;
}

// The bytes LowerFormHash reads, lowercased once: w and r are hashed by
// several templates per candidate.
class LowerPrefix {
 public:
  explicit LowerPrefix(std::string_view form) : size_(form.size() < 24 ? form.size() : 24) {
    for (size_t i = 0; i < size_; ++i) bytes_[i] = static_cast<unsigned char>(LowerAscii(form[i]));
  }
  uint64_t Hash(uint64_t h) const {  // == LowerFormHash(h, form)
    for (size_t i = 0; i < size_; ++i) h = FnvByte(h, bytes_[i]);
    return h;
  }

 private:
  unsigned char bytes_[24];
  size_t size_;
};

// Builds feature hashes: template id, then values.
class FeatureSink {
 public:
  explicit FeatureSink(BoundaryFeatures* out) : out_(out) { out_->size = 0; }
  void Add(uint64_t h) {
    if (out_->size < BoundaryFeatures::kMax)
      out_->index[out_->size++] = static_cast<uint32_t>((h ^ (h >> 29)) & kMask);
  }
  static uint64_t Start(char id) { return FnvByte(kFnvOffset, static_cast<unsigned char>(id)); }

 private:
  BoundaryFeatures* out_;
};

char LengthBucket(std::string_view form) {
  return form.size() >= 6 ? '6' : static_cast<char>('0' + form.size());
}

char PeriodVote(const TokenLexicon& lexicon, std::string_view word) {
  if (word.ends_with('.') && word.size() > 1) word.remove_suffix(1);
  switch (lexicon.AttachPeriod(word)) {
    case TokenLexicon::Vote::kYes: return 'y';
    case TokenLexicon::Vote::kNo: return 'n';
    default: return '?';
  }
}

}  // namespace

bool IsTerminalPunctSlow(std::string_view f) {
  if (f.empty()) return false;
  if (f == "\xE2\x80\xA6") return true;  // …
  for (char c : f)
    if (c != '.' && c != '!' && c != '?') return false;
  return true;
}

bool IsCloser(std::string_view f) {
  return f == "\"" || f == "'" || f == ")" || f == "]" || f == "}" || f == "''" ||
         f == "\xE2\x80\x9D" || f == "\xE2\x80\x99" || f == "\xC2\xBB";
}

bool StartsUpperSlow(std::string_view form) {
  if (form.empty()) return false;
  size_t len = 1;
  return (FlagsAt(form, 0, &len) & kUpper) != 0;
}

void BoundaryClassifier::Extract(const std::vector<Token>& tokens, size_t paragraph_end,
                                 const Candidate& c, const TokenLexicon& lexicon,
                                 BoundaryFeatures* out) {
  FeatureSink sink(out);
  const std::string_view none = "<s>";
  const std::string_view t = tokens[c.terminal].form;
  const bool has_terminal = c.kind == CandidateKind::kTerminal;
  const std::string_view w = has_terminal ? (c.terminal > 0 ? std::string_view(tokens[c.terminal - 1].form) : none) : t;
  const std::string_view r = c.last + 1 < paragraph_end ? std::string_view(tokens[c.last + 1].form) : none;
  const std::string_view r2 = c.last + 2 < paragraph_end ? std::string_view(tokens[c.last + 2].form) : none;
  const char kind = static_cast<char>('0' + static_cast<int>(c.kind));
  const std::string_view term = !has_terminal ? "-" : t.size() > 3 ? t.substr(0, 3) : t;
  const char ws = ShapeOf(w), rs = ShapeOf(r), r2s = ShapeOf(r2);
  const auto S = [](char id) { return FeatureSink::Start(id); };

  const LowerPrefix lw(w), lr(r);
  sink.Add(FnvByte(S('b'), kind));
  sink.Add(lw.Hash(FnvByte(S('w'), kind)));
  sink.Add(FnvByte(FnvByte(S('s'), kind), ws));
  sink.Add(lr.Hash(FnvByte(S('r'), kind)));
  sink.Add(FnvBytes(FnvByte(S('R'), kind), r.substr(0, 24)));  // cased
  sink.Add(FnvByte(FnvByte(S('q'), kind), rs));
  sink.Add(FnvByte(lw.Hash(FnvByte(S('y'), kind)), rs));
  sink.Add(FnvByte(FnvByte(FnvByte(S('z'), kind), rs), r2s));
  sink.Add(FnvByte(FnvByte(FnvByte(S('x'), kind), ws), rs));
  if (c.kind == CandidateKind::kCapitalized) {  // cheap: evaluated at many tokens
    if (c.last > 0) sink.Add(LowerFormHash(FnvByte(S('p'), kind), tokens[c.last - 1].form));
    return;
  }
  sink.Add(FnvBytes(FnvByte(S('t'), kind), term));
  sink.Add(FnvByte(FnvByte(FnvByte(S('l'), kind), ws), LengthBucket(w)));
  sink.Add(FnvByte(FnvBytes(FnvByte(S('a'), kind), term), PeriodVote(lexicon, w)));
  sink.Add(FnvByte(FnvBytes(FnvByte(S('u'), kind), term), rs));
  sink.Add(FnvBytes(lw.Hash(FnvByte(S('v'), kind)), term));
  sink.Add(FnvByte(FnvByte(FnvBytes(FnvByte(S('X'), kind), term), ws), rs));
  sink.Add(FnvByte(FnvByte(S('n'), kind), tokens[c.last].space_after ? '1' : '0'));
  sink.Add(lr.Hash(FnvBytes(FnvByte(S('o'), kind), term)));
  if (c.last != c.terminal) {
    uint64_t h = FnvByte(S('c'), kind);
    for (uint32_t i = c.terminal + 1; i <= c.last; ++i) h = FnvBytes(FnvByte(h, ' '), tokens[i].form);
    sink.Add(h);
    sink.Add(FnvByte(h, rs));
  }
  if (c.terminal >= 2) {
    sink.Add(LowerFormHash(FnvByte(S('p'), kind), tokens[c.terminal - 2].form));
  }
}

void BoundaryClassifier::Write(ByteWriter* out) const {
  out->U32(kBits);
  out->F32(threshold_);
  uint32_t nonzero = 0;
  for (float w : weights_) nonzero += w != 0.0f;
  out->U32(nonzero);
  for (uint32_t i = 0; i < weights_.size(); ++i) {
    if (weights_[i] == 0.0f) continue;
    out->U32(i);
    out->F32(weights_[i]);
  }
}

Status BoundaryClassifier::Read(ByteReader* in) {
  if (in->U32() != kBits) return Status::Error("boundary classifier: unexpected feature table size");
  threshold_ = in->F32();
  std::fill(weights_.begin(), weights_.end(), 0.0f);
  for (uint32_t n = in->Count(1u << kBits); n > 0 && in->ok(); --n) {
    const uint32_t i = in->U32();
    const float w = in->F32();
    if (i >= weights_.size()) return Status::Error("boundary classifier: weight index out of range");
    weights_[i] = w;
  }
  return in->ok() ? Status::Ok() : Status::Error("boundary classifier truncated");
}

}  // namespace crosscheck::text
