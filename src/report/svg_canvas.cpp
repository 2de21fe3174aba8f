#include "report/svg_canvas.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/utf8.h"
#include "report/pictures.h"

namespace crosscheck::report {

std::string CiteAnchor(const reconcile::Cite& cite) {
  std::string id = "s-";
  for (char c : cite.document) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '-';
    id += keep ? c : '_';
  }
  id += '-';
  id += std::to_string(cite.sentence);
  return id;
}

namespace svg {
namespace {

bool AllowedInXml(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

// Advance widths of DejaVu Sans in 1/1000 em for ASCII 32..126.
constexpr uint16_t kAsciiWidth[95] = {
    318, 400, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,  // ' '../
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,  // 0..?
    1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, // @..O
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,  // P.._
    500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,  // `..o
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838};      // p..~

double CharWidth(char32_t cp) {
  if (cp >= 32 && cp <= 126) return kAsciiWidth[cp - 32] / 1000.0;
  if (cp == 0x2026) return 1.0;                       // …
  if (cp >= 0x2E80) return 1.0;                       // CJK and wide symbols
  return 0.68;                                        // accented Latin, Cyrillic, Greek, ...
}

}  // namespace

// Printable ASCII that needs no escaping: copied in runs.
constexpr bool PlainByte(unsigned char c) {
  return c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
}

void AppendEscaped(std::string_view text, std::string* out) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t run = pos;
    while (run < text.size() && PlainByte(static_cast<unsigned char>(text[run]))) ++run;
    if (run > pos) {
      out->append(text.data() + pos, run - pos);
      pos = run;
      if (pos == text.size()) break;
    }
    unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      ++pos;
      switch (c) {
        case '&': *out += "&amp;"; break;
        case '<': *out += "&lt;"; break;
        case '>': *out += "&gt;"; break;
        case '"': *out += "&quot;"; break;
        case '\'': *out += "&#39;"; break;
        default:
          if (AllowedInXml(c)) *out += static_cast<char>(c);
      }
      continue;
    }
    char32_t cp = utf8::Next(text, &pos);
    if (AllowedInXml(cp)) utf8::Append(cp, out);
  }
}

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  AppendEscaped(text, &out);
  return out;
}

std::string Num(double v, int decimals) {
  if (!std::isfinite(v)) return "0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  std::string s(buf, res.ptr);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string FormatValue(double v) {
  double a = std::fabs(v);
  if (a >= 1e9) return Num(v / 1e9, 1) + " billion";
  if (a >= 1e6) return Num(v / 1e6, 1) + " million";
  if (a != std::floor(a)) return Num(v, a < 10 ? 2 : 1);
  std::string digits = Num(a, 0), out = v < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits.size() > 4) out += ',';
    out += digits[i];
  }
  return out;
}

double TextWidth(std::string_view text, double font_size) {
  double em = 0;
  size_t pos = 0;
  while (pos < text.size()) em += CharWidth(utf8::Next(text, &pos));
  return em * font_size * 1.04;  // a little slack for hinting and other fonts
}

std::string FitText(std::string_view text, double font_size, double max_width) {
  if (TextWidth(text, font_size) <= max_width) return std::string(text);
  double budget = max_width - CharWidth(0x2026) * font_size * 1.04, used = 0;
  size_t pos = 0, cut = 0;
  while (pos < text.size()) {
    size_t next = pos;
    used += CharWidth(utf8::Next(text, &next)) * font_size * 1.04;
    if (used > budget) break;
    pos = cut = next;
  }
  std::string out(text.substr(0, cut));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\u2026";
}

std::string Truncate(std::string_view text, size_t max_chars) {
  size_t pos = 0, count = 0;
  while (pos < text.size() && count < max_chars) {
    utf8::Next(text, &pos);
    ++count;
  }
  if (pos >= text.size()) return std::string(text);
  return std::string(text.substr(0, pos)) + "\u2026";
}

std::string_view CitedSentence(const reconcile::StoryBrief& brief, const reconcile::Cite& cite) {
  for (const auto& doc : brief.documents) {
    if (doc.id != cite.document) continue;
    if (cite.sentence < doc.sentences.size()) return doc.sentences[cite.sentence];
    return {};
  }
  return {};
}

std::string MarkTitle(const reconcile::StoryBrief& brief, std::string_view what,
                      const reconcile::Cite& cite, size_t max_chars) {
  std::string title(what);
  std::string_view sentence = CitedSentence(brief, cite);
  if (!sentence.empty()) title += "\n\u201c" + Truncate(sentence, max_chars) + "\u201d";
  title += " [" + cite.document + ":" + std::to_string(cite.sentence) + "]";
  return title;
}

