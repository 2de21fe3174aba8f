// core/document.h: the data that flows between pipeline stages.
// A Document owns its text; every later layer refers to it by byte Spans
// (never by pointers), so a document and its analysis can be moved, stored
// and re-read freely. Each stage adds a layer; earlier layers stay const.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace crosscheck {

// A half-open byte range [begin, end) of Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool operator==(const Span&) const = default;
};

// One news report as read from the input, before any analysis.
struct Document {
  std::string id;        // JSONL "id", else the file name without directory (+ "#n" for records)
  std::string source;    // outlet or site ("MTV News", "nytimes.com"); empty if unknown
  std::string url;       // canonical URL if known
  std::string title;     // headline if known
  std::string date;      // ISO "YYYY-MM-DD" (or "YYYY-MM"/"YYYY"); empty if unknown
  std::string language = "en";
  std::string text;      // body as valid UTF-8 (invalid bytes replaced by U+FFFD)
  std::vector<Span> paragraphs;  // non-empty paragraphs of text, in order
  std::string origin;    // where it came from: "file", "file:line" or "file@byte"
  uint32_t repaired_bytes = 0;   // invalid UTF-8 sequences replaced while reading
  // Input fields crosscheck does not interpret (JSONL), kept as raw JSON values.
  std::vector<std::pair<std::string, std::string>> extra;
};

// One word as later stages see it. UD splits some surface tokens into
// several words ("don't" -> "do" "n't"); those words carry mwt_continues.
struct Token {
  Span span;                   // bytes of Document::text
  std::string form;            // NFC-normalized text of the word
  bool space_after = true;     // whitespace follows in the original text
  bool mwt_continues = false;  // the next word belongs to the same surface token
};

// A sentence: a range of tokens and the bytes it covers.
struct Sentence {
  Span span;                 // from the first token's begin to the last token's end
  uint32_t first_token = 0;  // index into AnalyzedDocument::tokens
  uint32_t end_token = 0;    // one past the last token
  uint32_t paragraph = 0;    // index into Document::paragraphs
};

// The syntax layer of one word (syntax stage), parallel to the tokens.
struct TokenSyntax {
  std::string upos;    // UD universal POS tag ("NOUN")
  std::string xpos;    // Penn Treebank tag ("NNS")
  std::string feats;   // UD features ("Number=Plur"), "_" if none
  std::string lemma;   // "man" for "men"; what lexicons are matched on
  uint32_t head = 0;   // 1-based index of the head word within its sentence; 0 = root
  std::string deprel;  // UD relation to the head ("nsubj", "ccomp", "nummod", ...)
};

// One mention of an entity: a run of tokens in one sentence.
struct EntityMention {
  Span span;                 // bytes of Document::text
  uint32_t first_token = 0;  // index into AnalyzedDocument::tokens
  uint32_t end_token = 0;    // one past the last token
  uint32_t sentence = 0;     // index into AnalyzedDocument::sentences
  std::string kind;          // "name", "acronym", "surname", "title", "pronoun", "demonym"
};

// A place in the gazetteer (GeoNames), for linked LOC entities and demonyms.
struct PlaceLink {
  int64_t geonames_id = 0;   // 0 = not linked (countries and regions: see source_id)
  std::string name;          // gazetteer name ("Lyon")
  std::string country;       // ISO 3166-1 alpha-2 ("RU")
  std::string admin1;        // first-level region name or code, if known
  double latitude = 0, longitude = 0;  // 0, 0 = unknown (the shipped gazetteer has no coordinates)
  // Added by the entities stage: countries and admin-1 regions have no GeoNames
  // number in the shipped gazetteer, so every link also carries its gazetteer id.
  std::string feature;       // "country", "region" or "city"; "" = not linked
  std::string source_id;     // GeoNames id of a city ("558418"), "RU" or admin-1 code "RU.12"
};

// An entity of the entities stage: the mentions within one document that
// refer to the same person, organisation, place or other named thing.
struct Entity {
  std::string name;          // canonical name: the fullest name form ("Angela Merkel")
  std::string type;          // "PERSON", "ORG", "LOC", "MISC"
  std::vector<EntityMention> mentions;  // in text order
  PlaceLink place;           // LOC (and demonyms): the linked place, if any
};

// A number in the text with what it counts (facts stage).
struct Quantity {
  Span span;                 // the whole expression: "at least 100", "$2bn", "between 3 and 5"
  uint32_t sentence = 0;     // index into AnalyzedDocument::sentences
  double value = 0;          // the stated figure (the lower one for ranges)
  double low = 0, high = 0;  // the interval the text commits to (high = +inf when open)
  std::string bound;         // exact|at_least|more_than|at_most|less_than|approx|range
  bool vague = false;        // "dozens", "hundreds": value is the ACLED-style low
  std::string change;        // "increase", "decrease" or "" when no change is stated
  std::string unit;          // "percent", "USD", "km", ... or ""
  std::string counted;       // lemma of the counted noun ("man"), "" if none
  Span counted_span;         // the counted noun phrase ("gay men"), empty if none
  // Added by the facts stage for claims and evaluation:
  std::string per;           // the rate's denominator: "month" in "$3500 a month", "share" in "$62 per share"; "" if none
  uint32_t number_token = 0; // index into tokens of the (last) number word: where a parse attaches the quantity to its verb/noun
  int32_t counted_token = -1;  // index into tokens of the counted noun's head word, -1 if none
};

