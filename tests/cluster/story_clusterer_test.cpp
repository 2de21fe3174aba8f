#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "analyze/analyzer.h"
#include "cluster/story_clusterer.h"
#include "cluster_test_util.h"
#include "ingest/document_source.h"

namespace crosscheck::cluster {
namespace {

using testing::MakeDoc;
using testing::Report;

std::vector<Story> ClusterAll(const std::vector<Report>& reports, StoryOptions options = {},
                       std::vector<Assignment>* assignments = nullptr) {
  auto session = StoryClusterer(testing::CosineModel()).Start(options);
  std::vector<Story> stories;
  for (const Report& r : reports) {
    auto a = session->Add(MakeDoc(r.id, r.date, r.title, r.text));
    if (assignments) assignments->insert(assignments->end(), a.begin(), a.end());
    for (Story& s : session->TakeClosed()) stories.push_back(std::move(s));
  }
  std::vector<Assignment> last;
  for (Story& s : session->Finish(&last)) stories.push_back(std::move(s));
  if (assignments) assignments->insert(assignments->end(), last.begin(), last.end());
  return stories;
}

// document id -> story id
std::map<std::string, std::string> Membership(const std::vector<Story>& stories) {
  std::map<std::string, std::string> out;
  for (const Story& s : stories) {
    for (const StoryDocument& d : s.documents) out[d.id] = s.id;
  }
  return out;
}

TEST(StoryClusterer, GroupsReportsOfOneEventAndSeparatesEvents) {
  const auto reports = testing::Reports();
  const auto membership = Membership(ClusterAll(reports));
  for (const Report& a : reports) {
    for (const Report& b : reports) {
      EXPECT_EQ(membership.at(a.id) == membership.at(b.id), a.event == b.event) << a.id << " vs " << b.id;
    }
  }
}

TEST(StoryClusterer, StoryIdsAreStableWhenInputIsAppended) {
  auto reports = testing::Reports();
  const auto before = Membership(ClusterAll(std::vector<Report>(reports.begin(), reports.begin() + 5)));
  reports.push_back({"flood-d", "2021-03-04", "Valdoria flood waters recede",
                     "The Seldan river flood in Valdoria receded and evacuated residents returned home, the mayor said.", "flood"});
  const auto after = Membership(ClusterAll(reports));
  for (const auto& [doc, story] : before) EXPECT_EQ(after.at(doc), story) << doc;
  EXPECT_EQ(after.at("flood-d"), after.at("flood-a"));
}

TEST(StoryClusterer, InputOrderWithinADateDoesNotChangeStories) {
  auto reports = testing::Reports();
  for (Report& r : reports) r.date = "2021-03-02";
  const auto forward = Membership(ClusterAll(reports));
  std::reverse(reports.begin(), reports.end());
  const auto backward = Membership(ClusterAll(reports));
  std::rotate(reports.begin(), reports.begin() + 4, reports.end());
  const auto rotated = Membership(ClusterAll(reports));
  EXPECT_EQ(forward, backward);
  EXPECT_EQ(forward, rotated);
}

TEST(StoryClusterer, OldStoriesCloseAfterTheWindow) {
  auto reports = testing::Reports();
  Report late = reports[0];
  late.id = "flood-next-year";
  late.date = "2022-03-02";
  auto session = StoryClusterer(testing::CosineModel()).Start(StoryOptions{.window_days = 3});
  for (const Report& r : reports) session->Add(MakeDoc(r.id, r.date, r.title, r.text));
  EXPECT_TRUE(session->TakeClosed().empty());
  session->Add(MakeDoc(late.id, late.date, late.title, late.text));
  session->Add(MakeDoc("tick", "2022-03-03", "unrelated", "nothing in common here at all"));
  EXPECT_EQ(session->TakeClosed().size(), 3u);  // the 2021 stories closed when 2022 arrived
  EXPECT_LE(session->active_stories(), 1u);
  const auto rest = session->Finish();
  ASSERT_FALSE(rest.empty());
  // The repeated report opened a new story instead of joining the closed one.
  EXPECT_EQ(rest[0].documents[0].id, "flood-next-year");
  EXPECT_EQ(rest[0].documents.size(), 1u);
}

TEST(StoryClusterer, BaselineJoinsOnCosineAlone) {
  StoryOptions options;
  options.baseline = true;
  options.baseline_threshold = 0.99;  // nothing is that similar: all singletons
  EXPECT_EQ(ClusterAll(testing::Reports(), options).size(), 9u);
}

TEST(StoryClusterer, StoryTitleIsAMemberHeadline) {
  const auto stories = ClusterAll(testing::Reports());
  for (const Story& s : stories) {
    std::set<std::string> titles;
    for (const auto& d : s.documents) titles.insert(d.title);
    EXPECT_TRUE(titles.count(s.title)) << s.title;
    EXPECT_FALSE(s.first_date.empty());
    EXPECT_LE(s.first_date, s.last_date);
  }
}

// examples/chechnya-2017 holds three reports of one story, none a copy of another.
TEST(StoryClusterer, ExampleCorpusIsOneStoryWithoutCopies) {
  const std::filesystem::path models = analyze::DefaultModelDir();
  if (!std::filesystem::exists(models / "story.bin")) GTEST_SKIP() << "no models/story.bin";
  auto analyzer = analyze::Analyzer::Load(models);
  auto clusterer = StoryClusterer::Load(models);
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().message();
  ASSERT_TRUE(clusterer.ok()) << clusterer.status().message();
  auto source = ingest::DocumentSource::Open({std::string(CROSSCHECK_SOURCE_DIR) + "/examples/chechnya-2017"}, {});
  ASSERT_TRUE(source);
  auto session = clusterer->Start();
  Document doc;
  while (source->Next(&doc)) session->Add(analyzer->Analyze(std::move(doc)));
  const auto stories = session->Finish();
  ASSERT_EQ(stories.size(), 1u);
  ASSERT_EQ(stories[0].documents.size(), 3u);
  for (const auto& d : stories[0].documents) EXPECT_EQ(d.copy_of, "") << d.id;
}

}  // namespace
}  // namespace crosscheck::cluster
