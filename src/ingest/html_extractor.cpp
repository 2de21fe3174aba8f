#include "ingest/html_extractor.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "ingest/html_dom.h"
#include "ingest/text_util.h"

namespace crosscheck::ingest {
namespace {

constexpr size_t kMinScoredBlock = 25;  // shorter blocks (bylines, buttons) do not vote
constexpr size_t kMinContent = 200;     // less than this from the strict pass: try the lenient one

// Elements that never hold readable text.
bool IsNeverTextTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP: case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST:
      return true;
    default:
      return false;
  }
}

// Elements that hold page furniture rather than the article.
bool IsSkippedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_NAV: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP: case GUMBO_TAG_FIGURE: case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MENU: case GUMBO_TAG_OPTION: case GUMBO_TAG_DATALIST:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_UL: case GUMBO_TAG_LEGEND:
      return true;
    default:
      return false;
  }
}

// Text-bearing tags whose score goes to the container around them.
bool IsParagraphTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_LI:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

bool ContainsAny(std::string_view hay, std::initializer_list<std::string_view> needles) {
  for (std::string_view n : needles) {
    if (hay.find(n) != std::string_view::npos) return true;
  }
  return false;
}

std::string ClassAndId(const GumboNode* n) {
  return Lower(Attr(n, "class")) + " " + Lower(Attr(n, "id"));
}

// Readability's "unlikely candidate" test: boilerplate by name, unless the name also says content.
bool IsUnlikely(const GumboNode* n) {
  const GumboTag t = n->v.element.tag;
  if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN) {
    return false;
  }
  const std::string names = ClassAndId(n);
  if (names.size() <= 1) return false;
  const bool unlikely = ContainsAny(
      names, {"-ad-", "banner", "breadcrumb", "combx", "comment", "community", "cookie", "consent",
              "disqus", "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies",
              "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
              "ad-break", "agegate", "pagination", "pager", "popup", "newsletter", "share", "navbar",
              "subscribe", "skip-link", "teaser", "recommend"});
  return unlikely && !ContainsAny(names, {"article", "body", "column", "content", "main", "shadow",
                                          "story", "entry"});
}

bool IsHidden(const GumboNode* n) {
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden") != nullptr) return true;
  if (Lower(Attr(n, "aria-hidden")) == "true") return true;
  std::string style = Lower(Attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return ContainsAny(style, {"display:none", "visibility:hidden"});
}

// Forms are usually search boxes and sign-ups, but some sites (ASP.NET) wrap
// the whole page in one; a form right under <body> is kept as a container.
bool IsSkipped(const GumboNode* n, bool lenient) {
  const GumboTag t = n->v.element.tag;
  if (lenient) return IsNeverTextTag(t) || IsHidden(n);
  if (IsSkippedTag(t)) return true;
  if (t == GUMBO_TAG_FORM) {
    return !(n->parent && IsElement(n->parent) && n->parent->v.element.tag == GUMBO_TAG_BODY);
  }
  return IsHidden(n) || IsUnlikely(n);
}

// Cuts the visible text into blocks at block-level elements and <br>.
class BlockCollector {
 public:
  // A lenient collector drops only what never holds text (for pages that put
  // the article inside <aside> or <header>, or name it like boilerplate).
  explicit BlockCollector(bool lenient) : lenient_(lenient) {}

  std::vector<HtmlBlock> Collect(const GumboNode* root) {
    owners_.push_back(root);
    Visit(root, 0, false, false);
    Flush();
    return std::move(blocks_);
  }

 private:
  void Visit(const GumboNode* n, int depth, bool in_link, bool in_pre) {
    if (depth > kMaxHtmlDepth) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      AddText(n->v.text.text, in_link, in_pre);
      return;
    }
    if (!IsElement(n) || IsSkipped(n, lenient_)) return;
    const GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_BR) {
      if (in_pre) AddText("\n", in_link, true); else Flush();
      return;
    }
    const bool block = IsBlockTag(t);
    if (block) { Flush(); owners_.push_back(n); }
    in_link = in_link || t == GUMBO_TAG_A;
    in_pre = in_pre || t == GUMBO_TAG_PRE;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      Visit(static_cast<const GumboNode*>(kids.data[i]), depth + 1, in_link, in_pre);
    }
    if (block) { Flush(); owners_.pop_back(); }
  }

  // Appends text, collapsing whitespace runs (outside <pre>) to one space.
  void AddText(std::string_view s, bool in_link, bool in_pre) {
    const size_t before = text_.size();
    for (const char c : s) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (space && !in_pre) { pending_space_ = !text_.empty(); continue; }
      if (pending_space_) {
        text_.push_back(' ');
        pending_space_ = false;
      }
      text_.push_back(c);
    }
    if (in_link) link_chars_ += text_.size() - before;
  }

  void Flush() {
    pending_space_ = false;
    if (!text_.empty()) blocks_.push_back({owners_.back(), std::move(text_), link_chars_});
    text_.clear();
    link_chars_ = 0;
  }

  bool lenient_;
  std::vector<const GumboNode*> owners_;
  std::vector<HtmlBlock> blocks_;
  std::string text_;
  size_t link_chars_ = 0;
  bool pending_space_ = false;
};

