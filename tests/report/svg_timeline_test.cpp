#include <gtest/gtest.h>

#include "report/pictures.h"
#include "svg_test_briefs.h"
#include "svg_test_util.h"

namespace crosscheck::report {
namespace {

using testing::AllText;
using testing::ParseOrFail;
using testing::XmlElement;

TEST(TimelineSvg, DrawsEventsAndDocumentDatesFebruaryToJuly) {
  auto brief = testing::DeathTollBrief();
  XmlElement root = ParseOrFail(TimelineSvg(brief));
  testing::ExpectMarksCited(root, 8);  // 5 entries + 3 documents
  auto events = testing::FindAll(root, [](const XmlElement& e) { return e.HasClass("event"); });
  auto docs = testing::FindAll(root, [](const XmlElement& e) { return e.HasClass("document"); });
  EXPECT_EQ(events.size(), 5u);
  EXPECT_EQ(docs.size(), 3u);
  std::string text = AllText(root);
  for (const char* month : {"Feb\n", "Mar\n", "Apr\n", "May\n", "Jun\n", "Jul\n", "2017\n"})
    EXPECT_NE(text.find(month), std::string::npos) << month;
  // A month-long entry is a bar; a day is a dot.
  EXPECT_NE(events[0]->Child("rect"), nullptr);
  EXPECT_NE(events[1]->Child("circle"), nullptr);
  auto overlaps = testing::Overlaps(testing::TextBoxes(root));
  EXPECT_TRUE(overlaps.empty()) << overlaps[0];
}

TEST(TimelineSvg, StaggersLabelsOfAFortyDocumentStoryWithoutOverlap) {
  auto brief = testing::ManyOutletsBrief(40);
  std::string svg = TimelineSvg(brief);
  XmlElement root = ParseOrFail(svg);
  testing::ExpectMarksCited(root, 48);
  auto overlaps = testing::Overlaps(testing::TextBoxes(root));
  EXPECT_TRUE(overlaps.empty()) << overlaps[0];
  EXPECT_EQ(svg, TimelineSvg(brief));
}

TEST(TimelineSvg, DrawsASingleDocumentStory) {
  XmlElement root = ParseOrFail(TimelineSvg(testing::SingleDocumentBrief()));
  testing::ExpectMarksCited(root, 2);
  std::string text = AllText(root);
  EXPECT_NE(text.find("12 people hurt"), std::string::npos);
  EXPECT_NE(text.find("Mar"), std::string::npos);
  EXPECT_TRUE(testing::Overlaps(testing::TextBoxes(root)).empty());
}

TEST(TimelineSvg, SkipsUnreadableDatesAndReturnsEmptyWhenNothingIsDated) {
  EXPECT_EQ(TimelineSvg(reconcile::StoryBrief{}), "");
  reconcile::StoryBrief b;
  b.timeline = {testing::Entry("sometime", "day", "x", {"d", 0})};
  b.documents = {{"d", "", "", "", "", "", {}}};
  EXPECT_EQ(TimelineSvg(b), "");
  b.timeline.push_back(testing::Entry("1999", "year", "a year", {"d", 0}));
  XmlElement root = ParseOrFail(TimelineSvg(b));
  EXPECT_NE(AllText(root).find("1999"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck::report
