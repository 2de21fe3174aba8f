// GET /api/...: stories, one story, documents, entities, search, stats.
#include <algorithm>
#include <charconv>
#include <initializer_list>

#include "core/json_writer.h"
#include "core/utf8.h"
#include "serve/routes.h"

namespace crosscheck::serve {
namespace {

constexpr size_t kMaxParam = 512;

// A query parameter, checked: valid UTF-8, at most kMaxParam bytes.
bool Param(const httplib::Request& req, const char* name, std::string* out, httplib::Response& res) {
  out->clear();
  if (!req.has_param(name)) return true;
  *out = req.get_param_value(name);
  if (out->size() > kMaxParam) { SendError(res, 400, std::string("parameter ") + name + ": longer than 512 bytes"); return false; }
  if (!utf8::IsValid(*out)) { SendError(res, 400, std::string("parameter ") + name + ": not valid UTF-8"); return false; }
  return true;
}

bool IntParam(const httplib::Request& req, const char* name, int64_t low, int64_t high, int64_t* out,
              httplib::Response& res) {
  if (!req.has_param(name)) return true;
  const std::string v = req.get_param_value(name);
  int64_t n = 0;
  const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (error != std::errc() || end != v.data() + v.size() || n < low || n > high) {
    SendError(res, 400, std::string("parameter ") + name + ": expected an integer from " + std::to_string(low) +
                            " to " + std::to_string(high));
    return false;
  }
  *out = n;
  return true;
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD".
bool IsDate(const std::string& s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

bool DateParam(const httplib::Request& req, const char* name, std::string* out, httplib::Response& res) {
  if (!Param(req, name, out, res)) return false;
  if (out->empty() || IsDate(*out)) return true;
  SendError(res, 400, std::string("parameter ") + name + ": expected YYYY, YYYY-MM or YYYY-MM-DD");
  return false;
}

// A path segment naming a story or document: non-empty, valid UTF-8.
bool IdOk(const std::string& id, httplib::Response& res) {
  if (id.empty()) { SendError(res, 404, "not found"); return false; }
  if (!utf8::IsValid(id)) { SendError(res, 400, "id: not valid UTF-8"); return false; }
  return true;
}

void Answer(const Result<std::string>& result, httplib::Response& res) {
  if (!result.ok()) { SendError(res, 500, result.status().message()); return; }
  SendJson(res, *result);
}

void AnswerFound(const Result<std::optional<std::string>>& result, const char* what, httplib::Response& res,
                 const char* type = "application/json; charset=utf-8") {
  if (!result.ok()) { SendError(res, 500, result.status().message()); return; }
  if (!result->has_value()) { SendError(res, 404, std::string("no such ") + what); return; }
  res.status = 200;
  res.set_header("Cache-Control", "no-cache");
  res.set_content(**result, type);
}

void Stories(store::StoreReader& reader, const httplib::Request& req, httplib::Response& res) {
  store::StoryQuery q;
  if (!Param(req, "q", &q.text, res) || !DateParam(req, "from", &q.from, res) || !DateParam(req, "to", &q.to, res) ||
      !Param(req, "outlet", &q.outlet, res) || !Param(req, "entity", &q.entity, res) ||
      !IntParam(req, "limit", 1, 100, &q.limit, res) || !IntParam(req, "offset", 0, 1000000, &q.offset, res)) {
    return;
  }
  Answer(reader.Stories(q), res);
}

void Entities(store::StoreReader& reader, const httplib::Request& req, httplib::Response& res) {
  std::string q, type;
  int64_t limit = 50, offset = 0;
  if (!Param(req, "q", &q, res) || !Param(req, "type", &type, res) || !IntParam(req, "limit", 1, 200, &limit, res) ||
      !IntParam(req, "offset", 0, 1000000, &offset, res)) {
    return;
  }
  Answer(reader.Entities(q, type, limit, offset), res);
}

void Search(store::StoreReader& reader, const httplib::Request& req, httplib::Response& res) {
  std::string q;
  int64_t limit = 20, offset = 0;
  if (!Param(req, "q", &q, res) || !IntParam(req, "limit", 1, 100, &limit, res) ||
      !IntParam(req, "offset", 0, 1000000, &offset, res)) {
    return;
  }
  if (store::FtsQuery(q).empty()) { SendError(res, 400, "parameter q: give at least one word"); return; }
  Answer(reader.Search(q, limit, offset), res);
}

void Stats(store::StoreReader& reader, httplib::Response& res) {
  auto counts = reader.Counts();
  if (!counts.ok()) { SendError(res, 500, counts.status().message()); return; }
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Key("documents"); w.Int(counts->documents);
  w.Key("stories"); w.Int(counts->stories);
  w.Key("briefs"); w.Int(counts->briefs);
  w.Key("stories_pending"); w.Int(counts->dirty_stories);
  w.Key("documents_pending"); w.Int(counts->unassigned);
  w.Key("schema_version"); w.Int(counts->schema_version);
  w.EndObject();
  SendJson(res, std::move(body));
}

void Story(store::StoreReader& reader, std::string_view rest, httplib::Response& res) {
  constexpr std::string_view kHtml = "/brief.html";
  const bool html = rest.size() > kHtml.size() && rest.substr(rest.size() - kHtml.size()) == kHtml;
  const std::string id(html ? rest.substr(0, rest.size() - kHtml.size()) : rest);
  if (!IdOk(id, res)) return;
  if (id.find('/') != std::string::npos) { SendError(res, 404, "not found"); return; }
  if (html) AnswerFound(reader.StoryHtml(id), "story", res, "text/html; charset=utf-8");
  else AnswerFound(reader.StoryJson(id), "story", res);
}

// Every name=value pair of the raw query is well formed and names a
// parameter of the endpoint: a typo or an injected pair is an error, not ignored.
bool QueryOk(const httplib::Request& req, std::initializer_list<std::string_view> allowed, httplib::Response& res) {
  const size_t question = req.target.find('?');
  if (question == std::string::npos) return true;
  const std::string_view query = std::string_view(req.target).substr(question + 1);
  for (size_t start = 0; start <= query.size();) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.find('=', eq + 1) != std::string_view::npos) {
      SendError(res, 400, "malformed query: a pair has two '=' (encode it as %3D)");
      return false;
    }
    const std::string name = httplib::detail::decode_url(std::string(pair.substr(0, eq)), true);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      SendError(res, 400, utf8::IsValid(name) && name.size() < 64 ? "unknown parameter: " + name : "unknown parameter");
      return false;
    }
  }
  return true;
}

bool BoolParam(const httplib::Request& req, const char* name, bool fallback) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  return !(v == "0" || v == "false" || v == "no");
}

}  // namespace