// A date or time expression resolved against the document date (facts stage).
struct DateMention {
  Span span;
  uint32_t sentence = 0;
  std::string iso;           // "2017-07-14", "2017-04", "2017"; "" when unresolvable
  std::string granularity;   // "day", "month", "year"; "" when unresolved
  bool relative = false;     // "last week", "on Tuesday": depends on the document date
  // Facts stage: granularity may also be "week" ("last week"); iso is then that week's Monday.
};

// A quotation or reported statement and who made it (quotes stage).
struct Quote {
  Span content;              // the quoted words, marks excluded (indirect: the content clause)
  uint32_t sentence = 0;     // sentence where the content starts
  std::string kind;          // direct|partial|indirect|post|scare
  std::string speaker;       // canonical name or description ("a Chechen government spokesperson")
  int32_t speaker_entity = -1;  // index into AnalyzedDocument::entities, -1 if none
  Span speaker_span;         // the speaker's words in the text, empty if none
  std::string verb;          // lemma of the cue ("say", "tell", "deny"; ":" or "—" for punctuation cues)
  Span verb_span;
  std::string stance;        // neutral|assertive|distancing|denial|admission|... from the verb lexicon
  std::string addressee;     // "Reuters" in "told Reuters", medium or audience if given
  std::string handle;        // posts: "@nytimes"
  std::string date;          // posts: ISO date of the post
  // Added by the quotes stage:
  std::string speaker_role;  // title or role written with the name ("the minister's spokesperson"), "" if none
  int32_t continues = -1;    // index into quotes of the earlier part of the same statement,
                             // interrupted by its attribution ("…," he said. "…"); -1 if none
  int32_t speaker_from = -1; // floating quote: index of the quote whose speaker it inherited; -1 if none
};

// One link of an attribution chain: a party the document says a fact comes from.
struct Attribution {
  std::string source;        // canonical name or description ("Novaya Gazeta", "a source")
  int32_t entity = -1;       // index into AnalyzedDocument::entities, -1 if none
  Span span;                 // the source's words in the text, empty if implicit
  std::string cue;           // lemma of the cue: "report", "tell", "according to", "cite"
  std::string kind;          // "outlet", "person", "organisation", "anonymous" or "other"
};

// A fact-bearing clause as a record (claims stage): did what, to whom, how
// many, where, when, how certainly and on whose word.
struct Claim {
  uint32_t sentence = 0;     // index into AnalyzedDocument::sentences
  Span span;                 // the clause (at least trigger..patient), bytes of Document::text
  std::string event;         // KILL, WOUND, DETAIN, TORTURE, ABDUCT, DISPLACE, PROTEST, ATTACK,
                             // SIGN, VOTE, PAY, ... or STATE for other checkable statements
  std::string trigger;       // lemma of the verb or noun that names the event ("detain")
  Span trigger_span;
  std::string agent;         // who did it, as written or canonical; "" if not stated
  int32_t agent_entity = -1; // index into entities, -1 if none
  Span agent_span;
  std::string patient;       // to whom/what ("gay men"); "" if not stated
  int32_t patient_entity = -1;
  Span patient_span;
  int32_t quantity = -1;     // index into quantities: the patient's count, -1 if none
  int32_t place_entity = -1; // index into entities: a LOC the clause names, -1 if none
  int32_t date = -1;         // index into dates: when, -1 if none
  std::string modality;      // asserted|hedged|denied|questioned|negated
  std::string modality_cue;  // the words that set it ("reportedly", "denied"), "" for asserted
  Span modality_span;
  // Who the document says the fact comes from, outermost first
  // (outlet <- person <- source); empty = the outlet's own reporting.
  std::vector<Attribution> attribution;
  int32_t quote = -1;        // index into quotes when the clause is quoted speech, -1 if not
};

// A document with the layers the analysis stages have added so far.
struct AnalyzedDocument {
  Document doc;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<TokenSyntax> syntax;  // one per token once the syntax stage ran, else empty
  std::vector<Entity> entities;     // entities stage; in order of first mention
  std::vector<Quantity> quantities; // facts stage
  std::vector<DateMention> dates;   // facts stage
  std::vector<Quote> quotes;        // quotes stage
  std::vector<Claim> claims;        // claims stage
};

}  // namespace crosscheck
