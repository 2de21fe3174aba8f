#include "reconcile/timeline.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "reconcile/word_tools.h"

namespace crosscheck::reconcile {
namespace {

struct Entry {
  TimelineEntry out;
  std::set<std::string> lemmas;
  size_t order = 0;
};

std::string Excerpt(const std::string& text) {
  constexpr size_t kMax = 200;
  if (text.size() <= kMax) return text;
  size_t cut = text.rfind(' ', kMax);
  if (cut == std::string::npos) cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

}  // namespace

namespace {

// The date mentions of an undated document, month names resolved against
// the story's date (see the header); others keep iso "".
std::vector<DateMention> StoryDates(const AnalyzedDocument& doc, const facts::DateResolver& dates,
                                    const std::string& story_date) {
  AnalyzedDocument copy;
  copy.doc.text = doc.doc.text;
  copy.doc.date = story_date;
  copy.tokens = doc.tokens;
  copy.sentences = doc.sentences;
  dates.Resolve(&copy);
  for (DateMention& m : copy.dates) {
    bool named = false;  // a capitalised word: a month name, not "earlier this month"
    const std::string_view text = SpanText(doc, m.span);
    for (size_t i = 0; i < text.size(); ++i)
      if ((i == 0 || text[i - 1] == ' ') && std::isupper(static_cast<unsigned char>(text[i]))) named = true;
    if (m.granularity != "month" || !named) { m.iso.clear(); m.granularity.clear(); }
  }
  return copy.dates;
}

}  // namespace

std::vector<TimelineEntry> BuildTimeline(const std::vector<const AnalyzedDocument*>& docs,
                                         const std::vector<bool>& is_copy, size_t max_entries,
                                         const facts::DateResolver* resolver, const std::string& story_date) {
  std::vector<Entry> entries;
  size_t order = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    if (is_copy[d]) continue;
    const AnalyzedDocument& doc = *docs[d];
    std::set<uint32_t> quoted, claimed;
    for (const Quote& q : doc.quotes) quoted.insert(q.sentence);
    for (const Claim& c : doc.claims) claimed.insert(c.sentence);
    // One entry per sentence, dated by its most specific date mention.
    std::vector<DateMention> inferred;
    if (doc.doc.date.empty() && resolver && !story_date.empty()) inferred = StoryDates(doc, *resolver, story_date);
    const std::vector<DateMention>& mentions = inferred.empty() ? doc.dates : inferred;
    std::map<uint32_t, const DateMention*> by_sentence;
    for (const DateMention& m : mentions) {
      if (m.iso.empty() || m.sentence >= doc.sentences.size()) continue;
      const DateMention*& best = by_sentence[m.sentence];
      if (!best || m.iso.size() > best->iso.size()) best = &m;
    }
    for (const auto& [sentence, mention] : by_sentence) {
      const DateMention& m = *mention;
      Entry e;
      e.out.date = m.iso;
      e.out.granularity = m.granularity;
      e.out.text = Excerpt(SentenceText(doc, m.sentence));
      e.out.cites.push_back({doc.doc.id, m.sentence});
      e.out.documents.push_back(doc.doc.id);
      e.out.kind = claimed.count(m.sentence) || !quoted.count(m.sentence) ? "event" : "statement";
      e.lemmas = ContentLemmas(doc, doc.sentences[m.sentence].span);
      e.order = order++;
      bool merged = false;
      for (Entry& other : entries) {
        if (other.out.date != e.out.date || other.out.kind == "publication") continue;
        if (Jaccard(other.lemmas, e.lemmas) < 0.4) continue;
        if (std::find(other.out.documents.begin(), other.out.documents.end(), doc.doc.id) == other.out.documents.end()) {
          other.out.documents.push_back(doc.doc.id);
          other.out.cites.push_back(e.out.cites.front());
        }
        merged = true;
        break;
      }
      if (!merged) entries.push_back(std::move(e));
    }
  }
  for (size_t d = 0; d < docs.size(); ++d) {
    const Document& doc = docs[d]->doc;
    if (doc.date.empty()) continue;
    Entry e;
    e.out.date = doc.date;
    e.out.granularity = doc.date.size() == 10 ? "day" : doc.date.size() == 7 ? "month" : "year";
    e.out.text = "Published: " + (doc.title.empty() ? doc.id : doc.title) + (doc.source.empty() ? "" : " (" + doc.source + ")");
    e.out.documents.push_back(doc.id);
    e.out.kind = "publication";
    e.order = order++;
    entries.push_back(std::move(e));
  }
  // Too many entries: keep those most documents share, then the earliest read.
  if (entries.size() > max_entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      const bool pa = a.out.kind == "publication", pb = b.out.kind == "publication";
      if (pa != pb) return pa;
      return a.out.documents.size() > b.out.documents.size();
    });
    entries.resize(max_entries);
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    if (a.out.date != b.out.date) return a.out.date < b.out.date;
    return a.order < b.order;
  });
  std::vector<TimelineEntry> out;
  for (Entry& e : entries) out.push_back(std::move(e.out));
  return out;
}

}  // namespace crosscheck::reconcile
