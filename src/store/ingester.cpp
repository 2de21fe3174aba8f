#include "store/ingester.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <thread>
#include <unordered_set>

#include "analyze/pipeline.h"
#include "store/ingest_steps.h"
#include "store/schema.h"

namespace crosscheck::store {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// An exclusive lock on <db>-ingest.lock, released when the process ends,
// however it ends.
Result<int> LockIngest(const std::string& path, double wait_seconds) {
  const std::string lock_path = path + "-ingest.lock";
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Error(lock_path + ": cannot create the ingest lock");
  const auto deadline = Clock::now() + std::chrono::duration<double>(wait_seconds);
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (Clock::now() >= deadline) {
      ::close(fd);
      return Status::Error(path + ": another ingest is writing to this store");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return fd;
}

// The documents of `inner` that the store does not hold yet (nor this run).
// Runs on the pipeline's reader thread: it counts into its own fields, read
// once the pipeline has returned.
class NewDocuments : public ingest::DocumentSource {
 public:
  NewDocuments(ingest::DocumentSource& inner, StoredDocumentLookup& stored, bool list)
      : inner_(inner), stored_(stored), list_(list) {}
  bool Next(Document* doc) override {
    while (inner_.Next(doc)) {
      ++read_;
      const std::string hash = ContentHash(doc->text);
      const bool seen = !ids_.insert(doc->id).second || (!doc->url.empty() && !urls_.insert(doc->url + '\n' + hash).second);
      if (seen || stored_.Contains(*doc, hash)) {
        ++skipped_;
        if (list_) skipped_ids_.push_back(doc->id);
        continue;
      }
      return true;
    }
    return false;
  }
  void AddCounts(IngestStats* stats) const {
    stats->read += read_;
    stats->skipped += skipped_;
    for (const std::string& id : skipped_ids_) stats->documents.push_back({id, false, ""});
  }
  uint64_t error_count() const override { return inner_.error_count(); }
  uint64_t bytes_read() const override { return inner_.bytes_read(); }

 private:
  ingest::DocumentSource& inner_;
  StoredDocumentLookup& stored_;
  bool list_;
  uint64_t read_ = 0, skipped_ = 0;
  std::vector<std::string> skipped_ids_;
  std::unordered_set<std::string> ids_, urls_;
};

}  // namespace

Result<std::unique_ptr<IngestKit>> LoadIngestKit(const std::filesystem::path& model_dir,
                                                 const std::filesystem::path& data_dir) {
  auto analyzer = analyze::Analyzer::Load(model_dir, data_dir);
  if (!analyzer.ok()) return analyzer.status();
  auto clusterer = cluster::StoryClusterer::Load(model_dir);
  if (!clusterer.ok()) return clusterer.status();
  auto briefs = BriefMaker::Load(data_dir);
  if (!briefs.ok()) return briefs.status();
  auto kit = std::make_unique<IngestKit>();
  kit->analyzer = std::make_unique<const analyze::Analyzer>(std::move(analyzer).value());
  kit->clusterer = std::make_unique<const cluster::StoryClusterer>(std::move(clusterer).value());
  kit->briefs = std::make_unique<const BriefMaker>(std::move(briefs).value());
  return kit;
}

Status CreateStore(const std::string& path) {
  auto db = Db::Open(path, false);
  if (!db.ok()) return db.status();
  if (Status s = Migrate(**db); !s.ok()) return Status::Error(path + ": " + s.message());
  return Status::Ok();
}

struct Ingester::State {
  std::string path;
  IngestModels models;
  IngestOptions options;
  std::unique_ptr<Db> db;
  int lock_fd = -1;
  ~State() {
    db.reset();
    if (lock_fd >= 0) ::close(lock_fd);
  }
};

Ingester::Ingester(std::unique_ptr<State> state) : state_(std::move(state)) {}
Ingester::~Ingester() = default;

Result<std::unique_ptr<Ingester>> Ingester::Open(const std::string& path, IngestModels models,
                                                 const IngestOptions& options) {
  auto state = std::make_unique<State>();
  state->path = path;
  state->models = models;
  state->options = options;
  auto lock = LockIngest(path, options.lock_wait_seconds);
  if (!lock.ok()) return lock.status();
  state->lock_fd = *lock;
  auto db = Db::Open(path, false);
  if (!db.ok()) return db.status();
  state->db = std::move(db).value();
  if (Status s = Migrate(*state->db); !s.ok()) return Status::Error(path + ": " + s.message());
  return std::unique_ptr<Ingester>(new Ingester(std::move(state)));
}

Result<IngestStats> Ingester::Ingest(ingest::DocumentSource& source, bool list) {
  State& st = *state_;
  Db& db = *st.db;
  IngestStats stats;
  const auto start = Clock::now();
  const std::string started = UtcNow();
  int64_t run = 0;
  {
    Stmt begin(db, "INSERT INTO ingest_runs(started, via) VALUES (?, ?)");
    if (Status s = begin.Bind(1, started).Bind(2, st.options.via).Run(); !s.ok()) return s;
    run = db.LastInsertRowid();
  }

  // 1. Analyse and insert, a batch per transaction.
  DocumentInserter inserter(db);
  auto stored = StoredDocumentLookup::Open(st.path);
  if (!stored.ok()) return stored.status();
  NewDocuments fresh(source, **stored, list);
  std::optional<Transaction> txn;
  size_t in_batch = 0;
  auto batch_start = Clock::now();
  Status failed;
  analyze::PipelineOptions pipeline;
  pipeline.threads = std::max(1u, st.options.threads);
  pipeline.on_progress = st.options.on_progress;
  const auto analysed = analyze::RunPipeline(fresh, *st.models.analyzer, pipeline, [&](AnalyzedDocument&& doc) {
    if (!failed.ok()) return;
    if (!txn) {
      txn.emplace(db);
      if (!txn->status().ok()) { failed = txn->status(); txn.reset(); return; }
      batch_start = Clock::now();
    }
    auto key = inserter.Insert(doc, started);
    if (!key.ok()) { failed = key.status(); return; }
    ++stats.added;
    if (list) stats.documents.push_back({doc.doc.id, true, ""});
    if (++in_batch >= st.options.batch_documents || Since(batch_start) >= st.options.batch_seconds) {
      failed = txn->Commit();
      txn.reset();
      in_batch = 0;
    }
  });
  fresh.AddCounts(&stats);
  if (txn && failed.ok()) failed = txn->Commit();
  txn.reset();
  if (!failed.ok()) return failed;
  stats.input_errors = analysed.input_errors;
  stats.analyse_seconds = Since(start);

  // 2. Stories for every document without one (this run's and any a killed run left).
  const auto assign_start = Clock::now();
  auto assigned = AssignStories(db, *st.models.clusterer, st.models.story_options);
  if (!assigned.ok()) return assigned.status();
  stats.assigned = assigned->assigned;
  stats.stories_created = assigned->stories_created;
  stats.stories_changed = assigned->stories_changed;
  stats.assign_seconds = Since(assign_start);

  // 3. Briefs of the stories that changed.
  const auto brief_start = Clock::now();
  auto briefs = UpdateBriefs(db, *st.models.briefs, std::max(1u, st.options.threads));
  if (!briefs.ok()) return briefs.status();
  stats.briefs = *briefs;
  stats.brief_seconds = Since(brief_start);

  if (list) {
    Stmt story(db, "SELECT s.id FROM documents d JOIN story_members m ON m.doc = d.key"
                   " JOIN stories s ON s.key = m.story WHERE d.id = ?");
    for (IngestedDocument& d : stats.documents) {
      story.Bind(1, d.id);
      if (story.Step()) d.story = story.Text(0);
      story.Reset();
    }
  }
  Stmt finish(db, "UPDATE ingest_runs SET finished = ?, added = ?, skipped = ?, errors = ? WHERE key = ?");
  finish.Bind(1, UtcNow()).Bind(2, static_cast<int64_t>(stats.added)).Bind(3, static_cast<int64_t>(stats.skipped))
      .Bind(4, static_cast<int64_t>(stats.input_errors)).Bind(5, run);
  if (Status s = finish.Run(); !s.ok()) return s;
  stats.seconds = Since(start);
  return stats;
}

}  // namespace crosscheck::store
