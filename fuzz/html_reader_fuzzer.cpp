// Fuzzes HTML extraction (charset decoding, gumbo, metadata, text density).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"
#include "ingest/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crosscheck;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const ingest::HtmlPage page = ingest::ExtractHtml(input);
  // The text must be valid UTF-8 and every paragraph span inside it.
  if (!utf8::IsValid(page.text)) __builtin_trap();
  for (const Span& p : page.paragraphs) {
    if (p.end > page.text.size() || p.begin >= p.end) __builtin_trap();
  }
  (void)ingest::ParseHtml(input, "fuzz.html");
  return 0;
}
