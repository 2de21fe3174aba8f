// The real `crosscheck serve` on loopback, over a store built by `crosscheck
// ingest` from the example reports.
#include <httplib.h>

#include <atomic>
#include <map>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "serve_test_util.h"

namespace crosscheck::serve {
namespace {

using nlohmann::json;

constexpr const char* kToken = "s3cret-token";

// Percent-encodes everything but unreserved characters (RFC 3986).
std::string Encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else { out += '%'; out += hex[c >> 4]; out += hex[c & 15]; }
  }
  return out;
}

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::MakeTempDir();
    db_ = (dir_ / "store.db").string();
    std::ofstream((dir_ / "more.jsonl").string())
        << R"({"id":"w1","source":"Harbor Times","date":"2019-03-02","title":"Storm floods harbor district","text":"A storm flooded the harbor district on Saturday. The mayor said 40 homes were damaged."})" "\n"
        << R"({"id":"w/2 odd?id","source":"Valley Gazette","date":"2019-03-03","title":"Harbor district flooded","text":"Forty homes were damaged when a storm flooded the harbor district, the mayor said."})" "\n";
    const pid_t ingest = testing::Spawn({CROSSCHECK_BINARY, "ingest", "--db", db_, "examples/chechnya-2017",
                                         (dir_ / "more.jsonl").string(), "--quiet"},
                                        (dir_ / "ingest.log").string());
    ASSERT_EQ(testing::Wait(ingest), 0);
    server_ = new testing::RunningServer(db_, kToken, (dir_ / "serve.log").string());
    ASSERT_GT(server_->port(), 0) << "the server did not start";
  }
  static void TearDownTestSuite() {
    delete server_;
    std::filesystem::remove_all(dir_);
  }
  static httplib::Client Client() {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(60, 0);
    client.set_tcp_nodelay(true);
    return client;
  }
  static json Get(const std::string& path, int expect = 200) {
    auto client = Client();
    auto res = client.Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, expect) << path << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    return json::parse(res->body, nullptr, false);
  }
  static std::string StoryOf(const std::string& doc) {
    return Get("/api/documents/" + Encode(doc) + "?analysis=false")["story"]["id"];
  }
  static inline std::filesystem::path dir_;
  static inline std::string db_;
  static inline testing::RunningServer* server_ = nullptr;
};

TEST_F(ServerTest, AnswersTheApiAsDocumented) {
  const json stories = Get("/api/stories");
  EXPECT_EQ(stories["total"], 2);
  EXPECT_EQ(stories["stories"][0]["title"], "Storm floods harbor district");
  EXPECT_EQ(Get("/api/stories?q=Chechnya")["total"], 1);
  EXPECT_EQ(Get("/api/stories?from=2019-01&to=2019-12-31")["total"], 1);
  EXPECT_EQ(Get("/api/stories?outlet=harbor%20times")["total"], 1);
  EXPECT_EQ(Get("/api/stories?limit=1&offset=1")["stories"].size(), 1u);
  const std::string id = StoryOf("000_9c69864088f3bb14.txt");
  const json brief = Get("/api/stories/" + id);
  EXPECT_EQ(brief["id"], id);
  EXPECT_EQ(brief["documents"].size(), 3u);
  auto client = Client();
  auto html = client.Get("/api/stories/" + id + "/brief.html");
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 200);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(html->body.find("<section class=\"story\""), std::string::npos);
  const json doc = Get("/api/documents/000_9c69864088f3bb14.txt");
  EXPECT_GT(doc["analysis"]["sentences"].size(), 5u);
  EXPECT_EQ(Get("/api/documents/" + Encode("w/2 odd?id") + "?analysis=0")["document"]["source"],
            "Valley Gazette");
  EXPECT_FALSE(Get("/api/entities?q=novaya")["entities"].empty());
  const json hits = Get("/api/search?q=gay%20men");
  EXPECT_GT(hits["total"], 0);
  EXPECT_FALSE(hits["results"][0]["snippet"].empty());
  EXPECT_EQ(Get("/api/stats")["documents"], 5);
  EXPECT_EQ(Get("/api/stories/nope", 404)["error"], "no such story");
  EXPECT_EQ(Get("/api/documents/nope", 404)["error"], "no such document");
  EXPECT_TRUE(Get("/api/search?q=", 400).contains("error"));
  EXPECT_TRUE(Get("/api/stories?limit=101", 400).contains("error"));
  EXPECT_TRUE(Get("/api/stories?from=last%20week", 400).contains("error"));
  EXPECT_TRUE(Get("/api/nothing", 404).contains("error"));
}

