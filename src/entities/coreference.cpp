#include "entities/coreference.h"

#include <algorithm>
#include <map>

#include "entities/ner_features.h"

namespace crosscheck::entities {
namespace {

constexpr uint32_t kPronounWindowSentences = 3;
constexpr uint32_t kMaxTitleTokens = 12;

struct Draft {
  std::vector<RawMention> mentions;
  std::vector<std::string> name;  // lower-cased tokens of the longest name mention
  int64_t place = -1;
};

std::vector<std::string> LowerTokens(const AnalyzedDocument& doc, const RawMention& m) {
  std::vector<std::string> out;
  for (uint32_t t = m.first; t < m.end; ++t) out.push_back(AsciiLower(doc.tokens[t].form));
  return out;
}

bool IsStopWord(std::string_view w) {
  return w == "of" || w == "the" || w == "and" || w == "for" || w == "&" || w == "-" || w == "on";
}

// "HRW" for "human rights watch"; "" if fewer than two words count.
std::string Initials(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (IsStopWord(w) || w.empty()) continue;
    out.push_back(static_cast<char>(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0]));
  }
  return out.size() >= 2 ? out : "";
}

// "HRW", "U.N." -> "HRW", "UN"; "" if not an acronym.
std::string AcronymOf(std::string_view form) {
  std::string letters;
  for (char c : form) {
    if (c == '.') continue;
    if (c < 'A' || c > 'Z') return "";
    letters.push_back(c);
  }
  return letters.size() >= 2 && letters.size() <= 6 ? letters : "";
}

// Which draft `m` joins, and with what kind; -1 if a new entity.
int Match(const std::vector<Draft>& drafts, const std::vector<std::string>& words,
          const AnalyzedDocument& doc, const RawMention& m, std::string* kind) {
  const std::string acronym = words.size() == 1 ? AcronymOf(doc.tokens[m.first].form) : "";
  for (size_t d = 0; d < drafts.size(); ++d) {
    const Draft& draft = drafts[d];
    const std::string& type = draft.mentions.front().type;
    if (draft.name == words) return *kind = "name", static_cast<int>(d);
    if (type == "PERSON" && words.size() < draft.name.size() && words.size() == 1 &&
        (words[0] == draft.name.back() || (m.type == "PERSON" && words[0] == draft.name.front()))) {
      return *kind = "surname", static_cast<int>(d);
    }
    if (!acronym.empty() && type != "PERSON" && draft.name.size() >= 2 &&
        Initials(draft.name) == acronym) {
      return *kind = "acronym", static_cast<int>(d);
    }
    // Earlier short form, now the full name.
    if (m.type == "PERSON" && draft.name.size() == 1 && words.size() >= 2 &&
        words.back() == draft.name[0] && draft.place < 0) {
      return *kind = "name", static_cast<int>(d);
    }
    if (words.size() >= 2 && draft.name.size() == 1 && type != "PERSON" &&
        AcronymOf(draft.name[0].size() ? doc.tokens[draft.mentions.front().first].form : "") ==
            Initials(words) && !Initials(words).empty()) {
      return *kind = "name", static_cast<int>(d);
    }
  }
  return -1;
}

// Names first, so short forms and acronyms find their full forms.
void GroupNames(const AnalyzedDocument& doc, const std::vector<RawMention>& mentions,
                std::vector<Draft>* drafts) {
  std::map<int64_t, size_t> demonym_drafts;
  for (const RawMention& m : mentions) {
    if (m.kind == "demonym") {
      auto [it, added] = demonym_drafts.emplace(m.place, drafts->size());
      if (added) drafts->push_back({{}, LowerTokens(doc, m), m.place});
      (*drafts)[it->second].mentions.push_back(m);
      continue;
    }
    std::vector<std::string> words = LowerTokens(doc, m);
    std::string kind;
    const int d = Match(*drafts, words, doc, m, &kind);
    RawMention joined = m;
    joined.kind = kind.empty() ? "name" : kind;
    if (d < 0) {
      drafts->push_back({{joined}, words, -1});
      continue;
    }
    Draft& draft = (*drafts)[d];
    if (words.size() > draft.name.size() && joined.kind == "name") {
      for (RawMention& earlier : draft.mentions) {
        if (earlier.end - earlier.first < words.size()) {
          earlier.kind = AcronymOf(doc.tokens[earlier.first].form).empty() ? "surname" : "acronym";
          if (m.type == "PERSON") earlier.kind = "surname";
        }
      }
      draft.name = words;
      draft.mentions.front().type = m.type;  // the fullest form decides the type
    }
    joined.type = draft.mentions.front().type;
    draft.mentions.push_back(joined);
  }
}

