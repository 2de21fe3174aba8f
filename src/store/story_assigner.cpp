// Step 2 of an ingest: stories for the documents that have none.
//
// The clusterer is an online session whose state (open stories, decayed
// document frequencies, the near-duplicate window) lives in memory. Rather
// than persist that state, each run rebuilds it: the stored compact records
// (documents.record) of the documents dated within a horizon before the
// earliest new one are fed again, in date order, merged with the new
// documents. Stored assignments never change; a session story that holds a
// re-fed document stands for that document's stored story, so a new document
// that joins it joins the stored story. A session story made only of new
// documents is a new story, whose id (the hash of its first document's id)
// is the one `crosscheck stories` gives on the same input.
#include <algorithm>
#include <chrono>
#include <set>
#include <unordered_map>

#include "store/analysis_codec.h"
#include "store/ingest_steps.h"

namespace crosscheck::store {
namespace {

constexpr double kDay = 86400.0;
constexpr size_t kAssignmentsPerTransaction = 2000;
constexpr size_t kMaxRefed = 500000;         // bounds the dated priming set on very dense stores
constexpr size_t kMaxUndatedRefed = 20000;   // the latest undated documents prime too

struct FeedItem {
  int64_t time = cluster::kUnknownTime;  // day of the document, or unknown
  int64_t key = 0;                       // documents.key
  int64_t story = -1;                    // stored story key; -1: to assign
};

int64_t Horizon(const cluster::StoryOptions& o) {
  return static_cast<int64_t>((std::max(o.window_days, o.duplicate_window_days) + 2 * o.df_half_life_days) * kDay);
}

// The documents to assign and the stored ones that prime the session, in the
// order they are fed: undated first, then by day, then key (as `crosscheck
// stories` orders a batch). Stored documents prime: the dated ones from a
// horizon before the earliest new one, and the latest undated ones. New
// undated documents come last unless the store was empty, so that they meet
// the stories open in the session.
Result<std::vector<FeedItem>> LoadFeed(Db& db, const cluster::StoryOptions& options) {
  std::vector<FeedItem> feed;
  Stmt unassigned(db, "SELECT d.key, d.day FROM documents d"
                      " WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.doc = d.key)");
  int64_t earliest = INT64_MAX;
  while (unassigned.Step()) {
    FeedItem item{unassigned.IsNull(1) ? cluster::kUnknownTime : unassigned.Int(1), unassigned.Int(0), -1};
    if (item.time != cluster::kUnknownTime) earliest = std::min(earliest, item.time);
    feed.push_back(item);
  }
  if (!unassigned.status().ok()) return unassigned.status();
  if (feed.empty()) return feed;
  if (earliest == INT64_MAX) {  // only undated news: prime with the latest stored days
    Stmt latest(db, "SELECT max(day) FROM documents");
    if (latest.Step() && !latest.IsNull(0)) earliest = latest.Int(0);
  }
  size_t refed = 0;
  if (earliest != INT64_MAX) {
    Stmt dated(db, "SELECT d.key, d.day, m.story FROM documents d JOIN story_members m ON m.doc = d.key"
                   " WHERE d.day >= ? ORDER BY d.day DESC, d.key DESC LIMIT ?");
    dated.Bind(1, earliest - Horizon(options)).Bind(2, static_cast<int64_t>(kMaxRefed));
    while (dated.Step()) {
      feed.push_back({dated.Int(1), dated.Int(0), dated.Int(2)});
      ++refed;
    }
    if (!dated.status().ok()) return dated.status();
  }
  Stmt undated(db, "SELECT d.key, m.story FROM documents d JOIN story_members m ON m.doc = d.key"
                   " WHERE d.day IS NULL ORDER BY d.key DESC LIMIT ?");
  undated.Bind(1, static_cast<int64_t>(kMaxUndatedRefed));
  while (undated.Step()) {
    feed.push_back({cluster::kUnknownTime, undated.Int(0), undated.Int(1)});
    ++refed;
  }
  if (!undated.status().ok()) return undated.status();
  const bool cold = refed == 0;
  auto order = [cold](const FeedItem& f) {
    if (f.time != cluster::kUnknownTime) return f.time;
    return f.story >= 0 || cold ? INT64_MIN : INT64_MAX;
  };
  std::sort(feed.begin(), feed.end(), [&](const FeedItem& a, const FeedItem& b) {
    const int64_t ta = order(a), tb = order(b);
    return ta != tb ? ta < tb : a.key < b.key;
  });
  // Stored documents after the last new one decide nothing.
  while (!feed.empty() && feed.back().story >= 0) feed.pop_back();
  return feed;
}

class Assigner {
 public:
  Assigner(Db& db, std::vector<FeedItem> feed)
      : db_(db),
        feed_(std::move(feed)),
        record_(db, "SELECT record FROM documents WHERE key = ?"),
        add_story_(db, "INSERT OR IGNORE INTO stories(id, title, dirty, updated) VALUES (?, '', 1, ?)"),
        story_key_(db, "SELECT key FROM stories WHERE id = ?"),
        member_(db, "INSERT OR IGNORE INTO story_members(doc, story, copy_of, similarity, probability)"
                    " VALUES (?,?,?,?,?)"),
        containment_(db, "UPDATE story_members SET containment = ? WHERE doc = ?"),
        title_(db, "UPDATE stories SET title = ? WHERE key = ?"),
        overlap_(db, "INSERT OR IGNORE INTO story_overlaps(story, document, paragraph, source_document,"
                     " source_paragraph, similarity) VALUES (?,?,?,?,?,?)"),
        totals_(db, "UPDATE stories SET dirty = 1, updated = ?2,"
                    " documents = (SELECT count(*) FROM story_members WHERE story = ?1),"
                    " outlets = (SELECT count(DISTINCT d.source) FROM story_members m JOIN documents d ON d.key = m.doc"
                    "            WHERE m.story = ?1 AND d.source <> ''),"
                    " first_date = (SELECT coalesce(date(min(d.day), 'unixepoch'), '') FROM story_members m"
                    "               JOIN documents d ON d.key = m.doc WHERE m.story = ?1),"
                    " last_date = (SELECT coalesce(date(max(d.day), 'unixepoch'), '') FROM story_members m"
                    "              JOIN documents d ON d.key = m.doc WHERE m.story = ?1)"
                    " WHERE key = ?1") {}

