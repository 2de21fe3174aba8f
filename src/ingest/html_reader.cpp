// HTML reader: charset decoding, gumbo parse, metadata and main text.
#include "ingest/charset.h"
#include "ingest/html_dom.h"
#include "ingest/html_extractor.h"
#include "ingest/html_metadata.h"
#include "ingest/readers.h"
#include "ingest/text_util.h"

namespace crosscheck::ingest {

HtmlPage ExtractHtml(std::string_view html, std::string_view charset) {
  HtmlPage page;
  const std::string utf8 = DecodeToUtf8(html, charset, &page.repaired_bytes);
  const GumboDocument dom(utf8);
  HtmlMetadata meta = ReadHtmlMetadata(dom.root());
  page.title = std::move(meta.title);
  page.source = std::move(meta.source);
  page.date = std::move(meta.date);
  page.url = std::move(meta.url);
  page.language = std::move(meta.language);
  for (const HtmlBlock& block : ExtractMainBlocks(dom.root())) {
    if (!page.text.empty()) page.text += "\n\n";
    const auto begin = static_cast<uint32_t>(page.text.size());
    page.text += block.text;
    page.paragraphs.push_back({begin, static_cast<uint32_t>(page.text.size())});
  }
  return page;
}

Result<Document> ParseHtml(std::string_view data, const std::string& name) {
  if (Status s = CheckLooksLikeText(data); !s.ok()) return s;
  HtmlPage page = ExtractHtml(data);
  if (page.text.empty()) return Status::Error("no text found in the HTML page");
  Document doc;
  doc.id = BaseName(name);
  doc.origin = name;
  doc.title = std::move(page.title);
  doc.source = !page.source.empty() ? std::move(page.source) : HostOfUrl(page.url);
  doc.url = std::move(page.url);
  doc.date = std::move(page.date);
  if (!page.language.empty()) doc.language = std::move(page.language);
  doc.text = std::move(page.text);
  doc.paragraphs = std::move(page.paragraphs);
  doc.repaired_bytes = page.repaired_bytes;
  FinishDocument(&doc);
  return doc;
}

}  // namespace crosscheck::ingest
