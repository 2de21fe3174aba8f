// eval/quantity_eval.cpp: NewsQuant scoring with CQE's matching rules.
#include "eval/quantity_eval.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace crosscheck::eval {
namespace {

struct Interval {
  double low = 0, high = 0;
};

struct GoldQuantity {
  Interval value;
  std::string unit;    // normalized_unit, lower case
  std::string change;  // = ~ > < up down
};

struct PredictedQuantity {
  Interval value;
  std::string unit;
  std::string change;
  std::string text;    // for the error listing
};

std::string LowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "12.5", "-5.0", "1E-5", "12-120", "3.0 - 4.0", "-1.3-0.5"
bool ParseGoldValue(std::string text, Interval* out) {
  std::string compact;
  for (char c : text) if (c != ' ') compact += c;
  char* end = nullptr;
  const double first = std::strtod(compact.c_str(), &end);
  if (end == compact.c_str()) return false;
  if (*end == '\0') { *out = {first, first}; return true; }
  if (*end != '-') return false;
  const char* rest = end + 1;
  const double second = std::strtod(rest, &end);
  if (end == rest || *end != '\0') return false;
  *out = {first, second};
  return true;
}

bool IsClose(double a, double b) { return std::fabs(a - b) <= 1e-8 + 1e-5 * std::fabs(b); }

bool SameValue(const Interval& predicted, const Interval& gold) {
  return (IsClose(predicted.low, gold.low) && IsClose(predicted.high, gold.high)) ||
         (IsClose(predicted.low, gold.high) && IsClose(predicted.high, gold.low));
}

// The unit as CQE normalizes it: a spelled-out unit name, or the counted noun phrase with
// its head lemmatized ("Liverpool fans" -> "liverpool fan").
std::string PredictedUnit(const facts::FactsAnalyzer& facts, const AnalyzedDocument& doc, const Quantity& q) {
  if (!q.unit.empty()) {
    std::string name = facts.quantities().UnitName(q.unit);
    if (!q.per.empty()) name += " per " + q.per;
    return LowerAscii(name);
  }
  if (q.counted.empty()) return "-";
  std::istringstream words(doc.doc.text.substr(q.counted_span.begin, q.counted_span.size()));
  std::vector<std::string> kept;
  for (std::string w; words >> w;) {
    if (w != "of" && w != "and" && w != "the") kept.push_back(w);
  }
  if (!kept.empty()) kept.back() = q.counted;
  std::string phrase;
  for (const std::string& w : kept) phrase += (phrase.empty() ? "" : " ") + w;
  return LowerAscii(phrase);
}

PredictedQuantity Predict(const facts::FactsAnalyzer& facts, const AnalyzedDocument& doc, const Quantity& q) {
  PredictedQuantity p;
  const bool interval = q.bound == "range" || q.vague;
  p.value = interval ? Interval{q.low, q.high} : Interval{q.value, q.value};
  p.unit = PredictedUnit(facts, doc, q);
  p.change = ChangeLabel(q);
  p.text = doc.doc.text.substr(q.span.begin, q.span.size());
  return p;
}

enum class Criterion { kValue, kValueUnit, kValueChange };

bool Matches(const PredictedQuantity& p, const GoldQuantity& g, Criterion criterion) {
  if (!SameValue(p.value, g.value)) return false;
  if (criterion == Criterion::kValueUnit) return p.unit == g.unit;
  if (criterion == Criterion::kValueChange) return p.change == g.change;
  return true;
}

// One-to-one greedy matching in prediction order; returns the matched count.
uint64_t CountMatches(const std::vector<PredictedQuantity>& predicted, const std::vector<GoldQuantity>& gold,
                      Criterion criterion, std::vector<bool>* gold_used = nullptr) {
  std::vector<bool> used(gold.size(), false);
  uint64_t matched = 0;
  for (const PredictedQuantity& p : predicted) {
    for (size_t g = 0; g < gold.size(); ++g) {
      if (used[g] || !Matches(p, gold[g], criterion)) continue;
      used[g] = true;
      ++matched;
      break;
    }
  }
  if (gold_used != nullptr) *gold_used = used;
  return matched;
}

void Finish(PRF* prf) {
  prf->precision = prf->predicted ? 100.0 * prf->correct / prf->predicted : 0;
  prf->recall = prf->gold ? 100.0 * prf->correct / prf->gold : 0;
  const double sum = prf->precision + prf->recall;
  prf->f1 = sum > 0 ? 2 * prf->precision * prf->recall / sum : 0;
}

void Add(PRF* prf, uint64_t gold, uint64_t predicted, uint64_t correct) {
  prf->gold += gold, prf->predicted += predicted, prf->correct += correct;
}

void ListErrors(std::ostream& out, size_t index, const std::string& text, const std::vector<PredictedQuantity>& predicted,
                const std::vector<GoldQuantity>& gold, const std::vector<nlohmann::json>& gold_json) {
  std::vector<bool> used, used_with_change;
  const uint64_t matched = CountMatches(predicted, gold, Criterion::kValue, &used);
  const uint64_t matched_with_change = CountMatches(predicted, gold, Criterion::kValueChange, &used_with_change);
  if (matched == predicted.size() && matched == gold.size() && matched_with_change == matched) return;
  out << "#" << index << " " << text << "\n";
  for (size_t g = 0; g < gold.size(); ++g) {
    out << (!used[g] ? "   MISS " : used_with_change[g] ? "   ok   " : "   CHG  ") << gold_json[g].value("change", "") << " "
        << gold_json[g].value("value", "") << " | " << gold[g].unit << "\n";
  }
  for (const PredictedQuantity& p : predicted) {
    out << "   pred " << p.change << " " << p.value.low << (p.value.high != p.value.low ? "-" + std::to_string(p.value.high) : "")
        << " | " << p.unit << "   [" << p.text << "]\n";
  }
}

}  // namespace

