#include "store/ingester.h"

#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analyze/pipeline.h"
#include "cluster/document_record.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/store_reader.h"
#include "store_test_util.h"

namespace crosscheck::store {
namespace {

using testing::Column;
using testing::One;

// The story ids `crosscheck stories` gives: records in date order, undated first.
std::map<std::string, std::string> BatchStories(const std::vector<std::string>& inputs) {
  std::vector<cluster::DocumentRecord> records;
  auto source = ingest::DocumentSource::Open(inputs, {});
  analyze::PipelineOptions options;
  options.threads = 2;
  analyze::RunPipeline(*source, *testing::Kit().analyzer, options,
                       [&](AnalyzedDocument&& d) { records.push_back(cluster::MakeRecord(d)); });
  std::stable_sort(records.begin(), records.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
  auto session = testing::Kit().clusterer->Start();
  std::map<std::string, std::string> story;
  for (auto& r : records) for (const auto& a : session->Add(std::move(r))) story[a.document_id] = a.story_id;
  std::vector<cluster::Assignment> last;
  session->Finish(&last);
  for (const auto& a : last) story[a.document_id] = a.story_id;
  return story;
}

std::map<std::string, std::string> StoredStories(const std::string& db) {
  std::map<std::string, std::string> story;
  const auto rows = Column(db, "SELECT d.id || ' ' || s.id FROM documents d JOIN story_members m ON m.doc = d.key"
                               " JOIN stories s ON s.key = m.story");
  for (const std::string& row : rows) story[row.substr(0, row.rfind(' '))] = row.substr(row.rfind(' ') + 1);
  return story;
}

TEST(Ingester, StoresTheExampleAsOneStoryWithItsBrief) {
  testing::TempDir dir;
  const std::string db = dir.File("store.db");
  const IngestStats stats = testing::Ingest(db, {testing::kExample});
  EXPECT_EQ(stats.read, 3u);
  EXPECT_EQ(stats.added, 3u);
  EXPECT_EQ(stats.stories_created, 1u);
  EXPECT_EQ(stats.briefs, 1u);
  EXPECT_EQ(One(db, "SELECT count(*) FROM documents"), "3");
  EXPECT_EQ(One(db, "SELECT count(*) FROM stories"), "1");
  EXPECT_EQ(One(db, "SELECT documents FROM stories"), "3");
  EXPECT_EQ(One(db, "SELECT first_date FROM stories"), "2017-07-17");
  EXPECT_EQ(One(db, "SELECT count(*) FROM stories WHERE dirty <> 0"), "0");
  EXPECT_NE(One(db, "SELECT count(*) FROM sentences"), "0");
  EXPECT_NE(One(db, "SELECT count(*) FROM entities WHERE name = 'Chechnya'"), "0");
  EXPECT_EQ(One(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(One(db, "PRAGMA journal_mode"), "wal");
  // The story id is the one `crosscheck stories` gives for the same input.
  const auto batch = BatchStories({testing::kExample});
  EXPECT_EQ(StoredStories(db), batch);
  const auto brief = nlohmann::json::parse(One(db, "SELECT json FROM briefs"));
  EXPECT_EQ(brief["id"], batch.begin()->second);
  EXPECT_EQ(brief["documents"].size(), 3u);
  EXPECT_NE(One(db, "SELECT html FROM briefs").find("<section"), std::string::npos);
}

TEST(Ingester, ReingestingChangesNothing) {
  testing::TempDir dir;
  const std::string db = dir.File("store.db");
  testing::Ingest(db, {testing::kExample});
  const std::string before = One(db, "SELECT group_concat(id || updated) FROM stories") +
                             One(db, "SELECT group_concat(updated) FROM briefs");
  const IngestStats again = testing::Ingest(db, {testing::kExample});
  EXPECT_EQ(again.read, 3u);
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.skipped, 3u);
  EXPECT_EQ(again.assigned, 0u);
  EXPECT_EQ(again.briefs, 0u);
  EXPECT_EQ(One(db, "SELECT count(*) FROM documents"), "3");
  EXPECT_EQ(One(db, "SELECT group_concat(id || updated) FROM stories") + One(db, "SELECT group_concat(updated) FROM briefs"),
            before);
}

TEST(Ingester, SkipsTheSameUrlAndTextUnderAnotherId) {
  testing::TempDir dir;
  const std::string db = dir.File("store.db");
  const std::string text = "Officials in Grozny denied on Monday that anyone had been detained. Rights groups said at least 100 men were held.";
  testing::WriteLines(dir.File("a.jsonl"),
                      {R"({"id":"a1","url":"https://example.org/x","date":"2017-04-03","text":")" + text + R"("})",
                       R"({"id":"a1","url":"https://example.org/other","date":"2017-04-03","text":"Same id, other text."})"});
  testing::WriteLines(dir.File("b.jsonl"),
                      {R"({"id":"b7","url":"https://example.org/x","date":"2017-04-03","text":")" + text + R"("})",
                       R"({"id":"b8","url":"https://example.org/x","date":"2017-04-03","text":"Updated: )" + text + R"("})"});
  const IngestStats first = testing::Ingest(db, {dir.File("a.jsonl")});
  EXPECT_EQ(first.added, 1u);
  EXPECT_EQ(first.skipped, 1u) << "a second record with the same id in one run";
  const IngestStats second = testing::Ingest(db, {dir.File("b.jsonl")});
  EXPECT_EQ(second.added, 1u) << "same URL with new text is a new version";
  EXPECT_EQ(second.skipped, 1u) << "same URL and text under another id";
  EXPECT_EQ(Column(db, "SELECT id FROM documents ORDER BY id"), (std::vector<std::string>{"a1", "b8"}));
}

TEST(Ingester, ALaterReportJoinsItsStoredStoryAndRebuildsOnlyThatBrief) {
  testing::TempDir dir;
  const std::string db = dir.File("store.db");
  const std::string example = testing::kExample;
  testing::Ingest(db, {example + "/000_9c69864088f3bb14.txt", example + "/001_cdcf99743a70625a.txt"});
  testing::WriteLines(dir.File("other.jsonl"),
                      {R"({"id":"o1","date":"2017-07-16","title":"Central bank raises interest rates","text":"The central bank raised its main interest rate by a quarter point on Sunday, citing inflation in housing and energy prices."})"});
  testing::Ingest(db, {dir.File("other.jsonl")});
  ASSERT_EQ(One(db, "SELECT count(*) FROM stories"), "2");
  const std::string chechnya = One(db, "SELECT s.id FROM stories s JOIN story_members m ON m.story = s.key"
                                       " JOIN documents d ON d.key = m.doc WHERE d.id = '000_9c69864088f3bb14.txt'");
  const std::string other_updated = One(db, "SELECT b.updated || b.json FROM briefs b JOIN stories s ON s.key = b.story"
                                            " WHERE s.id <> '" + chechnya + "'");
  const IngestStats late = testing::Ingest(db, {example + "/002_08b4920fa0f48840.txt"}, true);
  EXPECT_EQ(late.added, 1u);
  EXPECT_EQ(late.stories_created, 0u);
  EXPECT_EQ(late.stories_changed, 1u);
  EXPECT_EQ(late.briefs, 1u);
  ASSERT_EQ(late.documents.size(), 1u);
  EXPECT_EQ(late.documents[0].story, chechnya) << "joins the stored story, whose id stays";
  EXPECT_EQ(One(db, "SELECT documents FROM stories WHERE id = '" + chechnya + "'"), "3");
  EXPECT_EQ(One(db, "SELECT b.updated || b.json FROM briefs b JOIN stories s ON s.key = b.story WHERE s.id <> '" +
                        chechnya + "'"),
            other_updated);
  const auto brief = nlohmann::json::parse(One(db, "SELECT b.json FROM briefs b JOIN stories s ON s.key = b.story"
                                                   " WHERE s.id = '" + chechnya + "'"));
  EXPECT_EQ(brief["documents"].size(), 3u);
}

// News that arrives in date order (a newsroom's daily ingest) gets the same
// stories, with the same ids, whether ingested in one run or day by day.
TEST(Ingester, IngestingDatedNewsInThreeRunsGivesTheStoriesOfOneRun) {
  std::vector<std::pair<std::string, std::string>> dated;  // date, line
  for (const std::string& line : testing::GzLines(testing::NeusArticles(), 100000)) {
    const auto j = nlohmann::json::parse(line);
    if (j.contains("date") && j["date"].is_string()) dated.emplace_back(j["date"], line);
  }
  if (dated.size() < 300) GTEST_SKIP() << "needs ../shared (NeuS articles)";
  std::stable_sort(dated.begin(), dated.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  testing::TempDir dir;
  std::vector<std::string> parts;
  const size_t third = dated.size() / 3;
  for (size_t p = 0; p < 3; ++p) {
    std::vector<std::string> lines;
    for (size_t i = p * third; i < (p == 2 ? dated.size() : (p + 1) * third); ++i) lines.push_back(dated[i].second);
    parts.push_back(dir.File("part" + std::to_string(p) + ".jsonl"));
    testing::WriteLines(parts.back(), lines);
  }
  const std::string batch_db = dir.File("batch.db"), parts_db = dir.File("parts.db");
  testing::Ingest(batch_db, parts);
  for (const std::string& part : parts) testing::Ingest(parts_db, {part});
  const auto batch = StoredStories(batch_db);
  EXPECT_EQ(batch.size(), dated.size());
  EXPECT_EQ(batch, BatchStories(parts)) << "one ingest = `crosscheck stories`";
  EXPECT_EQ(StoredStories(parts_db), batch) << "three ingests = one";
  EXPECT_EQ(One(parts_db, "SELECT count(*) FROM stories WHERE dirty <> 0"), "0");
  EXPECT_EQ(One(parts_db, "SELECT count(*) FROM stories s WHERE documents <> "
                          "(SELECT count(*) FROM story_members m WHERE m.story = s.key)"), "0");
}

TEST(Ingester, ReportsBadInputAndKeepsTheRest) {
  testing::TempDir dir;
  const std::string db = dir.File("store.db");
  testing::WriteLines(dir.File("mixed.jsonl"),
                      {R"({"id":"g1","text":"Rescuers pulled 12 people from the rubble on Tuesday, officials said."})",
                       R"({"id": broken)", R"({"id":"g2","text":"The river rose above flood level overnight."})"});
  const IngestStats stats = testing::Ingest(db, {dir.File("mixed.jsonl")});
  EXPECT_EQ(stats.added, 2u);
  EXPECT_EQ(stats.input_errors, 1u);
}

TEST(Schema, MigratesAnEmptyFileAndRefusesANewerStore) {
  testing::TempDir dir;
  const std::string db = dir.File("store.db");
  ASSERT_TRUE(CreateStore(db).ok());
  EXPECT_EQ(One(db, "SELECT max(version) FROM schema_version"), std::to_string(LatestSchemaVersion()));
  ASSERT_TRUE(CreateStore(db).ok()) << "migrating twice is a no-op";
  EXPECT_EQ(One(db, "SELECT count(*) FROM schema_version"), std::to_string(LatestSchemaVersion()));
  {
    auto raw = Db::Open(db, false);
    ASSERT_TRUE(raw.ok());
    ASSERT_TRUE((*raw)->Exec("INSERT INTO schema_version VALUES (99, 'future')").ok());
  }
  const Status newer = CreateStore(db);
  EXPECT_FALSE(newer.ok());
  EXPECT_NE(newer.message().find("newer"), std::string::npos) << newer.message();
  EXPECT_FALSE(StoreReader::Open(db).ok());
  // A SQLite file that is not a store.
  const std::string other = dir.File("other.db");
  {
    auto raw = Db::Open(other, false);
    ASSERT_TRUE(raw.ok());
    ASSERT_TRUE((*raw)->Exec("CREATE TABLE t(x)").ok());
  }
  EXPECT_FALSE(CreateStore(other).ok());
}

TEST(Ingester, OneIngestAtATimePerStore) {
  testing::TempDir dir;
  const std::string db = dir.File("store.db");
  auto first = Ingester::Open(db, testing::Kit().models(), {});
  ASSERT_TRUE(first.ok());
  auto second = Ingester::Open(db, testing::Kit().models(), {});
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("another ingest"), std::string::npos);
  first->reset();
  EXPECT_TRUE(Ingester::Open(db, testing::Kit().models(), {}).ok());
}

}  // namespace
}  // namespace crosscheck::store
