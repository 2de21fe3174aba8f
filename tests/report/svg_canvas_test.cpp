#include "report/svg_canvas.h"

#include <gtest/gtest.h>

#include "report/pictures.h"
#include "svg_test_util.h"

namespace crosscheck::report {
namespace {

TEST(SvgCanvas, EscapesMarkupQuotesAndDropsWhatXmlForbids) {
  EXPECT_EQ(svg::Escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(svg::Escape(std::string("x\x01y\x0bz", 5)), "xyz");
  EXPECT_EQ(svg::Escape("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(svg::Escape("bad \xff byte"), "bad \xef\xbf\xbd byte");  // repaired to U+FFFD
}

TEST(SvgCanvas, FormatsNumbersWithoutLocaleOrTrailingZeros) {
  EXPECT_EQ(svg::Num(3), "3");
  EXPECT_EQ(svg::Num(2.25, 1), "2.2");
  EXPECT_EQ(svg::Num(-0.01), "0");
  EXPECT_EQ(svg::Num(1e300 * 1e300), "0");
  EXPECT_EQ(svg::FormatValue(26), "26");
  EXPECT_EQ(svg::FormatValue(1200), "1200");
  EXPECT_EQ(svg::FormatValue(12000), "12,000");
  EXPECT_EQ(svg::FormatValue(2500000), "2.5 million");
}

TEST(SvgCanvas, FitTextCutsOnCharacterBoundaryToWidth) {
  std::string s = "Sch\xc3\xb6ne neue Welt der sehr langen Namen";
  std::string fit = svg::FitText(s, 12, 80);
  EXPECT_LE(svg::TextWidth(fit, 12), 80);
  EXPECT_NE(fit, s);
  EXPECT_EQ(fit.substr(fit.size() - 3), "\u2026");
  EXPECT_EQ(svg::FitText("short", 12, 80), "short");
  EXPECT_EQ(svg::Truncate("\xc3\xa9\xc3\xa9\xc3\xa9", 2), "\xc3\xa9\xc3\xa9\u2026");
}

TEST(SvgCanvas, NiceLinearTicksCoverTheDomainInWholeSteps) {
  double lo = 0, hi = 31.2;
  auto ticks = svg::NiceTicks(&lo, &hi, 6);
  EXPECT_EQ(lo, 0);
  EXPECT_EQ(hi, 40);
  EXPECT_EQ(ticks, (std::vector<double>{0, 10, 20, 30, 40}));
  lo = 0, hi = 0.7;
  ticks = svg::NiceTicks(&lo, &hi, 6);
  EXPECT_EQ(ticks.size(), 5u);  // 0, 0.2, ..., 0.8
  EXPECT_NEAR(hi, 0.8, 1e-9);
}

TEST(SvgCanvas, LogTicksArePowersOfTenWithMinorStepsOnShortSpans) {
  double lo = 1, hi = 10000;
  EXPECT_EQ(svg::LogTicks(&lo, &hi), (std::vector<double>{1, 10, 100, 1000, 10000}));
  lo = 3, hi = 80;
  EXPECT_EQ(svg::LogTicks(&lo, &hi), (std::vector<double>{1, 2, 5, 10, 20, 50, 100}));
  svg::Scale s{1, 10000, 0, 400, true};
  EXPECT_DOUBLE_EQ(s(100), 200);
  EXPECT_DOUBLE_EQ(s(0), 0);  // zero sits at the left end of a log axis
}

TEST(SvgCanvas, CiteAnchorReplacesBytesOutsideTheIdAlphabet) {
  EXPECT_EQ(CiteAnchor({"000_9c69864088f3bb14", 4}), "s-000_9c69864088f3bb14-4");
  EXPECT_EQ(CiteAnchor({"a/b c.txt", 0}), "s-a_b_c_txt-0");
  EXPECT_EQ(CiteAnchor({"caf\xc3\xa9", 2}), "s-caf__-2");
}

TEST(SvgCanvas, MarkIsALinkWithTitleAndCitation) {
  svg::Canvas c;
  reconcile::Cite cite{"doc<1>", 3};
  c.OpenMark(&cite, "cc-mark x", "what & why");
  c.CloseMark(&cite);
  std::string out = c.Finish(720, 40, "cc-test", "T", "D");
  testing::XmlElement root;
  testing::XmlReader reader(out);
  ASSERT_TRUE(reader.Parse(&root)) << reader.error() << "\n" << out;
  EXPECT_EQ(*root.Attr("role"), "img");
  const auto* a = root.Child("a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(*a->Attr("href"), "#s-doc_1_-3");
  EXPECT_EQ(*a->Attr("tabindex"), "0");
  EXPECT_EQ(*a->children[0].Attr("data-cite"), "doc<1>:3");
  EXPECT_EQ(a->children[0].Child("title")->text, "what & why");
}

TEST(SvgTestUtil, XmlReaderRejectsMalformedInput) {
  testing::XmlElement root;
  for (const char* bad : {"<a>", "<a></b>", "<a x=1/>", "<a x='1' x='2'/>", "<a>&nbsp;</a>",
                          "<a>x & y</a>", "<a/><b/>", "<a x=\"<\"/>"}) {
    testing::XmlReader reader(bad);
    EXPECT_FALSE(reader.Parse(&root)) << bad;
  }
  testing::XmlReader good("<a x='1'><b>t &amp; &#38;</b><!-- c --></a>");
  EXPECT_TRUE(good.Parse(&root)) << good.error();
}

}  // namespace
}  // namespace crosscheck::report