TEST_F(ServerTest, ServesThePageAndItsFiles) {
  auto client = Client();
  for (const char* path : {"/", "/story/abc", "/doc/x.txt", "/entity/Novaya%20Gazeta"}) {
    auto res = client.Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 200) << path;
    EXPECT_NE(res->body.find("/assets/app.js"), std::string::npos) << path;
    EXPECT_NE(res->get_header_value("Content-Security-Policy"), "") << path;
  }
  auto js = client.Get("/assets/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  auto css = client.Get("/assets/brief.css");
  ASSERT_TRUE(css);
  EXPECT_NE(css->body.find(".sentence:target"), std::string::npos);
  auto missing = client.Get("/assets/nothing.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST_F(ServerTest, IngestNeedsTheTokenAndAddsDocumentsOnce) {
  const std::string body =
      R"({"id":"p1","source":"Harbor Times","date":"2019-03-04","title":"Harbor district cleanup begins","text":"Crews began clearing the harbor district on Monday after the storm that flooded 40 homes, the mayor said."})" "\n";
  auto client = Client();
  auto none = client.Post("/api/ingest", body, "application/x-ndjson");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_NE(none->get_header_value("WWW-Authenticate"), "");
  httplib::Headers wrong = {{"Authorization", "Bearer not-it"}};
  auto bad = client.Post("/api/ingest", wrong, body, "application/x-ndjson");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 403);
  httplib::Headers right = {{"Authorization", std::string("Bearer ") + kToken}};
  auto ok = client.Post("/api/ingest", right, body, "application/x-ndjson");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200) << ok->body;
  const json report = json::parse(ok->body);
  EXPECT_EQ(report["added"], 1);
  EXPECT_EQ(report["documents"][0]["story"], StoryOf("w1")) << "joins the stored storm story";
  auto again = client.Post("/api/ingest", right, body, "application/x-ndjson");
  ASSERT_TRUE(again);
  EXPECT_EQ(json::parse(again->body)["skipped"], 1);
  EXPECT_EQ(Get("/api/documents/p1?analysis=false")["document"]["title"], "Harbor district cleanup begins");
}

TEST_F(ServerTest, AnswersReadersWhileAnIngestWrites) {
  std::string body;
  for (int i = 0; i < 150; ++i) {
    body += R"({"id":"bulk)" + std::to_string(i) + R"(","date":"2019-04-)" + std::to_string(10 + i % 15) +
            R"(","text":"Inspectors counted )" + std::to_string(i + 3) +
            R"( damaged bridges after the spring floods, the transport ministry said on Tuesday. Repairs will take months."})" "\n";
  }
  std::atomic<bool> done{false};
  int status = 0;
  std::thread writer([&] {
    auto client = Client();
    client.set_read_timeout(120, 0);
    auto res = client.Post("/api/ingest", {{"Authorization", std::string("Bearer ") + kToken}}, body, "application/x-ndjson");
    status = res ? res->status : -1;
    done = true;
  });
  int reads = 0, failures = 0;
  auto client = Client();
  while (!done) {
    auto res = client.Get("/api/stories?limit=5");
    if (res && res->status == 200) ++reads; else ++failures;
  }
  writer.join();
  EXPECT_EQ(status, 200);
  EXPECT_EQ(failures, 0);
  EXPECT_GT(reads, 10) << "readers were answered during the ingest";
  EXPECT_GE(Get("/api/stats")["documents"].get<int>(), 155);
}

