// text/ud_text.h: UD treebank sentences -> raw documents with gold segmentation.
// In: conllu::Sentences in file order. Out: one UdDocument per `# newdoc`: the
// raw text rebuilt from `# text` lines (sentences of a paragraph joined by a
// space, or nothing after SpaceAfter=No; paragraphs separated by a blank line)
// with gold surface tokens, words and sentences as byte Spans of that text.
// Shared by the segmenter trainer and eval/segment_eval. Linear; stateless.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/conllu.h"
#include "core/document.h"
#include "core/status.h"

namespace crosscheck::text {

struct UdWord {
  Span span;          // bytes of the word; the whole surface token if it cannot be cut out
  std::string form;   // FORM
  uint32_t token = 0; // index into UdDocument::tokens
};

struct UdDocument {
  std::string id;                 // `# newdoc id`, or "doc<N>"
  std::string text;               // rebuilt raw text
  std::vector<Span> paragraphs;   // non-empty paragraphs
  std::vector<Span> tokens;       // surface tokens (a multiword token once)
  std::vector<UdWord> words;      // syntactic words
  std::vector<Span> sentences;    // first token begin .. last token end
};

// First position at or after `pos` that is not whitespace (Unicode-aware: the
// treebanks have U+00A0 between tokens).
size_t SkipSpaces(std::string_view text, size_t pos);

// Rebuilds documents; an error names the sentence whose forms do not match its text.
Result<std::vector<UdDocument>> BuildUdDocuments(const std::vector<conllu::Sentence>& sentences,
                                                 const std::string& source_name);

}  // namespace crosscheck::text
