// tests/ingest/ingest_test_util.h: fixtures made on the fly (temp dirs,
// gzip and zstd blobs, WARC records) for the ingest tests.
#pragma once
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/document_source.h"

namespace crosscheck::ingest::testing {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "cc_ingest_XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }
  // Writes `data` to `relative` (creating directories) and returns the full path.
  std::string Write(const std::string& relative, const std::string& data) const {
    const std::filesystem::path p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << data;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

// One gzip member holding `data`.
inline std::string Gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline std::string Zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

// A WARC record with the given type, headers and content.
inline std::string WarcRecord(const std::string& type, const std::string& content,
                              const std::string& extra_headers = "") {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\n" + extra_headers +
         "Content-Length: " + std::to_string(content.size()) + "\r\n\r\n" + content + "\r\n\r\n";
}

// A WARC response record for an HTML page at `url`.
inline std::string HtmlResponse(const std::string& url, const std::string& html,
                                const std::string& id = "") {
  const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
  std::string headers = "WARC-Target-URI: " + url + "\r\nWARC-Date: 2017-07-18T10:00:00Z\r\n" +
                        "Content-Type: application/http; msgtype=response\r\n";
  if (!id.empty()) headers += "WARC-Record-ID: <urn:uuid:" + id + ">\r\n";
  return WarcRecord("response", http, headers);
}

// A small news page whose article text is easy to recognise.
inline std::string NewsPage(const std::string& headline, const std::string& body) {
  return "<html lang=\"en\"><head><title>" + headline + " | Example</title></head><body>"
         "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
         "<div class=\"article-body\"><h1>" + headline + "</h1><p>" + body + "</p>"
         "<p>Officials said on Monday that the inquiry, which began in April, would continue.</p></div>"
         "<footer>Copyright Example News</footer></body></html>";
}

// Collects errors for assertions.
struct ErrorLog {
  std::vector<InputError> errors;
  auto Sink() {
    return [this](const InputError& e) { errors.push_back(e); };
  }
};

}  // namespace crosscheck::ingest::testing
