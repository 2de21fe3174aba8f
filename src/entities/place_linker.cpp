#include "entities/place_linker.h"

#include <charconv>
#include <cmath>
#include <map>

namespace crosscheck::entities {
namespace {

constexpr double kRegionPopulation = 2e6;

std::span<const uint32_t> Candidates(const AnalyzedDocument& doc, const Gazetteer& gazetteer,
                                     const EntityMention& m) {
  NameKey key;
  for (uint32_t t = m.first_token; t < m.end_token; ++t) key.Add(doc.tokens[t].form);
  return gazetteer.Find(key.value());
}

// The best-named mention of an entity's places.
std::span<const uint32_t> EntityCandidates(const AnalyzedDocument& doc, const Gazetteer& gazetteer,
                                           const Entity& entity) {
  std::span<const uint32_t> best;
  for (const EntityMention& m : entity.mentions) {
    if (m.kind != "name" && m.kind != "acronym") continue;
    std::span<const uint32_t> c = Candidates(doc, gazetteer, m);
    if (!c.empty() && (best.empty() || c.size() < best.size())) best = c;
  }
  return best;
}

std::string DocumentCountry(const AnalyzedDocument& doc, const Gazetteer& gazetteer,
                            const std::vector<int64_t>& demonym_places,
                            const std::vector<Entity>& entities) {
  std::map<std::string, size_t> votes;
  for (size_t e = 0; e < entities.size(); ++e) {
    const size_t weight = entities[e].mentions.size();
    if (demonym_places[e] >= 0) {
      votes[gazetteer.place(static_cast<uint32_t>(demonym_places[e])).country] += weight;
      continue;
    }
    if (entities[e].type != "LOC") continue;
    std::span<const uint32_t> c = EntityCandidates(doc, gazetteer, entities[e]);
    if (c.empty()) continue;
    const Place& first = gazetteer.place(c[0]);
    if (first.kind == PlaceKind::kCountry || c.size() == 1) votes[first.country] += weight;
  }
  std::string best;
  size_t best_votes = 0;
  for (const auto& [country, n] : votes) if (n > best_votes) best = country, best_votes = n;
  return best;
}

double Score(const Place& place, const std::string& doc_country) {
  double score = place.country == doc_country ? 3 : 0;
  if (place.kind == PlaceKind::kCountry) return score + 9;
  if (place.capital) score += 1;
  const double population = place.kind == PlaceKind::kRegion ? kRegionPopulation
                                                              : std::max<double>(place.population, 1);
  return score + std::log10(population);
}

PlaceLink LinkOf(const Gazetteer& gazetteer, uint32_t index) {
  const Place& place = gazetteer.place(index);
  PlaceLink link;
  link.name = place.name;
  link.country = place.country;
  link.source_id = place.source_id;
  switch (place.kind) {
    case PlaceKind::kCountry: link.feature = "country"; break;
    case PlaceKind::kRegion: link.feature = "region"; link.admin1 = place.name; break;
    case PlaceKind::kCity: {
      link.feature = "city";
      std::from_chars(place.source_id.data(), place.source_id.data() + place.source_id.size(),
                      link.geonames_id);
      const Place* region = gazetteer.Region(place.admin1_code);
      link.admin1 = region != nullptr ? region->name : place.admin1_code;
      break;
    }
  }
  return link;
}

}  // namespace

void LinkPlaces(const AnalyzedDocument& doc, const Gazetteer& gazetteer,
                const std::vector<int64_t>& demonym_places, std::vector<Entity>* entities) {
  const std::string country = DocumentCountry(doc, gazetteer, demonym_places, *entities);
  for (size_t e = 0; e < entities->size(); ++e) {
    Entity& entity = (*entities)[e];
    if (demonym_places[e] >= 0) {
      entity.place = LinkOf(gazetteer, static_cast<uint32_t>(demonym_places[e]));
      continue;
    }
    if (entity.type != "LOC") continue;
    std::span<const uint32_t> candidates = EntityCandidates(doc, gazetteer, entity);
    if (candidates.empty()) continue;
    uint32_t best = candidates[0];
    for (uint32_t c : candidates) {
      if (Score(gazetteer.place(c), country) > Score(gazetteer.place(best), country)) best = c;
    }
    entity.place = LinkOf(gazetteer, best);
  }
}

}  // namespace crosscheck::entities
