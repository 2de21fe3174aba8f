// facts/quantity_extractor.cpp: assembling quantities from numbers and their cues.
#include "facts/quantity_extractor.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "facts/facts_lexicon.h"
#include "facts/number_reader.h"
#include "facts/quantity_parts.h"
#include "facts/text_pieces.h"

namespace crosscheck::facts {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// What comes before a number: a sign ("-1.3%", "minus-5") and a currency ("$", "US $").
struct Lead {
  size_t begin = 0;
  const UnitEntry* unit = nullptr;
  double sign = 1;
  bool sign_given = false;
};

bool IsSign(const std::string& text) { return text == "-" || text == "+" || text == "\u2212"; }

Lead ReadLead(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i) {
  Lead lead;
  size_t k = i;
  if (k > 0 && IsSign(pieces[k - 1].text) && !pieces[k].space_before) {
    const bool starts = k - 1 == 0 || pieces[k - 1].space_before || pieces[k - 2].kind == PieceKind::kSymbol;
    const bool minus_word = k >= 2 && pieces[k - 2].lower == "minus";
    if (starts || minus_word) {
      lead.sign = pieces[k - 1].text == "+" ? 1 : -1;
      lead.sign_given = !minus_word;
      k = minus_word ? k - 2 : k - 1;
    }
  } else if (k > 0 && pieces[k - 1].lower == "minus") {
    lead.sign = -1;
    --k;
  }
  lead.begin = MatchPrefixUnit(lex, pieces, k, &lead.unit);
  return lead;
}

std::optional<QuantityDraft> ReadVague(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i) {
  for (size_t k = std::min<size_t>(3, pieces.size() - i); k >= 1; --k) {
    auto it = lex.vague.find(Lower(JoinPieces(pieces, i, i + k)));
    if (it == lex.vague.end() || i + k >= pieces.size() || pieces[i + k].lower != "of") continue;
    QuantityDraft draft;
    draft.begin = i;
    draft.end = draft.after = i + k;
    draft.number_piece = i + k - 1;
    draft.value = draft.low = it->second.first;
    draft.high = it->second.second;
    draft.vague = true;
    draft.bound = "range";
    const size_t unit_end = MatchSuffixUnit(lex, pieces, i + k + 1, &draft.unit);  // "tens of thousands of dollars"
    if (draft.unit != nullptr) draft.end = unit_end;
    return draft;
  }
  return std::nullopt;
}

// The second number of a range after `a` ("3-5", "three to five", "$10 to $15 billion",
// "between 3 and 5"), or nothing. `c` is the piece after a and its unit, if any.
std::optional<NumberRead> ReadRangeEnd(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t c,
                                       bool between, bool money, bool after_change, const UnitEntry** unit_b,
                                       size_t* end) {
  if (c + 1 >= pieces.size()) return std::nullopt;
  const Piece& link = pieces[c];
  const bool hyphen = link.text == "-" && !link.space_before && !pieces[c + 1].space_before;
  const bool dash = link.text == "\u2013" || link.text == "\u2014";
  const bool to = link.lower == "to" && !after_change;
  const bool conjunction = link.lower == "and" && between;
  if (!hyphen && !dash && !to && !conjunction) return std::nullopt;
  size_t b = c + 1;
  const UnitEntry* prefix = nullptr;
  const size_t after_prefix = [&] {
    for (size_t k = b; k < pieces.size() && k < b + 3; ++k) {
      if (pieces[k].kind == PieceKind::kNumber) return MatchPrefixUnit(lex, pieces, k, &prefix) == b ? k : b;
    }
    return b;
  }();
  if (prefix != nullptr) b = after_prefix;
  auto read = ReadNumber(lex, pieces, b, money || prefix != nullptr);
  if (!read) return std::nullopt;
  *end = MatchSuffixUnit(lex, pieces, read->end, unit_b);
  if (*unit_b == nullptr) *unit_b = prefix;
  return read;
}

// Sets low/high from the bound of a single figure.
void SetInterval(QuantityDraft* draft) {
  const std::string& bound = draft->bound;
  draft->low = draft->high = draft->value;
  if (bound == "at_least" || bound == "more_than") draft->high = kInfinity;
  if (bound == "at_most" || bound == "less_than") draft->low = draft->value < 0 ? -kInfinity : 0;
}

// "each one", "the one", "one 52,000-barrel refinery": "one" as a pronoun or article.
bool IsPronounOne(const FactsLexicon& lex, const std::vector<Piece>& pieces, const NumberRead& read) {
  if (read.digits || read.value != 1 || read.end != read.begin + 1) return false;
  if (read.end < pieces.size() && pieces[read.end].kind == PieceKind::kNumber) return true;
  if (read.begin == 0) return false;
  auto it = lex.function_words.find(pieces[read.begin - 1].lower);
  return it != lex.function_words.end() && (it->second == "det" || it->second == "pron");
}

// Extends `draft` over a range's second number when one follows.
void ReadRange(const FactsLexicon& lex, const std::vector<Piece>& pieces, const NumberRead& a, const Lead& lead,
               size_t after_a, const UnitEntry** unit, QuantityDraft* draft) {
  const bool between = draft->begin > 0 && pieces[draft->begin - 1].lower == "between";
  const bool from = draft->begin > 0 && pieces[draft->begin - 1].lower == "from";
  // "increased by $43.6 billion to $419.2 billion": an amount, then where it ended.
  const bool after_change = !from && *unit != nullptr && !ChangeBefore(lex, pieces, draft->begin).empty();
  const UnitEntry* unit_b = nullptr;
  size_t end = 0;
  auto b = ReadRangeEnd(lex, pieces, after_a, between, lead.unit != nullptr, after_change, &unit_b, &end);
  if (!b) return;
  if (*unit != nullptr && unit_b != nullptr && (*unit)->unit != unit_b->unit) return;
  double first = draft->value;
  if (!a.scaled && b->scaled && a.unscaled <= b->unscaled) first *= b->value / b->unscaled;  // "$10 to $15 billion"
  draft->value = std::min(first, b->value);
  draft->low = draft->value;
  draft->high = std::max(first, b->value);
  draft->bound = "range";
  draft->end = end;
  draft->number_piece = b->end - 1;
  if (unit_b != nullptr) *unit = unit_b;
  if (between || from) {
    --draft->begin;
    draft->opened = true;
  }
}

// Reads the quantity whose number starts at pieces[i]. Sets *skip_to past a number that
// is not a count (a year, a time, ...).
std::optional<QuantityDraft> ReadQuantityAt(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i,
                                            size_t* skip_to) {
  if (auto vague = ReadVague(lex, pieces, i)) return vague;
  const Lead lead = ReadLead(lex, pieces, i);
  auto a = ReadNumber(lex, pieces, i, lead.unit != nullptr);
  if (!a) return std::nullopt;
  QuantityDraft draft;
  draft.begin = lead.begin;
  draft.value = a->value * lead.sign;
  draft.number_piece = a->end - 1;
  const UnitEntry* unit = lead.unit;
  size_t after_a = a->end;
  if (unit == nullptr) after_a = MatchSuffixUnit(lex, pieces, a->end, &unit);
  draft.end = after_a;
  std::string bound;
  const size_t bound_begin = MatchBoundBefore(lex, pieces, draft.begin, &bound);
  const bool qualified = unit != nullptr || !bound.empty();
  if (IsNotCount(lex, pieces, *a, qualified) || IsPronounOne(lex, pieces, *a)) {
    *skip_to = std::max(a->end, a->digits ? SkipDigitChain(pieces, a->begin) : a->end);
    return std::nullopt;
  }
  // "a five-year $700000 award", "a three-year forecast": a duration as a modifier.
  if (unit != nullptr && after_a < pieces.size() && a->end < pieces.size() && pieces[a->end].text == "-" &&
      lex.date_units.count(unit->unit) && pieces[after_a].kind == PieceKind::kWord &&
      !lex.IsFunctionWord(pieces[after_a].lower)) {
    *skip_to = after_a;
    return std::nullopt;
  }
  SetInterval(&draft);
  ReadRange(lex, pieces, *a, lead, after_a, &unit, &draft);
  if (!bound.empty() && draft.bound != "range") {
    draft.bound = bound;
    draft.begin = bound_begin;
  }
  draft.after = draft.end;
  draft.unit = unit;
  if (unit != nullptr) draft.end = MatchPer(lex, pieces, draft.end, &draft.per);
  if (draft.bound == "exact") {
    std::string after_bound;
    const size_t end = MatchBoundAfter(lex, pieces, draft.end, &after_bound);
    if (!after_bound.empty()) { draft.bound = after_bound; draft.end = end; }
  }
  if (draft.bound != "range") SetInterval(&draft);
  // "rose from 240 to 273": the verb governs the movement, not an amount.
  if (!draft.opened) draft.change = ChangeBefore(lex, pieces, draft.begin);
  if (draft.change.empty() && lead.sign_given && unit != nullptr && unit->unit != "USD") {
    draft.change = lead.sign > 0 ? "increase" : "decrease";
  }
  return draft;
}

Quantity ToQuantity(const std::vector<Piece>& pieces, const QuantityDraft& draft, uint32_t sentence) {
  Quantity q;
  q.span = {pieces[draft.begin].span.begin, pieces[draft.end - 1].span.end};
  q.sentence = sentence;
  q.value = draft.value;
  q.low = draft.low;
  q.high = draft.high;
  q.bound = draft.bound;
  q.vague = draft.vague;
  q.change = draft.change;
  if (draft.unit != nullptr) q.unit = draft.unit->unit;
  q.per = draft.per;
  q.number_token = pieces[draft.number_piece].token;
  return q;
}

// "lost 190 points, or 0.6%": the second figure restates the first, change included.
// "just under 296 hp (224 kW / 300 PS)": a conversion repeats the bound as well.
bool RestatesPrevious(const std::vector<Piece>& pieces, size_t previous_end, size_t begin, bool* conversion) {
  if (begin <= previous_end) return false;
  const std::string between = Lower(JoinPieces(pieces, previous_end, begin));
  *conversion = between == "(" || between == "/";
  return between == "or" || between == ", or" || *conversion;
}

std::vector<bool> DatePieces(const AnalyzedDocument& doc, uint32_t sentence, const std::vector<Piece>& pieces) {
  std::vector<bool> blocked(pieces.size(), false);
  for (const DateMention& date : doc.dates) {
    if (date.sentence != sentence) continue;
    for (size_t i = 0; i < pieces.size(); ++i) {
      blocked[i] = blocked[i] || (pieces[i].span.begin < date.span.end && date.span.begin < pieces[i].span.end);
    }
  }
  return blocked;
}

}  // namespace

