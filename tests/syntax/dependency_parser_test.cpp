// Tests of the dependency parser: the parses later stages rely on, well-formed
// trees, determinism, clear load errors, and the oracle it is trained with.
#include "syntax/dependency_parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/conllu.h"
#include "syntax/transition_system.h"

namespace crosscheck::syntax {
namespace {

const std::filesystem::path kModel = std::filesystem::path(CROSSCHECK_SOURCE_DIR) / "models/parser.bin";
const std::filesystem::path kShared = CROSSCHECK_SHARED_DIR;

// "form/UPOS/XPOS/lemma ..." -> words (the strings live in `storage`).
std::vector<ParserWord> Words(const std::string& tagged, std::vector<std::string>* storage) {
  std::istringstream in(tagged);
  std::string token;
  storage->clear();
  while (in >> token) {
    std::istringstream fields(token);
    for (std::string field; std::getline(fields, field, '/');) storage->push_back(field);
  }
  std::vector<ParserWord> words;
  for (size_t i = 0; i + 3 < storage->size(); i += 4) {
    words.push_back({(*storage)[i], (*storage)[i + 1], (*storage)[i + 2], (*storage)[i + 3]});
  }
  return words;
}

class DependencyParserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = DependencyParser::Load(kModel);
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    parser_ = new DependencyParser(std::move(loaded).value());
  }
  static void TearDownTestSuite() { delete parser_; }

  void Parse(const std::string& tagged) {
    words_ = Words(tagged, &storage_);
    parser_->Parse(words_, &heads_, &deprels_);
  }
  // Index (0-based) of the word `form`.
  size_t At(const std::string& form) const {
    for (size_t i = 0; i < words_.size(); ++i) if (words_[i].form == form) return i;
    ADD_FAILURE() << "no word " << form;
    return 0;
  }
  // Head form of `form` ("ROOT" for the root) and relation.
  std::string HeadOf(const std::string& form) const {
    const uint32_t h = heads_[At(form)];
    return h == 0 ? "ROOT" : std::string(words_[h - 1].form);
  }
  std::string RelOf(const std::string& form) const { return deprels_[At(form)]; }

  static DependencyParser* parser_;
  std::vector<std::string> storage_;
  std::vector<ParserWord> words_;
  std::vector<uint32_t> heads_;
  std::vector<std::string> deprels_;
};
DependencyParser* DependencyParserTest::parser_ = nullptr;

TEST_F(DependencyParserTest, ParsesReportedSpeechWithSpeakerAddresseeAndComplement) {
  Parse("Karimov/PROPN/NNP/Karimov told/VERB/VBD/tell Interfax/PROPN/NNP/Interfax that/SCONJ/IN/that "
        "the/DET/DT/the article/NOUN/NN/article was/AUX/VBD/be a/DET/DT/a lie/NOUN/NN/lie ./PUNCT/./.");
  EXPECT_EQ(HeadOf("told"), "ROOT");
  EXPECT_EQ(HeadOf("Karimov"), "told");
  EXPECT_EQ(RelOf("Karimov"), "nsubj");
  EXPECT_EQ(HeadOf("Interfax"), "told");
  EXPECT_TRUE(RelOf("Interfax") == "obj" || RelOf("Interfax") == "iobj") << RelOf("Interfax");
  EXPECT_EQ(HeadOf("lie"), "told");
  EXPECT_EQ(RelOf("lie"), "ccomp");
}

TEST_F(DependencyParserTest, ParsesPassiveWithCountedSubject) {
  Parse("At/ADP/IN/at least/ADJ/JJS/least 100/NUM/CD/100 men/NOUN/NNS/man were/AUX/VBD/be "
        "detained/VERB/VBN/detain ./PUNCT/./.");
  EXPECT_EQ(HeadOf("100"), "men");
  EXPECT_EQ(RelOf("100"), "nummod");
  EXPECT_EQ(HeadOf("men"), "detained");
  EXPECT_EQ(RelOf("men"), "nsubj:pass");
  EXPECT_EQ(HeadOf("detained"), "ROOT");
}

// One root, heads in range, every word reaches the root without a cycle.
void ExpectWellFormed(const std::vector<uint32_t>& heads, const std::vector<std::string>& deprels) {
  const size_t n = heads.size();
  ASSERT_EQ(deprels.size(), n);
  size_t roots = 0;
  for (size_t i = 0; i < n; ++i) {
    ASSERT_LE(heads[i], n);
    ASSERT_NE(heads[i], i + 1) << "self loop";
    roots += heads[i] == 0;
    EXPECT_EQ(heads[i] == 0, deprels[i] == "root");
    size_t steps = 0;
    for (uint32_t w = static_cast<uint32_t>(i + 1); w != 0; w = heads[w - 1]) ASSERT_LE(++steps, n) << "cycle";
  }
  EXPECT_EQ(roots, 1u);
}

