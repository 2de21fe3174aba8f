#include "analyze/pipeline.h"

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace crosscheck::analyze {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Shared state of one parallel run. Every field is guarded by `mu`.
struct Flow {
  std::mutex mu;
  std::condition_variable changed;
  std::map<uint64_t, Document> pending;          // read, not yet taken by a worker
  std::map<uint64_t, AnalyzedDocument> done;     // analyzed, not yet written
  uint64_t read = 0;     // documents read so far
  uint64_t written = 0;  // documents handed to the sink so far
  bool end_of_input = false;
  // Written by the reader only, so progress never calls into the source concurrently.
  std::atomic<uint64_t> bytes_read{0};
};

void CountDocument(const AnalyzedDocument& d, PipelineStats* stats) {
  ++stats->documents;
  stats->tokens += d.tokens.size();
  stats->text_bytes += d.doc.text.size();
}

PipelineStats RunInline(ingest::DocumentSource& source, const Analyzer& analyzer,
                        const PipelineOptions& options,
                        const std::function<void(AnalyzedDocument&&)>& sink) {
  PipelineStats stats;
  const auto start = Clock::now();
  auto last_progress = start;
  Document doc;
  while (source.Next(&doc)) {
    AnalyzedDocument analyzed = analyzer.Analyze(std::move(doc));
    doc = Document();
    CountDocument(analyzed, &stats);
    sink(std::move(analyzed));
    if (options.on_progress && Clock::now() - last_progress > std::chrono::milliseconds(200)) {
      last_progress = Clock::now();
      options.on_progress(stats.documents, source.bytes_read(), SecondsSince(start));
    }
  }
  stats.input_errors = source.error_count();
  stats.seconds = SecondsSince(start);
  return stats;
}

void ReadAll(ingest::DocumentSource& source, size_t capacity, Flow* flow) {
  Document doc;
  while (source.Next(&doc)) {
    flow->bytes_read = source.bytes_read();
    std::unique_lock lock(flow->mu);
    flow->changed.wait(lock, [&] { return flow->read - flow->written < capacity; });
    flow->pending.emplace(flow->read++, std::move(doc));
    doc = Document();
    flow->changed.notify_all();
  }
  std::lock_guard lock(flow->mu);
  flow->end_of_input = true;
  flow->changed.notify_all();
}

void Work(const Analyzer& analyzer, Flow* flow) {
  for (;;) {
    std::optional<std::pair<uint64_t, Document>> job;
    {
      std::unique_lock lock(flow->mu);
      flow->changed.wait(lock, [&] { return !flow->pending.empty() || flow->end_of_input; });
      if (flow->pending.empty()) return;
      auto it = flow->pending.begin();
      job.emplace(it->first, std::move(it->second));
      flow->pending.erase(it);
    }
    AnalyzedDocument analyzed = analyzer.Analyze(std::move(job->second));
    std::lock_guard lock(flow->mu);
    flow->done.emplace(job->first, std::move(analyzed));
    flow->changed.notify_all();
  }
}

}  // namespace

PipelineStats RunPipeline(ingest::DocumentSource& source, const Analyzer& analyzer,
                          const PipelineOptions& options,
                          const std::function<void(AnalyzedDocument&&)>& sink) {
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  if (threads <= 1) return RunInline(source, analyzer, options, sink);
  const size_t capacity = options.queue_capacity ? options.queue_capacity : 16 * threads;

  Flow flow;
  PipelineStats stats;
  const auto start = Clock::now();
  std::thread reader([&] { ReadAll(source, capacity, &flow); });
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < threads; ++i) workers.emplace_back([&] { Work(analyzer, &flow); });

  for (;;) {
    std::unique_lock lock(flow.mu);
    const bool ready = flow.changed.wait_for(lock, std::chrono::milliseconds(200), [&] {
      return flow.done.count(flow.written) ||
             (flow.end_of_input && flow.written == flow.read);
    });
    if (!ready) {
      const uint64_t docs = flow.written;
      lock.unlock();
      if (options.on_progress) options.on_progress(docs, flow.bytes_read, SecondsSince(start));
      continue;
    }
    auto it = flow.done.find(flow.written);
    if (it == flow.done.end()) break;  // end of input and everything written
    AnalyzedDocument next = std::move(it->second);
    flow.done.erase(it);
    ++flow.written;
    flow.changed.notify_all();
    lock.unlock();
    CountDocument(next, &stats);
    sink(std::move(next));
  }
  reader.join();
  for (auto& w : workers) w.join();
  stats.input_errors = source.error_count();
  stats.seconds = SecondsSince(start);
  return stats;
}

}  // namespace crosscheck::analyze
