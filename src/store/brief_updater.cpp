// Step 3 of an ingest: the briefs of the stories that changed.
// Chunks of dirty stories: this thread reads each story and its members'
// stored analyses, workers decode them and reconcile, this thread writes the
// chunk's briefs and clears their dirty marks in one transaction.
#include <thread>

#include "store/analysis_codec.h"
#include "store/ingest_steps.h"

namespace crosscheck::store {
namespace {

struct StoryJob {
  int64_t key = 0;
  cluster::Story story;
  std::vector<std::pair<Document, std::string>> members;  // document, analysis bytes
  MadeBrief brief;
  Status status;
};

Status Load(Db& db, StoryJob* job) {
  std::vector<int64_t> keys;
  auto story = LoadStory(db, job->key, &keys);
  if (!story.ok()) return story.status();
  job->story = std::move(story).value();
  for (int64_t key : keys) {
    std::string analysis;
    auto doc = LoadDocument(db, key, &analysis);
    if (!doc.ok()) return doc.status();
    job->members.emplace_back(std::move(doc).value(), std::move(analysis));
  }
  return Status::Ok();
}

void Make(const BriefMaker& maker, StoryJob* job) {
  std::vector<AnalyzedDocument> docs;
  docs.reserve(job->members.size());
  for (auto& [doc, bytes] : job->members) {
    auto analysed = DecodeAnalysis(bytes, std::move(doc));
    if (!analysed.ok()) { job->status = analysed.status(); return; }
    docs.push_back(std::move(analysed).value());
  }
  job->members.clear();
  std::vector<const AnalyzedDocument*> pointers;
  for (const AnalyzedDocument& d : docs) pointers.push_back(&d);
  job->brief = maker.Make(job->story, pointers);
}

void MakeAll(const BriefMaker& maker, std::vector<StoryJob>& jobs, unsigned threads) {
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(jobs.size())));
  if (threads == 1) {
    for (StoryJob& job : jobs) Make(maker, &job);
    return;
  }
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (size_t i = t; i < jobs.size(); i += threads) Make(maker, &jobs[i]);
    });
  }
  for (std::thread& w : workers) w.join();
}

Status Write(Db& db, const std::vector<StoryJob>& jobs) {
  Transaction txn(db);
  if (!txn.status().ok()) return txn.status();
  Stmt brief(db, "INSERT OR REPLACE INTO briefs(story, json, html, claims, corroborated, disputed, denied, updated)"
                 " VALUES (?,?,?,?,?,?,?,?)");
  Stmt clean(db, "UPDATE stories SET dirty = 0 WHERE key = ?");
  const std::string now = UtcNow();
  for (const StoryJob& job : jobs) {
    if (!job.status.ok()) return Status::Error("story " + job.story.id + ": " + job.status.message());
    const MadeBrief& b = job.brief;
    brief.Bind(1, job.key).Bind(2, b.json).Bind(3, b.html).Bind(4, b.claims).Bind(5, b.corroborated)
        .Bind(6, b.disputed).Bind(7, b.denied).Bind(8, now);
    if (Status s = brief.Run(); !s.ok()) return s;
    if (Status s = clean.Bind(1, job.key).Run(); !s.ok()) return s;
  }
  return txn.Commit();
}

}  // namespace

Result<uint64_t> UpdateBriefs(Db& db, const BriefMaker& maker, unsigned threads) {
  std::vector<int64_t> dirty;
  {
    Stmt list(db, "SELECT key FROM stories WHERE dirty <> 0 ORDER BY key");
    while (list.Step()) dirty.push_back(list.Int(0));
    if (!list.status().ok()) return list.status();
  }
  const size_t chunk = 16 * std::max(1u, threads);
  uint64_t written = 0;
  for (size_t begin = 0; begin < dirty.size(); begin += chunk) {
    std::vector<StoryJob> jobs(std::min(chunk, dirty.size() - begin));
    for (size_t i = 0; i < jobs.size(); ++i) {
      jobs[i].key = dirty[begin + i];
      if (Status s = Load(db, &jobs[i]); !s.ok()) return s;
    }
    MakeAll(maker, jobs, threads);
    if (Status s = Write(db, jobs); !s.ok()) return s;
    written += jobs.size();
  }
  return written;
}

}  // namespace crosscheck::store
