#include "ingest/html_metadata.h"

#include <array>
#include <utility>
#include <vector>

#include "ingest/dates.h"
#include "ingest/html_dom.h"
#include "ingest/text_util.h"

namespace crosscheck::ingest {
namespace {

// <meta> names and properties that carry the publication date, best first.
constexpr std::array<std::string_view, 16> kDateMetas = {
    "article:published_time", "og:published_time", "datepublished", "article:published",
    "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created",
    "citation_publication_date", "date"};

// What the walk finds; the best of each kind is chosen at the end.
struct Found {
  std::string og_title, twitter_title, title_tag, h1;
  std::string site_name, app_name;
  std::string canonical, og_url;
  std::string language;
  std::string meta_date;
  size_t meta_date_rank = kDateMetas.size();
  std::string jsonld_date, time_date;
};

void CollectText(const GumboNode* n, int depth, std::string* out) {
  if (depth > kMaxHtmlDepth) return;
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
    out->append(n->v.text.text);
    return;
  }
  if (!IsElement(n)) return;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    CollectText(static_cast<const GumboNode*>(kids.data[i]), depth + 1, out);
  }
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (const char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// The string value that follows "datePublished" in a JSON-LD script.
std::string JsonLdDate(std::string_view script) {
  const size_t key = script.find("\"datePublished\"");
  if (key == std::string_view::npos) return "";
  const size_t open = script.find('"', script.find(':', key));
  if (open == std::string_view::npos) return "";
  const size_t close = script.find('"', open + 1);
  if (close == std::string_view::npos) return "";
  return NormalizeDate(script.substr(open + 1, close - open - 1));
}

void ReadMeta(const GumboNode* n, Found* f) {
  std::string key = Lower(Attr(n, "property"));
  if (key.empty()) key = Lower(Attr(n, "name"));
  if (key.empty()) key = Lower(Attr(n, "itemprop"));
  const std::string content(Trim(Attr(n, "content")));
  if (key.empty() || content.empty()) return;
  if (key == "og:title") f->og_title = content;
  else if (key == "twitter:title") f->twitter_title = content;
  else if (key == "og:site_name") f->site_name = content;
  else if (key == "application-name") f->app_name = content;
  else if (key == "og:url") f->og_url = content;
  for (size_t rank = 0; rank < f->meta_date_rank; ++rank) {
    if (key != kDateMetas[rank]) continue;
    std::string date = NormalizeDate(content);
    if (!date.empty()) {
      f->meta_date = std::move(date);
      f->meta_date_rank = rank;
    }
    break;
  }
}

void Visit(const GumboNode* n, Found* f) {
  switch (n->v.element.tag) {
    case GUMBO_TAG_HTML: f->language = Lower(Trim(Attr(n, "lang"))); break;
    case GUMBO_TAG_META: ReadMeta(n, f); break;
    case GUMBO_TAG_LINK:
      if (f->canonical.empty() && Lower(Attr(n, "rel")) == "canonical") f->canonical = Trim(Attr(n, "href"));
      break;
    case GUMBO_TAG_TITLE:
      if (f->title_tag.empty()) f->title_tag = CollapsedText(n);
      break;
    case GUMBO_TAG_H1:
      if (f->h1.empty()) f->h1 = CollapsedText(n);
      break;
    case GUMBO_TAG_TIME:
      if (f->time_date.empty()) f->time_date = NormalizeDate(Attr(n, "datetime"));
      break;
    case GUMBO_TAG_SCRIPT:
      if (f->jsonld_date.empty() && Lower(Attr(n, "type")) == "application/ld+json") {
        std::string script;
        CollectText(n, 0, &script);
        f->jsonld_date = JsonLdDate(script);
      }
      break;
    default: break;
  }
  // Microdata on any element: <span itemprop="datePublished" content=...>.
  if (f->meta_date.empty() && Lower(Attr(n, "itemprop")) == "datepublished") {
    std::string_view v = Attr(n, "datetime");
    if (v.empty()) v = Attr(n, "content");
    f->meta_date = NormalizeDate(v);
  }
}

// "en-GB" -> "en".
std::string PrimaryLanguage(std::string_view tag) {
  tag = tag.substr(0, tag.find_first_of("-_"));
  return tag.size() >= 2 && tag.size() <= 3 ? std::string(tag) : std::string();
}

}  // namespace

std::string CollapsedText(const GumboNode* n) {
  std::string raw;
  CollectText(n, 0, &raw);
  return Collapse(raw);
}

HtmlMetadata ReadHtmlMetadata(const GumboNode* root) {
  Found f;
  // Iterative walk: the tree may be deep, and we look at every element once.
  std::vector<std::pair<const GumboNode*, int>> stack = {{root, 0}};
  while (!stack.empty()) {
    const auto [n, depth] = stack.back();
    stack.pop_back();
    if (!IsElement(n) || depth > kMaxHtmlDepth) continue;
    Visit(n, &f);
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) {
      stack.emplace_back(static_cast<const GumboNode*>(kids.data[i]), depth + 1);
    }
  }
  HtmlMetadata m;
  m.title = !f.og_title.empty() ? f.og_title : !f.title_tag.empty() ? f.title_tag
          : !f.twitter_title.empty() ? f.twitter_title : f.h1;
  m.source = !f.site_name.empty() ? f.site_name : f.app_name;
  m.date = !f.meta_date.empty() ? f.meta_date : !f.jsonld_date.empty() ? f.jsonld_date : f.time_date;
  m.url = !f.canonical.empty() ? f.canonical : f.og_url;
  m.language = PrimaryLanguage(f.language);
  return m;
}

}  // namespace crosscheck::ingest
