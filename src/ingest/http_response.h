// ingest/http_response.h: the HTTP response stored in a WARC response record.
// Parses the status line and headers, undoes chunked transfer-encoding and
// gzip/deflate content-encoding, so the body is the page as served.
// Private to ingest/.
#pragma once
#include <string>
#include <string_view>

namespace crosscheck::ingest {

struct HttpResponse {
  int status = 0;            // 200, 404...
  std::string content_type;  // lower-cased header value, "" if absent
  std::string body;          // decoded body
};

// False if `payload` does not start with an HTTP status line and headers.
bool ParseHttpResponse(std::string_view payload, HttpResponse* response);

// True if the response holds an HTML page (by Content-Type, or by sniffing
// when there is none).
bool IsHtmlResponse(const HttpResponse& response);

}  // namespace crosscheck::ingest
