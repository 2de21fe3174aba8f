// ingest/text_util.h: small helpers shared by the readers. Private to ingest/.
#pragma once
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/status.h"

namespace crosscheck::ingest {

// A file is rejected as binary when more than this fraction of its first
// 4 KB are NULs or C0 controls; real text has almost none.
constexpr double kBinaryThreshold = 0.1;

// "dir/sub/a.txt" -> "a.txt" ("-" stays "-").
std::string BaseName(std::string_view path);
// Without leading and trailing ASCII whitespace.
std::string_view Trim(std::string_view s);
// ASCII lower case.
std::string Lower(std::string_view s);
// "https://www.nytimes.com/2017/..." -> "nytimes.com"; "" if not a URL.
std::string HostOfUrl(std::string_view url);
// An error for an empty input (only whitespace) or one whose start looks
// binary; `head` is the whole input or at least its first block.
Status CheckLooksLikeText(std::string_view head);
// Fills in what every reader does last: a dateline date when no metadata gave
// one, and the paragraph spans when the reader has not set them.
void FinishDocument(Document* doc, bool lines_if_no_blank = false);

}  // namespace crosscheck::ingest