const char* ChangeLabel(const Quantity& q) {
  if (q.bound == "more_than" || q.bound == "at_least") return ">";
  if (q.bound == "at_most" || q.bound == "less_than") return "<";
  if (q.change == "increase") return "up";
  if (q.change == "decrease") return "down";
  if (q.bound == "approx") return "~";
  return "=";
}

Result<QuantityScores> EvaluateQuantities(const facts::FactsAnalyzer& facts, const facts::Annotator& annotate,
                                          const std::filesystem::path& gold_path, const QuantityEvalOptions& options) {
  std::ifstream in(gold_path, std::ios::binary);
  if (!in) return Status::Error(gold_path.string() + ": cannot open NewsQuant gold file");
  nlohmann::json data = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (data.is_discarded() || !data.is_array()) {
    return Status::Error(gold_path.string() + ": expected a JSON list of {\"text\", \"quantities\"}");
  }
  QuantityScores scores;
  for (size_t index = 0; index < data.size(); ++index) {
    if (options.half >= 0 && static_cast<int>(index % 2) != options.half) continue;
    const nlohmann::json& item = data[index];
    if (!item.contains("text") || !item["text"].is_string() || !item.contains("quantities")) {
      return Status::Error(gold_path.string() + ": item " + std::to_string(index) + " lacks text or quantities");
    }
    std::vector<GoldQuantity> gold;
    std::vector<nlohmann::json> gold_json;
    for (const nlohmann::json& q : item["quantities"]) {
      GoldQuantity g;
      if (!ParseGoldValue(q.value("value", ""), &g.value)) {
        return Status::Error(gold_path.string() + ": item " + std::to_string(index) + ": bad value \"" + q.value("value", "") + "\"");
      }
      g.unit = LowerAscii(q.value("normalized_unit", "-"));
      g.change = q.value("change", "=");
      gold.push_back(g);
      gold_json.push_back(q);
    }
    const std::string text = item["text"].get<std::string>();
    const AnalyzedDocument doc = facts.AnalyzeText(text, "", annotate);
    std::vector<PredictedQuantity> predicted;
    for (const Quantity& q : doc.quantities) predicted.push_back(Predict(facts, doc, q));
    Add(&scores.value, gold.size(), predicted.size(), CountMatches(predicted, gold, Criterion::kValue));
    Add(&scores.value_unit, gold.size(), predicted.size(), CountMatches(predicted, gold, Criterion::kValueUnit));
    Add(&scores.value_change, gold.size(), predicted.size(), CountMatches(predicted, gold, Criterion::kValueChange));
    if (options.errors != nullptr) ListErrors(*options.errors, index, text, predicted, gold, gold_json);
    ++scores.sentences;
  }
  Finish(&scores.value);
  Finish(&scores.value_unit);
  Finish(&scores.value_change);
  return scores;
}

}  // namespace crosscheck::eval
