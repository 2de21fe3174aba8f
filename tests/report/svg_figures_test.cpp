#include <gtest/gtest.h>

#include <set>

#include "report/pictures.h"
#include "svg_test_briefs.h"
#include "svg_test_util.h"

namespace crosscheck::report {
namespace {

using testing::AllText;
using testing::ExpectMarksCited;
using testing::ParseOrFail;
using testing::XmlElement;

TEST(FiguresSvg, DrawsEveryFigureVersionWithCitationAndTextAlternative) {
  auto brief = testing::DeathTollBrief();
  std::string svg = FiguresSvg(brief);
  XmlElement root = ParseOrFail(svg);
  EXPECT_EQ(*root.Attr("role"), "img");
  ASSERT_NE(root.Child("title"), nullptr);
  ASSERT_NE(root.Child("desc"), nullptr);
  EXPECT_NE(root.Child("desc")->text.find("at least 26"), std::string::npos);
  ExpectMarksCited(root, 7);  // 6 versions + 1 denial
  auto figures = testing::FindAll(root, [](const XmlElement& e) { return e.HasClass("figure"); });
  EXPECT_EQ(figures.size(), 6u);
  auto denials = testing::FindAll(root, [](const XmlElement& e) { return e.HasClass("challenge"); });
  ASSERT_EQ(denials.size(), 1u);
  EXPECT_NE(denials[0]->children[0].text.find("Chechen authorities denies it"), std::string::npos);
  // The cited sentence is in the mark's title, so hovering shows it.
  EXPECT_NE(figures[0]->children[0].text.find("possibly killed"), std::string::npos);
}

TEST(FiguresSvg, PutsDisputedFactFirstWithEstimateBand) {
  auto brief = testing::DeathTollBrief();
  std::swap(brief.claims[0], brief.claims[1]);  // single-source first in the brief
  XmlElement root = ParseOrFail(FiguresSvg(brief));
  auto facts = testing::FindAll(root, [](const XmlElement& e) { return e.HasClass("cc-fact"); });
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_TRUE(facts[0]->HasClass("disputed"));
  auto bands = testing::FindAll(root, [](const XmlElement& e) { return e.HasClass("cc-band"); });
  ASSERT_EQ(bands.size(), 2u);
  EXPECT_NE(bands[0]->Child("title")->text.find("estimate 3 (3\u201326)"), std::string::npos);
}

TEST(FiguresSvg, DrawsHedgedVersionsHollow) {
  XmlElement root = ParseOrFail(FiguresSvg(testing::DeathTollBrief()));
  auto figures = testing::FindAll(root, [](const XmlElement& e) { return e.HasClass("figure"); });
  for (const XmlElement* f : figures) {
    auto dots = testing::FindAll(*f, [](const XmlElement& e) { return e.tag == "circle" && e.Attr("r") && *e.Attr("r") == "5"; });
    auto bars = testing::FindAll(*f, [](const XmlElement& e) { return e.tag == "rect" && e.Attr("height") && *e.Attr("height") == "8"; });
    for (const auto* shape : dots.empty() ? bars : dots)
      EXPECT_EQ(*shape->Attr("fill") == "#fff", f->HasClass("hedged")) << *f->Attr("class");
  }
}

TEST(FiguresSvg, ChoosesLogScaleWhenFiguresSpanFourOrdersOfMagnitude) {
  auto brief = testing::DeathTollBrief();
  brief.claims.resize(1);
  brief.claims[0].estimate = {};
  brief.claims[0].versions = {testing::Version("000", 1, "A", 1, 1, "exact", "one"),
                              testing::Version("001", 1, "B", 10000, 10000, "exact", "10,000")};
  std::string text = AllText(ParseOrFail(FiguresSvg(brief)));
  EXPECT_NE(text.find("log scale"), std::string::npos);
  EXPECT_NE(text.find("10k"), std::string::npos);
  brief.claims[0].versions[1].value = reconcile::ValueInterval{50, 50, "exact"};
  EXPECT_EQ(AllText(ParseOrFail(FiguresSvg(brief))).find("log scale"), std::string::npos);
}

TEST(FiguresSvg, ReturnsEmptyWhenNothingHasAFigure) {
  EXPECT_EQ(FiguresSvg(reconcile::StoryBrief{}), "");
  auto brief = testing::DeathTollBrief();
  for (auto& c : brief.claims)
    for (auto& v : c.versions) v.value.reset();
  EXPECT_EQ(FiguresSvg(brief), "");
  EXPECT_EQ(FiguresTable(brief), "");
}

TEST(FiguresSvg, IsByteIdenticalAcrossRuns) {
  auto brief = testing::ManyOutletsBrief(40);
  EXPECT_EQ(FiguresSvg(brief), FiguresSvg(brief));
  EXPECT_EQ(FiguresSvg(testing::DeathTollBrief()), FiguresSvg(testing::DeathTollBrief()));
}

TEST(FiguresSvg, CapsRowsOfAWidelyReportedFigureAndSaysSo) {
  XmlElement root = ParseOrFail(FiguresSvg(testing::ManyOutletsBrief(40)));
  auto figures = testing::FindAll(root, [](const XmlElement& e) { return e.HasClass("figure"); });
  EXPECT_EQ(figures.size(), 12u);
  EXPECT_NE(AllText(root).find("+28 more versions"), std::string::npos);
  EXPECT_TRUE(testing::Overlaps(testing::TextBoxes(root)).empty());
  std::set<std::string> values;  // every distinct figure (5 values x 2 bounds) kept
  for (const auto* f : figures) {
    const std::string& t = f->children[0].text;
    std::string first = t.substr(0, t.find('\n'));
    values.insert(first.substr(first.find(": ") + 2));
  }
  EXPECT_GE(values.size(), 10u);
}

TEST(FiguresSvg, LabelsDoNotOverlap) {
  for (const auto& brief : {testing::DeathTollBrief(), testing::SingleDocumentBrief()}) {
    XmlElement root = ParseOrFail(FiguresSvg(brief));
    auto overlaps = testing::Overlaps(testing::TextBoxes(root));
    EXPECT_TRUE(overlaps.empty()) << overlaps[0];
  }
}

TEST(FiguresSvg, EscapesHostileStrings) {
  auto brief = testing::DeathTollBrief();
  brief.claims[0].summary = "<script>alert('x')</script> & \"co\" \x01";
  brief.claims[0].versions[0].outlet = "A&B <News>";
  brief.claims[0].versions[0].cite.document = "d\"oc'<&>";
  std::string svg = FiguresSvg(brief);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  XmlElement root = ParseOrFail(svg);
  ExpectMarksCited(root, 7);
}

TEST(FiguresTable, ListsValueBoundOutletAndCitePerVersion) {
  auto brief = testing::DeathTollBrief();
  brief.claims[0].versions[0].outlet = "Pipe | Outlet";
  std::string table = FiguresTable(brief);
  EXPECT_EQ(table.rfind("| fact | outlet | value | bound | modality | cite |\n|---|", 0), 0u);
  EXPECT_NE(table.find("| Men killed (disputed) | Evening Paper, via Novaya Gazeta | at least 26 | at_least | asserted | 001:1 |"),
            std::string::npos) << table;
  EXPECT_NE(table.find("Pipe \\| Outlet"), std::string::npos);
  EXPECT_NE(table.find("| hedged (possibly) | 000:1 |"), std::string::npos);
  EXPECT_NE(table.find("(estimate) | 3 (3\u201326)"), std::string::npos);
  EXPECT_NE(table.find("| Chechen authorities | Chechen authorities continue to dismiss the reports. |  | denied | 000:2 |"),
            std::string::npos) << table;
  EXPECT_EQ(FiguresTable(brief), table);
}

}  // namespace
}  // namespace crosscheck::report
