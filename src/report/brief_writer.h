// report/brief_writer.h: writes story briefs as Markdown, HTML or JSON.
// In: StoryBriefs from reconcile. Out: text. Markdown is for a terminal;
// HTML is one self-contained page (inline CSS and SVG, no script needed,
// every citation links to its sentence shown in its document); JSON follows
// ../shared/CONTRACT.md (`brief --format json`) plus extra fields.
// Cost: linear in the brief. Stateless; safe from any thread.
#pragma once
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "reconcile/brief.h"

namespace crosscheck::report {

enum class BriefFormat { kMarkdown, kHtml, kJson };

struct BriefWriteOptions {
  bool pictures = true;       // HTML: inline SVG figures, relay graph, timeline
  std::string page_title = "crosscheck brief";
};

Result<BriefFormat> ParseBriefFormat(std::string_view name);  // md|markdown|html|json

// Writes briefs one story at a time, so a long run never holds them all.
class BriefStreamWriter {
 public:
  BriefStreamWriter(BriefFormat format, std::ostream& out, BriefWriteOptions options = {})
      : format_(format), out_(out), options_(std::move(options)) {}
  void Begin();
  void Write(const reconcile::StoryBrief& brief);
  void End();

 private:
  BriefFormat format_;
  std::ostream& out_;
  BriefWriteOptions options_;
  size_t written_ = 0;
};

void WriteBriefs(const std::vector<reconcile::StoryBrief>& briefs, BriefFormat format,
                 std::ostream& out, const BriefWriteOptions& options = {});

// One story as JSON (an element of "stories"), for the store and the HTTP API.
std::string BriefToJson(const reconcile::StoryBrief& brief);
// One story as an HTML fragment (a <section>, no <html>/<head>), for the web
// page; BriefStylesheet() is the CSS it expects.
std::string BriefToHtmlSection(const reconcile::StoryBrief& brief,
                               const BriefWriteOptions& options = {});
std::string BriefStylesheet();

}  // namespace crosscheck::report
