// ingest/readers.h: the per-format readers, on in-memory input.
// DocumentSource streams files through these same parsers; this header lets
// tests, fuzzers and tools call them on a buffer. Each reader turns bytes into
// Documents (valid UTF-8 text, paragraph Spans into it, metadata) and reports
// bad records as InputErrors, skipping them. No exception leaves these
// functions. All are pure (no global state) and may run on any thread.
//
//   ingest::ParseJsonl(data, "feed.jsonl",
//                      [&](Document&& d) { docs.push_back(std::move(d)); },
//                      [&](const InputError& e) { errors.push_back(e); });
//   ingest::HtmlPage page = ingest::ExtractHtml(html);  // main text + metadata
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "ingest/document_source.h"

namespace crosscheck::ingest {

using DocumentSink = std::function<void(Document&&)>;
using ErrorSink = std::function<void(const InputError&)>;

// A .txt file: optional "Key: value" header ended by a blank line, then the
// body; paragraphs are separated by blank lines. `name` is the path (origin);
// the id is its last component unless the header has an Id. Fails (message
// only; the caller adds the file) on an empty or binary file.
Result<Document> ParseTxt(std::string_view data, const std::string& name);

// One JSONL record (`line_number` is 1-based); fails on malformed JSON, a
// non-object or a record without text.
Result<Document> ParseJsonlLine(std::string_view line, const std::string& name,
                                uint64_t line_number);
// Every line of `data`; blank lines are skipped, bad lines reported.
void ParseJsonl(std::string_view data, const std::string& name, const DocumentSink& sink,
                const ErrorSink& on_error);

// The main text and metadata of an HTML page.
struct HtmlPage {
  std::string title;     // og:title, else <title>, else the first <h1>
  std::string source;    // og:site_name (or similar meta), "" if none
  std::string date;      // ISO date from published-time meta, <time> or JSON-LD; "" if none
  std::string url;       // link rel=canonical, else og:url; "" if none
  std::string language;  // primary subtag of <html lang>, "" if none
  std::string text;      // main-content paragraphs joined by blank lines
  std::vector<Span> paragraphs;  // one per kept block, into text
  uint32_t repaired_bytes = 0;   // invalid UTF-8 sequences replaced
};
// `charset` is a charset named outside the page (HTTP Content-Type), if any.
HtmlPage ExtractHtml(std::string_view html, std::string_view charset = {});

// An .html file as a Document (id = file name). Fails on an empty or binary
// file or a page without any text.
Result<Document> ParseHtml(std::string_view data, const std::string& name);

// A WARC file (plain, gzip or zstd; the codec is taken from the magic bytes):
// one Document per HTML response record.
void ParseWarc(std::string_view data, const std::string& name, const DocumentSink& sink,
               const ErrorSink& on_error);

// Byte ranges of the paragraphs of `text`: runs of lines separated by blank
// (whitespace-only) lines, trimmed. With `lines_if_no_blank`, text without any
// blank line is split at single newlines instead (JSONL bodies often are).
std::vector<Span> SplitParagraphs(std::string_view text, bool lines_if_no_blank = false);

}  // namespace crosscheck::ingest
