#include "core/conllu.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace crosscheck::conllu {
namespace {

// From UD English EWT (weblog), shortened; plus a multiword token and an empty node.
constexpr char kSample[] =
    "# newdoc id = weblog-juancole.com_juancole_20051126063000_ENG_20051126_063000\n"
    "# sent_id = s1\n"
    "# newpar id = p1\n"
    "# text = Al-Zaman: they don't know.\n"
    "1\tAl\tAl\tPROPN\tNNP\tNumber=Sing\t0\troot\t0:root\tSpaceAfter=No\n"
    "2\t-\t-\tPUNCT\tHYPH\t_\t3\tpunct\t3:punct\tSpaceAfter=No\n"
    "3\tZaman\tZaman\tPROPN\tNNP\tNumber=Sing\t1\tflat\t1:flat\tSpaceAfter=No\n"
    "4\t:\t:\tPUNCT\t:\t_\t1\tpunct\t1:punct\t_\n"
    "5\tthey\tthey\tPRON\tPRP\t_\t8\tnsubj\t8:nsubj\t_\n"
    "6-7\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "6\tdo\tdo\tAUX\tVBP\t_\t8\taux\t8:aux\t_\n"
    "7\tn't\tnot\tPART\tRB\t_\t8\tadvmod\t8:advmod\t_\n"
    "7.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t0:root\t_\n"
    "8\tknow\tknow\tVERB\tVB\t_\t1\tparataxis\t1:parataxis\tSpaceAfter=No\n"
    "9\t.\t.\tPUNCT\t.\t_\t1\tpunct\t1:punct\t_\n"
    "\n"
    "# sent_id = s2\n"
    "# text = Yes.\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t1:punct\t_\n"
    "\n";

TEST(ConlluReaderTest, ReadsCommentsWordsAndMultiwordTokens) {
  Reader reader = Reader::FromString(kSample, "sample.conllu");
  Sentence s;
  ASSERT_TRUE(reader.Next(&s));
  EXPECT_TRUE(s.new_doc);
  EXPECT_TRUE(s.new_par);
  EXPECT_EQ(s.doc_id, "weblog-juancole.com_juancole_20051126063000_ENG_20051126_063000");
  EXPECT_EQ(s.par_id, "p1");
  EXPECT_EQ(s.sent_id, "s1");
  EXPECT_EQ(s.text, "Al-Zaman: they don't know.");
  ASSERT_EQ(s.words.size(), 9u);
  EXPECT_EQ(s.words[6].form, "n't");
  EXPECT_EQ(s.words[6].lemma, "not");
  EXPECT_EQ(s.words[6].upos, "PART");
  EXPECT_EQ(s.words[6].xpos, "RB");
  EXPECT_EQ(s.words[6].head, 8);
  EXPECT_EQ(s.words[6].deprel, "advmod");
  EXPECT_EQ(s.words[6].deps, "8:advmod");
  EXPECT_FALSE(s.words[0].space_after());
  EXPECT_TRUE(s.words[4].space_after());
  ASSERT_EQ(s.multiwords.size(), 1u);
  EXPECT_EQ(s.multiwords[0].first, 6);
  EXPECT_EQ(s.multiwords[0].last, 7);
  EXPECT_EQ(s.multiwords[0].form, "don't");
  EXPECT_NE(s.MultiwordStartingAt(6), nullptr);
  EXPECT_EQ(s.MultiwordStartingAt(5), nullptr);
  ASSERT_EQ(s.empty_nodes.size(), 1u);
  EXPECT_EQ(s.Comment("sent_id"), "s1");
  EXPECT_EQ(s.line, 1u);

  ASSERT_TRUE(reader.Next(&s));
  EXPECT_FALSE(s.new_doc);
  EXPECT_FALSE(s.new_par);
  EXPECT_EQ(s.words.size(), 2u);
  EXPECT_FALSE(reader.Next(&s));
  EXPECT_TRUE(reader.errors().empty());
}

TEST(ConlluReaderTest, ReportsAndSkipsMalformedSentences) {
  const std::string text =
      "# text = bad\n1\tbad\n\n"                     // too few columns
      "# text = ok\n1\tok\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n\n"
      "1\tx\tx\tX\tX\t_\tzero\troot\t_\t_\n";          // non-integer HEAD, no final blank line
  Reader reader = Reader::FromString(text, "broken.conllu");
  Sentence s;
  ASSERT_TRUE(reader.Next(&s));
  EXPECT_EQ(s.text, "ok");
  EXPECT_FALSE(reader.Next(&s));
  ASSERT_EQ(reader.errors().size(), 2u);
  EXPECT_NE(reader.errors()[0].message().find("broken.conllu:2:"), std::string::npos);
  EXPECT_NE(reader.errors()[0].message().find("10 tab-separated columns"), std::string::npos);
  EXPECT_NE(reader.errors()[1].message().find("HEAD"), std::string::npos);
}

TEST(ConlluReaderTest, ReadsGzipAndPlainFiles) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto plain = dir / "crosscheck_conllu_test.conllu";
  const auto gz = dir / "crosscheck_conllu_test.conllu.gz";
  std::ofstream(plain) << kSample;
  gzFile f = gzopen(gz.string().c_str(), "wb");
  gzwrite(f, kSample, sizeof(kSample) - 1);
  gzclose(f);
  for (const auto& path : {plain, gz}) {
    std::vector<Status> errors;
    Result<std::vector<Sentence>> sentences = ReadFile(path, &errors);
    ASSERT_TRUE(sentences.ok()) << sentences.status().message();
    EXPECT_EQ(sentences->size(), 2u);
    EXPECT_TRUE(errors.empty());
  }
  std::filesystem::remove(plain);
  std::filesystem::remove(gz);
}

TEST(ConlluReaderTest, MissingFileIsAnErrorNamingTheFile) {
  Result<std::vector<Sentence>> r = ReadFile("/nonexistent/x.conllu");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/x.conllu"), std::string::npos);
}

TEST(ConlluReaderTest, ReadsTheEwtTrainingFile) {
  const std::filesystem::path path =
      CROSSCHECK_SHARED_DIR "/data/ud/en_ewt/en_ewt-ud-train.conllu.gz";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared data at " << path;
  std::vector<Status> errors;
  Result<std::vector<Sentence>> r = ReadFile(path, &errors);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->size(), 12544u);
  EXPECT_TRUE(errors.empty());
}

TEST(MiscValueTest, FindsKeys) {
  EXPECT_EQ(MiscValue("SpaceAfter=No|Entity=(person)", "SpaceAfter"), "No");
  EXPECT_EQ(MiscValue("SpaceAfter=No|Entity=(person)", "Entity"), "(person)");
  EXPECT_EQ(MiscValue("_", "SpaceAfter"), "");
}

}  // namespace
}  // namespace crosscheck::conllu