struct Stats {
  size_t text = 0;   // bytes of block text below the element
  size_t links = 0;  // of which inside links
  double score = 0;  // content score (candidates only)
  bool scored = false;
  double link_density() const { return text ? static_cast<double>(links) / text : 0; }
};

using StatsMap = std::unordered_map<const GumboNode*, Stats>;

double ClassWeight(const GumboNode* n) {
  const std::string names = ClassAndId(n);
  double w = 0;
  if (ContainsAny(names, {"article", "body", "content", "entry", "main", "post", "text", "story",
                          "blog"})) {
    w += 25;
  }
  if (ContainsAny(names, {"hidden", "banner", "combx", "comment", "com-", "contact", "foot",
                          "masthead", "media", "meta", "outbrain", "promo", "related", "scroll",
                          "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
                          "tags", "tool", "widget", "caption", "byline", "author"})) {
    w -= 25;
  }
  return w;
}

double InitialScore(const GumboNode* n) {
  double s = ClassWeight(n);
  switch (n->v.element.tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: return s + 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return s + 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return s - 3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: return s - 5;
    default: return s;
  }
}

void AddScore(const GumboNode* n, double score, StatsMap* stats) {
  Stats& st = (*stats)[n];
  if (!st.scored) {
    st.scored = true;
    st.score = InitialScore(n);
  }
  st.score += score;
}

// Sums text and link bytes into every ancestor; scores the containers of long blocks.
StatsMap ScoreBlocks(const std::vector<HtmlBlock>& blocks) {
  StatsMap stats;
  for (const HtmlBlock& b : blocks) {
    for (const GumboNode* n = b.owner; n && IsElement(n); n = n->parent) {
      Stats& st = stats[n];
      st.text += b.text.size();
      st.links += b.link_chars;
    }
    if (b.text.size() < kMinScoredBlock) continue;
    const double score = 1 + std::count(b.text.begin(), b.text.end(), ',') +
                         std::min<double>(b.text.size() / 100, 3);
    const GumboNode* n = IsParagraphTag(b.owner->v.element.tag) ? b.owner->parent : b.owner;
    for (int level = 0; level < 5 && n && IsElement(n); ++level, n = n->parent) {
      AddScore(n, score / (level == 0 ? 1 : level == 1 ? 2 : level * 3), &stats);
    }
  }
  return stats;
}

const GumboNode* BestCandidate(const StatsMap& stats, double* best_score) {
  const GumboNode* best = nullptr;
  *best_score = 0;
  for (const auto& [node, st] : stats) {
    if (!st.scored) continue;
    const double s = st.score * (1 - st.link_density());
    if (best == nullptr || s > *best_score) {
      best = node;
      *best_score = s;
    }
  }
  return best;
}

bool IsAncestor(const GumboNode* ancestor, const GumboNode* n) {
  for (; n; n = n->parent) {
    if (n == ancestor) return true;
  }
  return false;
}

