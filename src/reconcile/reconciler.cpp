#include "reconcile/reconciler.h"

#include <algorithm>
#include <fstream>
#include <set>

#include "reconcile/claim_aligner.h"
#include "reconcile/entity_merger.h"
#include "reconcile/quote_aligner.h"
#include "reconcile/timeline.h"
#include "reconcile/word_tools.h"

namespace crosscheck::reconcile {
namespace {

Result<std::map<std::string, std::string>> ReadParticipantClasses(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Status::Error(path.string() + ": cannot read (expected a lemma<TAB>class file)");
  std::map<std::string, std::string> classes;
  std::string line;
  int number = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size())
      return Status::Error(path.string() + ":" + std::to_string(number) + ": expected lemma<TAB>class");
    if (!header) { header = true; continue; }  // the column names
    classes[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return classes;
}

// The name a reader knows a document's publisher by: its source, else the
// site of its URL, else its id.
std::string OutletName(const Document& doc) {
  if (!doc.source.empty()) return doc.source;
  if (!doc.url.empty()) {
    size_t start = doc.url.find("://");
    start = start == std::string::npos ? 0 : start + 3;
    size_t end = doc.url.find('/', start);
    std::string host = doc.url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (host.rfind("www.", 0) == 0) host = host.substr(4);
    if (!host.empty()) return host;
  }
  // A file name stands for an unnamed outlet; its extension says nothing.
  for (const char* ext : {".txt", ".html", ".htm", ".json"}) {
    const std::string e = ext;
    if (doc.id.size() > e.size() && doc.id.compare(doc.id.size() - e.size(), e.size(), e) == 0)
      return doc.id.substr(0, doc.id.size() - e.size());
  }
  return doc.id;
}

}  // namespace

Result<Reconciler> Reconciler::Load(const std::filesystem::path& data_dir, ReconcileOptions options) {
  auto classes = ReadParticipantClasses(data_dir / "lexicons" / "participant_classes.tsv");
  if (!classes.ok()) return classes.status();
  auto summarizer = Summarizer::Load(data_dir);
  if (!summarizer.ok()) return summarizer.status();
  auto dates = facts::DateResolver::Load(data_dir / "lexicons");
  if (!dates.ok()) return dates.status();
  Reconciler r;
  r.options_ = options;
  r.summarizer_ = std::make_shared<const Summarizer>(std::move(summarizer).value());
  r.dates_ = std::make_shared<const facts::DateResolver>(std::move(dates).value());
  r.participant_class_ = std::make_shared<const std::map<std::string, std::string>>(std::move(classes).value());
  return r;
}

StoryBrief Reconciler::Reconcile(const cluster::Story& story,
                                 const std::vector<const AnalyzedDocument*>& documents) const {
  StoryBrief brief;
  brief.id = story.id;
  brief.title = story.title;
  brief.first_date = story.first_date;
  brief.last_date = story.last_date;

  std::map<std::string, std::string> copy_of;
  for (const cluster::StoryDocument& d : story.documents)
    if (!d.copy_of.empty()) copy_of[d.id] = d.copy_of;
  std::map<std::string, size_t> index_of;
  for (size_t d = 0; d < documents.size(); ++d) index_of[documents[d]->doc.id] = d;

  std::vector<std::string> outlets, independent;
  std::vector<bool> is_copy;
  for (const AnalyzedDocument* doc : documents) {
    BriefDocument out;
    out.id = doc->doc.id;
    out.title = doc->doc.title;
    out.date = doc->doc.date;
    out.source = doc->doc.source;
    out.url = doc->doc.url;
    if (auto it = copy_of.find(out.id); it != copy_of.end()) out.copy_of = it->second;
    out.sentences.reserve(doc->sentences.size());
    for (uint32_t s = 0; s < doc->sentences.size(); ++s) out.sentences.push_back(SentenceText(*doc, s));
    brief.documents.push_back(std::move(out));
    outlets.push_back(OutletName(doc->doc));
    is_copy.push_back(copy_of.count(doc->doc.id) > 0);
  }
  // A syndicated copy is its original's voice, however many hops away.
  for (size_t d = 0; d < documents.size(); ++d) {
    std::string id = documents[d]->doc.id;
    for (int hops = 0; hops < 16; ++hops) {
      auto it = copy_of.find(id);
      if (it == copy_of.end() || !index_of.count(it->second)) break;
      id = it->second;
    }
    independent.push_back(outlets[index_of[id]]);
  }
  if (brief.title.empty() && !documents.empty()) brief.title = documents.front()->doc.title;

  const MergedEntities entities = MergeEntities(documents);
  brief.entities = entities.entities;
  std::stable_sort(brief.entities.begin(), brief.entities.end(), [](const BriefEntity& a, const BriefEntity& b) {
    if (a.documents.size() != b.documents.size()) return a.documents.size() > b.documents.size();
    return a.mentions > b.mentions;
  });

  StoryContext context{documents, entities, *participant_class_, outlets, independent, options_};
  AlignedClaims aligned = AlignClaims(context);
  brief.claims = std::move(aligned.claims);
  brief.relays = std::move(aligned.relays);
  brief.independent_sources = aligned.independent_sources;
  for (size_t d = 0; d < documents.size(); ++d) {
    if (!is_copy[d]) continue;
    Relay copy;
    copy.from = independent[d];
    copy.to = outlets[d];
    copy.from_kind = copy.to_kind = "outlet";
    copy.kind = "copies";
    if (copy.from != copy.to) brief.relays.push_back(copy);
  }

  brief.quotes = AlignQuotes(documents, entities, *participant_class_, outlets, options_);
  brief.timeline = BuildTimeline(documents, is_copy, options_.timeline_entries, dates_.get(), story.last_date);
  SummaryInput summary_input{aligned.sentence_support, is_copy};
  brief.summary = summarizer_->Summarize(documents, summary_input,
                                         {.max_words = options_.summary_words, .max_sentences = options_.summary_sentences});
  return brief;
}

}  // namespace crosscheck::reconcile
