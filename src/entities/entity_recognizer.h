// entities/entity_recognizer.h: named entities, linked places and
// within-document coreference.
// In: an AnalyzedDocument with tokens and sentences (text stage); the syntax
// layer is used when present (appositions), never required.
// Out: doc->entities, in order of first mention. Each Entity has a canonical
// name (its fullest name form), a type (PERSON, ORG, LOC, MISC), its mentions
// in text order, and for places and demonyms a GeoNames link. Mention kinds:
//   "name"     a full or partial name the tagger found ("Ramzan Kadyrov")
//   "surname"  a later short form of an earlier name ("Kadyrov")
//   "acronym"  initials of an earlier or later name ("HRW")
//   "handle"   an @handle that spells a person's name ("@lenadunham")
//   "demonym"  "Chechen", "Russian" (type MISC, place = the region or country)
//   "title"    a role apposition ("..., the Head of the Chechen Republic")
//   "pronoun"  he/she as the subject of a speech verb ("..., he said")
// Method: BIO averaged-perceptron tagger with Viterbi (models/ner.bin, built by
// entities::TrainNer) over word, shape, affix, neighbour, capitalization-run
// and gazetteer features; all-caps sentences are re-cased first; then rules
// for possessives, "Jr.", handles, demonyms, place linking (the document's
// most-mentioned country first, then larger places) and name coreference.
// Cost: linear in tokens, a few microseconds per token; no I/O after Load.
// Thread-safety: a loaded EntityRecognizer is immutable; Analyze may be
// called from any number of threads at once.
//
//   auto recognizer = entities::EntityRecognizer::Load("models", "data");
//   if (!recognizer.ok()) return recognizer.status();
//   (*recognizer)->Analyze(&doc);  // doc.entities
#pragma once
#include <filesystem>
#include <memory>

#include "core/document.h"
#include "core/status.h"

namespace crosscheck::entities {

class EntityRecognizer {
 public:
  // Reads `model_dir`/ner.bin and the gazetteer and lexicons under
  // `data_dir` (gazetteer/, entities/), then runs the model's self-tests.
  // Errors name the file and what was wrong (missing, not a model, corrupt,
  // self-test mismatch).
  static Result<std::shared_ptr<const EntityRecognizer>> Load(
      const std::filesystem::path& model_dir, const std::filesystem::path& data_dir);
  // Same, with data_dir = model_dir/../data (the repository layout).
  static Result<std::shared_ptr<const EntityRecognizer>> Load(
      const std::filesystem::path& model_dir);

  virtual ~EntityRecognizer() = default;
  // Replaces doc->entities. Needs doc->tokens and doc->sentences.
  virtual void Analyze(AnalyzedDocument* doc) const = 0;
};

}  // namespace crosscheck::entities
