// reconcile/brief.h: the "what we know" brief of one story, as plain data.
// Made by reconcile (Reconciler::Reconcile), read by report (Markdown, HTML,
// JSON, pictures) and store. Every statement carries Cites: a document id and
// a 0-based sentence index of that document's analysis, so a reader can show
// the sentence behind it. Field names follow ../shared/CONTRACT.md
// (`brief --format json`); see docs/reconciliation.md for the rules.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace crosscheck::reconcile {

struct Cite {
  std::string document;   // document id
  uint32_t sentence = 0;  // index into that document's sentences
  bool operator==(const Cite&) const = default;
};

struct BriefDocument {
  std::string id, title, date, source, url;  // "" when unknown
  std::string copy_of;                       // id of the original if a syndicated copy, else ""
  std::vector<std::string> sentences;        // the document's sentences, so cites resolve
};

struct BriefEntity {
  std::string name, type;                 // canonical name; PERSON|ORG|LOC|MISC
  std::vector<std::string> aliases;       // other names and descriptions used for it
  std::vector<std::string> documents;     // ids of the documents that mention it
  uint32_t mentions = 0;
};

// A figure's interval as the text commits to it; nullopt = unbounded/unknown.
struct ValueInterval {
  std::optional<double> low, high;
  std::string bound;                      // exact|at_least|more_than|at_most|less_than|approx|range|vague
};

struct ClaimVersion {
  Cite cite;
  std::string text;                       // the sentence (or clause) as written
  std::string event, trigger;             // "KILL", "kill"
  std::string patient;                    // "men"
  std::optional<ValueInterval> value;     // the count, if stated
  std::string quantity_text;              // "at least 26", "" if none
  std::string modality;                   // asserted|hedged|denied|questioned|negated
  std::string modality_cue;               // "allegedly"
  std::vector<std::string> attributed_to; // chain, outermost first; empty = the outlet itself
  std::string primary_source;             // the chain's end, or the outlet for its own reporting
  std::string outlet;                     // the document's source (or id when unknown)
  std::string date;                       // resolved ISO date of the event, "" if none
};

struct Estimate {
  std::optional<double> low, best, high;
};

// A denial, objection or question raised against a fact, with who raised it.
struct Challenge {
  Cite cite;
  std::string text;
  std::string speaker;                    // "" if the text names nobody
  std::string modality;                   // denied|questioned
};

struct BriefClaim {
  std::string id;                         // stable within the story: "c1", "c2", ...
  std::string event;
  std::string summary;                    // one human-readable line
  std::string status;                     // corroborated|single-source|disputed|denied
  Estimate estimate;
  std::vector<std::string> primary_sources;
  uint32_t independent_sources = 0;
  std::vector<ClaimVersion> versions;     // in document order
  std::vector<Challenge> challenges;      // denials and objections aimed at it
  std::string dispute;                    // why it is disputed ("3 vs at least 26"), "" if not
};

// One word-level edit between two quote versions ("=" same, "-" only in the first, "+" only in the second).
struct WordDiff {
  char op = '=';
  std::string words;
};

struct QuoteVersion {
  Cite cite;
  std::string text;                       // the quoted words
  std::string speaker;                    // as this document names the speaker
  std::string kind;                       // direct|partial|indirect|post
  std::string outlet;
};

struct BriefQuote {
  std::string speaker;                    // canonical
  std::string match;                      // verbatim|variant|paraphrase
  std::vector<QuoteVersion> versions;
  std::vector<WordDiff> diff;             // first version against the second; empty if verbatim
  double similarity = 0;                  // word overlap of the two most distant versions
};

struct TimelineEntry {
  std::string date;                       // "YYYY[-MM[-DD]]"
  std::string granularity;                // day|month|year|week
  std::string text;
  std::vector<Cite> cites;
  std::vector<std::string> documents;
  std::string kind;                       // event|statement|publication
};

struct SummarySentence {
  std::string text;
  std::vector<Cite> cites;
};

// An edge of the "who relays whom" graph: a primary source to the person or
// organisation that passes it on, or to the outlet that publishes it.
struct Relay {
  std::string from, to;
  std::string from_kind, to_kind;         // primary|intermediary|outlet
  std::string kind;                       // relays|copies (syndicated copy)
  uint32_t claims = 0;                    // how many claim versions follow this edge
  std::vector<Cite> cites;                // the versions whose attribution takes this step
};

struct StoryBrief {
  std::string id, title;
  std::string first_date, last_date;      // "" if no document is dated
  std::vector<BriefDocument> documents;
  std::vector<SummarySentence> summary;
  std::vector<BriefEntity> entities;
  std::vector<BriefClaim> claims;         // disputed and denied first, then corroborated, single-source
  std::vector<BriefQuote> quotes;
  std::vector<TimelineEntry> timeline;    // in date order
  std::vector<Relay> relays;
  uint32_t independent_sources = 0;       // across the story
};

}  // namespace crosscheck::reconcile
