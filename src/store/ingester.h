// store/ingester.h: adds documents to a store, incrementally.
// In: a DocumentSource. Out: the store grows by the documents it did not hold
// (same id, or same URL and content hash, is skipped), each with its analysis,
// its story and an up-to-date brief for every story that changed.
// Three steps, each committed as it goes, so a killed run loses at most the
// uncommitted batch and the next run picks up where it stopped:
//   1. analyse (analyze::RunPipeline, parallel) and insert documents, a batch
//      per transaction, with no story yet;
//   2. assign every document without a story, in date order, with the online
//      clusterer, primed with the recent documents already in the store;
//   3. rebuild the brief of every story marked dirty by step 2.
// docs/store.md explains the story-id rules. One ingest at a time per store:
// Open takes an exclusive lock file next to the store (<db>-ingest.lock);
// readers are never blocked (WAL). Not thread-safe; one thread drives it.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "cluster/story_clusterer.h"
#include "core/status.h"
#include "ingest/document_source.h"
#include "store/brief_maker.h"

namespace crosscheck::store {

struct IngestModels {
  const analyze::Analyzer* analyzer = nullptr;        // not owned
  const cluster::StoryClusterer* clusterer = nullptr; // not owned
  const BriefMaker* briefs = nullptr;                 // not owned
  cluster::StoryOptions story_options;
};

// The loaded models an ingest uses, owned; load once, share between ingests.
struct IngestKit {
  std::unique_ptr<const analyze::Analyzer> analyzer;
  std::unique_ptr<const cluster::StoryClusterer> clusterer;
  std::unique_ptr<const BriefMaker> briefs;
  IngestModels models() const { return {analyzer.get(), clusterer.get(), briefs.get(), {}}; }
};
// Reads models/ (analysis, story.bin) and data/ (lexicons); errors name the file.
Result<std::unique_ptr<IngestKit>> LoadIngestKit(const std::filesystem::path& model_dir,
                                                 const std::filesystem::path& data_dir);

struct IngestOptions {
  unsigned threads = 1;             // analysis and brief workers
  size_t batch_documents = 200;     // documents per transaction, at most
  double batch_seconds = 2.0;       // and a commit at least this often
  double lock_wait_seconds = 0;     // wait this long for another ingest to finish
  std::string via = "cli";          // recorded in ingest_runs
  // Called from the driving thread about every 200 ms while analysing.
  std::function<void(uint64_t docs, uint64_t bytes_read, double seconds)> on_progress;
};

struct IngestedDocument {
  std::string id;
  bool added = false;  // false: already in the store (skipped)
  std::string story;   // its story id ("" if not assigned)
};

struct IngestStats {
  uint64_t read = 0, added = 0, skipped = 0, input_errors = 0;
  uint64_t assigned = 0, stories_created = 0, stories_changed = 0, briefs = 0;
  double seconds = 0, analyse_seconds = 0, assign_seconds = 0, brief_seconds = 0;
  std::vector<IngestedDocument> documents;  // filled when IngestOptions asks (HTTP API)
};

// Creates the store at `path` if missing and migrates it to this binary's schema.
Status CreateStore(const std::string& path);

class Ingester {
 public:
  // Opens or creates the store at `path` (migrating it) and takes the lock.
  static Result<std::unique_ptr<Ingester>> Open(const std::string& path, IngestModels models,
                                                const IngestOptions& options);
  ~Ingester();
  // Ingests every document of `source`, then assigns and briefs (also what
  // an earlier killed run left). With `list`, stats.documents names each one.
  Result<IngestStats> Ingest(ingest::DocumentSource& source, bool list = false);

 private:
  struct State;
  explicit Ingester(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace crosscheck::store
