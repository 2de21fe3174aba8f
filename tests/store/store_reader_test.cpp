#include "store/store_reader.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store_test_util.h"

namespace crosscheck::store {
namespace {

using nlohmann::json;

// A store with the example plus a few reports of another story, built once.
class StoreReaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    testing::WriteLines(dir_->File("more.jsonl"), {
        R"({"id":"w1","source":"Harbor Times","date":"2019-03-02","title":"Storm floods harbor district","text":"A storm flooded the harbor district on Saturday. The mayor said 40 homes were damaged."})",
        R"({"id":"w2","source":"Valley Gazette","date":"2019-03-03","title":"Harbor district flooded by storm","text":"Forty homes were damaged when a storm flooded the harbor district, the mayor said on Sunday."})",
    });
    db_ = dir_->File("store.db");
    testing::Ingest(db_, {testing::kExample, dir_->File("more.jsonl")});
    auto reader = StoreReader::Open(db_);
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    reader_ = reader->release();
  }
  static void TearDownTestSuite() {
    delete reader_;
    delete dir_;
  }
  static json Stories(StoryQuery q) {
    auto out = reader_->Stories(q);
    EXPECT_TRUE(out.ok()) << out.status().message();
    return out.ok() ? json::parse(*out) : json();
  }
  static inline testing::TempDir* dir_ = nullptr;
  static inline std::string db_;
  static inline StoreReader* reader_ = nullptr;
};

TEST(FtsQuery, QuotesEachWordSoNoInputIsAnOperator) {
  EXPECT_EQ(FtsQuery("gay men"), R"("gay" "men")");
  EXPECT_EQ(FtsQuery(R"(a" OR 1=1; DROP TABLE documents; --)"), R"("a" "OR" "1" "1" "DROP" "TABLE" "documents")");
  EXPECT_EQ(FtsQuery("NEAR(x y) title:z *"), R"("NEAR" "x" "y" "title" "z")");
  EXPECT_EQ(FtsQuery("Тбилиси"), "\"Тбилиси\"");
  EXPECT_EQ(FtsQuery("  -- ; '  "), "");
}

TEST_F(StoreReaderTest, ListsStoriesNewestFirstWithTheirCounts) {
  const json list = Stories({});
  ASSERT_EQ(list["total"], 2);
  EXPECT_EQ(list["stories"][0]["first_date"], "2019-03-02");
  EXPECT_EQ(list["stories"][0]["documents"], 2);
  EXPECT_EQ(list["stories"][0]["outlets"], 2);
  EXPECT_EQ(list["stories"][0]["sources"].size(), 2u);
  EXPECT_EQ(list["stories"][1]["documents"], 3);
}

TEST_F(StoreReaderTest, FiltersByWordsDatesOutletAndEntity) {
  EXPECT_EQ(Stories({.text = "Chechnya"})["total"], 1);
  EXPECT_EQ(Stories({.text = "harbor storm"})["stories"][0]["documents"], 2);
  EXPECT_EQ(Stories({.text = "' OR 1=1 --"})["total"], 0);
  EXPECT_EQ(Stories({.from = "2018"})["total"], 1);
  EXPECT_EQ(Stories({.to = "2017-07"})["total"], 1) << "a month bound takes its days";
  EXPECT_EQ(Stories({.from = "2017-07-17", .to = "2017-07-17"})["total"], 1);
  EXPECT_EQ(Stories({.outlet = "valley gazette"})["total"], 1);
  EXPECT_EQ(Stories({.entity = "novaya gazeta"})["total"], 1);
  const json page = Stories({.limit = 1, .offset = 1});
  EXPECT_EQ(page["total"], 2);
  EXPECT_EQ(page["stories"].size(), 1u);
  EXPECT_EQ(page["stories"][0]["documents"], 3);
}

TEST_F(StoreReaderTest, GivesTheBriefAsJsonAndHtml) {
  const json list = Stories({.text = "Chechnya"});
  const std::string id = list["stories"][0]["id"];
  auto brief = reader_->StoryJson(id);
  ASSERT_TRUE(brief.ok() && brief->has_value());
  EXPECT_EQ(json::parse(**brief)["id"], id);
  auto html = reader_->StoryHtml(id);
  ASSERT_TRUE(html.ok() && html->has_value());
  EXPECT_NE((*html)->find("class=\"cite\""), std::string::npos);
  auto missing = reader_->StoryJson("no-such-story");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(StoreReaderTest, GivesADocumentWithSentencesAndItsAnalysis) {
  auto out = reader_->DocumentJson("000_9c69864088f3bb14.txt", true);
  ASSERT_TRUE(out.ok() && out->has_value());
  const json doc = json::parse(**out);
  EXPECT_EQ(doc["document"]["date"], "2017-07-17");
  ASSERT_GT(doc["document"]["sentences"].size(), 5u);
  const json& s0 = doc["document"]["sentences"][0];
  EXPECT_EQ(s0["text"], doc["document"]["text"].get<std::string>().substr(s0["begin"], s0["end"].get<int>() - s0["begin"].get<int>()));
  EXPECT_FALSE(doc["story"].is_null());
  EXPECT_EQ(doc["analysis"]["sentences"].size(), doc["document"]["sentences"].size());
  auto light = reader_->DocumentJson("000_9c69864088f3bb14.txt", false);
  EXPECT_FALSE(json::parse(**light).contains("analysis"));
  EXPECT_FALSE(reader_->DocumentJson("../../etc/passwd", false)->has_value());
}

TEST_F(StoreReaderTest, SearchesWithSnippetsAndFindsEntities) {
  auto out = reader_->Search("Novaya Gazeta", 10, 0);
  ASSERT_TRUE(out.ok());
  const json hits = json::parse(*out);
  ASSERT_GT(hits["total"], 0);
  bool marked = false;
  for (const json& part : hits["results"][0]["snippet"]) marked |= part["match"].get<bool>();
  EXPECT_TRUE(marked);
  auto entities = reader_->Entities("chech", "", 10, 0);
  ASSERT_TRUE(entities.ok());
  const json list = json::parse(*entities);
  ASSERT_FALSE(list["entities"].empty());
  EXPECT_EQ(json::parse(*reader_->Entities("100%_", "", 10, 0))["entities"].size(), 0u) << "LIKE wildcards are literal";
}

TEST_F(StoreReaderTest, ExportsEveryDocumentThenEveryStory) {
  testing::TempDir out_dir;
  FILE* out = std::fopen(out_dir.File("export.jsonl").c_str(), "wb");
  ASSERT_TRUE(reader_->Export(out).ok());
  std::fclose(out);
  std::ifstream in(out_dir.File("export.jsonl"));
  std::string line;
  int documents = 0, stories = 0;
  while (std::getline(in, line)) {
    const json j = json::parse(line);
    if (j["type"] == "document") {
      ++documents;
      EXPECT_FALSE(j["story"].is_null());
      EXPECT_TRUE(j["analysis"].contains("sentences"));
    } else {
      ++stories;
      EXPECT_EQ(j["brief"]["id"], j["id"]);
    }
  }
  EXPECT_EQ(documents, 5);
  EXPECT_EQ(stories, 2);
}

}  // namespace
}  // namespace crosscheck::store