Result<QuantityExtractor> QuantityExtractor::Load(const std::filesystem::path& data_dir) {
  auto lexicon = FactsLexicon::Load(data_dir);
  if (!lexicon.ok()) return lexicon.status();
  return QuantityExtractor(std::make_shared<const FactsLexicon>(std::move(*lexicon)));
}

QuantityExtractor::QuantityExtractor(std::shared_ptr<const FactsLexicon> lexicon) : lexicon_(std::move(lexicon)) {}

void QuantityExtractor::Extract(AnalyzedDocument* doc) const {
  doc->quantities.clear();
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) ExtractSentence(doc, s);
}

void QuantityExtractor::ExtractSentence(AnalyzedDocument* doc, uint32_t sentence) const {
  const FactsLexicon& lex = *lexicon_;
  const std::vector<Piece> pieces = SplitIntoPieces(*doc, sentence);
  const std::vector<bool> blocked = DatePieces(*doc, sentence, pieces);
  size_t previous_end = 0;
  size_t first_of_sentence = doc->quantities.size();
  for (size_t i = 0; i < pieces.size();) {
    size_t skip_to = i + 1;
    std::optional<QuantityDraft> draft;
    if (!blocked[i] && !pieces[i].in_link) draft = ReadQuantityAt(lex, pieces, i, &skip_to);
    if (!draft || std::any_of(blocked.begin() + draft->begin, blocked.begin() + draft->end, [](bool b) { return b; })) {
      i = std::max(skip_to, i + 1);
      continue;
    }
    Quantity q = ToQuantity(pieces, *draft, sentence);
    if (q.unit.empty() && !FindCountedByParse(*doc, sentence, &q)) FindCountedByPattern(lex, pieces, *draft, &q);
    bool conversion = false;
    if (doc->quantities.size() > first_of_sentence && RestatesPrevious(pieces, previous_end, draft->begin, &conversion)) {
      const Quantity& previous = doc->quantities.back();
      if (q.change.empty()) q.change = previous.change;
      // An approximate figure's conversion is written out exactly ("some seven miles (11 km)").
      if (conversion && q.bound == "exact" && previous.bound != "range" && previous.bound != "approx") {
        q.bound = previous.bound;
        q.high = previous.high == previous.value ? q.value : previous.high;
        q.low = previous.low == previous.value ? q.value : previous.low;
      }
    }
    doc->quantities.push_back(std::move(q));
    previous_end = draft->end;
    i = std::max(draft->end, i + 1);
  }
}

std::string QuantityExtractor::UnitName(std::string_view unit) const {
  auto it = lexicon_->unit_names.find(std::string(unit));
  return it == lexicon_->unit_names.end() ? "" : it->second;
}

}  // namespace crosscheck::facts