  Result<AssignResult> Run(const cluster::StoryClusterer& clusterer, const cluster::StoryOptions& options) {
    auto session = clusterer.Start(options);
    txn_ = std::make_unique<Transaction>(db_);
    if (!txn_->status().ok()) return txn_->status();
    for (size_t i = 0; i < feed_.size() && status_.ok(); ++i) {
      record_.Bind(1, feed_[i].key);
      if (!record_.Step()) { status_ = Status::Error("document key " + std::to_string(feed_[i].key) + " vanished"); break; }
      auto record = DecodeRecord(record_.Blob(0));
      record_.Reset();
      if (!record.ok()) { status_ = record.status(); break; }
      Apply(session->Add(std::move(record).value()));
      for (const cluster::Story& story : session->TakeClosed()) Keep(story);
      if (pending_ >= kAssignmentsPerTransaction) Commit(true);
    }
    std::vector<cluster::Assignment> last;
    std::vector<cluster::Story> rest = session->Finish(&last);
    if (status_.ok()) Apply(last);
    for (const cluster::Story& story : rest) Keep(story);
    Commit(false);
    if (!status_.ok()) return status_;
    result_.stories_changed = changed_.size();
    return result_;
  }

 private:
  void Check(Status s) { if (status_.ok() && !s.ok()) status_ = std::move(s); }

