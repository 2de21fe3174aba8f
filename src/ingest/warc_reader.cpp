#include "ingest/warc_reader.h"

#include <cstdlib>

#include "ingest/charset.h"
#include "ingest/dates.h"
#include "ingest/http_response.h"
#include "ingest/text_util.h"

namespace crosscheck::ingest {
namespace {

// Response records above this are skipped (with an error): no news page is
// that big, and it keeps memory bounded on a corrupt Content-Length.
constexpr uint64_t kMaxPayloadBytes = 64 << 20;

// "<urn:uuid:abc>" -> "abc"; "<x>" -> "x".
std::string StripRecordId(std::string_view id) {
  if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
  if (id.substr(0, 9) == "urn:uuid:") id.remove_prefix(9);
  return std::string(id);
}

}  // namespace

struct WarcReader::Record {
  uint64_t offset = 0;  // of the "WARC/" line in the decompressed stream
  std::string type, target_uri, date, record_id, content_type;
  uint64_t length = 0;
  bool has_length = false;
  bool keep = false;  // content is stored (a response record we will parse)
};

WarcReader::WarcReader(ByteStream* stream, std::string name, ErrorSink on_error, ShardFilter shard)
    : stream_(stream), name_(std::move(name)), on_error_(std::move(on_error)), shard_(std::move(shard)) {}

void WarcReader::Error(uint64_t offset, std::string message) {
  on_error_(InputError{name_, 0, offset, std::move(message)});
}

void WarcReader::Resync(uint64_t offset, std::string message) {
  resyncing_ = true;
  if (!pending_.empty()) return;
  pending_ = std::move(message);
  pending_offset_ = offset;
  pending_stream_errors_ = record_stream_errors_;
}

void WarcReader::FlushPending() {
  if (pending_.empty()) return;
  if (stream_->error_count() == pending_stream_errors_) Error(pending_offset_, std::move(pending_));
  pending_.clear();
}

bool WarcReader::Next(Document* doc) {
  if (!started_) {
    started_ = true;
    if (Trim(stream_->Peek()).empty() && stream_->error_count() == 0) {
      if (shard_.KeepFile()) Error(0, "empty file: expected WARC records");  // one shard reports it
      return false;
    }
  }
  Record record;
  for (;;) {
    if (stream_->broken()) {
      // The stream skipped a corrupt gzip member (already reported): realign on a record start.
      stream_->Resume();
      resyncing_ = true;
    }
    if (!ReadHeader(&record)) {
      if (stream_->broken()) continue;
      FlushPending();
      return false;
    }
    // A record cut short was reported; the next ReadHeader realigns or ends.
    if (!ReadContent(&record)) continue;
    if (record.keep && ToDocument(record, doc)) return true;
  }
}

bool WarcReader::ReadHeader(Record* record) {
  *record = Record();
  if (!resyncing_) record_stream_errors_ = stream_->error_count();
  // Find the version line, skipping the blank lines that end the previous record.
  for (;;) {
    record->offset = stream_->offset();
    if (!stream_->ReadLine(&line_)) return false;
    if (line_.empty()) continue;
    if (line_.rfind("WARC/", 0) == 0) break;
    if (!resyncing_) Resync(record->offset, "expected a WARC/1.x version line; skipping to the next record");
  }
  resyncing_ = false;
  FlushPending();
  ++ordinal_;
  const uint64_t errors_before = stream_->error_count();
  for (;;) {
    if (!stream_->ReadLine(&line_)) {
      if (stream_->error_count() == errors_before) Error(record->offset, "truncated WARC record: header not finished");
      resyncing_ = true;
      return false;
    }
    if (line_.empty()) break;
    const size_t colon = line_.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = Lower(Trim(std::string_view(line_).substr(0, colon)));
    const std::string_view value = Trim(std::string_view(line_).substr(colon + 1));
    if (key == "warc-type") record->type = value;
    else if (key == "warc-target-uri") record->target_uri = value;
    else if (key == "warc-date") record->date = value;
    else if (key == "warc-record-id") record->record_id = value;
    else if (key == "content-type") record->content_type = Lower(value);
    else if (key == "content-length") {
      char* end = nullptr;
      const std::string digits(value);
      record->length = std::strtoull(digits.c_str(), &end, 10);
      record->has_length = !digits.empty() && *end == '\0';
    }
  }
  return true;
}

bool WarcReader::ReadContent(Record* record) {
  if (!record->has_length) {
    Resync(record->offset, "WARC record without a valid Content-Length; skipping to the next record");
    return false;
  }
  // Another shard's record is skipped like a non-response one: never parsed, never reported.
  const bool response = record->type == "response" &&
                        (record->content_type.empty() ||
                         record->content_type.find("application/http") != std::string::npos) &&
                        (record->record_id.empty() ? shard_.KeepPosition('#', ordinal_)
                                                   : shard_.KeepKey(record->record_id));
  record->keep = response && record->length <= kMaxPayloadBytes;
  if (response && !record->keep) {
    Error(record->offset, "WARC response record of " + std::to_string(record->length) +
                              " bytes is larger than the limit; skipped");
  }
  const uint64_t errors_before = stream_->error_count();
  payload_.clear();
  const uint64_t got = record->keep ? stream_->Read(record->length, &payload_)
                                    : stream_->Skip(record->length);
  if (got == record->length) return true;
  if (stream_->error_count() == errors_before) {
    Error(record->offset, "truncated WARC record: expected " + std::to_string(record->length) +
                              " content bytes, got " + std::to_string(got));
  }
  resyncing_ = true;
  return false;
}

bool WarcReader::ToDocument(const Record& record, Document* doc) {
  HttpResponse http;
  if (!ParseHttpResponse(payload_, &http) || http.status < 200 || http.status >= 300 ||
      !IsHtmlResponse(http)) {
    return false;  // redirects, errors, images...: not an article, and not an input error
  }
  HtmlPage page = ExtractHtml(http.body, SniffCharset(http.content_type));
  if (page.text.empty()) return false;
  *doc = Document();
  doc->id = record.record_id.empty() ? BaseName(name_) + "#" + std::to_string(ordinal_)
                                     : StripRecordId(record.record_id);
  std::string_view uri = record.target_uri;
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
  doc->url = !uri.empty() ? std::string(uri) : std::move(page.url);
  doc->source = !page.source.empty() ? std::move(page.source) : HostOfUrl(doc->url);
  doc->title = std::move(page.title);
  doc->date = !page.date.empty() ? std::move(page.date) : NormalizeDate(record.date);
  if (!page.language.empty()) doc->language = std::move(page.language);
  doc->text = std::move(page.text);
  doc->paragraphs = std::move(page.paragraphs);
  doc->repaired_bytes = page.repaired_bytes;
  doc->origin = name_ + "@" + std::to_string(record.offset);
  FinishDocument(doc);
  return true;
}

}  // namespace crosscheck::ingest
