#include "cluster/story_session.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cluster/hashing.h"

namespace crosscheck::cluster {
namespace {

constexpr double kDay = 86400.0;
constexpr double kBackgroundDocuments = 1000;  // weight of the background IDF prior

bool ByFirstDocument(const Story& a, const Story& b) {
  return a.documents.front().ordinal < b.documents.front().ordinal;
}

double Cosine(const std::vector<TermCount>& title, const std::unordered_map<uint64_t, float>& centroid) {
  double dot = 0, norm = 0;
  for (const TermCount& t : title) {
    norm += t.count * t.count;
    if (auto it = centroid.find(t.term); it != centroid.end()) dot += t.count * it->second;
  }
  return norm > 0 ? dot / std::sqrt(norm) : 0;
}

}  // namespace

StoryClusterer::StoryClusterer(StoryModel model) : model_(std::make_shared<const StoryModel>(std::move(model))) {}

Result<StoryClusterer> StoryClusterer::Load(const std::filesystem::path& model_dir) {
  auto model = StoryModel::Load(model_dir / "story.bin");
  if (!model.ok()) return model.status();
  return StoryClusterer(std::move(model).value());
}

std::unique_ptr<StorySession> StoryClusterer::Start(const StoryOptions& options) const {
  return std::make_unique<StorySessionImpl>(model_, options);
}

StorySessionImpl::StorySessionImpl(std::shared_ptr<const StoryModel> model, const StoryOptions& options)
    : model_(std::move(model)),
      options_(options),
      window_(static_cast<int64_t>(options.window_days * kDay)),
      stats_(options.baseline ? 0 : options.df_half_life_days * kDay),
      duplicates_(NearDuplicateOptions{.window_seconds = static_cast<int64_t>(options.duplicate_window_days * kDay)}) {
  std::unordered_map<uint64_t, float> prior;
  for (const auto& [word, share] : model_->background) {
    float& p = prior[Hash64(NormalizeWord(word))];
    p = std::max(p, share);  // "said" and "says" stem alike: keep the commoner
  }
  if (!prior.empty()) stats_.SetPrior(std::move(prior), kBackgroundDocuments);
}

std::vector<Assignment> StorySessionImpl::Add(const AnalyzedDocument& doc) {
  return AddLabelled(MakeRecord(doc), -1, nullptr);
}

std::vector<Assignment> StorySessionImpl::AddLabelled(DocumentRecord record, int64_t gold,
                                                      std::vector<TrainingExample>* examples) {
  if (examples) examples_ = examples;  // collected when the batch is decided
  std::vector<Assignment> out;
  if (!batch_.empty() && record.time != batch_time_) Flush(&out);
  batch_time_ = record.time;
  batch_.push_back(Pending{std::move(record), next_ordinal_++, gold, {}});
  if (batch_.size() >= options_.max_batch) Flush(&out);
  return out;
}

// Decides one date's documents: duplicates in input order (the earliest copy
// wins ties), then stories in hash-of-id order so input order cannot matter.
void StorySessionImpl::Flush(std::vector<Assignment>* out) {
  if (batch_.empty()) return;
  if (batch_time_ != kUnknownTime && (clock_ == kUnknownTime || batch_time_ > clock_)) clock_ = batch_time_;
  Expire();
  for (Pending& p : batch_) {
    stats_.Add(p.record.words, p.record.entities, clock_);
    p.duplicates = duplicates_.Add(p.record, p.ordinal, clock_);
  }
  stats_added_ += batch_.size();
  if (stats_added_ >= 4096) {  // IDF has drifted enough to recompute story norms
    ++stats_epoch_;
    stats_added_ = 0;
  }
  // Copy links are symmetric for clustering: whichever is decided second joins the first.
  std::unordered_map<uint64_t, size_t> in_batch;
  for (size_t i = 0; i < batch_.size(); ++i) in_batch[batch_[i].ordinal] = i;
  for (size_t i = 0; i < batch_.size(); ++i) {
    for (uint64_t partner : batch_[i].duplicates.partners) {
      if (auto it = in_batch.find(partner); it != in_batch.end()) batch_[it->second].duplicates.partners.push_back(batch_[i].ordinal);
    }
  }
  std::vector<size_t> order(batch_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const uint64_t ha = Hash64(batch_[a].record.id), hb = Hash64(batch_[b].record.id);
    if (ha != hb) return ha < hb;
    if (batch_[a].record.id != batch_[b].record.id) return batch_[a].record.id < batch_[b].record.id;
    return batch_[a].ordinal < batch_[b].ordinal;
  });
  const size_t first = out->size();
  for (size_t i : order) out->push_back(Assign(batch_[i]));
  std::sort(out->begin() + first, out->end(), [](const Assignment& a, const Assignment& b) { return a.ordinal < b.ordinal; });
  batch_.clear();
}

