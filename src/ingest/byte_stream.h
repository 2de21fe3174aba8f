// ingest/byte_stream.h: a buffered, optionally decompressing byte stream.
// Reads a file, stdin or a memory buffer in 1 MB blocks, inflating gzip
// (multi-member, or one big member) or zstd on the fly, so memory stays
// bounded by the block size plus whatever the caller keeps. All per-byte work
// is done on the buffer with memchr/memcpy; there is no virtual call per byte.
//
// Corrupt compressed data is reported through the error callback with the
// decompressed byte offset. For gzip the stream then looks for the next
// member header and, if one is found, continues after a "break": reads stop
// short (as at end of input) until the caller calls Resume(), so a record
// reader knows that the record it was reading is lost. Private to ingest/.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace crosscheck::ingest {

enum class Codec { kNone, kGzip, kZstd };

// Codec from the magic bytes at the start of `head` (kNone if neither).
Codec SniffCodec(std::string_view head);

class ByteStream {
 public:
  // (decompressed offset, message) for corrupt or truncated compressed input.
  using ErrorHandler = std::function<void(uint64_t offset, const std::string& message)>;

  // Opens `path` ("-" is stdin). With `sniff`, the codec is taken from the
  // magic bytes instead of `codec` (used for stdin). Fails if it cannot be opened.
  static Result<std::unique_ptr<ByteStream>> OpenFile(const std::string& path, Codec codec,
                                                      bool sniff = false);
  // Reads `data` (not copied; must outlive the stream); codec from magic bytes.
  static std::unique_ptr<ByteStream> FromMemory(std::string_view data);

  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  void set_error_handler(ErrorHandler handler) { on_error_ = std::move(handler); }

  // Reads up to and excluding the next '\n' into *line (a trailing '\r' is
  // dropped). False only when no byte was left.
  bool ReadLine(std::string* line);
  // Appends up to `n` bytes to *out; returns how many (fewer at end or break).
  uint64_t Read(uint64_t n, std::string* out);
  // Discards up to `n` bytes; returns how many.
  uint64_t Skip(uint64_t n);
  // Appends everything that is left (until end or break) to *out.
  void ReadAll(std::string* out);
  // The bytes buffered now, filling the buffer first if it is empty (for sniffing).
  std::string_view Peek();

  // True when reads stopped at a recovered gzip corruption; Resume() continues.
  bool broken() const { return broken_; }
  void Resume() { broken_ = false; }
  // Number of decompression errors reported so far (each is reported when
  // the reader reaches the point where the data went bad).
  uint64_t error_count() const { return errors_; }
  // Decompressed bytes consumed by the caller so far.
  uint64_t offset() const { return consumed_before_ + pos_; }
  // Raw (compressed) bytes read from the underlying file or buffer.
  uint64_t raw_bytes() const { return raw_total_; }

 private:
  ByteStream() = default;
  bool Refill();           // next decompressed block into out_; false at end/break
  bool FillRaw();          // next raw block into in_; false at end of input
  size_t ReadRawInto(char* dst, size_t cap);
  bool InflateBlock();
  bool ZstdBlock();
  bool CopyBlock();
  bool RecoverGzip();      // skip to the next gzip member header after corruption
  void Report(const std::string& message);
  void DeliverErrors();

  size_t block_ = 0;       // buffer size: 1 MB, less for small in-memory inputs
  int fd_ = -1;
  bool owns_fd_ = false;
  std::string_view memory_;  // when reading from memory
  Codec codec_ = Codec::kNone;
  struct Codecs;
  std::unique_ptr<Codecs> codecs_;

  std::string in_;         // raw block
  size_t in_pos_ = 0, in_end_ = 0;
  bool raw_eof_ = false;
  std::string out_;        // decompressed block
  size_t pos_ = 0, end_ = 0;
  uint64_t consumed_before_ = 0;  // decompressed bytes before out_[0]
  uint64_t raw_total_ = 0;
  uint64_t errors_ = 0;
  bool broken_ = false;
  bool dead_ = false;      // unrecoverable: no more output
  bool in_member_ = false; // inside a gzip member or zstd frame
  ErrorHandler on_error_;
  // Errors found while decoding the current block, delivered once the caller
  // has consumed it, so they arrive in the order of the bytes they concern.
  std::vector<std::pair<uint64_t, std::string>> undelivered_;
};

}  // namespace crosscheck::ingest