  // Stored documents first (they name the stored story a session story
  // stands for), then the new ones.
  void Apply(const std::vector<cluster::Assignment>& assignments) {
    for (const cluster::Assignment& a : assignments) {
      if (feed_[a.ordinal].story >= 0) story_of_.try_emplace(a.story_id, feed_[a.ordinal].story);
    }
    for (const cluster::Assignment& a : assignments) {
      if (feed_[a.ordinal].story < 0 && status_.ok()) Assign(a);
    }
  }

  void Assign(const cluster::Assignment& a) {
    auto it = story_of_.find(a.story_id);
    if (it == story_of_.end()) {
      add_story_.Bind(1, a.story_id).Bind(2, now_);
      Check(add_story_.Run());
      if (db_.Changes() > 0) ++result_.stories_created;
      story_key_.Bind(1, a.story_id);
      if (!story_key_.Step()) { Check(Status::Error("story " + a.story_id + " was not created")); return; }
      it = story_of_.emplace(a.story_id, story_key_.Int(0)).first;
      story_key_.Reset();
    }
    const int64_t story = it->second;
    feed_[a.ordinal].story = story;
    new_.insert(a.ordinal);
    member_.Bind(1, feed_[a.ordinal].key).Bind(2, story).Bind(3, a.copy_of).Bind(4, a.similarity).Bind(5, a.probability);
    Check(member_.Run());
    ++result_.assigned;
    ++pending_;
    touched_.insert(story);
    changed_.insert(story);
  }

  // A finished session story: its title, the new members' containment and
  // the lifted paragraphs go to the stored story it stands for.
  void Keep(const cluster::Story& story) {
    bool any_new = false;
    for (const cluster::StoryDocument& d : story.documents) any_new |= new_.count(d.ordinal) > 0;
    if (!any_new || !status_.ok()) return;
    const int64_t key = story_of_.at(story.id);
    for (const cluster::StoryDocument& d : story.documents) {
      if (!new_.count(d.ordinal) || d.containment == 0) continue;
      containment_.Bind(1, d.containment).Bind(2, feed_[d.ordinal].key);
      Check(containment_.Run());
    }
    if (!story.title.empty()) { title_.Bind(1, story.title).Bind(2, key); Check(title_.Run()); }
    for (const cluster::ParagraphOverlap& o : story.overlaps) {
      overlap_.Bind(1, key).Bind(2, o.document).Bind(3, o.paragraph).Bind(4, o.source_document)
          .Bind(5, o.source_paragraph).Bind(6, o.similarity);
      Check(overlap_.Run());
    }
    touched_.insert(key);
  }

  // Totals of the stories touched since the last commit, then COMMIT.
  void Commit(bool reopen) {
    for (int64_t story : touched_) { totals_.Bind(1, story).Bind(2, now_); Check(totals_.Run()); }
    touched_.clear();
    pending_ = 0;
    if (status_.ok()) Check(txn_->Commit());
    txn_.reset();
    if (reopen && status_.ok()) {
      txn_ = std::make_unique<Transaction>(db_);
      Check(txn_->status());
    }
  }

  Db& db_;
  std::vector<FeedItem> feed_;
  Stmt record_, add_story_, story_key_, member_, containment_, title_, overlap_, totals_;
  std::unique_ptr<Transaction> txn_;
  std::unordered_map<std::string, int64_t> story_of_;  // session story id -> stored story key
  std::set<uint64_t> new_;                             // ordinals of the documents assigned here
  std::set<int64_t> touched_, changed_;
  size_t pending_ = 0;
  AssignResult result_;
  Status status_;
  std::string now_ = UtcNow();
};

}  // namespace

Result<AssignResult> AssignStories(Db& db, const cluster::StoryClusterer& clusterer,
                                   const cluster::StoryOptions& options) {
  auto feed = LoadFeed(db, options);
  if (!feed.ok()) return feed.status();
  if (feed->empty()) return AssignResult{};
  Assigner assigner(db, std::move(feed).value());
  return assigner.Run(clusterer, options);
}

}  // namespace crosscheck::store
