#include "quotes/speaker_resolver.h"

namespace crosscheck::quotes {
namespace {

constexpr uint32_t kMaxPronounDistanceTokens = 250;
constexpr uint32_t kMaxNameRunTokens = 4;

bool IsPlainPronoun(std::string_view lower) { return lower == "he" || lower == "she"; }

}  // namespace

SpeakerResolver::SpeakerResolver(const QuoteContext& c) : c_(c) {
  const auto& entities = c.doc().entities;
  if (entities.empty()) return;
  entity_of_.assign(c.size(), -1);
  for (int32_t e = 0; e < static_cast<int32_t>(entities.size()); ++e) {
    for (const EntityMention& m : entities[e].mentions) {
      for (uint32_t t = m.first_token; t < m.end_token && t < c.size(); ++t) entity_of_[t] = e;
    }
  }
}

int32_t SpeakerResolver::EntityAt(uint32_t token) const {
  return token < entity_of_.size() ? entity_of_[token] : -1;
}

std::string SpeakerResolver::TokensText(uint32_t first, uint32_t end) const {
  return std::string(c_.Text(c_.SpanOf(first, end)));
}

bool SpeakerResolver::IsOrgRun(uint32_t first, uint32_t end) const {
  for (uint32_t t = first; t < end; ++t) {
    if (c_.classes(t) & kOrgWord) return true;
  }
  return false;
}

// Capitalized runs of 2-4 words that do not start a sentence with a function
// word and hold no organisation word: candidate full names of persons.
void SpeakerResolver::IndexNames() {
  names_indexed_ = true;
  for (uint32_t i = 0; i < c_.size();) {
    if (!c_.IsCapitalized(i)) {
      ++i;
      continue;
    }
    uint32_t end = i;
    const uint32_t sentence_end = c_.sentence_at(c_.sentence(i)).end_token;
    while (end < sentence_end && c_.IsCapitalized(end)) ++end;
    if (end == i) end = i + 1;
    uint32_t first = i;
    if (end - first >= 2) {  // single capitalized words are never full names
      while (first < end && (c_.classes(first) & (kStop | kDeterminer | kPronoun | kMonth))) ++first;
    }
    if (end - first >= 2 && end - first <= kMaxNameRunTokens && !IsOrgRun(first, end)) {
      surname_.emplace(c_.form(end - 1), static_cast<uint32_t>(runs_.size()));
      runs_.push_back({first, end});
    }
    i = end;
  }
}

std::string SpeakerResolver::FullName(uint32_t surname) {
  if (!names_indexed_) IndexNames();
  auto it = surname_.find(c_.form(surname));
  if (it == surname_.end()) return "";
  const NameRun& run = runs_[it->second];
  return TokensText(run.first, run.end);
}

ResolvedSpeaker SpeakerResolver::FromEntity(int32_t entity, const SpeakerPhrase& p) const {
  ResolvedSpeaker r;
  r.entity = entity;
  r.name = c_.doc().entities[entity].name;
  if (p.named() && p.name_first > p.first) r.role = TokensText(p.first, p.name_first);
  return r;
}

// The nearest earlier person: a name run, a single word that is the surname of
// a run, or an earlier resolved speaker; whichever is closest.
ResolvedSpeaker SpeakerResolver::ResolvePronoun(uint32_t pronoun) {
  std::string lower = Lower(c_.form(pronoun));
  const uint32_t limit = pronoun > kMaxPronounDistanceTokens ? pronoun - kMaxPronounDistanceTokens : 0;
  if (!IsPlainPronoun(lower)) {  // they, we, it: the latest speaker nearby
    if (!history_.empty() && history_.back().first >= limit) return history_.back().second;
    return {};
  }
  if (!names_indexed_) IndexNames();
  for (uint32_t t = pronoun; t > limit; --t) {
    uint32_t i = t - 1;
    if (!c_.IsCapitalized(i) || IsOrgRun(i, i + 1)) continue;
    if (i > 0 && c_.IsCapitalized(i - 1) && c_.sentence(i - 1) == c_.sentence(i)) continue;
    uint32_t end = i + 1;
    while (end < pronoun && c_.IsCapitalized(end)) ++end;
    if (IsOrgRun(i, end)) continue;
    std::string full = FullName(end - 1);
    if (!full.empty()) return ResolvedSpeaker{full, "", -1, {}};
  }
  return {};
}

ResolvedSpeaker SpeakerResolver::Resolve(const SpeakerPhrase& p) {
  ResolvedSpeaker r;
  uint32_t head = p.named() ? p.name_end - 1 : p.end - 1;
  int32_t e = EntityAt(head);
  // He/she resolved to an organisation or place is a coreference slip: ignore it.
  if (e >= 0 && p.pronoun && IsPlainPronoun(Lower(c_.form(p.first))) &&
      c_.doc().entities[e].type != "PERSON") {
    e = -1;
  }
  if (e >= 0 && (p.pronoun || p.named())) {
    r = FromEntity(e, p);
  } else if (p.pronoun) {
    r = ResolvePronoun(p.first);
    if (r.name.empty()) r.name = TokensText(p.first, p.end);
  } else if (p.named()) {
    r.name = TokensText(p.name_first, p.name_end);
    if (p.name_end - p.name_first == 1) {
      std::string full = FullName(p.name_first);
      if (!full.empty()) r.name = full;
    }
    if (p.name_first > p.first) r.role = TokensText(p.first, p.name_first);
  } else {
    r.name = TokensText(p.first, p.end);
  }
  r.span = c_.SpanOf(p.first, p.end);
  history_.emplace_back(p.first, r);
  return r;
}

}  // namespace crosscheck::quotes
