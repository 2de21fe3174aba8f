// entities/gazetteer.h (private to entities/): places, demonyms and other names.
// Loads data/gazetteer/places.tsv.gz (GeoNames: countries, admin-1 regions,
// cities with population >= 5000), data/gazetteer/countries_demonyms.tsv
// (mledoze/countries), data/entities/region_demonyms.tsv and
// data/entities/name_lexicon.tsv (people, first names, surnames,
// organisations, news outlets, other places and facilities from WordNet,
// compromise and the UCI News Aggregator publishers). Names are looked
// up by a key that ignores case, spaces and punctuation ("U.S." == "US"), so
// a run of tokens matches whatever the tokenizer did with inner periods.
// Immutable after Load; safe to share between threads.
#pragma once
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace crosscheck::entities {

enum class PlaceKind : uint8_t { kCountry, kRegion, kCity };

struct Place {
  std::string name;          // canonical English name ("Grozny")
  PlaceKind kind = PlaceKind::kCity;
  std::string country;       // ISO 3166-1 alpha-2
  std::string admin1_code;   // "RU.12" for a city or region; "" for a country
  int64_t population = 0;    // 0 if unknown (countries, regions)
  std::string source_id;     // GeoNames id (cities) or "RU" / "RU.12"
  bool capital = false;      // PPLC: national capital
};

// What a name key can be, as bits; the tagger uses them as features.
enum GazetteerCategory : uint8_t {
  kGazCountry = 1, kGazRegion = 2, kGazCityLarge = 4 /* >= 100k */, kGazCity = 8 /* >= 15k */,
  kGazTown = 16, kGazDemonym = 32,
};

// What a name in data/entities/name_lexicon.tsv can be, as bits (tagger features).
enum NameCategory : uint8_t {
  kNamePerson = 1, kNameFirst = 2, kNameSurname = 4, kNameOrganization = 8, kNameOutlet = 16,
  kNamePlace = 32, kNameFacility = 64,
};

// A demonym: "Russian" -> Russia, "Chechen" -> Chechnya.
struct Demonym {
  uint32_t place = 0;  // index of the place (country or region)
};

// Incremental name key: feed token forms in order; equal keys mean equal
// names up to case, spaces and punctuation.
class NameKey {
 public:
  void Add(std::string_view token);
  uint64_t value() const { return hash_; }
  bool empty() const { return chars_ == 0; }

 private:
  uint64_t hash_ = 1469598103934665603ull;
  uint32_t chars_ = 0;
};
uint64_t NameKeyOf(std::string_view name);

class Gazetteer {
 public:
  static constexpr uint32_t kMinHeadNames = 5;
  // Reads the three files under `data_dir`; errors name the file and line.
  static Result<Gazetteer> Load(const std::filesystem::path& data_dir);

  // Places one of whose name forms has key `key`; best known first (countries,
  // then regions, then cities by population).
  std::span<const uint32_t> Find(uint64_t key) const;
  // Categories of all places and demonyms with key `key`; 0 if none.
  uint8_t Categories(uint64_t key) const;
  // NameCategory bits of the lexicon names with key `key`; 0 if none.
  uint8_t NameCategories(uint64_t key) const;
  // True if at least kMinHeadNames multiword organisation or outlet names in
  // the lexicon end with this lower-cased word ("times", "watch", "network").
  bool IsOrganizationHead(uint64_t lower_word_hash) const;
  // The demonym with this key, or nullptr.
  const Demonym* FindDemonym(uint64_t key) const;
  const Place& place(uint32_t index) const { return places_[index]; }
  // The region or country row for a city's admin1 code / country code, or nullptr.
  const Place* Region(std::string_view admin1_code) const;
  const Place* Country(std::string_view country_code) const;

 private:
  Status ReadPlaces(const std::filesystem::path& path);
  Status ReadCountries(const std::filesystem::path& path);
  Status ReadRegionDemonyms(const std::filesystem::path& path);
  Status ReadNameLexicon(const std::filesystem::path& path);
  void Index();

  std::vector<Place> places_;
  std::vector<std::pair<uint64_t, uint32_t>> names_;     // (key, place), sorted
  std::vector<std::pair<uint64_t, uint8_t>> categories_; // (key, bits), sorted, unique
  std::vector<std::pair<uint64_t, Demonym>> demonyms_;   // sorted by key
  std::vector<uint32_t> name_places_;                    // places in names_ order
  std::vector<std::pair<uint64_t, uint8_t>> lexicon_;    // (key, NameCategory bits), sorted, unique
  std::vector<uint64_t> organization_heads_;             // HashString of lower-cased words, sorted
};

}  // namespace crosscheck::entities