uint32_t SentenceOf(const AnalyzedDocument& doc, uint32_t token) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), token,
                             [](uint32_t t, const Sentence& s) { return t < s.first_token; });
  return static_cast<uint32_t>(it - doc.sentences.begin()) - 1;
}

std::string Alphanumeric(std::string_view s) {
  std::string out;
  for (char c : AsciiLower(s)) if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  return out;
}

void AddHandles(const AnalyzedDocument& doc, std::vector<Draft>* drafts) {
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    if (!IsHandle(doc.tokens[t].form)) continue;
    const std::string handle = Alphanumeric(doc.tokens[t].form);
    for (Draft& draft : *drafts) {
      if (draft.mentions.front().type != "PERSON") continue;
      std::string joined;
      for (const std::string& w : draft.name) joined += Alphanumeric(w);
      const std::string last = Alphanumeric(draft.name.back());
      if (handle == joined || (last.size() >= 4 && handle.find(last) != std::string::npos)) {
        draft.mentions.push_back({t, t + 1, SentenceOf(doc, t), "PERSON", "handle", -1});
        break;
      }
    }
  }
}

// End (exclusive) of the apposition subtree rooted at `root`, from the syntax layer.
std::pair<uint32_t, uint32_t> SubtreeExtent(const AnalyzedDocument& doc, const Sentence& s, uint32_t root) {
  uint32_t lo = root, hi = root + 1;
  for (uint32_t t = s.first_token; t < s.end_token; ++t) {
    uint32_t cur = t;
    for (int depth = 0; depth < 64 && cur != root && doc.syntax[cur].head != 0; ++depth) {
      cur = s.first_token + doc.syntax[cur].head - 1;
    }
    if (cur == root) lo = std::min(lo, t), hi = std::max(hi, t + 1);
  }
  return {lo, hi};
}

// "NAME, the TITLE-phrase" -> the title tokens, or {0, 0}.
std::pair<uint32_t, uint32_t> TitleAfter(const AnalyzedDocument& doc, const RawMention& m,
                                         const CorefLexicons& lexicons) {
  const Sentence& s = doc.sentences[m.sentence];
  const bool has_syntax = doc.syntax.size() == doc.tokens.size();
  if (has_syntax) {
    for (uint32_t t = m.end; t < s.end_token; ++t) {
      const uint32_t head = s.first_token + doc.syntax[t].head - 1;
      if (doc.syntax[t].deprel == "appos" && head >= m.first && head < m.end) {
        return SubtreeExtent(doc, s, t);
      }
    }
    return {0, 0};
  }
  auto form = [&](uint32_t t) { return AsciiLower(doc.tokens[t].form); };
  if (m.end + 2 >= s.end_token || form(m.end) != "," ||
      (form(m.end + 1) != "the" && form(m.end + 1) != "a" && form(m.end + 1) != "an")) {
    return {0, 0};
  }
  bool titled = false;
  for (uint32_t t = m.end + 1; t < s.end_token && t < m.end + kMaxTitleTokens; ++t) {
    const std::string w = form(t);
    if (w == "," || w == "." || w == ";" || w == ")") return titled ? std::pair{m.end + 1, t} : std::pair{0u, 0u};
    titled |= lexicons.titles.count(w) > 0;
  }
  return {0, 0};
}

void AddTitles(const AnalyzedDocument& doc, const CorefLexicons& lexicons, std::vector<Draft>* drafts) {
  for (Draft& draft : *drafts) {
    if (draft.mentions.front().type != "PERSON") continue;
    std::vector<RawMention> titles;
    for (const RawMention& m : draft.mentions) {
      if (m.kind != "name" && m.kind != "surname") continue;
      auto [first, end] = TitleAfter(doc, m, lexicons);
      if (end > first) titles.push_back({first, end, m.sentence, "PERSON", "title", -1});
    }
    draft.mentions.insert(draft.mentions.end(), titles.begin(), titles.end());
  }
}

