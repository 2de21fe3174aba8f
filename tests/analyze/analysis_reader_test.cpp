#include "analyze/analysis_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "analyze/analysis_writer.h"
#include "analyze/analyzer.h"
#include "analyze/pipeline.h"
#include "ingest/document_source.h"
#include "ingest/readers.h"

namespace crosscheck::analyze {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "cc_analysis_reader_XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& data) const {
    std::ofstream(path_ / name, std::ios::binary) << data;
    return (path_ / name).string();
  }
  std::string WriteGzip(const std::string& name, const std::string& data) const {
    const std::string path = (path_ / name).string();
    gzFile gz = gzopen(path.c_str(), "wb");
    gzwrite(gz, data.data(), static_cast<unsigned>(data.size()));
    gzclose(gz);
    return path;
  }

 private:
  fs::path path_;
};

std::string Json(const AnalyzedDocument& d) {
  std::string out;
  AnalysisWriter::AppendDocumentJson(d, &out);
  return out;
}

// Real analyses: the example story, NeuS articles when ../shared is there,
// and a JSONL record with uninterpreted fields and a repaired byte.
std::vector<AnalyzedDocument> RealAnalyses() {
  auto analyzer = Analyzer::Load(DefaultModelDir());
  EXPECT_TRUE(analyzer.ok()) << analyzer.status().message();
  std::vector<std::string> inputs = {std::string(CROSSCHECK_SOURCE_DIR) + "/examples/chechnya-2017"};
  const fs::path neus = fs::path(CROSSCHECK_SHARED_DIR) / "data/clusters/neus/test.articles.jsonl.gz";
  if (fs::exists(neus)) inputs.push_back(neus.string());
  ingest::IngestOptions options;
  options.shard_count = 8;  // an eighth of NeuS test keeps the test quick
  std::vector<AnalyzedDocument> docs;
  auto examples = ingest::DocumentSource::Open({inputs[0]}, {});
  PipelineOptions pipeline;
  pipeline.threads = 2;
  RunPipeline(*examples, *analyzer, pipeline, [&](AnalyzedDocument&& d) { docs.push_back(std::move(d)); });
  if (inputs.size() > 1) {
    auto source = ingest::DocumentSource::Open({inputs[1]}, options);
    RunPipeline(*source, *analyzer, pipeline, [&](AnalyzedDocument&& d) { docs.push_back(std::move(d)); });
  }
  auto record = ingest::ParseJsonlLine(
      "{\"id\":\"r1\",\"text\":\"Police said 12 people were detained in Grozny on Monday. \xff\",\"tags\":[\"a\",{\"b\":1.5}],"
      "\"score\":0.25,\"published\":\"2017-04-03\"}", "feed.jsonl", 1);
  EXPECT_TRUE(record.ok());
  docs.push_back(analyzer->Analyze(std::move(record.value())));
  return docs;
}

TEST(AnalysisReader, WriteReadWriteGivesIdenticalBytesOnRealAnalyses) {
  const auto docs = RealAnalyses();
  ASSERT_GE(docs.size(), 4u);
  size_t syntax = 0, entities = 0, quantities = 0, dates = 0, quotes = 0, claims = 0, attributions = 0, extra = 0;
  for (const AnalyzedDocument& d : docs) {
    const std::string written = Json(d);
    auto read = AnalysisReader::ParseLine(written);
    ASSERT_TRUE(read.ok()) << d.doc.id << ": " << read.status().message();
    EXPECT_EQ(Json(*read), written) << d.doc.id;
    EXPECT_EQ(read->tokens.size(), d.tokens.size());
    EXPECT_EQ(read->doc.text, d.doc.text);
    syntax += !read->syntax.empty();
    entities += read->entities.size();
    quantities += read->quantities.size();
    dates += read->dates.size();
    quotes += read->quotes.size();
    claims += read->claims.size();
    for (const Claim& c : read->claims) attributions += c.attribution.size();
    extra += read->doc.extra.size();
  }
  // The texts exercise every layer the analyzer has.
  EXPECT_GT(syntax, 0u);
  EXPECT_GT(entities, 0u);
  EXPECT_GT(quantities, 0u);
  EXPECT_GT(dates, 0u);
  EXPECT_GT(quotes, 0u);
  EXPECT_GT(claims, 0u);
  EXPECT_GT(attributions, 0u);
  EXPECT_GE(extra, 2u);  // the record's "tags" and "score" at least
}

TEST(AnalysisReader, ReadsPlainAndGzipFilesLineByLine) {
  const auto docs = RealAnalyses();
  std::string jsonl;
  for (const AnalyzedDocument& d : docs) jsonl += Json(d) + "\n";
  TempDir dir;
  for (const std::string& path : {dir.Write("a.jsonl", jsonl), dir.WriteGzip("a.jsonl.gz", jsonl)}) {
    auto reader = AnalysisReader::Open(path);
    ASSERT_TRUE(reader.ok());
    EXPECT_EQ((*reader)->compressed(), path.ends_with(".gz"));
    std::string again;
    AnalyzedDocument d;
    while ((*reader)->Next(&d)) again += Json(d) + "\n";
    EXPECT_EQ(again, jsonl) << path;
    EXPECT_EQ((*reader)->error_count(), 0u);
  }
}

