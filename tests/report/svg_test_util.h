// A strict little XML reader for the picture tests: checks well-formedness
// (one root, matched tags, quoted and unique attributes, only the five named
// entities and character references, no '<' or raw '&' in values, no control
// characters) and returns the element tree, so tests can ask about marks,
// titles and label boxes.
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "report/pictures.h"
#include "report/svg_canvas.h"

namespace crosscheck::report::testing {

struct XmlElement {
  std::string tag;
  std::map<std::string, std::string> attrs;  // decoded values
  std::vector<XmlElement> children;
  std::string text;                          // decoded character data directly inside
  const std::string* Attr(const std::string& name) const {
    auto it = attrs.find(name);
    return it == attrs.end() ? nullptr : &it->second;
  }
  bool HasClass(std::string_view cls) const {
    const std::string* c = Attr("class");
    if (c == nullptr) return false;
    size_t pos = 0;
    while (pos <= c->size()) {
      size_t end = c->find(' ', pos);
      if (end == std::string::npos) end = c->size();
      if (std::string_view(*c).substr(pos, end - pos) == cls) return true;
      pos = end + 1;
    }
    return false;
  }
  const XmlElement* Child(std::string_view t) const {
    for (const auto& c : children)
      if (c.tag == t) return &c;
    return nullptr;
  }
};

class XmlReader {
 public:
  explicit XmlReader(std::string_view s) : s_(s) {}

  // True and *root filled if `s` is one well-formed element (whitespace around it allowed).
  bool Parse(XmlElement* root) {
    *root = XmlElement{};
    SkipSpace();
    if (!Element(root)) return false;
    SkipSpace();
    if (pos_ != s_.size()) return Fail("content after the root element");
    return true;
  }
  const std::string& error() const { return error_; }

