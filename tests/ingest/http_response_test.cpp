#include "ingest/http_response.h"

#include <gtest/gtest.h>

#include "ingest_test_util.h"

namespace crosscheck::ingest {
namespace {

TEST(HttpResponseTest, ParsesStatusContentTypeAndBody) {
  HttpResponse r;
  ASSERT_TRUE(ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Type: Text/HTML; charset=UTF-8\r\n\r\n<p>hi</p>", &r));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.body, "<p>hi</p>");
  EXPECT_TRUE(IsHtmlResponse(r));
}

TEST(HttpResponseTest, AcceptsBareLfHeaders) {
  HttpResponse r;
  ASSERT_TRUE(ParseHttpResponse("HTTP/1.0 404 Not Found\nContent-Type: text/plain\n\nnope", &r));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, "nope");
  EXPECT_FALSE(IsHtmlResponse(r));
}

TEST(HttpResponseTest, DechunksBody) {
  HttpResponse r;
  ASSERT_TRUE(ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n", &r));
  EXPECT_EQ(r.body, "hello world");
}

TEST(HttpResponseTest, InflatesGzipContentEncoding) {
  HttpResponse r;
  ASSERT_TRUE(ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + testing::Gzip("<html>x</html>"), &r));
  EXPECT_EQ(r.body, "<html>x</html>");
  EXPECT_TRUE(IsHtmlResponse(r));  // sniffed: no Content-Type
}

TEST(HttpResponseTest, RejectsPayloadThatIsNotHttp) {
  HttpResponse r;
  EXPECT_FALSE(ParseHttpResponse("<html>", &r));
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1 200 OK\r\nno end of headers", &r));
}

}  // namespace
}  // namespace crosscheck::ingest
