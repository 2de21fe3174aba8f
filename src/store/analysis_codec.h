// store/analysis_codec.h: the compact binary form of an analysis, as kept in
// the store's documents.analysis and documents.record columns.
// In: an AnalyzedDocument (every layer of core/document.h) or a clusterer
// DocumentRecord. Out: bytes: a magic "CCA1"/"CCR1", then zstd of varint-coded
// fields. The document text and metadata live in their own columns and are
// not repeated: decoding takes the Document back and re-attaches the layers.
// A token's form is kept only when it differs from its bytes of the text.
// Decoding checks every count and span against the text and fails (never
// crashes) on corrupt bytes. Pure functions; any thread.
#pragma once
#include <string>
#include <string_view>

#include "cluster/document_record.h"
#include "core/document.h"
#include "core/status.h"

namespace crosscheck::store {

std::string EncodeAnalysis(const AnalyzedDocument& doc);
// `doc` is the Document as stored (text, metadata); paragraphs come from the bytes.
Result<AnalyzedDocument> DecodeAnalysis(std::string_view bytes, Document doc);

std::string EncodeRecord(const cluster::DocumentRecord& record);
Result<cluster::DocumentRecord> DecodeRecord(std::string_view bytes);

}  // namespace crosscheck::store
