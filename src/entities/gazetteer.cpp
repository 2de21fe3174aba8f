#include "entities/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "core/binary_io.h"
#include "core/conllu.h"

namespace crosscheck::entities {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

// Calls `row(fields, line_number)` for each non-comment line after the header.
template <typename RowFn>
Status ForEachRow(const std::filesystem::path& path, bool has_header, size_t min_fields,
                  RowFn row) {
  Result<std::string> contents = conllu::ReadMaybeGzipped(path);
  if (!contents.ok()) return contents.status();
  std::string_view text = *contents;
  uint64_t line_number = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (++line_number == 1 && has_header) continue;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() < min_fields) {
      return Status::Error(path.string() + ":" + std::to_string(line_number) + ": expected " +
                           std::to_string(min_fields) + " tab-separated fields");
    }
    Status status = row(fields, line_number);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

uint8_t CategoryOf(const Place& place) {
  switch (place.kind) {
    case PlaceKind::kCountry: return kGazCountry;
    case PlaceKind::kRegion: return kGazRegion;
    case PlaceKind::kCity:
      return place.population >= 100000 ? kGazCityLarge
             : place.population >= 15000 ? kGazCity : kGazTown;
  }
  return 0;
}

}  // namespace

void NameKey::Add(std::string_view token) {
  for (char c : token) {
    unsigned char u = static_cast<unsigned char>(c);
    const bool alnum = (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
    if (!alnum && u < 0x80) continue;
    if (u >= 'A' && u <= 'Z') u = static_cast<unsigned char>(u + 32);
    hash_ = (hash_ ^ u) * 1099511628211ull;
    ++chars_;
  }
}

uint64_t NameKeyOf(std::string_view name) {
  NameKey key;
  key.Add(name);
  return key.value();
}

Result<Gazetteer> Gazetteer::Load(const std::filesystem::path& data_dir) {
  Gazetteer gazetteer;
  Status status = gazetteer.ReadPlaces(data_dir / "gazetteer" / "places.tsv.gz");
  if (status.ok()) status = gazetteer.ReadCountries(data_dir / "gazetteer" / "countries_demonyms.tsv");
  if (status.ok()) status = gazetteer.ReadRegionDemonyms(data_dir / "entities" / "region_demonyms.tsv");
  if (status.ok()) status = gazetteer.ReadNameLexicon(data_dir / "entities" / "name_lexicon.tsv");
  if (!status.ok()) return status;
  gazetteer.Index();
  return gazetteer;
}

Status Gazetteer::ReadPlaces(const std::filesystem::path& path) {
  std::unordered_map<std::string, uint32_t> by_id;
  return ForEachRow(path, true, 8, [&](const std::vector<std::string_view>& f, uint64_t line) {
    // name type country_code population canonical admin1 source_id feature_code
    const std::string key = std::string(f[1]) + ":" + std::string(f[6]);
    auto [it, added] = by_id.emplace(key, static_cast<uint32_t>(places_.size()));
    if (added) {
      Place place;
      place.name = std::string(f[4]);
      place.kind = f[1] == "country" ? PlaceKind::kCountry
                   : f[1] == "region" ? PlaceKind::kRegion : PlaceKind::kCity;
      place.country = std::string(f[2]);
      place.admin1_code = std::string(f[5]);
      std::from_chars(f[3].data(), f[3].data() + f[3].size(), place.population);
      place.source_id = std::string(f[6]);
      place.capital = f[7] == "PPLC";
      places_.push_back(std::move(place));
    }
    names_.emplace_back(NameKeyOf(f[0]), it->second);
    return Status::Ok();
  });
}

Status Gazetteer::ReadCountries(const std::filesystem::path& path) {
  std::unordered_map<std::string, uint32_t> countries;
  for (uint32_t i = 0; i < places_.size(); ++i) {
    if (places_[i].kind == PlaceKind::kCountry) countries.emplace(places_[i].country, i);
  }
  return ForEachRow(path, true, 3, [&](const std::vector<std::string_view>& f, uint64_t line) {
    // name type country_code ...
    auto it = countries.find(std::string(f[2]));
    if (it == countries.end()) return Status::Ok();  // territory without a GeoNames row
    if (f[1] == "demonym") {
      demonyms_.emplace_back(NameKeyOf(f[0]), Demonym{it->second});
    } else {
      names_.emplace_back(NameKeyOf(f[0]), it->second);
    }
    return Status::Ok();
  });
}

Status Gazetteer::ReadRegionDemonyms(const std::filesystem::path& path) {
  std::unordered_map<uint64_t, uint32_t> by_name;  // "name|CC" key -> region or country
  for (uint32_t i = 0; i < places_.size(); ++i) {
    if (places_[i].kind == PlaceKind::kCity) continue;
    by_name.emplace(NameKeyOf(places_[i].name + "|" + places_[i].country), i);
  }
  return ForEachRow(path, false, 3, [&](const std::vector<std::string_view>& f, uint64_t line) {
    auto it = by_name.find(NameKeyOf(std::string(f[1]) + "|" + std::string(f[2])));
    if (it == by_name.end()) {
      return Status::Error(path.string() + ":" + std::to_string(line) + ": no region or country '" +
                           std::string(f[1]) + "' in " + std::string(f[2]) + " in places.tsv.gz");
    }
    demonyms_.emplace_back(NameKeyOf(f[0]), Demonym{it->second});
    return Status::Ok();
  });
}

void Gazetteer::Index() {
  auto rank = [this](uint32_t p) {
    const Place& place = places_[p];
    return std::make_pair(static_cast<int>(place.kind), -place.population);
  };
  std::sort(names_.begin(), names_.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    if (rank(a.second) != rank(b.second)) return rank(a.second) < rank(b.second);
    return a.second < b.second;
  });
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
  name_places_.reserve(names_.size());
  for (const auto& [key, place] : names_) name_places_.push_back(place);
  std::stable_sort(demonyms_.begin(), demonyms_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [key, place] : names_) categories_.emplace_back(key, CategoryOf(places_[place]));
  for (const auto& [key, demonym] : demonyms_) categories_.emplace_back(key, kGazDemonym);
  std::sort(categories_.begin(), categories_.end());
  std::vector<std::pair<uint64_t, uint8_t>> merged;
  for (const auto& [key, bits] : categories_) {
    if (!merged.empty() && merged.back().first == key) merged.back().second |= bits;
    else merged.emplace_back(key, bits);
  }
  categories_ = std::move(merged);
}

