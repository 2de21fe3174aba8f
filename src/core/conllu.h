// core/conllu.h: reads CoNLL-U treebanks (.conllu, or gzip'd .conllu.gz).
// In: a file path (gzip is detected from the bytes, not the name). Out:
// Sentences with their comments (`# text`, `# sent_id`, `# newdoc`, `# newpar`
// and any others), syntactic words with all 10 columns, multiword token ranges
// ("19-20 don't") and empty nodes ("8.1"), in file order.
// Malformed sentences are reported (file:line and what was expected) and
// skipped; reading goes on. Cost: the file is read into memory once and parsed
// in one pass; a Reader is single-threaded, separate Readers are independent.
//
//   auto reader = conllu::Reader::Open("en_ewt-ud-train.conllu.gz");
//   if (!reader.ok()) return reader.status();
//   conllu::Sentence s;
//   while (reader->Next(&s)) Use(s.text, s.words);
//   for (const Status& e : reader->errors()) Warn(e.message());
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace crosscheck::conllu {

// One syntactic word: the 10 CoNLL-U columns ("_" is kept as "_").
struct Word {
  int id = 0;           // 1-based index in the sentence
  std::string form;     // FORM
  std::string lemma;    // LEMMA
  std::string upos;     // UPOS
  std::string xpos;     // XPOS
  std::string feats;    // FEATS, "Number=Sing|..." or "_"
  int head = -1;        // HEAD, 0 = root; -1 if "_"
  std::string deprel;   // DEPREL
  std::string deps;     // DEPS (enhanced graph), raw
  std::string misc;     // MISC, raw ("SpaceAfter=No|...")
  bool space_after() const;  // false if MISC has SpaceAfter=No
};

// A surface token that covers several words: lines like "19-20<TAB>don't".
struct MultiwordToken {
  int first = 0;       // id of the first word
  int last = 0;        // id of the last word (inclusive)
  std::string form;    // surface form
  std::string misc;    // MISC of the range line (SpaceAfter=No lives here)
  bool space_after() const;
};

struct Sentence {
  std::vector<std::string> comments;  // comment lines without the leading "# "/"#"
  std::string sent_id;                // `# sent_id = ...`
  std::string text;                   // `# text = ...`
  bool new_doc = false;               // `# newdoc` seen before this sentence
  std::string doc_id;                 // `# newdoc id = ...` (may be empty)
  bool new_par = false;               // `# newpar` seen (or implied by newdoc)
  std::string par_id;                 // `# newpar id = ...` (may be empty)
  std::vector<Word> words;
  std::vector<MultiwordToken> multiwords;  // ordered by `first`
  std::vector<std::string> empty_nodes;    // raw "8.1\t..." lines, kept verbatim
  uint64_t line = 0;                       // 1-based line of the first line of the sentence

  // Value of a `# key = value` comment, or "" if absent.
  std::string Comment(std::string_view key) const;
  // The multiword token that starts at word `id`, or nullptr.
  const MultiwordToken* MultiwordStartingAt(int id) const;
};

// Value of `key` in a MISC-style "A=1|B=2" field, or "" if absent.
std::string_view MiscValue(std::string_view misc, std::string_view key);

// Reads the whole file (plain or gzip) into a string; errors name the file.
Result<std::string> ReadMaybeGzipped(const std::filesystem::path& path);

class Reader {
 public:
  // Reads `path` into memory; fails only if it cannot be opened or decompressed.
  static Result<Reader> Open(const std::filesystem::path& path);
  // Parses CoNLL-U held in `contents`; `name` is used in error messages.
  static Reader FromString(std::string contents, std::string name);

  // Fills *sentence with the next well-formed sentence; false at end of input.
  bool Next(Sentence* sentence);
  // One error per skipped sentence: "file:line: expected ...".
  const std::vector<Status>& errors() const { return errors_; }

 private:
  Reader(std::string contents, std::string name)
      : contents_(std::move(contents)), name_(std::move(name)) {}
  bool ReadLine(std::string_view* line);
  Status ParseLine(std::string_view line, Sentence* sentence);

  std::string contents_;
  std::string name_;
  size_t pos_ = 0;
  uint64_t line_number_ = 0;
  std::vector<Status> errors_;
};

// Reads all sentences of `path`; bad sentences are skipped and, if `errors`
// is non-null, appended to it.
Result<std::vector<Sentence>> ReadFile(const std::filesystem::path& path,
                                       std::vector<Status>* errors = nullptr);

}  // namespace crosscheck::conllu
