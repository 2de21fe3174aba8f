// entities/place_linker.h (private to entities/): links LOC entities and
// demonyms to gazetteer places. A name is looked up by its name key (case,
// spaces and punctuation ignored). Among several places of that name the
// winner has the highest score: +3 if in the document's country (the country
// most often named or implied by unambiguous places and demonyms), +1 for a
// national capital, plus log10 of the population (regions count as 2
// million); countries score 9. So "Paris" is Paris, Texas in a story about
// Texas, but "London" stays in England unless the local one is large.
// Unknown names stay unlinked.
#pragma once
#include <cstdint>
#include <vector>

#include "core/document.h"
#include "entities/gazetteer.h"

namespace crosscheck::entities {

// Fills Entity::place of LOC entities and of demonym entities (whose gazetteer
// place index is in demonym_places, parallel to `entities`; -1 otherwise).
void LinkPlaces(const AnalyzedDocument& doc, const Gazetteer& gazetteer,
                const std::vector<int64_t>& demonym_places, std::vector<Entity>* entities);

}  // namespace crosscheck::entities
