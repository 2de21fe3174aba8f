#include "ingest/byte_stream.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>

namespace crosscheck::ingest {
namespace {

constexpr size_t kBlock = 1 << 20;  // 1 MB: large enough that syscalls and codec calls amortise
constexpr char kGzipMagic[] = "\x1f\x8b\x08";

}  // namespace

struct ByteStream::Codecs {
  z_stream zs{};
  bool zs_ready = false;
  ZSTD_DCtx* zstd = nullptr;
  ~Codecs() {
    if (zs_ready) inflateEnd(&zs);
    if (zstd) ZSTD_freeDCtx(zstd);
  }
};

Codec SniffCodec(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b') return Codec::kGzip;
  if (head.size() >= 4 && head.substr(0, 4) == std::string_view("\x28\xb5\x2f\xfd", 4)) {
    return Codec::kZstd;
  }
  return Codec::kNone;
}

Result<std::unique_ptr<ByteStream>> ByteStream::OpenFile(const std::string& path, Codec codec,
                                                         bool sniff) {
  std::unique_ptr<ByteStream> s(new ByteStream());
  if (path == "-") {
    s->fd_ = 0;
  } else {
    s->fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (s->fd_ < 0) return Status::Error(std::string("cannot open: ") + std::strerror(errno));
    s->owns_fd_ = true;
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(s->fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  }
  s->block_ = kBlock;
  s->in_.resize(kBlock);
  if (sniff) {
    s->FillRaw();
    codec = SniffCodec(std::string_view(s->in_.data(), s->in_end_));
  }
  s->codec_ = codec;
  s->codecs_ = std::make_unique<Codecs>();
  return s;
}

std::unique_ptr<ByteStream> ByteStream::FromMemory(std::string_view data) {
  std::unique_ptr<ByteStream> s(new ByteStream());
  s->memory_ = data;
  // Small buffers for small inputs: tests and fuzzers make many streams.
  s->block_ = std::clamp<size_t>(data.size(), 4096, kBlock);
  s->in_.resize(s->block_);
  s->codec_ = SniffCodec(data);
  s->codecs_ = std::make_unique<Codecs>();
  return s;
}

ByteStream::~ByteStream() {
  if (owns_fd_) ::close(fd_);
}

size_t ByteStream::ReadRawInto(char* dst, size_t cap) {
  size_t n = 0;
  if (fd_ >= 0) {
    while (n < cap) {
      const ssize_t r = ::read(fd_, dst + n, cap - n);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) break;  // a read error ends the input like EOF; truncation is then reported
      n += static_cast<size_t>(r);
    }
  } else {
    n = std::min(cap, memory_.size());
    std::memcpy(dst, memory_.data(), n);
    memory_.remove_prefix(n);
  }
  raw_total_ += n;
  return n;
}

bool ByteStream::FillRaw() {
  if (raw_eof_) return false;
  // Keep unconsumed bytes (a partial header when recovering) at the front.
  const size_t left = in_end_ - in_pos_;
  if (left > 0 && in_pos_ > 0) std::memmove(in_.data(), in_.data() + in_pos_, left);
  in_pos_ = 0;
  in_end_ = left;
  const size_t n = ReadRawInto(in_.data() + in_end_, in_.size() - in_end_);
  if (n == 0) raw_eof_ = true;
  in_end_ += n;
  return n > 0;
}

void ByteStream::Report(const std::string& message) {
  undelivered_.emplace_back(consumed_before_ + end_, message);
}

void ByteStream::DeliverErrors() {
  for (const auto& [offset, message] : undelivered_) {
    ++errors_;
    if (on_error_) on_error_(offset, message);
  }
  undelivered_.clear();
}

bool ByteStream::Refill() {
  DeliverErrors();
  if (broken_ || dead_) return false;
  consumed_before_ += end_;
  pos_ = end_ = 0;
  if (out_.size() < block_) out_.resize(block_);
  bool more = false;
  switch (codec_) {
    case Codec::kNone: more = CopyBlock(); break;
    case Codec::kGzip: more = InflateBlock(); break;
    case Codec::kZstd: more = ZstdBlock(); break;
  }
  if (!more) DeliverErrors();  // nothing left to read first
  return more;
}

bool ByteStream::CopyBlock() {
  // Bytes left over from sniffing come first, then straight reads into out_.
  if (in_pos_ < in_end_) {
    end_ = in_end_ - in_pos_;
    std::memcpy(out_.data(), in_.data() + in_pos_, end_);
    in_pos_ = in_end_ = 0;
    return true;
  }
  end_ = ReadRawInto(out_.data(), block_);
  return end_ > 0;
}

bool ByteStream::InflateBlock() {
  z_stream& zs = codecs_->zs;
  if (!codecs_->zs_ready) {
    if (inflateInit2(&zs, 15 + 16) != Z_OK) { dead_ = true; Report("cannot initialise zlib"); return false; }
    codecs_->zs_ready = true;
  }
  while (end_ < block_) {
    if (in_pos_ == in_end_ && !FillRaw()) {
      if (in_member_) {
        Report("truncated gzip member: input ended inside compressed data");
        dead_ = true;
      }
      return end_ > 0;
    }
    if (!in_member_) {
      // Zero padding after the last member (some writers add it) is not an error.
      while (in_pos_ < in_end_ && in_.data()[in_pos_] == 0) ++in_pos_;
      if (in_pos_ == in_end_) continue;
    }
    zs.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    zs.avail_in = static_cast<uInt>(in_end_ - in_pos_);
    zs.next_out = reinterpret_cast<Bytef*>(out_.data() + end_);
    zs.avail_out = static_cast<uInt>(block_ - end_);
    const int ret = inflate(&zs, Z_NO_FLUSH);
    in_pos_ = in_end_ - zs.avail_in;
    end_ = block_ - zs.avail_out;
    in_member_ = true;
    if (ret == Z_STREAM_END) {
      inflateReset(&zs);
      in_member_ = false;
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      Report(std::string("corrupt gzip data (") + (zs.msg ? zs.msg : "inflate failed") + ")");
      RecoverGzip();
      return end_ > 0;
    }
    if (end_ > 0 && zs.avail_in == 0) break;  // deliver what we have rather than block on I/O
  }
  return end_ > 0;
}

bool ByteStream::RecoverGzip() {
  inflateReset(&codecs_->zs);
  in_member_ = false;
  if (in_pos_ < in_end_) ++in_pos_;  // never resync onto the header that just failed
  for (;;) {
    const std::string_view window(in_.data() + in_pos_, in_end_ - in_pos_);
    const size_t at = window.find(std::string_view(kGzipMagic, 3));
    if (at != std::string_view::npos) {
      in_pos_ += at;
      broken_ = true;
      return true;
    }
    // Keep the last two bytes: the magic may straddle two raw blocks.
    in_pos_ = in_end_ - std::min<size_t>(2, window.size());
    if (!FillRaw()) break;
  }
  dead_ = true;
  Report("gzip stream corrupt beyond recovery: no further member header");
  return false;
}

bool ByteStream::ZstdBlock() {
  if (!codecs_->zstd) codecs_->zstd = ZSTD_createDCtx();
  while (end_ < block_) {
    if (in_pos_ == in_end_ && !FillRaw()) {
      if (in_member_) {
        Report("truncated zstd frame: input ended inside compressed data");
        dead_ = true;
      }
      return end_ > 0;
    }
    ZSTD_inBuffer in{in_.data(), in_end_, in_pos_};
    ZSTD_outBuffer out{out_.data(), block_, end_};
    const size_t ret = ZSTD_decompressStream(codecs_->zstd, &out, &in);
    in_pos_ = in.pos;
    end_ = out.pos;
    if (ZSTD_isError(ret)) {
      Report(std::string("corrupt zstd data (") + ZSTD_getErrorName(ret) + ")");
      dead_ = true;
      return end_ > 0;
    }
    in_member_ = ret != 0;
    if (end_ > 0 && in_pos_ == in_end_) break;
  }
  return end_ > 0;
}

bool ByteStream::ReadLine(std::string* line) {
  line->clear();
  bool any = false;
  for (;;) {
    if (pos_ == end_ && !Refill()) break;
    any = true;
    const char* begin = out_.data() + pos_;
    const void* nl = std::memchr(begin, '\n', end_ - pos_);
    if (nl != nullptr) {
      const size_t len = static_cast<const char*>(nl) - begin;
      line->append(begin, len);
      pos_ += len + 1;
      break;
    }
    line->append(begin, end_ - pos_);
    pos_ = end_;
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return any;
}

uint64_t ByteStream::Read(uint64_t n, std::string* out) {
  uint64_t done = 0;
  while (done < n) {
    if (pos_ == end_ && !Refill()) break;
    const size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, end_ - pos_));
    if (out) out->append(out_.data() + pos_, take);
    pos_ += take;
    done += take;
  }
  return done;
}

uint64_t ByteStream::Skip(uint64_t n) { return Read(n, nullptr); }

void ByteStream::ReadAll(std::string* out) {
  for (;;) {
    if (pos_ == end_ && !Refill()) return;
    out->append(out_.data() + pos_, end_ - pos_);
    pos_ = end_;
  }
}

std::string_view ByteStream::Peek() {
  if (pos_ == end_) Refill();
  return std::string_view(out_.data() + pos_, end_ - pos_);
}

}  // namespace crosscheck::ingest