void StorySessionImpl::Touch(uint32_t slot) {
  StoryState& s = stories_[slot];
  ++s.version;
  (clock_ == kUnknownTime ? undated_updates_ : dated_updates_).push_back({clock_, slot, s.version});
}

// Closes stories idle for longer than the window, then the least recently
// updated ones while too many are open (undated stories only close that way).
void StorySessionImpl::Expire() {
  auto current = [&](const Update& u) { return stories_[u.slot].open && stories_[u.slot].version == u.version; };
  while (!dated_updates_.empty() && clock_ != kUnknownTime && dated_updates_.front().time + window_ < clock_) {
    const Update u = dated_updates_.front();
    dated_updates_.pop_front();
    if (current(u)) CloseStory(u.slot);
  }
  while (open_count_ > options_.max_active_stories) {
    auto& queue = !undated_updates_.empty() ? undated_updates_ : dated_updates_;
    if (queue.empty()) break;
    const Update u = queue.front();
    queue.pop_front();
    if (current(u)) CloseStory(u.slot);
  }
  duplicates_.Expire(clock_);
}

void StorySessionImpl::SweepPostings() {
  for (auto it = postings_.begin(); it != postings_.end();) {
    auto& list = it->second;
    list.erase(std::remove_if(list.begin(), list.end(), [&](const Posting& p) { return !Live(p); }), list.end());
    it = list.empty() ? postings_.erase(it) : std::next(it);
  }
}

uint32_t StorySessionImpl::NewSlot() {
  if (!free_slots_.empty()) {
    const uint32_t slot = free_slots_.back();
    free_slots_.pop_back();
    return slot;
  }
  stories_.emplace_back();
  return static_cast<uint32_t>(stories_.size() - 1);
}

void StorySessionImpl::CloseStory(uint32_t slot) {
  StoryState& s = stories_[slot];
  closed_.push_back(MakeStory(s));
  for (const StoryDocument& d : s.members) member_story_.erase(d.ordinal);
  if (s.gold >= 0) gold_story_.erase(s.gold);
  // Its postings are now stale (generation check) and leave lazily.
  const uint32_t generation = s.generation + 1;
  s = StoryState();
  s.generation = generation;
  free_slots_.push_back(slot);
  --open_count_;
}

Story StorySessionImpl::MakeStory(StoryState& s) const {
  Story story;
  story.id = s.id;
  story.first_date = FormatIsoDay(s.first_time);
  story.last_date = FormatIsoDay(s.last_time);
  double best = -1;
  for (size_t i = 0; i < s.members.size(); ++i) {
    if (s.members[i].title.empty()) continue;
    const double score = Cosine(s.member_titles[i], s.title);
    if (score > best + 1e-9) { best = score; story.title = s.members[i].title; }
  }
  story.documents = std::move(s.members);
  story.overlaps = std::move(s.overlaps);
  return story;
}

std::vector<Story> StorySessionImpl::TakeClosed() {
  std::vector<Story> out = std::move(closed_);
  closed_.clear();
  std::sort(out.begin(), out.end(), ByFirstDocument);
  return out;
}

std::vector<Story> StorySessionImpl::Finish(std::vector<Assignment>* last) {
  std::vector<Assignment> out;
  Flush(&out);
  if (last) *last = std::move(out);
  for (uint32_t slot = 0; slot < stories_.size(); ++slot) {
    if (stories_[slot].open) CloseStory(slot);
  }
  dated_updates_.clear();
  undated_updates_.clear();
  return TakeClosed();
}

size_t StorySessionImpl::MemoryBytes() const {
  size_t bytes = stats_.MemoryBytes() + duplicates_.MemoryBytes() + stories_.capacity() * sizeof(StoryState);
  for (const StoryState& s : stories_) {
    bytes += (s.text.size() + s.title.size() + s.entities.size()) * 32;
    for (const StoryDocument& d : s.members) bytes += sizeof(d) + d.id.capacity() + d.title.capacity() + d.source.capacity();
    for (const auto& t : s.member_titles) bytes += sizeof(t) + t.capacity() * sizeof(TermCount);
    bytes += s.overlaps.size() * (sizeof(ParagraphOverlap) + 48);
  }
  for (const auto& [term, list] : postings_) bytes += 48 + list.capacity() * sizeof(Posting);
  bytes += member_story_.size() * 32 + (dated_updates_.size() + undated_updates_.size()) * sizeof(Update);
  for (const Pending& p : batch_) bytes += RecordBytes(p.record);
  for (const Story& s : closed_) bytes += sizeof(Story) + s.documents.size() * (sizeof(StoryDocument) + 64);
  return bytes;
}

}  // namespace crosscheck::cluster
