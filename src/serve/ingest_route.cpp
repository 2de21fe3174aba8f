// POST /api/ingest: JSONL documents in the body, added as `crosscheck ingest` would.
#include <chrono>
#include <deque>

#include "core/json_writer.h"
#include "ingest/readers.h"
#include "serve/routes.h"

namespace crosscheck::serve {
namespace {

// The body's documents, already parsed, as a DocumentSource.
class ParsedDocuments : public ingest::DocumentSource {
 public:
  explicit ParsedDocuments(std::deque<Document> docs) : docs_(std::move(docs)) {}
  bool Next(Document* doc) override {
    if (docs_.empty()) return false;
    *doc = std::move(docs_.front());
    docs_.pop_front();
    return true;
  }
  uint64_t error_count() const override { return 0; }
  uint64_t bytes_read() const override { return 0; }

 private:
  std::deque<Document> docs_;
};

// Compares in time independent of where the first difference is.
bool SameToken(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i % std::max<size_t>(1, b.size())]);
  return diff == 0;
}

// 0 when the request carries the server's token, else the status to answer.
int Authorize(const ServeOptions& options, const httplib::Request& req, httplib::Response& res) {
  if (options.token.empty()) {
    SendError(res, 403, "ingest over HTTP is disabled: start the server with --token or CROSSCHECK_TOKEN");
    return 403;
  }
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0) {
    res.set_header("WWW-Authenticate", "Bearer realm=\"crosscheck\"");
    SendError(res, 401, "missing bearer token (Authorization: Bearer <token>)");
    return 401;
  }
  if (!SameToken(std::string_view(header).substr(kBearer.size()), options.token)) {
    SendError(res, 403, "wrong token");
    return 403;
  }
  return 0;
}

void AppendErrors(JsonWriter& w, const std::vector<ingest::InputError>& errors) {
  w.Key("errors");
  w.BeginArray();
  for (const ingest::InputError& e : errors) {
    w.BeginObject();
    w.Key("line"); w.Int(static_cast<int64_t>(e.line));
    w.Key("message"); w.String(e.message);
    w.EndObject();
  }
  w.EndArray();
}

std::string BadBody(const std::vector<ingest::InputError>& errors) {
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("error"); w.String(errors.empty() ? "empty body: expected JSONL documents" : "no valid JSONL document in the body");
  AppendErrors(w, errors);
  w.EndObject();
  return body;
}

std::string Report(const store::IngestStats& stats, const std::vector<ingest::InputError>& errors) {
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("added"); w.Int(static_cast<int64_t>(stats.added));
  w.Key("skipped"); w.Int(static_cast<int64_t>(stats.skipped));
  w.Key("stories_created"); w.Int(static_cast<int64_t>(stats.stories_created));
  w.Key("stories_changed"); w.Int(static_cast<int64_t>(stats.stories_changed));
  w.Key("documents");
  w.BeginArray();
  for (const store::IngestedDocument& d : stats.documents) {
    w.BeginObject();
    w.Key("id"); w.String(d.id);
    w.Key("status"); w.String(d.added ? "added" : "already stored");
    w.StringOrNull("story", d.story);
    w.EndObject();
  }
  w.EndArray();
  AppendErrors(w, errors);
  w.Key("seconds"); w.Double(stats.seconds, 3);
  w.EndObject();
  return body;
}

}  // namespace

void HandleIngest(Server::Impl& server, const httplib::Request& req, httplib::Response& res) {
  const ServeOptions& options = server.options;
  if (Authorize(options, req, res) != 0) return;
  std::deque<Document> docs;
  std::vector<ingest::InputError> errors;
  ingest::ParseJsonl(req.body, "body", [&](Document&& d) { docs.push_back(std::move(d)); },
                     [&](const ingest::InputError& e) { if (errors.size() < 100) errors.push_back(e); });
  if (docs.empty()) {
    res.status = 400;
    res.set_content(BadBody(errors), "application/json; charset=utf-8");
    return;
  }
  if (docs.size() > options.max_ingest_documents) {
    SendError(res, 413, "too many documents: at most " + std::to_string(options.max_ingest_documents) + " per request");
    return;
  }
  std::unique_lock<std::timed_mutex> lock(server.ingest_mutex, std::defer_lock);
  if (!lock.try_lock_for(std::chrono::duration<double>(options.ingest_wait_seconds))) {
    res.set_header("Retry-After", "5");
    SendError(res, 503, "another ingest is running; retry later");
    return;
  }
  if (!server.kit) {
    if (!options.load_models) { SendError(res, 503, "this server cannot ingest (no models)"); return; }
    auto kit = options.load_models();
    if (!kit.ok()) { SendError(res, 500, kit.status().message()); return; }
    server.kit = std::move(kit).value();
  }
  store::IngestOptions ingest_options;
  ingest_options.threads = std::max(1u, options.ingest_threads);
  ingest_options.lock_wait_seconds = options.ingest_wait_seconds;
  ingest_options.via = "http";
  auto ingester = store::Ingester::Open(options.db_path, server.kit->models(), ingest_options);
  if (!ingester.ok()) {
    res.set_header("Retry-After", "5");
    SendError(res, 503, ingester.status().message());
    return;
  }
  ParsedDocuments source(std::move(docs));
  auto stats = (*ingester)->Ingest(source, true);
  if (!stats.ok()) { SendError(res, 500, stats.status().message()); return; }
  SendJson(res, Report(*stats, errors));
}

}  // namespace crosscheck::serve
