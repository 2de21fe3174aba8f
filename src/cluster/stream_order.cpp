#include "cluster/stream_order.h"

#include <algorithm>
#include <tuple>

#include "cluster/document_record.h"

namespace crosscheck::cluster {

std::pair<std::string_view, uint64_t> StreamOrder::SplitOrigin(std::string_view origin) {
  size_t digits = origin.size();
  while (digits > 0 && origin[digits - 1] >= '0' && origin[digits - 1] <= '9') --digits;
  if (digits == origin.size() || digits == 0 || (origin[digits - 1] != ':' && origin[digits - 1] != '@') ||
      origin.size() - digits > 19) {
    return {origin, 0};
  }
  uint64_t position = 0;
  for (size_t i = digits; i < origin.size(); ++i) position = position * 10 + (origin[i] - '0');
  return {origin.substr(0, digits - 1), position};
}

uint64_t StreamOrder::Add(std::string_view date, std::string_view origin) {
  const auto [file, position] = SplitOrigin(origin);
  auto it = file_ids_.find(std::string(file));
  if (it == file_ids_.end()) {
    it = file_ids_.emplace(std::string(file), static_cast<uint32_t>(files_.size())).first;
    files_.emplace_back(file);
  }
  const uint64_t index = entries_.size();
  entries_.push_back({ParseIsoDay(date), position, index, it->second});
  return index;
}

std::vector<uint64_t> StreamOrder::Order() const {
  // Rank the file names once instead of comparing strings per pair.
  std::vector<uint32_t> by_name(files_.size());
  for (uint32_t i = 0; i < by_name.size(); ++i) by_name[i] = i;
  std::sort(by_name.begin(), by_name.end(), [&](uint32_t a, uint32_t b) { return files_[a] < files_[b]; });
  std::vector<uint32_t> rank(files_.size());
  for (uint32_t r = 0; r < by_name.size(); ++r) rank[by_name[r]] = r;

  std::vector<Entry> sorted = entries_;
  std::sort(sorted.begin(), sorted.end(), [&](const Entry& a, const Entry& b) {
    return std::tie(a.time, rank[a.file], a.position, a.index) < std::tie(b.time, rank[b.file], b.position, b.index);
  });
  std::vector<uint64_t> order;
  order.reserve(sorted.size());
  for (const Entry& e : sorted) order.push_back(e.index);
  return order;
}

}  // namespace crosscheck::cluster
