// Fuzzes the JSONL reader: any bytes must give documents or InputErrors, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crosscheck;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  ingest::ParseJsonl(
      input, "fuzz.jsonl",
      [](Document&& doc) {
        for (const Span& p : doc.paragraphs) {
          if (p.end > doc.text.size() || p.begin > p.end) __builtin_trap();
        }
      },
      [](const ingest::InputError&) {});
  return 0;
}
