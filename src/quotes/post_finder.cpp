#include "quotes/post_finder.h"

#include <cstdio>
#include <optional>

namespace crosscheck::quotes {
namespace {

constexpr uint32_t kMaxAuthorTokens = 6;

bool IsNumber(std::string_view f, size_t min_digits, size_t max_digits) {
  if (f.size() < min_digits || f.size() > max_digits) return false;
  for (char ch : f) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

struct PostTail {
  uint32_t name_first = 0, name_end = 0;
  uint32_t handle = 0;
  uint32_t end = 0;  // one past the year
  std::string date;  // ISO
};

// "Month D, YYYY" at token i.
std::optional<std::pair<std::string, uint32_t>> DateAt(const QuoteContext& c, uint32_t i) {
  if (i + 2 >= c.size()) return {};
  int month = c.lexicon().Month(c.form(i));
  if (month == 0 || !IsNumber(c.form(i + 1), 1, 2)) return {};
  uint32_t y = i + 2;
  if (c.form(y) == "," && y + 1 < c.size()) ++y;
  if (!IsNumber(c.form(y), 4, 4)) return {};
  int day = std::atoi(std::string(c.form(i + 1)).c_str());
  if (day < 1 || day > 31) return {};
  char iso[16];
  std::snprintf(iso, sizeof(iso), "%s-%02d-%02d", std::string(c.form(y)).c_str(), month, day);
  return std::make_pair(std::string(iso), y + 1);
}

// "— Name (@handle) Month D, YYYY" starting at the dash token.
std::optional<PostTail> TailAt(const QuoteContext& c, uint32_t dash) {
  PostTail tail;
  tail.name_first = dash + 1;
  uint32_t i = tail.name_first;
  while (i < c.size() && i - tail.name_first < kMaxAuthorTokens && c.form(i) != "(") ++i;
  if (i == tail.name_first || i + 3 >= c.size() || c.form(i) != "(") return {};
  tail.name_end = i;
  tail.handle = i + 1;
  if (!c.form(tail.handle).starts_with("@") || c.form(i + 2) != ")") return {};
  auto date = DateAt(c, i + 3);
  if (!date) return {};
  tail.date = date->first;
  tail.end = date->second;
  return tail;
}

}  // namespace

std::vector<Quote> FindPosts(const QuoteContext& c, std::vector<bool>* covered) {
  std::vector<Quote> posts;
  uint32_t previous_end = 0;
  for (uint32_t i = 1; i < c.size(); ++i) {
    std::string_view f = c.form(i);
    // Cheap first-byte test: the dashes are "—", "–" (0xE2 ...) or "--".
    if (f.empty() || (static_cast<unsigned char>(f[0]) != 0xE2 && f[0] != '-')) continue;
    if (!(c.classes(i) & kPostDash)) continue;
    std::optional<PostTail> tail = TailAt(c, i);
    if (!tail) continue;
    uint32_t first = i;
    while (first > previous_end && c.paragraph(first - 1) == c.paragraph(i)) --first;
    previous_end = tail->end;
    if (first == i) continue;
    Quote post;
    post.content = c.SpanOf(first, i);
    post.sentence = c.sentence(first);
    post.kind = "post";
    post.speaker = std::string(c.Text(c.SpanOf(tail->name_first, tail->name_end)));
    post.speaker_span = c.SpanOf(tail->name_first, tail->name_end);
    post.verb = "—";
    post.verb_span = c.token(i).span;
    post.stance = "neutral";
    post.handle = std::string(c.form(tail->handle));
    post.date = tail->date;
    posts.push_back(std::move(post));
    for (uint32_t t = first; t < tail->end; ++t) (*covered)[t] = true;
    i = tail->end - 1;
  }
  return posts;
}

}  // namespace crosscheck::quotes
