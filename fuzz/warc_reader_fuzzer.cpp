// Fuzzes the WARC reader, including the gzip/zstd layer (codec from magic bytes)
// and the HTTP parser behind it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"
#include "ingest/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace crosscheck;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  ingest::ParseWarc(
      input, "fuzz.warc",
      [](Document&& doc) {
        if (!utf8::IsValid(doc.text)) __builtin_trap();
      },
      [](const ingest::InputError&) {});
  return 0;
}