 private:
  bool Fail(const std::string& what) {
    if (error_.empty()) error_ = what + " at byte " + std::to_string(pos_);
    return false;
  }
  void SkipSpace() {
    while (pos_ < s_.size() && std::string_view(" \t\r\n").find(s_[pos_]) != std::string_view::npos) ++pos_;
  }
  static bool NameChar(char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
           (!first && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
  }
  bool Name(std::string* out) {
    size_t start = pos_;
    while (pos_ < s_.size() && NameChar(s_[pos_], pos_ == start)) ++pos_;
    if (pos_ == start) return Fail("expected a name");
    *out = std::string(s_.substr(start, pos_ - start));
    return true;
  }
  // Character data up to `stop`; decodes references, rejects what XML forbids.
  bool CharData(char stop, std::string* out) {
    while (pos_ < s_.size() && s_[pos_] != stop) {
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '<') return Fail("'<' in character data or attribute");
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return Fail("control character");
      if (c == '&') {
        size_t semi = s_.find(';', pos_);
        if (semi == std::string_view::npos || semi - pos_ > 10) return Fail("bare '&'");
        std::string_view ref = s_.substr(pos_ + 1, semi - pos_ - 1);
        static const std::map<std::string_view, char> kNamed = {
            {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
        if (auto it = kNamed.find(ref); it != kNamed.end()) {
          *out += it->second;
        } else if (ref.size() > 1 && ref[0] == '#') {
          bool hex = ref[1] == 'x';
          uint32_t cp = 0;
          std::string_view digits = ref.substr(hex ? 2 : 1);
          if (digits.empty()) return Fail("empty character reference");
          for (char d : digits) {
            int v = (d >= '0' && d <= '9') ? d - '0'
                    : hex && (d | 32) >= 'a' && (d | 32) <= 'f' ? (d | 32) - 'a' + 10 : -1;
            if (v < 0) return Fail("bad character reference");
            cp = cp * (hex ? 16 : 10) + v;
          }
          if (cp < 0x20 && cp != 9 && cp != 10 && cp != 13) return Fail("reference to a control character");
          if (cp < 0x80) *out += static_cast<char>(cp); else *out += '?';
        } else {
          return Fail("unknown entity &" + std::string(ref) + ";");
        }
        pos_ = semi + 1;
        continue;
      }
      *out += static_cast<char>(c);
      ++pos_;
    }
    return true;
  }
  bool Element(XmlElement* e) {
    if (pos_ >= s_.size() || s_[pos_] != '<') return Fail("expected '<'");
    ++pos_;
    if (!Name(&e->tag)) return false;
    while (true) {
      size_t before = pos_;
      SkipSpace();
      if (pos_ >= s_.size()) return Fail("unterminated tag");
      if (s_.substr(pos_, 2) == "/>") { pos_ += 2; return true; }
      if (s_[pos_] == '>') { ++pos_; break; }
      if (pos_ == before) return Fail("expected space between attributes");
      std::string name, value;
      if (!Name(&name)) return false;
      if (pos_ >= s_.size() || s_[pos_] != '=') return Fail("expected '='");
      ++pos_;
      if (pos_ >= s_.size() || (s_[pos_] != '"' && s_[pos_] != '\'')) return Fail("unquoted attribute");
      char quote = s_[pos_++];
      if (!CharData(quote, &value)) return false;
      if (pos_ >= s_.size()) return Fail("unterminated attribute");
      ++pos_;
      if (!e->attrs.emplace(name, value).second) return Fail("duplicate attribute " + name);
    }
    while (true) {
      if (!CharData('<', &e->text)) return false;
      if (pos_ >= s_.size()) return Fail("unclosed <" + e->tag + ">");
      if (s_.substr(pos_, 4) == "<!--") {
        size_t end = s_.find("-->", pos_);
        if (end == std::string_view::npos) return Fail("unterminated comment");
        pos_ = end + 3;
        continue;
      }
      if (s_.substr(pos_, 2) == "</") {
        pos_ += 2;
        std::string name;
        if (!Name(&name)) return false;
        if (name != e->tag) return Fail("</" + name + "> closes <" + e->tag + ">");
        SkipSpace();
        if (pos_ >= s_.size() || s_[pos_] != '>') return Fail("expected '>'");
        ++pos_;
        return true;
      }
      e->children.emplace_back();
      if (!Element(&e->children.back())) return false;
    }
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::string error_;
};

inline void Visit(const XmlElement& e, const std::function<void(const XmlElement&)>& f) {
  f(e);
  for (const auto& c : e.children) Visit(c, f);
}

inline std::vector<const XmlElement*> FindAll(const XmlElement& root,
                                              const std::function<bool(const XmlElement&)>& pred) {
  std::vector<const XmlElement*> out;
  Visit(root, [&](const XmlElement& e) {
    if (pred(e)) out.push_back(&e);
  });
  return out;
}

// Every descendant with class `cls`, with its parent (marks sit in <a>).
inline void MarksWithParents(const XmlElement& e, std::string_view cls,
                             std::vector<std::pair<const XmlElement*, const XmlElement*>>* out,
                             const XmlElement* parent = nullptr) {
  if (e.HasClass(cls)) out->emplace_back(&e, parent);
  for (const auto& c : e.children) MarksWithParents(c, cls, out, &e);
}

struct Box {
  double x0, y0, x1, y1;
  std::string text;
};

inline double AttrNum(const XmlElement& e, const std::string& name, double fallback) {
  const std::string* v = e.Attr(name);
  return v ? std::stod(*v) : fallback;
}

// Boxes of every <text> (font size from the element or its nearest <g>, 12 by default).
inline std::vector<Box> TextBoxes(const XmlElement& root) {
  std::vector<Box> boxes;
  std::function<void(const XmlElement&, double)> walk = [&](const XmlElement& e, double size) {
    size = AttrNum(e, "font-size", size);
    if (e.tag == "text") {
      double x = AttrNum(e, "x", 0), y = AttrNum(e, "y", 0);
      double w = svg::TextWidth(e.text, size);
      const std::string* anchor = e.Attr("text-anchor");
      if (anchor && *anchor == "middle") x -= w / 2;
      if (anchor && *anchor == "end") x -= w;
      boxes.push_back({x, y - 0.75 * size, x + w, y + 0.2 * size, e.text});
    }
    for (const auto& c : e.children) walk(c, size);
  };
  walk(root, 12);
  return boxes;
}

// Pairs of text boxes overlapping by more than `tolerance` px in both directions.
inline std::vector<std::string> Overlaps(const std::vector<Box>& boxes, double tolerance = 1.0) {
  std::vector<std::string> out;
  for (size_t i = 0; i < boxes.size(); ++i)
    for (size_t j = i + 1; j < boxes.size(); ++j) {
      const Box &a = boxes[i], &b = boxes[j];
      double dx = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
      double dy = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
      if (dx > tolerance && dy > tolerance) out.push_back("'" + a.text + "' / '" + b.text + "'");
    }
  return out;
}

inline XmlElement ParseOrFail(const std::string& svg) {
  XmlElement root;
  XmlReader reader(svg);
  EXPECT_TRUE(reader.Parse(&root)) << reader.error() << "\n" << svg;
  return root;
}

// Every mark has a <title> first, a DOCID:SENTENCE citation and sits in a
// focusable link to that sentence's anchor.
inline void ExpectMarksCited(const XmlElement& root, size_t min_marks) {
  std::vector<std::pair<const XmlElement*, const XmlElement*>> marks;
  MarksWithParents(root, "cc-mark", &marks);
  EXPECT_GE(marks.size(), min_marks);
  for (auto [mark, parent] : marks) {
    ASSERT_FALSE(mark->children.empty());
    EXPECT_EQ(mark->children[0].tag, "title");
    EXPECT_FALSE(mark->children[0].text.empty());
    const std::string* cite = mark->Attr("data-cite");
    ASSERT_NE(cite, nullptr);
    size_t colon = cite->rfind(':');
    ASSERT_NE(colon, std::string::npos);
    reconcile::Cite c{cite->substr(0, colon), static_cast<uint32_t>(std::stoul(cite->substr(colon + 1)))};
    ASSERT_NE(parent, nullptr);
    EXPECT_EQ(parent->tag, "a");
    EXPECT_EQ(*parent->Attr("href"), "#" + CiteAnchor(c));
    EXPECT_EQ(*parent->Attr("tabindex"), "0");
  }
}

inline std::string AllText(const XmlElement& root) {
  std::string s;
  Visit(root, [&](const XmlElement& e) { s += e.text + "\n"; });
  return s;
}

// Every element of class `cls` starts with a non-empty <title>.
inline void ExpectTitled(const XmlElement& root, std::string_view cls) {
  for (const XmlElement* e : FindAll(root, [&](const XmlElement& x) { return x.HasClass(cls); })) {
    ASSERT_FALSE(e->children.empty()) << cls;
    EXPECT_EQ(e->children[0].tag, "title") << cls;
    EXPECT_FALSE(e->children[0].text.empty()) << cls;
  }
}

}  // namespace crosscheck::report::testing
