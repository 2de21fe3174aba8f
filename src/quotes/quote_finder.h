// quotes/quote_finder.h: finds quotations, reported speech and who said what.
//
// In: an AnalyzedDocument with tokens and sentences (text layer). Uses the
// parse (doc->syntax: speech verbs by lemma, nsubj where the token rules find
// no subject) and entities (doc->entities: canonical names, coreference) when
// present; works on tokens and lexicons alone when they are not. Out: doc->quotes, in text
// order, with byte Spans of Document::text:
//   direct    "…," X said / X said: "…" / "…" — X / a floating quote after one
//   partial   a quoted fragment inside the writer's sentence: described as a "coward"
//   scare     a short quoted phrase with no speech cue: the "gay purge"
//   post      an embedded post: text — Name (@handle) July 14, 2017
//   indirect  X said that … / X denied … / …, according to X (content clause)
// Speakers keep their role ("Kadyrov's spokesperson" in speaker_role) and are
// resolved to the fullest name (entities' coreference, else the same-document
// fallback: surname -> earlier full name, he/she -> nearest preceding person).
// Unbalanced quotation marks are recovered (an unclosed quote ends at its
// paragraph's end); Find never fails.
//
// Cost: linear in tokens; one hash probe per lower-case token plus work near
// quotation marks and speech verbs. A loaded QuoteFinder is immutable: share
// one between threads; Find keeps its scratch on the stack of the call.
//
//   auto finder = quotes::QuoteFinder::Load(CROSSCHECK_SOURCE_DIR "/data/lexicons");
//   if (!finder.ok()) return finder.status();   // names the file and line
//   finder->Find(&doc);                         // fills doc.quotes
#pragma once
#include <filesystem>
#include <memory>

#include "core/document.h"
#include "core/status.h"

namespace crosscheck::quotes {

class SpeechLexicon;

class QuoteFinder {
 public:
  // Reads reporting_verbs.tsv, quote_verbs_ggt.txt and quote_cues.tsv from
  // `data_dir` (data/lexicons/). Errors name the file and line.
  static Result<QuoteFinder> Load(const std::filesystem::path& data_dir);

  // Replaces doc->quotes with the quotes of doc (see the kinds above).
  void Find(AnalyzedDocument* doc) const;

 private:
  std::shared_ptr<const SpeechLexicon> lexicon_;
};

}  // namespace crosscheck::quotes
