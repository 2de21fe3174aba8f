#include "analyze/pipeline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/analysis_writer.h"

namespace crosscheck::analyze {
namespace {

// Documents of varying size, so workers finish them out of order.
class FakeSource : public ingest::DocumentSource {
 public:
  explicit FakeSource(int count) : count_(count) {}
  bool Next(Document* doc) override {
    if (next_ >= count_) return false;
    doc->id = "doc" + std::to_string(next_);
    std::string text;
    for (int i = 0; i < 1 + (next_ * 7919) % 40; ++i) text += "Officials said 30 men were detained. ";
    doc->text = text;
    doc->paragraphs = {Span{0, static_cast<uint32_t>(text.size())}};
    ++next_;
    return true;
  }
  uint64_t error_count() const override { return 0; }
  uint64_t bytes_read() const override { return 0; }

 private:
  int count_;
  int next_ = 0;
};

Analyzer LoadAnalyzer() {
  auto analyzer = Analyzer::Load(DefaultModelDir());
  EXPECT_TRUE(analyzer.ok()) << analyzer.status().message();
  return std::move(analyzer).value();
}

std::vector<std::string> RunIds(const Analyzer& analyzer, unsigned threads, size_t capacity) {
  FakeSource source(200);
  PipelineOptions options;
  options.threads = threads;
  options.queue_capacity = capacity;
  std::vector<std::string> ids;
  const auto stats = RunPipeline(source, analyzer, options,
                                 [&](AnalyzedDocument&& d) { ids.push_back(d.doc.id); });
  EXPECT_EQ(stats.documents, 200u);
  return ids;
}

TEST(Pipeline, HandsDocumentsToTheSinkInInputOrderWhateverTheThreadCount) {
  const Analyzer analyzer = LoadAnalyzer();
  const auto inline_ids = RunIds(analyzer, 1, 0);
  ASSERT_EQ(inline_ids.size(), 200u);
  for (size_t i = 0; i < inline_ids.size(); ++i) EXPECT_EQ(inline_ids[i], "doc" + std::to_string(i));
  EXPECT_EQ(RunIds(analyzer, 2, 0), inline_ids);
  EXPECT_EQ(RunIds(analyzer, 4, 3), inline_ids);  // tiny queue: back-pressure path
}

TEST(Pipeline, CountsTokensAndBytesOfWhatItAnalyzed) {
  const Analyzer analyzer = LoadAnalyzer();
  FakeSource source(3);
  PipelineOptions options;
  options.threads = 2;
  uint64_t tokens = 0;
  const auto stats = RunPipeline(source, analyzer, options,
                                 [&](AnalyzedDocument&& d) { tokens += d.tokens.size(); });
  EXPECT_EQ(stats.tokens, tokens);
  EXPECT_GT(stats.text_bytes, 0u);
}

TEST(AnalysisWriter, WritesOneParsableJsonLinePerDocumentWithSentenceText) {
  const Analyzer analyzer = LoadAnalyzer();
  Document doc;
  doc.id = "d";
  doc.text = "Mr. Smith said 30 men were detained. \"It's a lie,\" he said.";
  doc.paragraphs = {Span{0, static_cast<uint32_t>(doc.text.size())}};
  const AnalyzedDocument analyzed = analyzer.Analyze(doc);
  std::string json;
  AnalysisWriter::AppendDocumentJson(analyzed, &json);
  EXPECT_EQ(json.find('\n'), std::string::npos);
  EXPECT_NE(json.find(R"("text":"Mr. Smith said 30 men were detained.")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("date":null)"), std::string::npos);
}

TEST(AnalysisWriter, RejectsUnknownFormatNamesWithTheChoices) {
  const auto format = ParseOutputFormat("xml");
  ASSERT_FALSE(format.ok());
  EXPECT_NE(format.status().message().find("jsonl"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck::analyze
