#include "store/analysis_codec.h"

#include <random>

#include <gtest/gtest.h>

#include "analyze/analysis_writer.h"
#include "analyze/pipeline.h"
#include "cluster/document_record.h"
#include "store_test_util.h"

namespace crosscheck::store {
namespace {

std::vector<AnalyzedDocument> AnalyzeExample() {
  std::vector<AnalyzedDocument> docs;
  auto source = ingest::DocumentSource::Open({testing::kExample}, {});
  analyze::PipelineOptions options;
  options.threads = 1;
  analyze::RunPipeline(*source, *testing::Kit().analyzer, options,
                       [&](AnalyzedDocument&& d) { docs.push_back(std::move(d)); });
  return docs;
}

std::string Json(const AnalyzedDocument& d) {
  std::string out;
  analyze::AnalysisWriter::AppendDocumentJson(d, &out);
  return out;
}

Document Bare(const AnalyzedDocument& d) {
  Document doc = d.doc;
  doc.paragraphs.clear();
  doc.repaired_bytes = 0;
  return doc;
}

TEST(AnalysisCodec, RoundTripsEveryLayerOfTheExampleReports) {
  const auto docs = AnalyzeExample();
  ASSERT_EQ(docs.size(), 3u);
  for (const AnalyzedDocument& d : docs) {
    ASSERT_FALSE(d.tokens.empty());
    const std::string bytes = EncodeAnalysis(d);
    auto back = DecodeAnalysis(bytes, Bare(d));
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(Json(*back), Json(d)) << d.doc.id;  // every field the analysis JSON shows
    EXPECT_EQ(EncodeAnalysis(*back), bytes);      // and the bytes themselves
    EXPECT_LT(bytes.size(), d.doc.text.size() * 4) << "compact: " << bytes.size() << " bytes";
  }
}

TEST(AnalysisCodec, RefusesCorruptBytesWithoutCrashing) {
  const auto docs = AnalyzeExample();
  const std::string good = EncodeAnalysis(docs[0]);
  EXPECT_FALSE(DecodeAnalysis("", Bare(docs[0])).ok());
  EXPECT_FALSE(DecodeAnalysis(good.substr(0, good.size() / 2), Bare(docs[0])).ok());
  Document shorter = Bare(docs[0]);
  shorter.text.resize(shorter.text.size() / 2);
  EXPECT_FALSE(DecodeAnalysis(good, shorter).ok()) << "spans past the end of the text";
  std::mt19937 rng(7);
  int refused = 0;
  for (int trial = 0; trial < 300; ++trial) {
    std::string bad = good;
    for (int k = 0; k < 3; ++k) bad[4 + rng() % (bad.size() - 4)] ^= static_cast<char>(1 + rng() % 255);
    refused += DecodeAnalysis(bad, Bare(docs[0])).ok() ? 0 : 1;  // must not crash either way
  }
  EXPECT_EQ(refused, 300);  // the zstd frame carries a checksum
}

TEST(AnalysisCodec, RoundTripsTheClusterRecord) {
  const auto docs = AnalyzeExample();
  for (const AnalyzedDocument& d : docs) {
    const cluster::DocumentRecord r = cluster::MakeRecord(d);
    auto back = DecodeRecord(EncodeRecord(r));
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(back->id, r.id);
    EXPECT_EQ(back->time, r.time);
    EXPECT_EQ(back->signature, r.signature);
    ASSERT_EQ(back->words.size(), r.words.size());
    for (size_t i = 0; i < r.words.size(); ++i) {
      EXPECT_EQ(back->words[i].term, r.words[i].term);
      EXPECT_EQ(back->words[i].count, r.words[i].count);
    }
    EXPECT_EQ(back->entity_names, r.entity_names);
    ASSERT_EQ(back->paragraphs.size(), r.paragraphs.size());
    EXPECT_EQ(EncodeRecord(*back), EncodeRecord(r));
  }
  EXPECT_FALSE(DecodeRecord("CCR1garbage").ok());
}

}  // namespace
}  // namespace crosscheck::store
