// FiguresTable (pictures.h) and the figure wording both it and the figures
// picture use.
#include "report/figures_table.h"

#include <algorithm>

#include "report/pictures.h"
#include "report/svg_canvas.h"

namespace crosscheck::report {
namespace figures {

bool HasValue(const reconcile::ClaimVersion& v) {
  return v.value && (v.value->low || v.value->high);
}

std::string BoundOf(const reconcile::ValueInterval& v) {
  const std::string& b = v.bound;
  bool fits = ((b == "at_least" || b == "more_than") && v.low) ||
              ((b == "at_most" || b == "less_than") && v.high) ||
              ((b == "exact" || b == "approx" || b == "range" || b == "vague") && (v.low || v.high));
  if (fits) return b;
  if (v.low && v.high) return *v.low == *v.high ? "exact" : "range";
  return v.low ? "at_least" : "at_most";
}

double Point(const reconcile::ValueInterval& v) {
  if (v.low && v.high) return (*v.low + *v.high) / 2;
  return v.low ? *v.low : v.high.value_or(0);
}

std::string ValueText(const reconcile::ValueInterval& v) {
  std::string b = BoundOf(v);
  std::string lo = svg::FormatValue(v.low.value_or(Point(v)));
  std::string hi = svg::FormatValue(v.high.value_or(Point(v)));
  bool span = v.low && v.high && *v.low != *v.high;
  if (b == "at_least") return "at least " + lo;
  if (b == "more_than") return "more than " + lo;
  if (b == "at_most") return "at most " + hi;
  if (b == "less_than") return "less than " + hi;
  if (b == "approx") return "about " + svg::FormatValue(Point(v));
  if (b == "vague") return (span ? lo + "\u2013" + hi : lo) + " (vague)";
  if (span) return lo + "\u2013" + hi;
  return svg::FormatValue(Point(v));
}

std::string EstimateText(const reconcile::Estimate& e) {
  auto f = [](std::optional<double> v) { return v ? svg::FormatValue(*v) : std::string("?"); };
  std::string s = "estimate ";
  if (e.best) s += f(e.best);
  std::string span;
  if (e.low && e.high) span = *e.low == *e.high ? f(e.low) : f(e.low) + "\u2013" + f(e.high);
  else if (e.low) span = "\u2265 " + f(e.low);
  else if (e.high) span = "\u2264 " + f(e.high);
  if (!span.empty()) s += e.best ? " (" + span + ")" : span;
  return s;
}

std::string OutletOf(const reconcile::ClaimVersion& v) {
  return v.outlet.empty() ? v.cite.document : v.outlet;
}

}  // namespace figures

namespace {

// A Markdown table cell: one line, pipes and backslashes escaped.
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|' || c == '\\') out += '\\';
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out;
}

std::string CiteText(const reconcile::Cite& c) { return c.document + ":" + std::to_string(c.sentence); }

void AppendRow(std::string* out, std::initializer_list<std::string_view> cells) {
  *out += '|';
  for (std::string_view c : cells) *out += ' ' + Cell(c) + " |";
  *out += '\n';
}

}  // namespace

std::string FiguresTable(const reconcile::StoryBrief& brief) {
  std::vector<const reconcile::BriefClaim*> claims;
  for (const auto& c : brief.claims)
    if (std::any_of(c.versions.begin(), c.versions.end(), figures::HasValue)) claims.push_back(&c);
  if (claims.empty()) return "";
  auto rank = [](const reconcile::BriefClaim* c) {
    return c->status == "disputed" ? 0 : c->status == "denied" ? 1 : 2;
  };
  std::stable_sort(claims.begin(), claims.end(), [&](auto* a, auto* b) { return rank(a) < rank(b); });
  std::string out = "| fact | outlet | value | bound | modality | cite |\n|---|---|---|---|---|---|\n";
  for (const auto* c : claims) {
    std::string fact = (c->summary.empty() ? c->event : c->summary) + " (" + c->status + ")";
    for (const auto& v : c->versions) {
      if (!figures::HasValue(v)) continue;
      std::string value = v.quantity_text.empty() ? figures::ValueText(*v.value) : v.quantity_text;
      std::string modality = v.modality.empty() ? "asserted" : v.modality;
      if (!v.modality_cue.empty()) modality += " (" + v.modality_cue + ")";
      std::string outlet = figures::OutletOf(v);
      if (!v.primary_source.empty() && v.primary_source != v.outlet) outlet += ", via " + v.primary_source;
      AppendRow(&out, {fact, outlet, value, figures::BoundOf(*v.value), modality, CiteText(v.cite)});
    }
    const auto& e = c->estimate;
    if (e.low || e.best || e.high)
      AppendRow(&out, {fact, "(estimate)", figures::EstimateText(e).substr(9), "best (low\u2013high)", "", ""});
    for (const auto& ch : c->challenges)
      AppendRow(&out, {fact, ch.speaker.empty() ? "(unnamed)" : ch.speaker, ch.text, "",
                       ch.modality.empty() ? "denied" : ch.modality, CiteText(ch.cite)});
  }
  return out;
}

}  // namespace crosscheck::report