TEST(AnalysisReader, ReportsBadLinesWithFileAndLineAndReadsOn) {
  AnalyzedDocument good;
  good.doc.id = "ok";
  good.doc.text = "Fine.";
  good.doc.origin = "x.txt";
  good.doc.paragraphs = {{0, 5}};
  std::string line = Json(good);
  std::string out_of_text = line;
  out_of_text.replace(out_of_text.find("[[0,5]]"), 7, "[[0,50]]");
  TempDir dir;
  const std::string path = dir.Write("part.jsonl", line + "\nnot json\n" + line + "\n" + out_of_text + "\n\n" +
                                                       "{\"id\":3}\n" + line + "\n");
  std::vector<std::string> errors;
  auto reader = AnalysisReader::Open(path, [&](const Status& s) { errors.push_back(s.message()); });
  ASSERT_TRUE(reader.ok());
  AnalyzedDocument d;
  int read = 0;
  while ((*reader)->Next(&d)) {
    EXPECT_EQ(d.doc.id, "ok");
    ++read;
  }
  EXPECT_EQ(read, 3);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].rfind(path + ":2: malformed JSON", 0), 0u) << errors[0];
  EXPECT_EQ(errors[1].rfind(path + ":4: paragraphs[0]: expected", 0), 0u) << errors[1];
  EXPECT_EQ(errors[2].rfind(path + ":6: id: expected a string", 0), 0u) << errors[2];
  EXPECT_EQ((*reader)->error_count(), 3u);
}

TEST(AnalysisReader, ReadsClaimsWhenPresentAndToleratesTheirAbsence) {
  const std::string base =
      "{\"id\":\"c\",\"title\":null,\"date\":\"2017-04-01\",\"source\":null,\"url\":null,\"language\":\"en\","
      "\"origin\":\"f.jsonl:3\",\"paragraphs\":[[0,30]],\"text\":\"Police detained 100 gay men.  \","
      "\"sentences\":[],\"entities\":[],\"quantities\":[],\"dates\":[],\"quotes\":[]";
  auto without = AnalysisReader::ParseLine(base + "}");
  ASSERT_TRUE(without.ok()) << without.status().message();
  EXPECT_TRUE(without->claims.empty());
  auto with = AnalysisReader::ParseLine(
      base + ",\"claims\":[{\"sentence\":0,\"begin\":0,\"end\":28,\"event\":\"DETAIN\",\"trigger\":\"detain\","
             "\"trigger_begin\":7,\"trigger_end\":15,\"agent\":\"Police\",\"patient\":\"gay men\",\"quantity\":-1,"
             "\"modality\":\"asserted\",\"attribution\":[{\"source\":\"Novaya Gazeta\",\"kind\":\"outlet\","
             "\"cue\":\"report\"}]}]}");
  ASSERT_TRUE(with.ok()) << with.status().message();
  ASSERT_EQ(with->claims.size(), 1u);
  const Claim& c = with->claims[0];
  EXPECT_EQ(c.event, "DETAIN");
  EXPECT_EQ(c.trigger_span, (Span{7, 15}));
  EXPECT_EQ(c.agent, "Police");
  EXPECT_EQ(c.quantity, -1);
  ASSERT_EQ(c.attribution.size(), 1u);
  EXPECT_EQ(c.attribution[0].source, "Novaya Gazeta");
  EXPECT_EQ(c.attribution[0].entity, -1);
}

TEST(AnalysisReader, MetadataScanAgreesWithTheFullParseAndSeekReturnsToALine) {
  const auto docs = RealAnalyses();
  std::string jsonl;
  for (const AnalyzedDocument& d : docs) jsonl += Json(d) + "\n";
  TempDir dir;
  auto reader = AnalysisReader::Open(dir.Write("a.jsonl", jsonl));
  ASSERT_TRUE(reader.ok());
  std::string line;
  uint64_t number = 0, offset = 0, third_offset = 0;
  std::string third;
  for (size_t i = 0; (*reader)->NextLine(&line, &number, &offset); ++i) {
    auto head = AnalysisReader::ParseMetadata(line);
    ASSERT_TRUE(head.ok());
    EXPECT_EQ(head->id, docs[i].doc.id);
    EXPECT_EQ(head->date, docs[i].doc.date);
    EXPECT_EQ(head->origin, docs[i].doc.origin);
    EXPECT_EQ(number, i + 1);
    if (i == 2) { third = line; third_offset = offset; }
  }
  ASSERT_TRUE((*reader)->Seek(third_offset, 3));
  ASSERT_TRUE((*reader)->NextLine(&line, &number, &offset));
  EXPECT_EQ(line, third);
  EXPECT_EQ(number, 3u);
  EXPECT_EQ(offset, third_offset);
}

}  // namespace
}  // namespace crosscheck::analyze