void Canvas::AppendAttrs(const Attrs& attrs) {
  for (const Attr& a : attrs) {
    body_ += ' ';
    body_ += a.name;
    body_ += "=\"";
    AppendEscaped(a.value, &body_);
    body_ += '"';
  }
}

void Canvas::Open(std::string_view tag, const Attrs& attrs) {
  body_ += '<';
  body_ += tag;
  AppendAttrs(attrs);
  body_ += '>';
}

void Canvas::Close(std::string_view tag) {
  body_ += "</";
  body_ += tag;
  body_ += ">\n";
}

void Canvas::Empty(std::string_view tag, const Attrs& attrs) {
  body_ += '<';
  body_ += tag;
  AppendAttrs(attrs);
  body_ += "/>\n";
}

void Canvas::Element(std::string_view tag, const Attrs& attrs, std::string_view text) {
  Open(tag, attrs);
  AppendEscaped(text, &body_);
  Close(tag);
}

void Canvas::Text(double x, double y, std::string_view text, Attrs attrs) {
  attrs.insert(attrs.begin(), {Attr("x", x), Attr("y", y)});
  Element("text", attrs, text);
}

void Canvas::Line(double x1, double y1, double x2, double y2, std::string_view stroke,
                  double width, Attrs extra) {
  Attrs attrs = {{"x1", x1}, {"y1", y1}, {"x2", x2}, {"y2", y2}, {"stroke", stroke},
                 {"stroke-width", width}};
  attrs.insert(attrs.end(), extra.begin(), extra.end());
  Empty("line", attrs);
}

void Canvas::OpenMark(const reconcile::Cite* cite, std::string_view css_class,
                      std::string_view title) {
  if (cite == nullptr) {
    Open("g", {{"class", css_class}});
  } else {
    Open("a", {{"href", "#" + CiteAnchor(*cite)}, {"tabindex", "0"}});
    Open("g", {{"class", css_class},
               {"data-cite", cite->document + ":" + std::to_string(cite->sentence)}});
  }
  Title(title);
}

void Canvas::CloseMark(const reconcile::Cite* cite) {
  Close("g");
  if (cite != nullptr) Close("a");
}

std::string Canvas::Finish(int width, double height, std::string_view css_class,
                           std::string_view title, std::string_view desc) const {
  std::string h = Num(std::ceil(height), 0), w = std::to_string(width), out;
  out.reserve(body_.size() + 1024);
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"cc-pic ";
  AppendEscaped(css_class, &out);
  out += "\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " + h +
         "\" style=\"max-width:100%;height:auto\" font-family=\"" + std::string(kFont) +
         "\" font-size=\"12\">\n<title>";
  AppendEscaped(title, &out);
  out += "</title>\n<desc>";
  AppendEscaped(desc, &out);
  out += "</desc>\n";
  // Focus ring for keyboard users; scoped to the pictures, harmless if dropped.
  out += "<style>.cc-pic a:focus{outline:none}.cc-pic a:focus>g,.cc-pic a:hover>g"
         "{filter:drop-shadow(0 0 2px #f39c12)}</style>\n";
  out += body_;
  out += "</svg>\n";
  return out;
}

double Scale::operator()(double v) const {
  double t;
  if (log) {
    if (v <= lo) return x0;
    t = (std::log10(v) - std::log10(lo)) / (std::log10(hi) - std::log10(lo));
  } else {
    t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  }
  return x0 + std::clamp(t, 0.0, 1.0) * (x1 - x0);
}

std::vector<double> NiceTicks(double* lo, double* hi, int target) {
  if (!(*hi > *lo)) *hi = *lo + 1;
  double raw = (*hi - *lo) / std::max(1, target);
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * mag;
    if (step >= raw) break;
  }
  double first = std::floor(*lo / step + 1e-9), last = std::ceil(*hi / step - 1e-9);
  *lo = first * step;
  *hi = last * step;
  std::vector<double> ticks;
  for (double i = first; i <= last + 1e-9; i += 1) {
    double t = i * step;
    ticks.push_back(std::fabs(t) < step * 1e-9 ? 0.0 : t);
  }
  return ticks;
}

std::vector<double> LogTicks(double* lo, double* hi) {
  double d0 = std::floor(std::log10(*lo) + 1e-9), d1 = std::ceil(std::log10(*hi) - 1e-9);
  if (d1 <= d0) d1 = d0 + 1;
  *lo = std::pow(10.0, d0);
  *hi = std::pow(10.0, d1);
  std::vector<double> ticks;
  bool minor = d1 - d0 <= 2;
  for (double d = d0; d <= d1; d += 1) {
    double p = std::pow(10.0, d);
    ticks.push_back(p);
    if (minor && d < d1) {
      ticks.push_back(2 * p);
      ticks.push_back(5 * p);
    }
  }
  return ticks;
}

}  // namespace svg
}  // namespace crosscheck::report
