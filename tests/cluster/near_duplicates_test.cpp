#include <gtest/gtest.h>

#include "cluster/document_record.h"
#include "cluster/minhash.h"
#include "cluster/near_duplicates.h"
#include "cluster/story_clusterer.h"
#include "cluster_test_util.h"

namespace crosscheck::cluster {
namespace {

using testing::MakeDoc;

const std::string kOriginal =
    "The regional council of Marlow voted on Thursday to close the old harbour bridge for repairs after "
    "engineers found cracks in two of its steel supports during a routine inspection last month.\n\n"
    "Traffic will be diverted through the northern ring road for at least six weeks, the council said, "
    "and a temporary ferry will carry cyclists and pedestrians across the harbour every twenty minutes.\n\n"
    "Local shop owners near the bridge said they feared losing customers during the closure and asked "
    "the council for help with rents while the repair work continues through the summer season.";

// The first two paragraphs, with a word changed and the last paragraph dropped (a wire rewrite).
const std::string kTrimmedCopy =
    "The regional council of Marlow voted on Thursday to shut the old harbour bridge for repairs after "
    "engineers found cracks in two of its steel supports during a routine inspection last month.\n\n"
    "Traffic will be diverted through the northern ring road for at least six weeks, the council said, "
    "and a temporary ferry will carry cyclists and pedestrians across the harbour every twenty minutes.";

const std::string kSameEventOwnWords =
    "Marlow's harbour bridge is to close for several weeks of repair work. Inspectors discovered cracked "
    "supports last month, and councillors agreed on Thursday that the crossing was no longer safe.\n\n"
    "Drivers face a detour via the ring road to the north while a ferry service takes people on foot "
    "and on bicycles over the water. Nearby traders worry about a slump in business this summer.";

TEST(NearDuplicates, FindsTrimmedLightlyEditedCopy) {
  NearDuplicateIndex index({});
  index.Add(MakeRecord(MakeDoc("orig", "2020-05-01", "Bridge to close", kOriginal)), 0, 0);
  const auto result = index.Add(MakeRecord(MakeDoc("copy", "2020-05-01", "Bridge to close", kTrimmedCopy)), 1, 0);
  EXPECT_TRUE(result.is_copy);
  EXPECT_EQ(result.copy_of, "orig");
  EXPECT_GT(result.containment, 0.8);
}

TEST(NearDuplicates, DistinctReportOfSameEventIsNotACopy) {
  NearDuplicateIndex index({});
  index.Add(MakeRecord(MakeDoc("orig", "2020-05-01", "Bridge to close", kOriginal)), 0, 0);
  const auto result = index.Add(MakeRecord(MakeDoc("other", "2020-05-01", "Bridge shut", kSameEventOwnWords)), 1, 0);
  EXPECT_FALSE(result.is_copy);
  EXPECT_TRUE(result.lifted.empty());
}

TEST(NearDuplicates, LiftedParagraphIsRecordedWithItsSource) {
  NearDuplicateIndex index({});
  index.Add(MakeRecord(MakeDoc("orig", "2020-05-01", "Bridge to close", kOriginal)), 0, 0);
  // Own first paragraph, then the original's third paragraph verbatim.
  const std::string text = kSameEventOwnWords.substr(0, kSameEventOwnWords.find("\n\n")) + "\n\n" +
                           kOriginal.substr(kOriginal.rfind("\n\n") + 2);
  const auto result = index.Add(MakeRecord(MakeDoc("mixed", "2020-05-02", "Bridge", text)), 1, 0);
  EXPECT_FALSE(result.is_copy);
  ASSERT_EQ(result.lifted.size(), 1u);
  EXPECT_EQ(result.lifted[0].paragraph, 1u);
  EXPECT_EQ(result.lifted[0].source_id, "orig");
  EXPECT_EQ(result.lifted[0].source_paragraph, 2u);
}

TEST(NearDuplicates, CopiesPointToTheEarliestDocument) {
  auto session = StoryClusterer(testing::CosineModel()).Start();
  std::vector<Assignment> all;
  auto take = [&](std::vector<Assignment> a) { all.insert(all.end(), a.begin(), a.end()); };
  take(session->Add(MakeDoc("first", "2020-05-01", "Bridge to close", kOriginal)));
  take(session->Add(MakeDoc("second", "2020-05-02", "Bridge to close", kOriginal)));
  take(session->Add(MakeDoc("third", "2020-05-03", "Bridge to close", kTrimmedCopy)));
  std::vector<Assignment> last;
  const auto stories = session->Finish(&last);
  take(last);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].copy_of, "");
  EXPECT_EQ(all[1].copy_of, "first");
  EXPECT_EQ(all[2].copy_of, "first");
  ASSERT_EQ(stories.size(), 1u);  // a copy always joins its original's story
}

TEST(NearDuplicates, SameDayCopyPointsToTheFirstInInput) {
  auto session = StoryClusterer(testing::CosineModel()).Start();
  session->Add(MakeDoc("zzz-published-first", "2020-05-01", "Bridge to close", kOriginal));
  session->Add(MakeDoc("aaa-published-second", "2020-05-01", "Bridge to close", kOriginal));
  std::vector<Assignment> last;
  session->Finish(&last);
  ASSERT_EQ(last.size(), 2u);
  EXPECT_EQ(last[0].copy_of, "");
  EXPECT_EQ(last[1].copy_of, "zzz-published-first");
}

// The MinHash estimate agrees with the exact Jaccard similarity (slow reference).
TEST(MinHash, EstimateTracksExactJaccard) {
  std::vector<uint64_t> a, b;
  for (uint64_t i = 0; i < 400; ++i) a.push_back(i * 7919);
  for (uint64_t i = 100; i < 500; ++i) b.push_back(i * 7919);
  const double exact = 300.0 / 500.0;
  const auto& hasher = MinHasher::Default();
  const double estimate = EstimateJaccard(hasher.Signature(a, kSignatureSize), hasher.Signature(b, kSignatureSize));
  EXPECT_NEAR(estimate, exact, 0.15);
  EXPECT_NEAR(ContainmentFromJaccard(exact, 400, 400), 0.75, 1e-9);
}

}  // namespace
}  // namespace crosscheck::cluster
