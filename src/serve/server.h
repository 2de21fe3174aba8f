// serve/server.h: the HTTP API and web page over a store (docs/api.md).
// In: a store file (store/) and options. Out: an HTTP/1.1 server (cpp-httplib)
// answering JSON under /api/ and the embedded web page elsewhere.
// Each request thread borrows its own read-only store connection from a
// pool, so readers run in parallel and never wait for an ingest (WAL).
// POST /api/ingest runs one ingest at a time with the models loaded on first
// use. Every error is JSON {"error": "..."} with a 4xx/5xx status; bodies
// over max_body_bytes get 413; every user value reaches SQL as a parameter.
// Create, then Bind (returns the port), then Run (blocks until Stop, which
// any thread or a signal handler may call).
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "store/ingester.h"

namespace crosscheck::serve {

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0: any free port
  std::string token;                     // POST /api/ingest needs "Authorization: Bearer <token>"; "" disables it
  size_t max_body_bytes = 16u << 20;     // larger bodies get 413
  size_t max_ingest_documents = 2000;    // per POST; more get 413
  int read_timeout_seconds = 10;         // per request read (slow clients are dropped)
  int write_timeout_seconds = 30;
  double ingest_wait_seconds = 30;       // a POST waits this long for the running ingest, then 503
  unsigned workers = 16;                 // request threads (each keep-alive connection holds one)
  unsigned ingest_threads = 1;           // analysis threads of a POST ingest
  std::function<Result<std::unique_ptr<store::IngestKit>>()> load_models;  // for POST /api/ingest
};

class Server {
 public:
  // Checks that the store exists and is readable (creating and migrating it
  // if missing, so a server can start empty and be fed by POST).
  static Result<std::unique_ptr<Server>> Create(ServeOptions options);
  ~Server();
  Result<int> Bind();   // listens on host:port; returns the bound port
  void Run();           // serves until Stop()
  void Stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace crosscheck::serve
