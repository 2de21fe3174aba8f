#include "serve/server.h"

#include "core/json_writer.h"
#include "core/utf8.h"
#include "serve/routes.h"

namespace crosscheck::serve {
namespace {

constexpr size_t kMaxPath = 2048;

// A "." or ".." segment: no page or file has one; refuse rather than resolve.
bool HasDotSegment(const std::string& path) {
  for (size_t start = 0; start < path.size();) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view segment(path.data() + start, end - start);
    if (segment == "." || segment == "..") return true;
    start = end + 1;
  }
  return false;
}

// Every request is routed here, before httplib reads a body or matches its
// (std::regex) routes: GET and HEAD are answered directly; a POST to
// /api/ingest goes on to have its body read (size-limited) and reach
// HandleIngest; anything else is refused.
httplib::Server::HandlerResponse Route(Server::Impl& server, const httplib::Request& req, httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  if (req.path.size() > kMaxPath) {
    SendError(res, 414, "path too long");
    return httplib::Server::HandlerResponse::Handled;
  }
  if (HasDotSegment(req.path) || req.path.find('\0') != std::string::npos || !utf8::IsValid(req.path)) {
    SendError(res, 400, "bad path");
    return httplib::Server::HandlerResponse::Handled;
  }
  if (req.has_header("Content-Length")) {
    const std::string length = req.get_header_value("Content-Length");
    if (length.empty() || length.size() > 18 || length.find_first_not_of("0123456789") != std::string::npos) {
      SendError(res, 400, "bad Content-Length");
      return httplib::Server::HandlerResponse::Handled;
    }
    // Refused before any byte of it is read (httplib would first read it all).
    if (std::stoull(length) > server.options.max_body_bytes) {
      SendError(res, 413, "request body too large (at most " + std::to_string(server.options.max_body_bytes) + " bytes)");
      return httplib::Server::HandlerResponse::Handled;
    }
  }
  const bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/api";
  if (req.method == "POST" && req.path == "/api/ingest") return httplib::Server::HandlerResponse::Unhandled;
  if (req.method != "GET" && req.method != "HEAD") {
    // The body, if any, is read by httplib and the request then finds no route (404 below).
    if (req.has_header("Content-Length") || req.has_header("Transfer-Encoding")) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    res.set_header("Allow", api ? "GET, HEAD, POST" : "GET, HEAD");
    SendError(res, 405, "method not allowed");
    return httplib::Server::HandlerResponse::Handled;
  }
  if (api) HandleApiGet(server, req, res); else HandleWeb(req, res);
  return httplib::Server::HandlerResponse::Handled;
}

// httplib's own errors (400 bad request line, 413, 414, 404) get a JSON body.
httplib::Server::HandlerResponse ErrorBody(const httplib::Request&, httplib::Response& res) {
  if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  const char* message = res.status == 413   ? "request body too large"
                        : res.status == 414 ? "URI too long"
                        : res.status == 404 ? "not found"
                        : res.status == 400 ? "bad request"
                                            : "error";
  SendError(res, res.status, message);
  return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

void SendError(httplib::Response& res, int status, std::string_view message) {
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("error"); w.String(message);
  w.EndObject();
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body, "application/json; charset=utf-8");
}

void SendJson(httplib::Response& res, std::string body) {
  res.status = 200;
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(body), "application/json; charset=utf-8");
}

Result<ReaderPool::Lease> ReaderPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      store::StoreReader* reader = idle_.back().release();
      idle_.pop_back();
      return Lease(reader, Release{this});
    }
  }
  auto reader = store::StoreReader::Open(path_);
  if (!reader.ok()) return reader.status();
  return Lease(reader->release(), Release{this});
}

void ReaderPool::Put(store::StoreReader* reader) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.emplace_back(reader);
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Create(ServeOptions options) {
  if (Status s = store::CreateStore(options.db_path); !s.ok()) return s;
  auto impl = std::make_unique<Impl>(std::move(options));
  {
    auto probe = impl->readers.Acquire();  // fails early on a store of another version
    if (!probe.ok()) return probe.status();
  }
  Impl* p = impl.get();
  httplib::Server& http = impl->http;
  const unsigned workers = std::max(2u, p->options.workers);
  http.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  http.set_payload_max_length(p->options.max_body_bytes);
  http.set_read_timeout(p->options.read_timeout_seconds, 0);
  http.set_write_timeout(p->options.write_timeout_seconds, 0);
  http.set_tcp_nodelay(true);  // small JSON answers go out at once, not after a delayed ACK
  http.set_keep_alive_max_count(1000);
  http.set_keep_alive_timeout(5);
  http.set_pre_routing_handler([p](const httplib::Request& req, httplib::Response& res) { return Route(*p, req, res); });
  http.set_error_handler(httplib::Server::HandlerWithResponse(ErrorBody));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SendError(res, 500, "internal error");
  });
  http.Post("/api/ingest", [p](const httplib::Request& req, httplib::Response& res) { HandleIngest(*p, req, res); });
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Result<int> Server::Bind() {
  const ServeOptions& o = impl_->options;
  const int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host) : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port <= 0) return Status::Error("cannot listen on " + o.host + ":" + std::to_string(o.port));
  impl_->port = port;
  return port;
}

void Server::Run() { impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.stop(); }

}  // namespace crosscheck::serve
