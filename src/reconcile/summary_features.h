// reconcile/summary_features.h (private): what the summarizer knows about one
// candidate sentence — its text, length, weighted content terms and the
// wording it should avoid — and the lexicons behind it.
#pragma once
#include <filesystem>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "reconcile/summarizer.h"

namespace crosscheck::reconcile {

// A sparse TF-IDF vector, sorted by term, L2-normalized (empty = zero vector).
using TermVector = std::vector<std::pair<std::string, double>>;

struct Summarizer::Lexicon {
  // Loaded words: single words by lemma/form, phrases as word sequences.
  std::unordered_map<std::string, double> loaded_words;
  std::vector<std::pair<std::vector<std::string>, double>> loaded_phrases;
  // Share of background documents containing a lowercase word (IDF prior).
  std::unordered_map<std::string, double> document_share;
  double min_share = 0.01;
};

Result<std::shared_ptr<const Summarizer::Lexicon>> LoadSummaryLexicon(const std::filesystem::path& data_dir);

struct SentenceFeatures {
  size_t doc = 0;           // index into the documents given to Summarize
  uint32_t sentence = 0;    // index into that document's sentences
  std::string text;         // the sentence, whitespace runs collapsed to one space
  size_t words = 0;         // whitespace-separated words of text
  size_t content_terms = 0; // content words (nouns, verbs, adjectives, numbers, names)
  TermVector terms;
  double loaded = 0;        // summed weights of loaded words and phrases
  double quoted = 0;        // share of the sentence's words inside quotation marks (0..1)
  bool question = false;
  bool first_person = false;   // I/we/my/our... outside quotation marks
  bool fragment = false;       // ends in a colon, heading-like, or attribution only
  bool dangling = false;       // opens with a pronoun or connective that needs the sentence before
  std::string compressed;      // text without short parentheticals ("(DOJ)"); == text if none
  size_t compressed_words = 0;
};

// Features of sentence `s` of `doc` (the caller fills the doc index).
// `*inside_quote` says whether a quotation is open where the sentence starts
// (a quote running over several sentences); it is updated to the state at
// its end. Callers pass false at the start of each paragraph.
SentenceFeatures DescribeSentence(const AnalyzedDocument& doc, uint32_t s, const Summarizer::Lexicon& lexicon,
                                  bool* inside_quote);

// The TF-IDF vector of a headline (forms only; no analysis needed).
TermVector HeadlineVector(const std::string& title, const Summarizer::Lexicon& lexicon);

// Sum of vectors, renormalized.
TermVector Centroid(const std::vector<const TermVector*>& vectors);
double Cosine(const TermVector& a, const TermVector& b);

}  // namespace crosscheck::reconcile