void HandleApiGet(Server::Impl& server, const httplib::Request& req, httplib::Response& res) {
  const std::string& path = req.path;
  auto lease = server.readers.Acquire();
  if (!lease.ok()) { SendError(res, 503, lease.status().message()); return; }
  store::StoreReader& reader = **lease;
  constexpr std::string_view kStory = "/api/stories/", kDocument = "/api/documents/";
  if (path == "/api/stories" || path == "/api/stories/") {
    if (QueryOk(req, {"q", "from", "to", "outlet", "entity", "limit", "offset"}, res)) Stories(reader, req, res);
    return;
  }
  if (path.rfind(kStory, 0) == 0) {
    if (QueryOk(req, {}, res)) Story(reader, std::string_view(path).substr(kStory.size()), res);
    return;
  }
  if (path.rfind(kDocument, 0) == 0) {
    const std::string id = path.substr(kDocument.size());
    if (!QueryOk(req, {"analysis"}, res) || !IdOk(id, res)) return;
    return AnswerFound(reader.DocumentJson(id, BoolParam(req, "analysis", true)), "document", res);
  }
  if (path == "/api/entities") {
    if (QueryOk(req, {"q", "type", "limit", "offset"}, res)) Entities(reader, req, res);
    return;
  }
  if (path == "/api/search") {
    if (QueryOk(req, {"q", "limit", "offset"}, res)) Search(reader, req, res);
    return;
  }
  if (path == "/api/stats") {
    if (QueryOk(req, {}, res)) Stats(reader, res);
    return;
  }
  SendError(res, 404, "no such endpoint (see docs/api.md)");
}

}  // namespace crosscheck::serve