// Articles split over several containers (paragraph groups between ads) give
// several near-equal candidates; as Readability does, when three or more of
// them share an ancestor with the best one, that ancestor is the content.
const GumboNode* PromoteToSharedAncestor(const GumboNode* top, double top_score,
                                         const StatsMap& stats) {
  std::vector<const GumboNode*> rivals;
  for (const auto& [node, st] : stats) {
    if (node != top && st.scored && st.score * (1 - st.link_density()) >= 0.75 * top_score) {
      rivals.push_back(node);
    }
  }
  if (rivals.size() < 3) return top;
  for (const GumboNode* a = top->parent; a && IsElement(a); a = a->parent) {
    if (a->v.element.tag == GUMBO_TAG_BODY || a->v.element.tag == GUMBO_TAG_HTML) break;
    int shared = 0;
    for (const GumboNode* r : rivals) shared += IsAncestor(a, r) ? 1 : 0;
    if (shared >= 3) return a;
  }
  return top;
}

// The best element plus siblings that score well or read like article paragraphs.
std::unordered_set<const GumboNode*> SelectContent(const GumboNode* top, double top_score,
                                                   const StatsMap& stats) {
  std::unordered_set<const GumboNode*> chosen = {top};
  const GumboNode* parent = top->parent;
  if (!parent || !IsElement(parent)) return chosen;
  const double threshold = std::max(10.0, top_score * 0.2);
  const GumboVector& kids = parent->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* sib = static_cast<const GumboNode*>(kids.data[i]);
    const auto it = stats.find(sib);
    if (sib == top || it == stats.end() || !IsElement(sib)) continue;
    const Stats& st = it->second;
    const double ld = st.link_density();
    const bool strong = st.scored && st.score * (1 - ld) + ClassWeight(sib) >= threshold;
    const bool para = sib->v.element.tag == GUMBO_TAG_P && st.text > 80 && ld < 0.25;
    if (strong || para) chosen.insert(sib);
  }
  return chosen;
}

// Whether a block under the content lies in a link-heavy list or box (related stories, tags).
bool InLinkCluster(const HtmlBlock& b, const std::unordered_set<const GumboNode*>& chosen,
                   const StatsMap& stats) {
  for (const GumboNode* n = b.owner; n && IsElement(n); n = n->parent) {
    const Stats& st = stats.at(n);
    if (st.link_density() > 0.5) return true;
    if (chosen.count(n)) return false;
  }
  return true;  // not under the content at all
}

size_t TextSize(const std::vector<HtmlBlock>& blocks) {
  size_t n = 0;
  for (const HtmlBlock& b : blocks) n += b.text.size();
  return n;
}

std::vector<HtmlBlock> ExtractBlocks(const GumboNode* root, bool lenient) {
  std::vector<HtmlBlock> blocks = BlockCollector(lenient).Collect(root);
  const StatsMap stats = ScoreBlocks(blocks);
  double top_score = 0;
  const GumboNode* top = BestCandidate(stats, &top_score);
  std::vector<HtmlBlock> out;
  if (top == nullptr) {
    // Nothing long enough to vote: keep whatever is not mostly links.
    for (HtmlBlock& b : blocks) {
      if (b.link_chars * 2 <= b.text.size()) out.push_back(std::move(b));
    }
    return out;
  }
  top = PromoteToSharedAncestor(top, top_score, stats);
  const auto chosen = SelectContent(top, top_score, stats);
  for (HtmlBlock& b : blocks) {
    if (!InLinkCluster(b, chosen, stats)) out.push_back(std::move(b));
  }
  return out;
}

}  // namespace

std::vector<HtmlBlock> ExtractMainBlocks(const GumboNode* root) {
  std::vector<HtmlBlock> strict = ExtractBlocks(root, /*lenient=*/false);
  if (TextSize(strict) >= kMinContent) return strict;
  std::vector<HtmlBlock> lenient = ExtractBlocks(root, /*lenient=*/true);
  return TextSize(lenient) > TextSize(strict) ? lenient : strict;
}

}  // namespace crosscheck::ingest