// Hostile or malformed requests, each of which must get a 4xx, after which
// the server still answers and the store is whole.
TEST_F(ServerTest, AnswersTenThousandHostileRequestsWith4xxAndKeepsServing) {
  const int port = server_->port();
  const int documents_before = Get("/api/stats")["documents"];
  std::mt19937 rng(20240601);
  auto garbage = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += static_cast<char>(rng() % 256);
    return s;
  };
  std::map<std::string, int> sent;
  int wrong = 0;
  auto last = std::chrono::steady_clock::now();
  std::string last_kind;
  auto expect_4xx = [&](const std::string& kind, int status, const std::string& what) {
    if (getenv("CROSSCHECK_TEST_TIMING") && kind.substr(0, 4) != last_kind.substr(0, 4)) {
      const auto now = std::chrono::steady_clock::now();
      std::printf("%s: %.2f s\n", last_kind.c_str(), std::chrono::duration<double>(now - last).count());
      last = now;
      last_kind = kind;
    }
    ++sent[kind];
    if (status < 400 || status > 499) {
      if (++wrong <= 20) ADD_FAILURE() << kind << " answered " << status << ": " << what.substr(0, 200);
    }
  };
  auto client = Client();
  client.set_keep_alive(true);
  const httplib::Headers token = {{"Authorization", std::string("Bearer ") + kToken}};
  // 1. Bodies that are not JSONL documents (with the right token).
  const std::vector<std::string> not_documents = {"", "{", "[1,2,3]", "\"text\"", "null", "{\"id\":\"x\"}",
                                                  "{\"text\": [\"a\"]}", "{\"text\": \"\"}", "\xff\xfe\xfd", "{\"text\":\"a\"}}"};
  for (int i = 0; i < 2000; ++i) {
    const std::string b = i < 1000 ? not_documents[i % not_documents.size()] : garbage(1 + rng() % 300);
    auto res = client.Post("/api/ingest", token, b, "application/x-ndjson");
    expect_4xx("bad JSON", res ? res->status : -1, b);
  }
  // 2. Missing, malformed or wrong tokens.
  const std::vector<httplib::Headers> bad_tokens = {
      {}, {{"Authorization", "Bearer"}}, {{"Authorization", "Bearer "}}, {{"Authorization", "Basic czNjcmV0"}},
      {{"Authorization", "Bearer s3cret-toke"}}, {{"Authorization", "Bearer s3cret-token-"}},
      {{"Authorization", std::string("Bearer ") + kToken + "' OR '1'='1"}}, {{"Authorization", "bearer s3cret-token"}}};
  for (int i = 0; i < 2000; ++i) {
    auto res = client.Post("/api/ingest", bad_tokens[i % bad_tokens.size()], "{\"id\":\"t\",\"text\":\"x y z\"}", "application/x-ndjson");
    expect_4xx("token", res ? res->status : -1, std::to_string(i));
  }
  // 3. Bad UTF-8, 4. path traversal, 5. SQL metacharacters where a number,
  // date or id is expected, 6. bad parameters, 7. unsupported methods.
  const std::vector<std::string> paths = {
      "/api/stories?q=%FF%FE", "/api/search?q=%C3%28", "/api/entities?q=%ED%A0%80", "/api/documents/%FF%FE%FD",
      "/api/stories/%C0%AF", "/story/%E2%82", "/api/stories?outlet=%F8%88%80%80%80",
      "/assets/../../../../etc/passwd", "/assets/..%2F..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/etc/passwd",
      "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd", "/assets/%2e%2e/%2e%2e/src/serve/server.cpp", "/doc/../../etc/shadow",
      "/api/../../etc/passwd", "/assets/./app.js/..", "/..", "/assets/%00app.js",
      "/api/stories?limit=1;DROP%20TABLE%20documents", "/api/stories?offset=0%27%20OR%201=1", "/api/stories?limit=1%20OR%201=1",
      "/api/stories?from=2017%27%20OR%20%271%27=%271", "/api/stories?to=%27;--", "/api/stories/1%27%20OR%20%271%27=%271",
      "/api/documents/x%27%20UNION%20SELECT%20text%20FROM%20documents--", "/api/stories/%22;%20DELETE%20FROM%20stories;--/brief.html",
      "/api/entities?limit=1;SELECT", "/api/search?q=x&limit=%27", "/api/search?q=%22%20OR%20%22%22=%22",
      "/api/stories?limit=abc", "/api/stories?limit=0", "/api/stories?limit=-5", "/api/stories?offset=-1",
      "/api/stories?from=yesterday", "/api/stories?q=" + std::string(600, 'a'), "/api/search", "/api/search?q=%20;%20",
      "/api/nothing", "/api/stories?limit=5=6", "/api/stories?lmit=5", "/api/stories/x?q=1", "/api/documents/", "/nothing.php", "/.env", "/assets/",
  };
  for (int i = 0; i < 3000; ++i) {
    const std::string& path = paths[i % paths.size()];
    auto res = client.Get(path);
    expect_4xx("path " + std::to_string(i % paths.size()), res ? res->status : -1, path);
    if (res) EXPECT_EQ(res->body.find("root:"), std::string::npos) << path;
  }
  for (int i = 0; i < 500; ++i) {
    const char* methods[] = {"PUT", "DELETE", "PATCH", "OPTIONS"};
    const std::string request = std::string(methods[i % 4]) + " /api/stories HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    expect_4xx("method", testing::RawRequest(port, request), request);
  }
  // 8. Huge bodies: announced (no bytes sent) and real.
  for (int i = 0; i < 300; ++i) {
    const std::string request = "POST /api/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + std::string(kToken) +
                                "\r\nContent-Length: " + std::to_string(100000000 + i) + "\r\n\r\n";
    expect_4xx("huge (announced)", testing::RawRequest(port, request), request);
  }
  for (int i = 0; i < 3; ++i) {
    auto res = client.Post("/api/ingest", token, std::string(17u << 20, 'x'), "application/x-ndjson");
    expect_4xx("huge (sent)", res ? res->status : -1, "17 MB");
  }
  // 9. Malformed HTTP: request lines, versions, URI length, headers.
  const std::vector<std::string> raw = {
      "GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET /api/stories\r\n\r\n", "FOO /api/stories HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /api/stories HTTP/1.1 extra\r\n\r\n", "GET " + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n",
      "GET /" + std::string(3000, 'b') + " HTTP/1.1\r\nHost: x\r\n\r\n", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
      "GET /api/stories?q=%FF HTTP/1.1\r\nHost: x\r\n\r\n", "GET /api/documents/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n",
      "POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
      "POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n{",  // body shorter than announced
  };
  for (int i = 0; i < 2700; ++i) {
    const std::string request = i < 2000 ? raw[i % raw.size()] : garbage(1 + rng() % 2000) + "\r\n\r\n";
    std::string response;
    // No line end, or a body shorter than announced: the server would wait for the rest.
    const bool unfinished = i < 2000 && (i % raw.size() == 7 || i % raw.size() == 11);
    const int status = testing::RawRequest(port, request, &response, unfinished);
    // A request too broken to answer may be dropped; anything answered must be a 4xx.
    if (status == -1 && unfinished) { ++sent["dropped"]; continue; }
    expect_4xx("raw " + std::to_string(i < 2000 ? i % raw.size() : 99), status, request);
  }
  int total = 0;
  for (const auto& [kind, n] : sent) total += n;
  EXPECT_GE(total - sent["dropped"], 10000);
  EXPECT_EQ(wrong, 0);
  // Still serving, nothing lost, nothing added.
  EXPECT_TRUE(server_->alive());
  EXPECT_EQ(Get("/api/stats")["documents"], documents_before);
  EXPECT_EQ(Get("/api/stories?q=Chechnya")["total"], 1);
  std::printf("%d hostile requests, %d answered with a 4xx, %d dropped unanswered\n", total, total - sent["dropped"] - wrong,
              sent["dropped"]);
}

}  // namespace
}  // namespace crosscheck::serve
