// entities/coreference.h (private to entities/): groups one document's
// mentions into entities.
// - The same name again, a later surname or first part of a person's name
//   ("Merkel" -> "Angela Merkel"; the earlier short form joins a later full
//   one too), and acronyms of organisation names ("HRW" <-> "Human Rights
//   Watch") join the same entity; a single-token mention the tagger typed
//   differently follows the person it names.
// - @handles that spell a person's name become "handle" mentions.
// - "NAME, the TITLE-phrase," (or an appos dependent of the name when the
//   syntax layer is present) adds a "title" mention.
// - he/she as subject of a speech verb ("..., she added") adds a "pronoun"
//   mention to the last person mentioned in the last few sentences.
// The canonical name is the longest name-form mention.
#pragma once
#include <string>
#include <unordered_set>
#include <vector>

#include "core/document.h"
#include "entities/mention_rules.h"

namespace crosscheck::entities {

struct CorefLexicons {
  std::unordered_set<std::string> speech_verbs;  // "said", "told", ...
  std::unordered_set<std::string> titles;        // lower-cased: "president", "head", ...
};

// Entities from `mentions` (any order); demonym entities keep their gazetteer
// place index in *demonym_places (parallel to the result; -1 otherwise).
std::vector<Entity> ResolveEntities(const AnalyzedDocument& doc, std::vector<RawMention> mentions,
                                    const CorefLexicons& lexicons,
                                    std::vector<int64_t>* demonym_places);

}  // namespace crosscheck::entities
