// The timeline strip: dated events and statements above a time axis, the
// documents' dates below it; labels staggered in rows so none overlap (a label
// that finds no free row is left out, its mark keeps its <title>). Rules in
// docs/pictures.md.
#include <algorithm>
#include <tuple>
#include <cmath>
#include <cstdint>

#include "report/pictures.h"
#include "report/svg_canvas.h"

namespace crosscheck::report {
namespace {

using reconcile::Cite;
using reconcile::StoryBrief;
using svg::Canvas;
using svg::Num;

constexpr int kMaxLabelRows = 5;
constexpr double kLabelRow = 16, kStack = 11, kLeft = 16;
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Date {
  int year = 0, month = 0, day = 0;  // month/day 0 when not given
};

// "YYYY", "YYYY-MM", "YYYY-MM-DD" (anything after the day ignored); year 0 on failure.
Date ParseDate(const std::string& s) {
  Date d;
  auto digits = [&](size_t at, size_t n) {
    if (s.size() < at + n) return -1;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = digits(0, 4);
  if (y <= 0) return d;
  d.year = y;
  if (s.size() >= 7 && s[4] == '-') {
    int m = digits(5, 2);
    if (m >= 1 && m <= 12) d.month = m;
  }
  if (d.month && s.size() >= 10 && s[7] == '-') {
    int day = digits(8, 2);
    if (day >= 1 && day <= 31) d.day = day;
  }
  return d;
}

struct Span {
  double start = 0, end = 0;  // days, [start, end)
};

Span SpanOf(const Date& d, const std::string& granularity) {
  std::string g = granularity;
  if (g.empty()) g = d.day ? "day" : d.month ? "month" : "year";
  if (g == "year" || !d.month) {
    return {double(DaysFromCivil(d.year, 1, 1)), double(DaysFromCivil(d.year + 1, 1, 1))};
  }
  if (g == "month" || !d.day) {
    int ny = d.month == 12 ? d.year + 1 : d.year, nm = d.month == 12 ? 1 : d.month + 1;
    return {double(DaysFromCivil(d.year, d.month, 1)), double(DaysFromCivil(ny, nm, 1))};
  }
  double start = double(DaysFromCivil(d.year, d.month, d.day));
  return {start, start + (g == "week" ? 7 : 1)};
}

std::string DateText(const Date& d) {
  std::string y = std::to_string(d.year);
  if (!d.month) return y;
  std::string m = kMonths[d.month - 1];
  return d.day ? m + " " + std::to_string(d.day) + ", " + y : m + " " + y;
}

// One mark on the strip, an event (above the axis) or a document (below).
struct Item {
  Span span;
  std::string label, title, css;
  std::optional<Cite> cite;
  bool document = false;
  std::string kind;  // event|statement|publication|document
  bool point = true; // dated to a day: a dot, else a bar over its week, month or year
  double x0 = 0, x1 = 0;
  int stack = 0;     // marks at one place stack up (events) or down (documents)
  int row = -1;      // label row, -1 = no label of its own
  bool shared = false;  // labelled together with the mark just before it
  double label_x = 0, label_w = 0;
  std::string fitted;
};

// The label of marks at one place (within 6 px): the first's, naming the
// others (documents) or counting them (events), fitted to `max_w`.
std::string ClusterLabel(const std::vector<Item*>& cluster, double max_w) {
  if (cluster.size() == 1) return svg::FitText(cluster[0]->label, 11, max_w);
  if (cluster[0]->document) {
    std::string names;
    for (const Item* it : cluster) names += (names.empty() ? "" : ", ") + it->label;
    return svg::FitText(names, 11, max_w);
  }
  std::string more = " +" + std::to_string(cluster.size() - 1) + " more";
  return svg::FitText(cluster[0]->label, 11, max_w - svg::TextWidth(more, 11)) + more;
}

// Rows for the labels, nearest the axis first. A label runs right from its
// mark (shifted left at the right edge); a leader line runs from the mark to
// it through the rows nearer the axis. So a label that spans another labelled
// mark must sit in a higher row than that mark's label. Placed right to left,
// each label takes the lowest row that keeps this and overlaps no label of
// its row, shrinking to 150 or 80 px if it must; a label with no room is left
// out (its mark keeps its <title>). Marks at one place share one label.
int PlaceLabels(std::vector<Item*>& items, int width) {
  std::sort(items.begin(), items.end(), [](const Item* a, const Item* b) {
    return std::make_tuple(a->x0 + a->x1, a->label) < std::make_tuple(b->x0 + b->x1, b->label);
  });
  std::vector<std::vector<Item*>> clusters;
  for (Item* it : items) {
    double x = (it->x0 + it->x1) / 2;
    if (!clusters.empty()) {
      const Item* last = clusters.back().back();
      if (x - (last->x0 + last->x1) / 2 < 6) {
        clusters.back().push_back(it);
        it->shared = true;
        continue;
      }
    }
    clusters.push_back({it});
  }
  std::vector<const Item*> placed;
  int used = 0;
  for (auto c = clusters.rbegin(); c != clusters.rend(); ++c) {
    Item* item = c->front();
    double mark_x = (item->x0 + item->x1) / 2;
    for (double max_w : {230.0, 150.0, 80.0}) {
      std::string text = ClusterLabel(*c, max_w);
      double w = svg::TextWidth(text, 11);
      double x = std::clamp(mark_x - 4, 4.0, width - 4 - w);
      int lowest = 0, highest = kMaxLabelRows - 1;
      for (const Item* p : placed) {
        double px = (p->x0 + p->x1) / 2;
        if (px >= x - 2 && px <= x + w + 2) lowest = std::max(lowest, p->row + 1);
        if (mark_x >= p->label_x - 2 && mark_x <= p->label_x + p->label_w + 2)
          highest = std::min(highest, p->row - 1);
      }
      for (int r = lowest; r <= highest && item->row < 0; ++r) {
        bool free = true;
        for (const Item* p : placed)
          free &= p->row != r || x + w + 6 <= p->label_x || p->label_x + p->label_w + 6 <= x;
        if (free) item->row = r, item->label_x = x, item->label_w = w, item->fitted = text;
      }
      if (item->row >= 0) break;
    }
    if (item->row >= 0) {
      placed.push_back(item);
      used = std::max(used, item->row + 1);
    } else {
      for (Item* it : *c) it->shared = false;  // none of them is labelled
    }
  }
  return used;
}

// Marks that would overlap are stacked; returns the number of levels.
int StackMarks(std::vector<Item*>& items) {
  std::sort(items.begin(), items.end(), [](const Item* a, const Item* b) {
    return std::tie(a->x0, a->label) < std::tie(b->x0, b->label);
  });
  std::vector<double> level_end;
  for (Item* it : items) {
    size_t l = 0;
    while (l < level_end.size() && level_end[l] > it->x0 - 4) ++l;
    if (l == level_end.size()) level_end.push_back(0);
    level_end[l] = std::max(it->x1, it->x0 + 10);
    it->stack = static_cast<int>(l);
  }
  return static_cast<int>(level_end.size());
}

struct Axis {
  double lo, hi, x0, x1;
  double X(double day) const { return x0 + (day - lo) / (hi - lo) * (x1 - x0); }
};

// Month ticks (every 1, 2, 3 or 6 months), year ticks beyond 4 years, weekly
// below 10 weeks.
void DrawAxis(Canvas& c, const Axis& ax, double y) {
  c.Open("g", {{"class", "cc-axis"}, {"font-size", 10}, {"fill", svg::kMuted}});
  c.Line(ax.x0, y, ax.x1, y, svg::kMuted, 1);
  double span = ax.hi - ax.lo;
  auto tick = [&](double day, const std::string& label, const std::string& second) {
    double x = ax.X(day);
    if (x < ax.x0 - 0.5 || x > ax.x1 + 0.5) return;
    c.Line(x, y, x, y + 5, svg::kMuted, 1);
    c.Text(x, y + 16, label, {{"text-anchor", "middle"}});
    if (!second.empty()) c.Text(x, y + 28, second, {{"text-anchor", "middle"}, {"font-weight", "bold"}});
  };
  int64_t first_day = static_cast<int64_t>(std::floor(ax.lo));
  // Civil date of the first day, by counting up from a year start (spans are short).
  int year = 1970 + static_cast<int>(first_day / 365.2425) - 1;
  while (DaysFromCivil(year + 1, 1, 1) <= first_day) ++year;
  if (span <= 70) {
    int64_t monday = first_day + ((4 - (first_day % 7) + 7) % 7);  // 1970-01-05 was a Monday
    bool first = true;
    for (int64_t d = monday; d <= ax.hi; d += 7) {
      int y0 = year;
      while (DaysFromCivil(y0 + 1, 1, 1) <= d) ++y0;
      int m = 1;
      while (m < 12 && DaysFromCivil(y0, m + 1, 1) <= d) ++m;
      int dd = static_cast<int>(d - DaysFromCivil(y0, m, 1)) + 1;
      tick(double(d), std::string(kMonths[m - 1]) + " " + std::to_string(dd),
           first ? std::to_string(y0) : "");
      first = false;
    }
  } else if (span <= 4 * 366) {
    int step = span <= 400 ? 1 : span <= 800 ? 2 : 3;
    bool first = true;
    for (int y0 = year; DaysFromCivil(y0, 1, 1) <= ax.hi; ++y0)
      for (int m = 1; m <= 12; m += step) {
        double d = double(DaysFromCivil(y0, m, 1));
        if (d < ax.lo || d > ax.hi) continue;
        tick(d, kMonths[m - 1], first || m == 1 ? std::to_string(y0) : "");
        first = false;
      }
  } else {
    int step = 1;
    while (span / 365.25 / step > 10) step = step == 1 ? 2 : step == 2 ? 5 : step * 2;
    for (int y0 = year; DaysFromCivil(y0, 1, 1) <= ax.hi; ++y0)
      if (y0 % step == 0) tick(double(DaysFromCivil(y0, 1, 1)), std::to_string(y0), "");
  }
  c.Close("g");
}

std::vector<Item> Collect(const StoryBrief& brief, const PictureOptions& options) {
  std::vector<Item> items;
  for (const auto& e : brief.timeline) {
    Date d = ParseDate(e.date);
    if (d.year == 0) continue;
    Item it;
    it.span = SpanOf(d, e.granularity);
    it.point = it.span.end - it.span.start <= 1;
    it.kind = e.kind.empty() ? "event" : e.kind;
    it.label = DateText(d) + " \u00b7 " + e.text;
    std::string what = e.date + " (" + it.kind + "): " + e.text;
    if (!e.cites.empty()) {
      it.cite = e.cites[0];
      for (size_t i = 1; i < e.cites.size(); ++i)
        what += (i == 1 ? "\nalso " : ", ") + e.cites[i].document + ":" + std::to_string(e.cites[i].sentence);
    }
    it.title = it.cite ? svg::MarkTitle(brief, what, *it.cite, options.max_title_chars) : what;
    it.css = std::string(it.cite ? "cc-mark " : "cc-event ") + "event " + it.kind;
    items.push_back(std::move(it));
  }
  for (const auto& doc : brief.documents) {
    Date d = ParseDate(doc.date);
    if (d.year == 0) continue;
    Item it;
    it.document = true;
    it.kind = "document";
    it.span = SpanOf(d, "");
    it.cite = Cite{doc.id, 0};
    std::string outlet = doc.source.empty() ? doc.id : doc.source;
    it.label = outlet;
    std::string what = "Document " + doc.id + " (" + outlet + "), " + doc.date;
    if (!doc.title.empty()) what += ": " + doc.title;
    it.title = svg::MarkTitle(brief, what, *it.cite, options.max_title_chars);
    it.css = "cc-mark document";
    items.push_back(std::move(it));
  }
  return items;
}

// `mark_y`: the lane's first level; `label_y`: the baseline of label row 0.
// Events stack and stagger upwards, documents downwards.
void DrawItem(Canvas& c, const Item& it, double mark_y, double label_y) {
  const Cite* cite = it.cite ? &*it.cite : nullptr;
  std::string_view color = it.kind == "statement" ? "#7b4fa0" : it.document ? "#555" : svg::kMarkColor;
  double dir = it.document ? 1 : -1;
  double y = mark_y + dir * it.stack * kStack, mx = (it.x0 + it.x1) / 2;
  if (it.row >= 0) {  // leader and label first, so the mark sits on top
    double ty = label_y + dir * it.row * kLabelRow;
    c.Line(mx, y + dir * 6, mx, it.document ? ty - 11 : ty + 3, svg::kGrid, 1);
    c.Text(it.label_x, ty, it.fitted, {{"font-size", 11}, {"class", "cc-label"}});
  }
  c.OpenMark(cite, it.css, it.title);
  if (it.document) {
    std::string pts = Num(mx) + "," + Num(y - 5) + " " + Num(mx + 5) + "," + Num(y + 4) + " " +
                      Num(mx - 5) + "," + Num(y + 4);
    c.Empty("polygon", {{"points", pts}, {"fill", color}});
  } else if (!it.point && it.x1 - it.x0 > 9) {
    c.Empty("rect", {{"x", it.x0}, {"y", y - 4}, {"width", it.x1 - it.x0}, {"height", 8.0},
                     {"rx", 4.0}, {"fill", color}, {"fill-opacity", 0.55}, {"stroke", color}});
  } else if (it.kind == "statement") {
    std::string pts = Num(mx) + "," + Num(y - 6) + " " + Num(mx + 6) + "," + Num(y) + " " +
                      Num(mx) + "," + Num(y + 6) + " " + Num(mx - 6) + "," + Num(y);
    c.Empty("polygon", {{"points", pts}, {"fill", color}});
  } else {
    c.Empty("circle", {{"cx", mx}, {"cy", y}, {"r", 5.0}, {"fill", color}});
  }
  c.CloseMark(cite);
}

struct Present {
  bool event = false, statement = false, bar = false, document = false;
};

void DrawLegend(Canvas& c, double y, const Present& present) {
  c.Open("g", {{"class", "cc-legend"}, {"font-size", 10}, {"fill", svg::kMuted}});
  double x = 20;
  auto label = [&](std::string_view text) {
    c.Text(x, y + 4, text);
    x += svg::TextWidth(text, 10) + 16;
  };
  if (present.event) {
    c.Empty("circle", {{"cx", x}, {"cy", y}, {"r", 4.0}, {"fill", svg::kMarkColor}});
    x += 8, label("event");
  }
  if (present.statement) {
    c.Empty("polygon", {{"points", Num(x) + "," + Num(y - 5) + " " + Num(x + 5) + "," + Num(y) + " " +
                                       Num(x) + "," + Num(y + 5) + " " + Num(x - 5) + "," + Num(y)},
                        {"fill", "#7b4fa0"}});
    x += 8, label("statement");
  }
  if (present.bar) {
    c.Empty("rect", {{"x", x - 4}, {"y", y - 4}, {"width", 20.0}, {"height", 8.0}, {"rx", 4.0},
                     {"fill", svg::kMarkColor}, {"fill-opacity", 0.55}});
    x += 22, label("dated to a week, month or year");
  }
  if (present.document) {
    c.Empty("polygon", {{"points", Num(x) + "," + Num(y - 5) + " " + Num(x + 5) + "," + Num(y + 4) +
                                       " " + Num(x - 5) + "," + Num(y + 4)},
                        {"fill", "#555"}});
    x += 8, label("document published");
  }
  c.Close("g");
}

}  // namespace

std::string TimelineSvg(const StoryBrief& brief, const PictureOptions& options) {
  std::vector<Item> items = Collect(brief, options);
  if (items.empty()) return "";
  double lo = 1e18, hi = -1e18;
  for (const auto& it : items) lo = std::min(lo, it.span.start), hi = std::max(hi, it.span.end);
  double pad = std::max(30.0 - (hi - lo), 0.0) / 2 + (hi - lo) * 0.03 + 2;
  Axis ax{lo - pad, hi + pad, kLeft, options.width - kLeft};
  std::vector<Item*> events, docs;
  for (auto& it : items) {
    it.x0 = ax.X(it.span.start), it.x1 = ax.X(it.span.end);
    if (it.x1 - it.x0 < 1) it.x0 = it.x1 = (it.x0 + it.x1) / 2;
    (it.document ? docs : events).push_back(&it);
  }
  int event_levels = std::max(StackMarks(events), 1), doc_levels = std::max(StackMarks(docs), 1);
  int event_rows = PlaceLabels(events, options.width), doc_rows = PlaceLabels(docs, options.width);

  // Top to bottom: event labels, event marks (stacking up), axis, document
  // marks (stacking down), document labels.
  double event_label_y = 14 + std::max(event_rows - 1, 0) * kLabelRow;
  double lane_y = event_label_y + (event_rows > 0 ? 16 : 0) + (event_levels - 1) * kStack + 4;
  double axis_y = lane_y + 14;
  double doc_y = axis_y + 42;
  double doc_label_y = doc_y + (doc_levels - 1) * kStack + 20;
  double legend_y = docs.empty() ? axis_y + 44 : doc_label_y + std::max(doc_rows - 1, 0) * kLabelRow + 20;
  double height = legend_y + 10;

  Canvas c;
  DrawAxis(c, ax, axis_y);
  for (const Item* it : events) DrawItem(c, *it, lane_y, event_label_y);
  for (const Item* it : docs) DrawItem(c, *it, doc_y, doc_label_y);
  Present present;
  for (const auto& it : items) {
    present.document |= it.document;
    present.bar |= !it.document && !it.point;
    present.statement |= !it.document && it.point && it.kind == "statement";
    present.event |= !it.document && it.point && it.kind != "statement";
  }
  DrawLegend(c, legend_y, present);

  std::string desc;
  size_t hidden = 0;
  for (const auto& it : items) {
    desc += it.title.substr(0, it.title.find('\n')) + ". ";
    hidden += it.row < 0 && !it.shared;
  }
  if (hidden > 0) desc += std::to_string(hidden) + " labels left out for room; every mark has its title.";
  return c.Finish(options.width, height, "cc-timeline", "Timeline", desc);
}

}  // namespace crosscheck::report