std::span<const uint32_t> Gazetteer::Find(uint64_t key) const {
  auto lo = std::lower_bound(names_.begin(), names_.end(), key,
                             [](const auto& entry, uint64_t k) { return entry.first < k; });
  auto hi = lo;
  while (hi != names_.end() && hi->first == key) ++hi;
  return {name_places_.data() + (lo - names_.begin()), static_cast<size_t>(hi - lo)};
}

Status Gazetteer::ReadNameLexicon(const std::filesystem::path& path) {
  static constexpr std::pair<std::string_view, uint8_t> kCategories[] = {
      {"person", kNamePerson}, {"first_name", kNameFirst}, {"surname", kNameSurname},
      {"organization", kNameOrganization}, {"outlet", kNameOutlet}, {"place", kNamePlace},
      {"facility", kNameFacility}};
  std::unordered_map<std::string, uint32_t> head_counts;
  Status status = ForEachRow(path, false, 2, [&](const std::vector<std::string_view>& f, uint64_t line) {
    uint8_t bits = 0;
    for (const auto& [name, bit] : kCategories) bits |= f[1] == name ? bit : 0;
    if (bits == 0) {
      return Status::Error(path.string() + ":" + std::to_string(line) + ": unknown category '" +
                           std::string(f[1]) + "'");
    }
    lexicon_.emplace_back(NameKeyOf(f[0]), bits);
    const size_t space = f[0].rfind(' ');
    if ((bits & (kNameOrganization | kNameOutlet)) && space != std::string_view::npos) {
      std::string head(f[0].substr(space + 1));
      for (char& c : head) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      ++head_counts[head];
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  std::sort(lexicon_.begin(), lexicon_.end());
  std::vector<std::pair<uint64_t, uint8_t>> merged;
  for (const auto& [key, bits] : lexicon_) {
    if (!merged.empty() && merged.back().first == key) merged.back().second |= bits;
    else merged.emplace_back(key, bits);
  }
  lexicon_ = std::move(merged);
  for (const auto& [head, count] : head_counts) {
    if (count >= kMinHeadNames) organization_heads_.push_back(HashString(head));
  }
  std::sort(organization_heads_.begin(), organization_heads_.end());
  return Status::Ok();
}

uint8_t Gazetteer::NameCategories(uint64_t key) const {
  auto it = std::lower_bound(lexicon_.begin(), lexicon_.end(), key,
                             [](const auto& entry, uint64_t k) { return entry.first < k; });
  return it != lexicon_.end() && it->first == key ? it->second : 0;
}

bool Gazetteer::IsOrganizationHead(uint64_t lower_word_hash) const {
  return std::binary_search(organization_heads_.begin(), organization_heads_.end(), lower_word_hash);
}

uint8_t Gazetteer::Categories(uint64_t key) const {
  auto it = std::lower_bound(categories_.begin(), categories_.end(), key,
                             [](const auto& entry, uint64_t k) { return entry.first < k; });
  return it != categories_.end() && it->first == key ? it->second : 0;
}

const Demonym* Gazetteer::FindDemonym(uint64_t key) const {
  auto it = std::lower_bound(demonyms_.begin(), demonyms_.end(), key,
                             [](const auto& entry, uint64_t k) { return entry.first < k; });
  return it != demonyms_.end() && it->first == key ? &it->second : nullptr;
}

const Place* Gazetteer::Region(std::string_view admin1_code) const {
  for (const Place& place : places_) {
    if (place.kind == PlaceKind::kRegion && place.admin1_code == admin1_code) return &place;
    if (place.kind == PlaceKind::kCity) break;  // regions precede cities in the file
  }
  return nullptr;
}

const Place* Gazetteer::Country(std::string_view country_code) const {
  for (const Place& place : places_) {
    if (place.kind == PlaceKind::kCountry && place.country == country_code) return &place;
    if (place.kind != PlaceKind::kCountry) break;
  }
  return nullptr;
}

}  // namespace crosscheck::entities
