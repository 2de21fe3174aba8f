#include <gtest/gtest.h>

#include "ingest/charset.h"
#include "ingest/readers.h"
#include "ingest_test_util.h"

namespace crosscheck::ingest {
namespace {

bool Contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

const char kArticle[] = R"(<!doctype html>
<html lang="en-GB"><head>
<title>Fallback title</title>
<meta property="og:title" content="Police detain men in Chechnya">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2017-04-03T09:30:00+03:00">
<link rel="canonical" href="https://news.example/world/chechnya">
<script>var x = "not text";</script><style>p{color:red}</style>
</head><body>
<header><a href="/">Example News</a></header>
<nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div id="main">
 <article class="story-body">
  <h1>Police detain men in Chechnya</h1>
  <p>Police in the Russian republic of Chechnya have detained more than 100 men, a newspaper reported on Saturday, citing sources.</p>
  <p>The newspaper, Novaya Gazeta, said at least three men had been killed, a claim that officials in Grozny denied &amp; called "lies".</p>
  <p>Human rights groups called for an <b>independent</b> investigation, and several governments, including France and Britain, echoed the call.</p>
  <ul class="related-links"><li><a href="/a">Related one</a></li><li><a href="/b">Related two</a></li></ul>
 </article>
 <aside>Most read: something else entirely</aside>
 <div class="comments">Comment from reader: first!</div>
</div>
<footer>Copyright 2017 Example News. All rights reserved.</footer>
</body></html>)";

TEST(HtmlExtractorTest, KeepsArticleParagraphsAndDropsBoilerplate) {
  const HtmlPage page = ExtractHtml(kArticle);
  EXPECT_TRUE(Contains(page.text, "have detained more than 100 men"));
  EXPECT_TRUE(Contains(page.text, "denied & called \"lies\"."));  // entities decoded
  EXPECT_TRUE(Contains(page.text, "for an independent investigation"));  // inline tags add no space
  EXPECT_FALSE(Contains(page.text, "not text"));
  EXPECT_FALSE(Contains(page.text, "Sport"));
  EXPECT_FALSE(Contains(page.text, "Most read"));
  EXPECT_FALSE(Contains(page.text, "first!"));
  EXPECT_FALSE(Contains(page.text, "Copyright"));
  EXPECT_FALSE(Contains(page.text, "Related one"));
}

TEST(HtmlExtractorTest, ParagraphSpansCoverEachBlock) {
  const HtmlPage page = ExtractHtml(kArticle);
  ASSERT_GE(page.paragraphs.size(), 3u);
  for (const Span& s : page.paragraphs) {
    ASSERT_LE(s.end, page.text.size());
    EXPECT_FALSE(s.empty());
  }
  const Span last = page.paragraphs.back();
  EXPECT_EQ(page.text.substr(last.begin, last.size()).substr(0, 20), "Human rights groups ");
}

TEST(HtmlExtractorTest, ReadsMetadata) {
  const HtmlPage page = ExtractHtml(kArticle);
  EXPECT_EQ(page.title, "Police detain men in Chechnya");
  EXPECT_EQ(page.source, "Example News");
  EXPECT_EQ(page.date, "2017-04-03");
  EXPECT_EQ(page.url, "https://news.example/world/chechnya");
  EXPECT_EQ(page.language, "en");
}

TEST(HtmlExtractorTest, FallsBackToTitleTagOgUrlAndTimeElement) {
  const HtmlPage page = ExtractHtml(
      "<html><head><title> Plain  title </title><meta property=\"og:url\" content=\"https://a.example/x\">"
      "</head><body><time datetime=\"2016-05-01\">May 1</time><p>Some text here.</p></body></html>");
  EXPECT_EQ(page.title, "Plain title");
  EXPECT_EQ(page.url, "https://a.example/x");
  EXPECT_EQ(page.date, "2016-05-01");
}

TEST(HtmlExtractorTest, ReadsDateFromJsonLd) {
  const HtmlPage page = ExtractHtml(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"datePublished\": \"2015-11-02T10:00:00Z\"}</script></head><body><p>x</p></body></html>");
  EXPECT_EQ(page.date, "2015-11-02");
}

TEST(HtmlExtractorTest, SkipsHiddenElements) {
  const HtmlPage page = ExtractHtml(
      "<body><div><p>Visible paragraph with enough words to count as content, surely.</p>"
      "<p style=\"display: none\">Hidden text</p><p hidden>Also hidden</p></div></body>");
  EXPECT_TRUE(Contains(page.text, "Visible paragraph"));
  EXPECT_FALSE(Contains(page.text, "hidden"));
  EXPECT_FALSE(Contains(page.text, "Hidden"));
}

TEST(HtmlExtractorTest, BreaksParagraphsAtBrAndKeepsPreWhitespace) {
  const HtmlPage page = ExtractHtml("<body><div>line one<br>line two</div><pre>a  b\nc</pre></body>");
  EXPECT_TRUE(Contains(page.text, "line one\n\nline two"));
  EXPECT_TRUE(Contains(page.text, "a  b\nc"));
}

TEST(HtmlExtractorTest, DecodesLatin1PageThatIsNotUtf8) {
  const HtmlPage page = ExtractHtml(
      "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9 cr\xE8me \x93quoted\x94</p></body></html>");
  EXPECT_TRUE(Contains(page.text, "Caf\xC3\xA9 cr\xC3\xA8me \xE2\x80\x9Cquoted\xE2\x80\x9D"));
  EXPECT_EQ(page.repaired_bytes, 0u);
}

TEST(HtmlExtractorTest, RepairsInvalidBytesInDeclaredUtf8Page) {
  const HtmlPage page = ExtractHtml(
      "<html><head><meta charset=\"utf-8\"></head><body><p>bad \xFF byte</p></body></html>");
  EXPECT_TRUE(Contains(page.text, "bad \xEF\xBF\xBD byte"));
  EXPECT_EQ(page.repaired_bytes, 1u);
}

TEST(HtmlExtractorTest, SurvivesDeepNestingAndGarbage) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "deep text";
  const HtmlPage page = ExtractHtml(deep);
  (void)page;
  const HtmlPage garbage = ExtractHtml(std::string("<<<>>>\0\0<p", 11));
  (void)garbage;
}

TEST(ParseHtmlTest, BuildsDocumentWithFileNameIdAndSourceFromHost) {
  Result<Document> d = ParseHtml(
      "<html><head><link rel=canonical href=\"https://www.nytimes.com/2017/a.html\"></head>"
      "<body><p>Text of the article, long enough to be the content.</p></body></html>",
      "pages/a.html");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->id, "a.html");
  EXPECT_EQ(d->source, "nytimes.com");
  EXPECT_EQ(d->origin, "pages/a.html");
}

TEST(ParseHtmlTest, RejectsPageWithoutText) {
  Result<Document> d = ParseHtml("<html><head><title>x</title></head><body></body></html>", "a.html");
  EXPECT_FALSE(d.ok());
}

TEST(CharsetTest, SniffsMetaAndHttpCharsets) {
  EXPECT_EQ(SniffCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"),
            "iso-8859-1");
  EXPECT_EQ(SniffCharset("text/html; charset=\"utf-8\""), "utf-8");
  EXPECT_EQ(SniffCharset("<html>"), "");
}

TEST(CharsetTest, DecodesUtf16WithBom) {
  uint32_t repaired = 0;
  EXPECT_EQ(DecodeToUtf8(std::string("\xFF\xFEh\0i\0", 6), "", &repaired), "hi");
}

}  // namespace
}  // namespace crosscheck::ingest
