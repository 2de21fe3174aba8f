// kill -9 of `crosscheck ingest` at random points: what was committed stays,
// the store stays consistent, and the next ingest finishes the work.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "store_test_util.h"

extern char** environ;

namespace crosscheck::store {
namespace {

using testing::Column;
using testing::One;

constexpr int kKills = 20;       // the acceptance asks for at least 20
constexpr int kMaxTrials = 40;   // runs that finish before their kill do not count
constexpr size_t kChunk = 60;    // documents per trial

// Real reports when ../shared is there, else made-up ones built from the example's words.
std::vector<std::string> Reports(size_t n) {
  std::vector<std::string> lines;
  for (std::string& line : testing::GzLines(std::string(CROSSCHECK_SHARED_DIR) + "/data/clusters/neus/train.articles.jsonl.gz", n + n / 10)) {
    if (lines.size() < n && line.find("\"text\": \"\"") == std::string::npos) lines.push_back(std::move(line));
  }
  for (size_t i = lines.size(); i < n; ++i) {
    const char* places[] = {"Grozny", "Moscow", "Kazan", "Tbilisi", "Baku"};
    const std::string place = places[i % 5];
    lines.push_back(R"({"id":"synthetic-)" + std::to_string(i) + R"(","date":"2017-0)" + std::to_string(1 + i % 9) +
                    "-1" + std::to_string(i % 10) + R"(","title":"Report )" + std::to_string(i) + " from " + place +
                    R"(","text":"Officials in )" + place + " said on Monday that " + std::to_string(10 + i % 90) +
                    " people had been detained. Rights groups disputed the figure and said at least " +
                    std::to_string(100 + i) + R"( were held."})");
  }
  return lines;
}

pid_t StartIngest(const std::string& db, const std::string& input) {
  const std::string binary = CROSSCHECK_BINARY;
  std::vector<std::string> args = {binary, "ingest", "--db", db, input, "--batch", "8", "--threads", "2", "--quiet"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  EXPECT_EQ(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

// Every invariant a committed state keeps, whatever the point of the kill.
void ExpectConsistent(const std::string& db, const std::string& when) {
  SCOPED_TRACE(when);
  EXPECT_EQ(One(db, "PRAGMA integrity_check"), "ok");
  EXPECT_TRUE(Column(db, "PRAGMA foreign_key_check").empty());
  EXPECT_EQ(One(db, "SELECT count(*) FROM documents d WHERE sentences <> (SELECT count(*) FROM sentences s WHERE s.doc = d.key)"), "0");
  EXPECT_EQ(One(db, "SELECT count(*) FROM stories s WHERE documents <> (SELECT count(*) FROM story_members m WHERE m.story = s.key)"), "0");
  EXPECT_EQ(One(db, "SELECT count(*) FROM stories s WHERE dirty = 0 AND NOT EXISTS (SELECT 1 FROM briefs b WHERE b.story = s.key)"), "0");
  // FTS5 checks its index against the documents table, row by row.
  EXPECT_EQ(testing::Exec(db, "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)"), "");
}

TEST(KillDuringIngest, NeverLosesCommittedDocumentsNorCorruptsTheStore) {
  testing::TempDir dir;
  const std::string db = dir.File("store.db");
  const auto reports = Reports(kChunk * kMaxTrials);
  std::vector<std::string> chunks;
  for (int t = 0; t < kMaxTrials; ++t) {
    chunks.push_back(dir.File("chunk" + std::to_string(t) + ".jsonl"));
    testing::WriteLines(chunks.back(), std::vector<std::string>(reports.begin() + kChunk * t, reports.begin() + kChunk * (t + 1)));
  }
  testing::WriteLines(dir.File("all.jsonl"), reports);
  const unsigned seed = std::random_device()();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  // Trial 0 runs to its end: how long a run takes here, model loading included.
  // Kills then fall anywhere from start-up through analysis, stories and briefs.
  const auto start = std::chrono::steady_clock::now();
  {
    const pid_t pid = StartIngest(db, chunks[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  }
  const double run_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::uniform_real_distribution<double> delay_ms(0.4 * run_ms, 1.1 * run_ms);
  std::vector<std::string> committed = Column(db, "SELECT id FROM documents ORDER BY id");
  int kills = 0, finished = 0;
  std::map<std::string, int> left;  // what each kill left for the next run
  for (int t = 1; t < kMaxTrials && kills < kKills; ++t) {
    const pid_t pid = StartIngest(db, chunks[t]);
    ASSERT_GT(pid, 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::microseconds(static_cast<int64_t>(1000 * delay_ms(rng)));
    int status = 0;
    pid_t done = 0;
    while (std::chrono::steady_clock::now() < deadline && (done = waitpid(pid, &status, WNOHANG)) == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (done == 0) {
      ::kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      ++kills;
    } else {
      ++finished;
      EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "trial " << t << " status " << status;
    }
    const bool schema = One(db, "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'") == "1";
    if (done == 0 && !schema) ++left["no schema yet"];
    if (done == 0 && schema) {
      const bool unassigned = One(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS"
                                      " (SELECT 1 FROM story_members m WHERE m.doc = d.key)") != "0";
      const bool dirty = One(db, "SELECT count(*) FROM stories WHERE dirty <> 0") != "0";
      ++left[unassigned ? "documents without story" : dirty ? "stale briefs" : "nothing"];
    }
    if (!schema) {
      EXPECT_EQ(One(db, "PRAGMA integrity_check"), "ok");
      continue;  // killed before the schema was committed: nothing was
    }
    ExpectConsistent(db, "after trial " + std::to_string(t));
    const auto now = Column(db, "SELECT id FROM documents ORDER BY id");
    for (const std::string& id : committed) {
      ASSERT_TRUE(std::binary_search(now.begin(), now.end(), id)) << id << " was committed and is gone";
    }
    committed = now;
  }
  EXPECT_GE(kills, kKills) << finished << " runs finished before their kill";
  std::printf("%d kills (%d runs ended first); a kill left:", kills, finished);
  for (const auto& [what, n] : left) std::printf(" %s %d;", what.c_str(), n);
  std::printf("\n");
  // The next ingest finishes the work: every report, each in a story, every brief current.
  const pid_t pid = StartIngest(db, dir.File("all.jsonl"));
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ExpectConsistent(db, "after the final ingest");
  EXPECT_EQ(One(db, "SELECT count(*) FROM documents"), std::to_string(reports.size()));
  EXPECT_EQ(One(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.doc = d.key)"), "0");
  EXPECT_EQ(One(db, "SELECT count(*) FROM stories WHERE dirty <> 0"), "0");
  EXPECT_EQ(One(db, "SELECT count(*) FROM briefs"), One(db, "SELECT count(*) FROM stories"));
}

}  // namespace
}  // namespace crosscheck::store
