#include "cluster/analysis_stream.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <optional>
#include <thread>

#include "analyze/analysis_reader.h"
#include "cluster/stream_order.h"

namespace crosscheck::cluster {
namespace {

using analyze::AnalysisReader;

constexpr size_t kBatchPerThread = 64;

struct Line {
  uint32_t part = 0;
  uint64_t number = 0;
  std::string text;
};

// Where pass 1 found a document.
struct Location {
  uint32_t part;
  uint64_t offset;
  uint64_t line;
};

template <typename T>
class Stream {
 public:
  using Convert = std::function<T(AnalyzedDocument&&)>;

  Stream(const AnalysisStreamOptions& options, Convert convert)
      : options_(options), convert_(std::move(convert)) {
    threads_ = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  }

  AnalysisStreamStats Run(const std::vector<std::string>& paths, const std::function<void(T&&)>& sink) {
    bool seekable = Open(paths);
    if (options_.input_order) {
      InInputOrder(sink);
    } else if (seekable) {
      ByIndex(sink);
    } else {
      InMemory(sink);
    }
    for (const auto& p : parts_) stats_.errors += p->error_count();
    return stats_;
  }

 private:
  void Error(const Status& s) {
    if (options_.on_error) options_.on_error(s); else std::fprintf(stderr, "crosscheck: %s\n", s.message().c_str());
  }

  // False if some part is compressed (pass 2 would decompress it again per seek).
  bool Open(const std::vector<std::string>& paths) {
    bool seekable = true;
    for (const std::string& path : paths) {
      auto reader = AnalysisReader::Open(path, options_.on_error);
      if (!reader.ok()) {
        Error(reader.status());
        ++stats_.errors;
        continue;
      }
      seekable = seekable && !(*reader)->compressed() && path != "-";
      parts_.push_back(std::move(reader.value()));
    }
    return seekable;
  }

  // Parses and converts a batch on the worker threads; failures are reported
  // here, in order, on the calling thread.
  std::vector<std::optional<T>> Decode(std::vector<Line>& lines, std::vector<Document>* heads = nullptr) {
    std::vector<std::optional<T>> out(lines.size());
    std::vector<Status> failures(lines.size(), Status::Ok());
    if (heads) heads->assign(lines.size(), Document());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next++) < lines.size();) {
        Result<AnalyzedDocument> doc = AnalysisReader::ParseLine(lines[i].text);
        if (!doc.ok()) { failures[i] = doc.status(); continue; }
        if (heads) {
          (*heads)[i].date = doc->doc.date;
          (*heads)[i].origin = doc->doc.origin;
        }
        out[i] = convert_(std::move(doc.value()));
      }
    };
    const unsigned n = static_cast<unsigned>(std::min<size_t>(threads_, lines.size()));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (size_t i = 0; i < lines.size(); ++i) {
      if (!failures[i].ok()) parts_[lines[i].part]->Report(lines[i].number, failures[i]);
    }
    return out;
  }

  void Emit(std::vector<std::optional<T>>& values, const std::function<void(T&&)>& sink) {
    for (auto& v : values) {
      if (!v) continue;
      ++stats_.documents;
      sink(std::move(*v));
    }
  }

  size_t BatchSize() const { return kBatchPerThread * threads_; }

  void InInputOrder(const std::function<void(T&&)>& sink) {
    std::vector<Line> batch;
    uint64_t offset = 0;
    for (uint32_t p = 0; p < parts_.size(); ++p) {
      Line line{p, 0, {}};
      while (parts_[p]->NextLine(&line.text, &line.number, &offset)) {
        batch.push_back(std::move(line));
        line = Line{p, 0, {}};
        if (batch.size() < BatchSize()) continue;
        auto values = Decode(batch);
        Emit(values, sink);
        batch.clear();
      }
    }
    auto values = Decode(batch);
    Emit(values, sink);
  }

  // Pass 1: date and origin of every line; pass 2: the lines in stream order.
  void ByIndex(const std::function<void(T&&)>& sink) {
    StreamOrder order;
    std::vector<Location> where;
    std::string text;
    uint64_t number = 0, offset = 0;
    for (uint32_t p = 0; p < parts_.size(); ++p) {
      while (parts_[p]->NextLine(&text, &number, &offset)) {
        Result<Document> head = AnalysisReader::ParseMetadata(text);
        if (!head.ok()) { parts_[p]->Report(number, head.status()); continue; }
        order.Add(head->date, head->origin);
        where.push_back({p, offset, number});
      }
    }
    std::vector<uint64_t> next_offset(parts_.size(), UINT64_MAX);  // where each reader stands
    std::vector<Line> batch;
    for (uint64_t index : order.Order()) {
      const Location& at = where[index];
      AnalysisReader& reader = *parts_[at.part];
      if (next_offset[at.part] != at.offset) reader.Seek(at.offset, at.line);
      Line line{at.part, 0, {}};
      uint64_t got = 0;
      if (!reader.NextLine(&line.text, &line.number, &got) || got != at.offset) {
        reader.Report(at.line, Status::Error("the file changed while it was read"));
        next_offset[at.part] = UINT64_MAX;
        continue;
      }
      next_offset[at.part] = at.offset + line.text.size() + 1;  // exact when lines end in "\n"
      batch.push_back(std::move(line));
      if (batch.size() < BatchSize()) continue;
      auto values = Decode(batch);
      Emit(values, sink);
      batch.clear();
    }
    auto values = Decode(batch);
    Emit(values, sink);
  }

  // Compressed parts: convert everything once, keep the values, sort, emit.
  void InMemory(const std::function<void(T&&)>& sink) {
    StreamOrder order;
    std::vector<T> kept;
    std::vector<Line> batch;
    std::vector<Document> heads;
    auto flush = [&] {
      auto values = Decode(batch, &heads);
      for (size_t i = 0; i < values.size(); ++i) {
        if (!values[i]) continue;
        order.Add(heads[i].date, heads[i].origin);
        kept.push_back(std::move(*values[i]));
      }
      batch.clear();
    };
    uint64_t offset = 0;
    for (uint32_t p = 0; p < parts_.size(); ++p) {
      Line line{p, 0, {}};
      while (parts_[p]->NextLine(&line.text, &line.number, &offset)) {
        batch.push_back(std::move(line));
        line = Line{p, 0, {}};
        if (batch.size() >= BatchSize()) flush();
      }
    }
    flush();
    for (uint64_t index : order.Order()) {
      ++stats_.documents;
      sink(std::move(kept[index]));
    }
  }

  AnalysisStreamOptions options_;
  Convert convert_;
  unsigned threads_ = 1;
  std::vector<std::unique_ptr<AnalysisReader>> parts_;
  AnalysisStreamStats stats_;
};

}  // namespace

AnalysisStreamStats ReadAnalysesInStreamOrder(const std::vector<std::string>& parts,
                                              const AnalysisStreamOptions& options,
                                              const std::function<void(AnalyzedDocument&&)>& sink) {
  Stream<AnalyzedDocument> stream(options, [](AnalyzedDocument&& d) { return std::move(d); });
  return stream.Run(parts, sink);
}

AnalysisStreamStats ReadRecordsInStreamOrder(const std::vector<std::string>& parts,
                                             const AnalysisStreamOptions& options,
                                             const std::function<void(DocumentRecord&&)>& sink) {
  Stream<DocumentRecord> stream(options, [](AnalyzedDocument&& d) { return MakeRecord(d); });
  return stream.Run(parts, sink);
}

}  // namespace crosscheck::cluster
