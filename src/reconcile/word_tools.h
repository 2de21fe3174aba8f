// reconcile/word_tools.h (private): the word-level views of text that
// alignment compares — lowercased word sequences, content-lemma sets,
// overlap measures and a word-level LCS difference.
#pragma once
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "reconcile/brief.h"

namespace crosscheck::reconcile {

std::string_view SpanText(const AnalyzedDocument& doc, Span span);
std::string SentenceText(const AnalyzedDocument& doc, uint32_t sentence);
std::string CollapseSpaces(std::string_view text);

// Lowercased words of `text`: letters, digits and inner apostrophes/hyphens;
// curly apostrophes are folded to ASCII so "don’t" == "don't".
std::vector<std::string> Words(std::string_view text);

// Lemmas of the content words (NOUN, PROPN, VERB, ADJ, NUM; lowercased form
// when the document has no syntax layer) of the tokens whose bytes lie in `span`.
std::set<std::string> ContentLemmas(const AnalyzedDocument& doc, Span span);

// |a ∩ b| / min(|a|, |b|); 0 when either is empty.
double Containment(const std::set<std::string>& a, const std::set<std::string>& b);
double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b);
size_t SharedCount(const std::set<std::string>& a, const std::set<std::string>& b);
std::set<std::string> WordSet(const std::vector<std::string>& words);

// Length of the longest common subsequence of two word sequences.
size_t LcsLength(const std::vector<std::string>& a, const std::vector<std::string>& b);
// True when `needle` occurs as a contiguous run inside `hay`.
bool ContainsRun(const std::vector<std::string>& hay, const std::vector<std::string>& needle);
// Word-level edit script from a to b, adjacent edits of one kind merged.
std::vector<WordDiff> DiffWords(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Lowercase, drop a leading determiner/possessive ("the", "a", "an") and
// trailing possessive "'s": the key canonical names are compared on.
std::string NameKey(std::string_view name);

}  // namespace crosscheck::reconcile