bool IsSpeechSubject(const AnalyzedDocument& doc, uint32_t t, const CorefLexicons& lexicons) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  if (doc.syntax.size() == doc.tokens.size() && doc.syntax[t].deprel == "nsubj") {
    const uint32_t head = SentenceOf(doc, t);
    const uint32_t h = doc.sentences[head].first_token + doc.syntax[t].head - 1;
    return h < n && lexicons.speech_verbs.count(AsciiLower(doc.tokens[h].form)) > 0;
  }
  for (uint32_t k = t + 1; k < n && k <= t + 2; ++k) {
    const std::string w = AsciiLower(doc.tokens[k].form);
    if (lexicons.speech_verbs.count(w)) return true;
    if (!(w.size() > 3 && w.ends_with("ly")) && w != "has" && w != "had" && w != "also") return false;
  }
  return false;
}

void AddPronouns(const AnalyzedDocument& doc, const CorefLexicons& lexicons, std::vector<Draft>* drafts) {
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    const std::string w = AsciiLower(doc.tokens[t].form);
    if ((w != "he" && w != "she") || !IsSpeechSubject(doc, t, lexicons)) continue;
    const uint32_t sentence = SentenceOf(doc, t);
    Draft* best = nullptr;
    uint32_t best_end = 0;
    for (Draft& draft : *drafts) {
      if (draft.mentions.front().type != "PERSON") continue;
      bool other_gender = false;
      uint32_t last_end = 0;
      for (const RawMention& m : draft.mentions) {
        if (m.end > t || m.sentence + kPronounWindowSentences < sentence) continue;
        if (m.kind == "pronoun" && AsciiLower(doc.tokens[m.first].form) != w) other_gender = true;
        if (m.kind != "title") last_end = std::max(last_end, m.end);
      }
      if (!other_gender && last_end > best_end) best = &draft, best_end = last_end;
    }
    if (best != nullptr) best->mentions.push_back({t, t + 1, sentence, "PERSON", "pronoun", -1});
  }
}

bool IsAllCaps(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

Entity ToEntity(const AnalyzedDocument& doc, Draft draft) {
  std::sort(draft.mentions.begin(), draft.mentions.end(),
            [](const RawMention& a, const RawMention& b) { return a.first < b.first; });
  Entity entity;
  entity.type = draft.mentions.front().type;
  uint32_t longest = 0;
  for (const RawMention& m : draft.mentions) {
    const Span span{doc.tokens[m.first].span.begin, doc.tokens[m.end - 1].span.end};
    entity.mentions.push_back({span, m.first, m.end, m.sentence, m.kind});
    const bool name_like = m.kind == "name" || m.kind == "demonym";
    // The longest form; on a tie, ordinary case beats a shouted headline.
    const bool better = m.end - m.first > longest ||
                        (m.end - m.first == longest && IsAllCaps(entity.name) &&
                         !IsAllCaps(doc.tokens[m.first].form));
    if (name_like && better) {
      longest = m.end - m.first;
      entity.name = doc.doc.text.substr(span.begin, span.size());
    }
  }
  if (entity.name.empty()) {
    const EntityMention& m = entity.mentions.front();
    entity.name = doc.doc.text.substr(m.span.begin, m.span.size());
  }
  return entity;
}

}  // namespace

std::vector<Entity> ResolveEntities(const AnalyzedDocument& doc, std::vector<RawMention> mentions,
                                    const CorefLexicons& lexicons,
                                    std::vector<int64_t>* demonym_places) {
  // Longer names first within the document order would lose "earlier short
  // form" cases, so order strictly by position.
  std::sort(mentions.begin(), mentions.end(),
            [](const RawMention& a, const RawMention& b) { return a.first < b.first; });
  std::vector<Draft> drafts;
  GroupNames(doc, mentions, &drafts);
  AddHandles(doc, &drafts);
  AddTitles(doc, lexicons, &drafts);
  AddPronouns(doc, lexicons, &drafts);
  std::vector<Entity> entities;
  demonym_places->clear();
  for (Draft& draft : drafts) {
    demonym_places->push_back(draft.place);
    entities.push_back(ToEntity(doc, std::move(draft)));
  }
  std::vector<size_t> order(entities.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return entities[a].mentions.front().first_token < entities[b].mentions.front().first_token;
  });
  std::vector<Entity> sorted;
  std::vector<int64_t> places;
  for (size_t i : order) sorted.push_back(std::move(entities[i])), places.push_back((*demonym_places)[i]);
  *demonym_places = std::move(places);
  return sorted;
}

}  // namespace crosscheck::entities
