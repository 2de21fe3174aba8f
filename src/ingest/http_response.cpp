#include "ingest/http_response.h"

#include <zlib.h>

#include <algorithm>
#include <cstdlib>

#include "ingest/text_util.h"

namespace crosscheck::ingest {
namespace {

// A compressed body may not expand beyond this (a guard against zip bombs).
constexpr size_t kMaxBodyBytes = 64 << 20;

// Undoes chunked transfer-encoding; a truncated last chunk keeps what arrived.
std::string Dechunk(std::string_view body) {
  std::string out;
  while (!body.empty()) {
    const size_t eol = body.find('\n');
    if (eol == std::string_view::npos) break;
    const std::string size_line(body.substr(0, eol));
    char* end = nullptr;
    const unsigned long long size = std::strtoull(size_line.c_str(), &end, 16);
    if (end == size_line.c_str()) break;  // not a chunk-size line
    body.remove_prefix(eol + 1);
    if (size == 0) break;
    const size_t take = static_cast<size_t>(std::min<unsigned long long>(size, body.size()));
    out.append(body.substr(0, take));
    body.remove_prefix(take);
    // CRLF after the chunk data.
    if (!body.empty() && body.front() == '\r') body.remove_prefix(1);
    if (!body.empty() && body.front() == '\n') body.remove_prefix(1);
  }
  return out;
}

// gzip or zlib (deflate) body; on error returns what was inflated so far.
std::string Inflate(std::string_view body) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return "";
  std::string out;
  char buf[1 << 14];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  zs.avail_in = static_cast<uInt>(body.size());
  int ret = Z_OK;
  while (ret == Z_OK && out.size() < kMaxBodyBytes) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    ret = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (ret == Z_BUF_ERROR || (ret == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)) break;
  }
  inflateEnd(&zs);
  return out;
}

}  // namespace

bool ParseHttpResponse(std::string_view payload, HttpResponse* response) {
  if (payload.substr(0, 5) != "HTTP/") return false;
  size_t header_end = payload.find("\r\n\r\n");
  size_t body_start = header_end == std::string_view::npos ? 0 : header_end + 4;
  const size_t lf = payload.find("\n\n");
  if (lf != std::string_view::npos && (header_end == std::string_view::npos || lf < header_end)) {
    header_end = lf;
    body_start = lf + 2;
  }
  if (header_end == std::string_view::npos) return false;
  std::string_view head = payload.substr(0, header_end);
  const size_t space = head.find(' ');
  if (space == std::string_view::npos) return false;
  response->status = std::atoi(std::string(head.substr(space + 1, 3)).c_str());
  std::string transfer, encoding;
  while (!head.empty()) {
    const size_t eol = head.find('\n');
    const std::string_view line = head.substr(0, eol);
    head.remove_prefix(eol == std::string_view::npos ? head.size() : eol + 1);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = Lower(Trim(line.substr(0, colon)));
    const std::string value = Lower(Trim(line.substr(colon + 1)));
    if (key == "content-type") response->content_type = value;
    else if (key == "transfer-encoding") transfer = value;
    else if (key == "content-encoding") encoding = value;
  }
  std::string_view body = payload.substr(body_start);
  response->body = transfer.find("chunked") != std::string::npos ? Dechunk(body) : std::string(body);
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    response->body = Inflate(response->body);
  }
  return true;
}

bool IsHtmlResponse(const HttpResponse& response) {
  const std::string& type = response.content_type;
  if (!type.empty()) {
    return type.find("text/html") != std::string::npos ||
           type.find("application/xhtml") != std::string::npos;
  }
  const std::string head = Lower(std::string_view(response.body).substr(0, 1024));
  return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos;
}

}  // namespace crosscheck::ingest
