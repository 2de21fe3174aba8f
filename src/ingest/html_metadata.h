// ingest/html_metadata.h: title, site, date, URL and language of a page,
// from <meta>, <link rel=canonical>, <title>, <h1>, <time> and JSON-LD.
// Private to ingest/.
#pragma once
#include <gumbo.h>

#include <string>

namespace crosscheck::ingest {

struct HtmlMetadata {
  std::string title;
  std::string source;
  std::string date;  // ISO, already normalised
  std::string url;
  std::string language;
};

HtmlMetadata ReadHtmlMetadata(const GumboNode* root);

}  // namespace crosscheck::ingest