TEST_F(DependencyParserTest, ProducesWellFormedTreesOnRealSentences) {
  const auto dev = kShared / "data/ud/en_ewt/en_ewt-ud-dev.conllu.gz";
  if (!std::filesystem::exists(dev)) GTEST_SKIP() << "no " << dev;
  auto sentences = conllu::ReadFile(dev);
  ASSERT_TRUE(sentences.ok());
  ParserScratch scratch;
  for (const conllu::Sentence& s : *sentences) {
    std::vector<ParserWord> words;
    for (const conllu::Word& w : s.words) words.push_back({w.form, w.upos, w.xpos, w.lemma});
    parser_->Parse(words, &scratch, &heads_, &deprels_);
    ExpectWellFormed(heads_, deprels_);
  }
}

TEST_F(DependencyParserTest, HandlesTinyAndOddInput) {
  for (const char* tagged : {"Yes/INTJ/UH/yes", "./PUNCT/./. ./PUNCT/./. ./PUNCT/./.",
                             "the/DET/DT/the the/DET/DT/the the/DET/DT/the the/DET/DT/the",
                             "x/X/FW/x y/X/FW/y"}) {
    Parse(tagged);
    ExpectWellFormed(heads_, deprels_);
  }
  Parse("");
  EXPECT_TRUE(heads_.empty());
}

TEST_F(DependencyParserTest, OutputIsIdenticalAcrossRunsAndInstances) {
  const std::string sentence =
      "Police/NOUN/NNS/police said/VERB/VBD/say the/DET/DT/the protesters/NOUN/NNS/protester "
      "had/AUX/VBD/have thrown/VERB/VBN/throw stones/NOUN/NNS/stone ./PUNCT/./.";
  Parse(sentence);
  const auto first_heads = heads_;
  const auto first_deprels = deprels_;
  auto other = DependencyParser::Load(kModel);
  ASSERT_TRUE(other.ok());
  for (int run = 0; run < 3; ++run) {
    other->Parse(words_, &heads_, &deprels_);
    EXPECT_EQ(heads_, first_heads);
    EXPECT_EQ(deprels_, first_deprels);
  }
}

std::filesystem::path WriteTemp(const std::string& name, const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(DependencyParserLoadTest, ReportsMissingFile) {
  auto parser = DependencyParser::Load("/nonexistent/parser.bin");
  ASSERT_FALSE(parser.ok());
  EXPECT_NE(parser.status().message().find("/nonexistent/parser.bin"), std::string::npos);
}

TEST(DependencyParserLoadTest, ReportsWrongMagic) {
  const auto path = WriteTemp("cc_parser_bad_magic.bin", "CCSEGMNT and then something else");
  auto parser = DependencyParser::Load(path);
  ASSERT_FALSE(parser.ok());
  EXPECT_NE(parser.status().message().find(path.string()), std::string::npos);
  EXPECT_NE(parser.status().message().find("CCPARSER"), std::string::npos);
}

TEST(DependencyParserLoadTest, ReportsTruncatedFile) {
  std::ifstream in(kModel, std::ios::binary);
  ASSERT_TRUE(in) << kModel;
  std::string bytes(4096, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  const auto path = WriteTemp("cc_parser_truncated.bin", bytes);
  auto parser = DependencyParser::Load(path);
  ASSERT_FALSE(parser.ok());
  EXPECT_NE(parser.status().message().find(path.string()), std::string::npos);
}

// Following zero-cost moves of the dynamic oracle rebuilds a projective gold tree.
TEST(TransitionSystemTest, OracleRebuildsProjectiveTree) {
  // "Karimov told Interfax that the article was a lie ." (0-based, root = 10).
  const std::vector<int> gold = {1, 10, 1, 8, 5, 8, 8, 8, 1, 1};
  ParseState state;
  state.Reset(10);
  int costs[kNumMoves];
  while (!state.Terminal()) {
    state.MoveCosts(gold, costs);
    int move = -1;
    for (int m = 0; m < kNumMoves; ++m) {
      if (state.Legal(static_cast<Move>(m)) && costs[m] == 0) { move = m; break; }
    }
    ASSERT_GE(move, 0) << "no zero-cost move";
    state.Apply(static_cast<Move>(move), 0);
  }
  for (int w = 0; w < 10; ++w) EXPECT_EQ(state.head(w), gold[w]) << "word " << w;
}

TEST(TransitionSystemTest, ProjectivizeLiftsCrossingArc) {
  // Arcs 0->2 and 3->0 cross 1->root; lifting both gives a projective tree (root = 4).
  std::vector<int> heads = {3, 4, 0, 1};
  EXPECT_GT(Projectivize(&heads), 0);
  EXPECT_EQ(heads, (std::vector<int>{1, 4, 3, 1}));
}

}  // namespace
}  // namespace crosscheck::syntax
