// report/svg_canvas.h: what the three pictures share — an SVG element writer
// that escapes everything, deterministic number formatting, a text-width
// estimate for laying out labels without a font engine, linear and log axes
// with nice ticks, and the cited-mark wrapper. Private to src/report/.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "reconcile/brief.h"

namespace crosscheck::report::svg {

// Shared look: one palette for the three pictures (colour-blind safe pairs).
inline constexpr std::string_view kFont = "DejaVu Sans, Verdana, system-ui, sans-serif";
inline constexpr std::string_view kInk = "#222";
inline constexpr std::string_view kMuted = "#666";
inline constexpr std::string_view kGrid = "#ddd";
inline constexpr std::string_view kMarkColor = "#1f5fa8";   // asserted figures, edges
inline constexpr std::string_view kDenyColor = "#c0392b";   // denials, strikes
inline constexpr std::string_view kBandColor = "#f6d7a7";   // estimate band
inline constexpr std::string_view kBestColor = "#b3650b";   // estimate best tick

// XML-escapes `text` (& < > " '), repairs invalid UTF-8 and drops characters
// XML 1.0 forbids, so any brief string yields well-formed output.
void AppendEscaped(std::string_view text, std::string* out);
std::string Escape(std::string_view text);

// Locale-free, at most `decimals` decimals, no trailing zeros: 3, 2.5, -0.1.
std::string Num(double v, int decimals = 1);
// A figure for people: 26, 1200, 12,000, 3.5, 1.2 million.
std::string FormatValue(double v);

// Estimated advance width in px of `text` set in kFont at `font_size`
// (per-character widths of DejaVu Sans, rounded up; non-Latin = 1 em).
double TextWidth(std::string_view text, double font_size);
// `text` cut (on a character boundary) with "…" so that it fits `max_width`.
std::string FitText(std::string_view text, double font_size, double max_width);
// At most `max_chars` characters, "…" appended when cut.
std::string Truncate(std::string_view text, size_t max_chars);

// The sentence a cite points to, "" if the brief does not hold it.
std::string_view CitedSentence(const reconcile::StoryBrief& brief, const reconcile::Cite& cite);
// "what — DOCID, sentence N: “…sentence…”": the <title> text of a cited mark.
std::string MarkTitle(const reconcile::StoryBrief& brief, std::string_view what,
                      const reconcile::Cite& cite, size_t max_chars);

// One attribute; numbers are formatted with Num.
struct Attr {
  Attr(std::string_view n, std::string_view v) : name(n), value(v) {}
  Attr(std::string_view n, const char* v) : name(n), value(v) {}
  Attr(std::string_view n, const std::string& v) : name(n), value(v) {}
  Attr(std::string_view n, double v) : name(n), value(Num(v)) {}
  Attr(std::string_view n, int v) : name(n), value(std::to_string(v)) {}
  std::string_view name;
  std::string value;  // unescaped
};
using Attrs = std::vector<Attr>;

// Builds the body of one <svg>; Finish wraps it once the height is known.
class Canvas {
 public:
  void Open(std::string_view tag, const Attrs& attrs);
  void Close(std::string_view tag);
  void Empty(std::string_view tag, const Attrs& attrs);     // <tag .../>
  void Element(std::string_view tag, const Attrs& attrs, std::string_view text);
  void Text(double x, double y, std::string_view text, Attrs attrs = {});
  void Title(std::string_view text) { Element("title", {}, text); }
  void Line(double x1, double y1, double x2, double y2, std::string_view stroke, double width,
            Attrs extra = {});

  // A mark: <a href="#s-…" tabindex="0"><g class="cc-mark …" data-cite="D:S"><title>…</title>.
  // Without a cite (nullptr) only <g class="…"><title>…</title> is opened. Close with CloseMark.
  void OpenMark(const reconcile::Cite* cite, std::string_view css_class, std::string_view title);
  void CloseMark(const reconcile::Cite* cite);

  // <svg role="img" class="cc-pic `css_class`" viewBox=…><title/><desc/>…</svg>.
  std::string Finish(int width, double height, std::string_view css_class,
                     std::string_view title, std::string_view desc) const;

 private:
  void AppendAttrs(const Attrs& attrs);
  std::string body_;
};

// Maps data values to px, linear or log10.
struct Scale {
  double lo = 0, hi = 1;      // domain; for log both > 0
  double x0 = 0, x1 = 1;      // range in px
  bool log = false;
  double operator()(double v) const;
};
// Ticks of a linear domain [lo, hi]: 1-2-5 steps, about `target` of them; the
// domain is widened to whole steps (*lo, *hi updated).
std::vector<double> NiceTicks(double* lo, double* hi, int target);
// Ticks of a log domain: powers of ten, plus 2 and 5 multiples when it spans
// at most two decades; the domain is widened to whole decades.
std::vector<double> LogTicks(double* lo, double* hi);

}  // namespace crosscheck::report::svg
