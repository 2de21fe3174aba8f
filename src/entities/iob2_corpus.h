// entities/iob2_corpus.h: reads NER training and test data.
// IOB2 files (plain or .gz): `id<TAB>token<TAB>tag[<TAB>...]` (Universal NER)
// or `token<TAB>tag` (WikiGold), `#` comment lines, a blank line between
// sentences; documents start at `# newdoc id = X` or a `-DOCSTART-` line.
// Tags are repaired to well-formed IOB2 (an I-X that starts an entity becomes
// B-X). Also derives PER/ORG/LOC tags from GUM's CoNLL-U `Entity=` brackets.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/status.h"

namespace crosscheck::entities {

struct NerSentence {
  std::string doc_id;               // document this sentence belongs to
  std::vector<std::string> words;   // gold tokenization
  std::vector<std::string> tags;    // IOB2 tags ("O", "B-PER", "I-LOC"), one per word
};

// Reads all sentences of an IOB2 file; errors name the file and line.
Result<std::vector<NerSentence>> ReadIob2(const std::filesystem::path& path);

// Reads GUM CoNLL-U and keeps documents whose `# newdoc id` genre
// (GUM_<genre>_...) is in `genres`. A person/organization/place entity whose
// syntactic head is a proper noun (XPOS NNP/NNPS) becomes a PER/ORG/LOC name:
// the run of proper nouns around the head inside its bracket (with inner
// "of", "the", "and", "-", "&"), as Universal NER marks names. A person's
// run stops at entities nested in it ("U.S." in "U.S. President X" is a
// place of its own), loses leading `titles` (lower-cased: "president"), and
// a lone plural ("Afghans") is a group, not a name.
Result<std::vector<NerSentence>> ReadGumEntities(const std::filesystem::path& path,
                                                 const std::vector<std::string>& genres,
                                                 const std::unordered_set<std::string>& titles = {});

// One entity of a tag sequence: tokens [first, end) of type `type`.
struct TaggedSpan {
  uint32_t first = 0, end = 0;
  std::string type;
  bool operator==(const TaggedSpan&) const = default;
};
// The entities of a well-formed IOB2 sequence (a B-X or a type change opens one).
std::vector<TaggedSpan> SpansOfTags(const std::vector<std::string>& tags);

// Type of an IOB2 tag ("B-PER" -> "PER"), "" for "O".
std::string_view TagType(std::string_view tag);

}  // namespace crosscheck::entities
