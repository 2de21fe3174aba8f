// serve/routes.h: the server's shared state and its request handlers
// (private to serve/). server.cpp routes; api_routes.cpp answers /api/ GETs,
// ingest_route.cpp POST /api/ingest, web_routes.cpp the page and its files.
#pragma once
#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "serve/server.h"
#include "store/store_reader.h"

namespace crosscheck::serve {

// Read-only store connections, one per request thread at a time.
class ReaderPool {
 public:
  explicit ReaderPool(std::string path) : path_(std::move(path)) {}
  struct Release {
    ReaderPool* pool;
    void operator()(store::StoreReader* reader) const { pool->Put(reader); }
  };
  using Lease = std::unique_ptr<store::StoreReader, Release>;
  Result<Lease> Acquire();

 private:
  void Put(store::StoreReader* reader);
  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::StoreReader>> idle_;
};

struct Server::Impl {
  explicit Impl(ServeOptions o) : options(std::move(o)), readers(options.db_path) {}
  ServeOptions options;
  httplib::Server http;
  ReaderPool readers;
  std::timed_mutex ingest_mutex;              // one POST ingest at a time
  std::unique_ptr<store::IngestKit> kit;      // loaded by the first POST, under ingest_mutex
  int port = 0;
};

// Sets `status` and the body {"error": message}.
void SendError(httplib::Response& res, int status, std::string_view message);
void SendJson(httplib::Response& res, std::string body);

void HandleApiGet(Server::Impl& server, const httplib::Request& req, httplib::Response& res);
void HandleIngest(Server::Impl& server, const httplib::Request& req, httplib::Response& res);
void HandleWeb(const httplib::Request& req, httplib::Response& res);

}  // namespace crosscheck::serve
