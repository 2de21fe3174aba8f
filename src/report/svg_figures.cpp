// The "figures by source" picture: one block per quantified fact, one row per
// version on the fact's own axis. Rules in docs/pictures.md.
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <tuple>

#include "report/figures_table.h"
#include "report/pictures.h"
#include "report/svg_canvas.h"

namespace crosscheck::report {
namespace {

using reconcile::BriefClaim;
using reconcile::ClaimVersion;
using reconcile::StoryBrief;
using reconcile::ValueInterval;
using svg::Attr;
using svg::Attrs;
using svg::Canvas;
using svg::Num;
using figures::BoundOf;
using figures::EstimateText;
using figures::HasValue;
using figures::Point;
using figures::ValueText;

constexpr double kRow = 22, kHeader = 24, kAxis = 28, kChallengeRow = 20, kGap = 16;
constexpr std::string_view kVagueColor = "#9dbbe0";

struct Columns {
  double label_x, label_w;  // outlet labels
  double x0, x1;            // the plot
  double note_x, note_w;    // value as written, modality, source
};

Columns ColumnsFor(int width) {
  Columns c;
  c.label_x = 8;
  c.label_w = std::round(width * 0.21);
  c.x0 = c.label_x + c.label_w + 12;
  c.note_w = std::round(width * 0.27);
  c.note_x = width - 8 - c.note_w;
  c.x1 = c.note_x - 18;  // room for an arrow head
  return c;
}

std::string ModalityText(const ClaimVersion& v) {
  if (v.modality.empty() || v.modality == "asserted") return "";
  std::string s = v.modality;
  if (!v.modality_cue.empty()) s += " (\u201c" + v.modality_cue + "\u201d)";
  return s;
}

// The versions drawn for a fact: each distinct figure at least once, then the
// rest in document order, up to `max_rows`; kept in document order.
std::vector<const ClaimVersion*> RowsOf(const BriefClaim& claim, size_t max_rows) {
  std::vector<const ClaimVersion*> valued;
  for (const auto& v : claim.versions)
    if (HasValue(v)) valued.push_back(&v);
  if (valued.size() <= max_rows) return valued;
  std::vector<bool> keep(valued.size(), false);
  std::set<std::tuple<double, double, std::string, std::string>> seen;
  size_t kept = 0;
  for (size_t i = 0; i < valued.size() && kept < max_rows; ++i) {
    const auto& val = *valued[i]->value;
    auto key = std::make_tuple(val.low.value_or(-1), val.high.value_or(-1), BoundOf(val),
                               valued[i]->modality);
    if (seen.insert(key).second) keep[i] = true, ++kept;
  }
  for (size_t i = 0; i < valued.size() && kept < max_rows; ++i)
    if (!keep[i]) keep[i] = true, ++kept;
  std::vector<const ClaimVersion*> rows;
  for (size_t i = 0; i < valued.size(); ++i)
    if (keep[i]) rows.push_back(valued[i]);
  return rows;
}

// The fact's axis: linear from 0 (nice ticks), or log10 when the positive
// figures span more than two orders of magnitude. Open-ended figures get room.
svg::Scale AxisFor(const BriefClaim& claim, const std::vector<const ClaimVersion*>& rows,
                   const Columns& cols, std::vector<double>* ticks) {
  double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
  double min_pos = std::numeric_limits<double>::max();
  bool open_right = false;
  auto add = [&](std::optional<double> v, double stretch = 1) {
    if (!v) return;
    lo = std::min(lo, *v);
    hi = std::max(hi, *v * stretch);
    if (*v > 0) min_pos = std::min(min_pos, *v);
  };
  for (const ClaimVersion* v : rows) {
    std::string b = BoundOf(*v->value);
    add(v->value->low, b == "approx" ? 1.1 : 1);
    add(v->value->high, b == "approx" ? 1.1 : 1);
    if (b == "at_least" || b == "more_than") open_right = true;
  }
  add(claim.estimate.low);
  add(claim.estimate.best);
  add(claim.estimate.high);
  if (open_right) hi = std::max(hi * 1.2, hi + 1);
  svg::Scale s;
  s.x0 = cols.x0;
  s.x1 = cols.x1;
  s.log = min_pos < std::numeric_limits<double>::max() && hi / min_pos > 100;
  if (s.log) {
    s.lo = min_pos;
    s.hi = hi;
    *ticks = svg::LogTicks(&s.lo, &s.hi);
  } else {
    s.lo = std::min(0.0, lo);
    s.hi = std::max(hi * 1.05, s.lo + 1);
    *ticks = svg::NiceTicks(&s.lo, &s.hi, 6);
  }
  return s;
}

// Appearance of a version's shapes: filled when asserted, hollow when hedged.
struct Look {
  std::string fill, stroke;
  double stroke_width = 1.5;
};

Look LookOf(const ClaimVersion& v, bool vague) {
  std::string color(vague ? kVagueColor : svg::kMarkColor);
  if (v.modality == "denied" || v.modality == "negated") color = svg::kDenyColor;
  if (v.modality == "hedged" || v.modality == "questioned") return {"#fff", color, 1.5};
  return {color, color, 1.5};
}

void Dot(Canvas& c, double x, double y, double r, const Look& look) {
  c.Empty("circle", {{"cx", x}, {"cy", y}, {"r", r}, {"fill", look.fill}, {"stroke", look.stroke},
                     {"stroke-width", look.stroke_width}});
}

void Bar(Canvas& c, double xa, double xb, double y, const Look& look) {
  if (xb < xa) std::swap(xa, xb);
  c.Empty("rect", {{"x", xa}, {"y", y - 4}, {"width", std::max(xb - xa, 1.0)}, {"height", 8.0},
                   {"fill", look.fill}, {"stroke", look.stroke}, {"stroke-width", look.stroke_width}});
}

void Arrow(Canvas& c, double x, double y, double dir, const Look& look) {
  std::string pts = Num(x) + "," + Num(y - 6) + " " + Num(x + 8 * dir) + "," + Num(y) + " " +
                    Num(x) + "," + Num(y + 6);
  c.Empty("polygon", {{"points", pts}, {"fill", look.stroke}});
}

// End of an interval: a bar for a closed end, an open circle for a strict one.
void EndCap(Canvas& c, double x, double y, bool strict, const Look& look) {
  if (strict) {
    c.Empty("circle", {{"cx", x}, {"cy", y}, {"r", 4.0}, {"fill", "#fff"}, {"stroke", look.stroke},
                       {"stroke-width", 1.5}});
  } else {
    c.Line(x, y - 7, x, y + 7, look.stroke, 2);
  }
}

void Strike(Canvas& c, double x, double y) {
  c.Line(x - 6, y - 6, x + 6, y + 6, svg::kDenyColor, 2.5);
  c.Line(x - 6, y + 6, x + 6, y - 6, svg::kDenyColor, 2.5);
}

// The shapes of one version at row centre `y`; returns the x to strike through.
double DrawFigure(Canvas& c, const ValueInterval& v, const svg::Scale& s, double y,
                  const ClaimVersion& version) {
  std::string b = BoundOf(v);
  Look look = LookOf(version, b == "vague");
  double p = Point(v);
  if (b == "at_least" || b == "more_than") {
    double xa = s(*v.low);
    Bar(c, xa, s.x1, y, look);
    Arrow(c, s.x1, y, 1, look);
    EndCap(c, xa, y, b == "more_than", look);
    return xa;
  }
  if (b == "at_most" || b == "less_than") {
    double xb = s(*v.high);
    Bar(c, s.x0, xb, y, look);
    if (s.log) Arrow(c, s.x0, y, -1, look);
    EndCap(c, xb, y, b == "less_than", look);
    return xb;
  }
  if (b == "range" || b == "vague") {
    double xa = s(v.low.value_or(p)), xb = s(v.high.value_or(p));
    Bar(c, xa, xb, y, look);
    if (b == "range") EndCap(c, xa, y, false, look), EndCap(c, xb, y, false, look);
    return (xa + xb) / 2;
  }
  if (b == "approx") {
    double lo = v.low && v.high && *v.low != *v.high ? *v.low : p * 0.9;
    double hi = v.low && v.high && *v.low != *v.high ? *v.high : p * 1.1;
    c.Line(s(lo), y, s(hi), y, look.stroke, 1.5);
    c.Line(s(lo), y - 4, s(lo), y + 4, look.stroke, 1.5);
    c.Line(s(hi), y - 4, s(hi), y + 4, look.stroke, 1.5);
  }
  Dot(c, s(p), y, 5, look);
  return s(p);
}

std::string TickLabel(double t) {
  if (std::fabs(t) >= 1e6) return svg::FormatValue(t);
  if (std::fabs(t) >= 1e4) return Num(t / 1e3, 1) + "k";
  return Num(t, 2);
}

void DrawAxis(Canvas& c, const svg::Scale& s, const std::vector<double>& ticks, double y) {
  c.Open("g", {{"class", "cc-axis"}});
  c.Line(s.x0, y, s.x1, y, svg::kMuted, 1);
  double last_right = -1e9;
  for (double t : ticks) {
    double x = s(t);
    c.Line(x, y, x, y + 4, svg::kMuted, 1);
    std::string label = TickLabel(t);
    double w = svg::TextWidth(label, 10);
    if (x - w / 2 < last_right + 4) continue;  // a minor log tick too close to the last label
    c.Text(x, y + 15, label, {{"font-size", 10}, {"text-anchor", "middle"}, {"fill", svg::kMuted}});
    last_right = x + w / 2;
  }
  if (s.log) {
    c.Text(s.x1, y + 26, "log scale", {{"font-size", 9}, {"text-anchor", "end"},
                                       {"fill", svg::kMuted}});
  }
  c.Close("g");
}

void DrawGrid(Canvas& c, const svg::Scale& s, const std::vector<double>& ticks, double y0,
              double y1) {
  c.Open("g", {{"class", "cc-grid"}});
  for (double t : ticks) c.Line(s(t), y0, s(t), y1, svg::kGrid, 1);
  c.Close("g");
}

void DrawBand(Canvas& c, const BriefClaim& claim, const svg::Scale& s, double y0, double y1) {
  const auto& e = claim.estimate;
  if (!e.low && !e.best && !e.high) return;
  double xa = s(e.low.value_or(e.best.value_or(*e.high)));
  double xb = s(e.high.value_or(e.best.value_or(*e.low)));
  c.Open("g", {{"class", "cc-band"}});
  c.Title(EstimateText(e) + " (low \u2013 best \u2013 high)");
  c.Empty("rect", {{"x", xa - 3}, {"y", y0}, {"width", xb - xa + 6}, {"height", y1 - y0},
                   {"rx", 3.0}, {"fill", svg::kBandColor}, {"fill-opacity", 0.7}});
  if (e.best) c.Line(s(*e.best), y0, s(*e.best), y1, svg::kBestColor, 2.5);
  c.Close("g");
}

std::string VersionSummary(const ClaimVersion& v) {
  std::string s = figures::OutletOf(v) + ": " + ValueText(*v.value);
  if (!v.quantity_text.empty()) s += " (\u201c" + v.quantity_text + "\u201d)";
  std::string m = ModalityText(v);
  if (!m.empty()) s += ", " + m;
  if (!v.primary_source.empty() && v.primary_source != v.outlet) s += ", via " + v.primary_source;
  return s;
}

// The primary source every row shares (and no row is its own), else "".
std::string CommonSource(const std::vector<const ClaimVersion*>& rows) {
  std::string common = rows.empty() ? "" : rows[0]->primary_source;
  for (const ClaimVersion* v : rows)
    if (v->primary_source != common || v->primary_source == v->outlet) return "";
  return common;
}

std::string NoteText(const ClaimVersion& v, bool with_source) {
  std::string s = v.quantity_text.empty() ? ValueText(*v.value) : v.quantity_text;
  if (!v.modality.empty() && v.modality != "asserted") s += " \u00b7 " + v.modality;
  if (with_source && !v.primary_source.empty() && v.primary_source != v.outlet)
    s += " \u00b7 via " + v.primary_source;
  return s;
}

void DrawRow(Canvas& c, const StoryBrief& brief, const ClaimVersion& v, const svg::Scale& s,
             const Columns& cols, double y, bool with_source, const PictureOptions& options) {
  c.Text(cols.label_x, y + 4, svg::FitText(figures::OutletOf(v), 12, cols.label_w), {{"class", "cc-label"}});
  std::string cls = "cc-mark figure " + BoundOf(*v.value);
  if (!v.modality.empty()) cls += " " + v.modality;
  c.OpenMark(&v.cite, cls, svg::MarkTitle(brief, VersionSummary(v), v.cite, options.max_title_chars));
  // A transparent hit area so the whole row, not just the thin shapes, takes the pointer.
  c.Empty("rect", {{"x", s.x0 - 6}, {"y", y - kRow / 2}, {"width", s.x1 - s.x0 + 16},
                   {"height", kRow}, {"fill", "#fff"}, {"fill-opacity", 0.0}});
  double x = DrawFigure(c, *v.value, s, y, v);
  if (v.modality == "denied" || v.modality == "negated" || v.modality == "questioned") Strike(c, x, y);
  c.CloseMark(&v.cite);
  c.Text(cols.note_x, y + 4, svg::FitText(NoteText(v, with_source), 11, cols.note_w),
         {{"font-size", 11}, {"fill", svg::kMuted}});
}

void DrawChallenge(Canvas& c, const StoryBrief& brief, const reconcile::Challenge& ch,
                   const Columns& cols, double y, int width, const PictureOptions& options) {
  std::string who = ch.speaker.empty() ? "(unnamed)" : ch.speaker;
  std::string verb = ch.modality == "questioned" ? "questions" : "denies";
  c.Text(cols.label_x, y + 4, svg::FitText(who, 12, cols.label_w), {{"class", "cc-label"}});
  c.OpenMark(&ch.cite, "cc-mark challenge " + (ch.modality.empty() ? "denied" : ch.modality),
             svg::MarkTitle(brief, who + " " + verb + " it", ch.cite, options.max_title_chars));
  Strike(c, cols.x0 + 6, y);
  c.Text(cols.x0 + 20, y + 4,
         svg::FitText(verb + ": \u201c" + ch.text + "\u201d", 11, width - 8 - cols.x0 - 20),
         {{"font-size", 11}, {"fill", svg::kDenyColor}});
  c.CloseMark(&ch.cite);
}

// Draws one fact at `top`; returns its height. Appends its text alternative to *desc.
double DrawClaim(Canvas& c, const StoryBrief& brief, const BriefClaim& claim, double top,
                 int width, const PictureOptions& options, std::string* desc) {
  Columns cols = ColumnsFor(width);
  auto rows = RowsOf(claim, options.max_rows_per_claim);
  std::vector<double> ticks;
  svg::Scale s = AxisFor(claim, rows, cols, &ticks);

  std::string head = claim.summary.empty() ? claim.event : claim.summary;
  std::string status = claim.status + (claim.dispute.empty() ? "" : ": " + claim.dispute);
  std::string common = CommonSource(rows);
  std::string head_fit = svg::FitText(head, 13 * 1.08, width * 0.6);  // bold is ~8% wider
  double head_w = svg::TextWidth(head_fit, 13 * 1.08);
  c.Open("g", {{"class", "cc-fact " + claim.status}});
  c.Text(8, top + 15, head_fit, {{"font-size", 13}, {"font-weight", "bold"}});
  double status_x = 8 + head_w + 10;
  std::string status_fit = svg::FitText(status, 12, width - 8 - status_x);
  bool alarm = claim.status == "disputed" || claim.status == "denied";
  c.Text(status_x, top + 15, status_fit, {{"fill", alarm ? svg::kDenyColor : svg::kMuted}});
  if (!common.empty()) {
    double via_x = status_x + svg::TextWidth(status_fit, 12) + 4;
    std::string via = svg::FitText("\u00b7 all via " + common, 12, width - 8 - via_x);
    if (via_x + 40 < width) c.Text(via_x, top + 15, via, {{"fill", svg::kMuted}});
  }

  double rows_top = top + kHeader, rows_bottom = rows_top + rows.size() * kRow;
  DrawGrid(c, s, ticks, rows_top, rows_bottom);
  DrawBand(c, claim, s, rows_top, rows_bottom);
  *desc += head + " (" + status + (common.empty() ? "" : ", all via " + common) + "). ";
  for (size_t i = 0; i < rows.size(); ++i) {
    DrawRow(c, brief, *rows[i], s, cols, rows_top + i * kRow + kRow / 2, common.empty(), options);
    *desc += VersionSummary(*rows[i]) + ". ";
  }
  double axis_y = rows_bottom + 4;
  DrawAxis(c, s, ticks, axis_y);
  if (claim.estimate.low || claim.estimate.best || claim.estimate.high) {
    c.Text(cols.note_x, axis_y + 15, svg::FitText(EstimateText(claim.estimate), 11, cols.note_w),
           {{"font-size", 11}, {"fill", svg::kBestColor}});
    *desc += "Estimate: " + EstimateText(claim.estimate).substr(9) + ". ";
  }
  size_t valued = 0;
  for (const auto& v : claim.versions) valued += HasValue(v);
  double y = axis_y + kAxis;
  if (valued > rows.size()) {
    c.Text(cols.label_x, y + 2, "+" + std::to_string(valued - rows.size()) +
                                    " more versions with the same figures (see the table)",
           {{"font-size", 11}, {"fill", svg::kMuted}});
    y += 16;
  }
  for (const auto& ch : claim.challenges) {
    DrawChallenge(c, brief, ch, cols, y + kChallengeRow / 2 - 2, width, options);
    *desc += (ch.speaker.empty() ? "Someone" : ch.speaker) +
             (ch.modality == "questioned" ? " questions it: " : " denies it: ") + ch.text + " ";
    y += kChallengeRow;
  }
  c.Close("g");
  return y - top + kGap;
}

void DrawLegend(Canvas& c, double y) {
  Look solid{std::string(svg::kMarkColor), std::string(svg::kMarkColor)};
  Look hollow{"#fff", std::string(svg::kMarkColor)};
  c.Open("g", {{"class", "cc-legend"}, {"font-size", 10}, {"fill", svg::kMuted}});
  double x = 12;
  auto label = [&](std::string_view text) {
    c.Text(x, y + 4, text);
    x += svg::TextWidth(text, 10) + 16;
  };
  Dot(c, x, y, 4, solid), x += 8, label("stated");
  Dot(c, x, y, 4, hollow), x += 8, label("hedged");
  Bar(c, x - 4, x + 16, y, solid), Arrow(c, x + 16, y, 1, solid), x += 28, label("at least");
  c.Line(x - 4, y, x + 10, y, svg::kMarkColor, 1.5), Dot(c, x + 3, y, 3, solid), x += 16;
  label("about");
  Strike(c, x, y), x += 10, label("denied");
  c.Empty("rect", {{"x", x - 4}, {"y", y - 6}, {"width", 22.0}, {"height", 12.0},
                   {"fill", svg::kBandColor}});
  c.Line(x + 4, y - 6, x + 4, y + 6, svg::kBestColor, 2.5), x += 24;
  label("estimate: low\u2013high, best");
  c.Close("g");
}

}  // namespace

std::string FiguresSvg(const StoryBrief& brief, const PictureOptions& options) {
  std::vector<const BriefClaim*> claims;
  for (const auto& claim : brief.claims)
    if (std::any_of(claim.versions.begin(), claim.versions.end(), HasValue)) claims.push_back(&claim);
  if (claims.empty()) return "";
  auto rank = [](const BriefClaim* c) { return c->status == "disputed" ? 0 : c->status == "denied" ? 1 : 2; };
  std::stable_sort(claims.begin(), claims.end(),
                   [&](const BriefClaim* a, const BriefClaim* b) { return rank(a) < rank(b); });
  size_t hidden = claims.size() > options.max_claims ? claims.size() - options.max_claims : 0;
  claims.resize(claims.size() - hidden);

  Canvas c;
  std::string desc;
  double y = 6;
  for (const BriefClaim* claim : claims) y += DrawClaim(c, brief, *claim, y, options.width, options, &desc);
  if (hidden > 0) {
    c.Text(8, y + 4, "+" + std::to_string(hidden) + " more facts with figures (see the table)",
           {{"font-size", 11}, {"fill", svg::kMuted}});
    y += 20;
  }
  DrawLegend(c, y + 2);
  y += 16;
  return c.Finish(options.width, y, "cc-figures", "Figures by source", desc);
}

}  // namespace crosscheck::report
