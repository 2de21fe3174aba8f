#include "reconcile/summarizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "syntax/syntax_analyzer.h"
#include "text/text_analyzer.h"

namespace crosscheck::reconcile {
namespace {

// The layers the summarizer reads (tokens, sentences, lemmas, POS), made by
// the real text and syntax stages from hand-written reports.
class SummarizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto text = text::TextAnalyzer::Load(analyze::DefaultModelDir());
    ASSERT_TRUE(text.ok()) << text.status().message();
    text_ = new std::shared_ptr<const text::TextAnalyzer>(std::move(text).value());
    auto syntax = syntax::SyntaxAnalyzer::Load(analyze::DefaultModelDir());
    ASSERT_TRUE(syntax.ok()) << syntax.status().message();
    syntax_ = new std::shared_ptr<const syntax::SyntaxAnalyzer>(std::move(syntax).value());
    auto summarizer = Summarizer::Load(analyze::DefaultDataDir());
    ASSERT_TRUE(summarizer.ok()) << summarizer.status().message();
    summarizer_ = new Summarizer(std::move(summarizer).value());
  }
  static void TearDownTestSuite() {
    delete text_;
    delete syntax_;
    delete summarizer_;
  }

  const AnalyzedDocument& Add(const std::string& id, const std::string& title, const std::string& text) {
    Document doc;
    doc.id = id;
    doc.title = title;
    doc.text = text;
    auto analysed = std::make_unique<AnalyzedDocument>(AnalyzedDocument{.doc = std::move(doc)});
    (*text_)->Analyze(analysed.get());
    (*syntax_)->Analyze(analysed.get());
    docs_.push_back(std::move(analysed));
    return *docs_.back();
  }
  std::vector<const AnalyzedDocument*> Docs() const {
    std::vector<const AnalyzedDocument*> out;
    for (const auto& d : docs_) out.push_back(d.get());
    return out;
  }
  std::string SentenceOf(const Cite& cite) const {
    for (const auto& d : docs_) {
      if (d->doc.id != cite.document) continue;
      const Span span = d->sentences.at(cite.sentence).span;
      return d->doc.text.substr(span.begin, span.size());
    }
    return "";
  }
  void AddFloodStory() {
    Add("wire", "Floods force thousands from homes in river valley",
        "Floods forced about 4,000 people from their homes in the river valley on Sunday, local officials said. "
        "The river rose two metres overnight after three days of heavy rain. "
        "Emergency crews used boats to reach villages cut off by the water.");
    Add("daily", "River valley floods: 4,000 evacuated",
        "About 4,000 residents of the river valley were evacuated from their homes on Sunday as floods spread. "
        "Heavy rain fell for three days before the river burst its banks. "
        "Why did nobody warn the villages earlier?");
    Add("post", "Thousands flee rising river after days of rain",
        "Thousands of people fled their homes in the river valley on Sunday after the river rose two metres. "
        "\"We lost everything, the water came so fast,\" said one farmer whose house was flooded. "
        "Schools in the valley will stay closed until Wednesday.");
  }

  static std::shared_ptr<const text::TextAnalyzer>* text_;
  static std::shared_ptr<const syntax::SyntaxAnalyzer>* syntax_;
  static Summarizer* summarizer_;
  std::vector<std::unique_ptr<AnalyzedDocument>> docs_;
};

std::shared_ptr<const text::TextAnalyzer>* SummarizerTest::text_ = nullptr;
std::shared_ptr<const syntax::SyntaxAnalyzer>* SummarizerTest::syntax_ = nullptr;
Summarizer* SummarizerTest::summarizer_ = nullptr;

TEST_F(SummarizerTest, EverySentenceCitesTheSentenceItQuotes) {
  AddFloodStory();
  const auto summary = summarizer_->Summarize(Docs(), {}, {.max_words = 60});
  ASSERT_FALSE(summary.empty());
  for (const SummarySentence& s : summary) {
    ASSERT_EQ(s.cites.size(), 1u);
    EXPECT_EQ(s.text, SentenceOf(s.cites[0]));
  }
}

TEST_F(SummarizerTest, PicksTheCentralEventBeforeDetails) {
  AddFloodStory();
  const auto summary = summarizer_->Summarize(Docs(), {}, {.max_sentences = 1});
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_EQ(summary[0].cites[0].sentence, 0u) << summary[0].text;
}

TEST_F(SummarizerTest, SkipsQuotationsAndQuestions) {
  AddFloodStory();
  const auto summary = summarizer_->Summarize(Docs(), {}, {.max_words = 200});
  for (const SummarySentence& s : summary) {
    EXPECT_EQ(s.text.find("We lost everything"), std::string::npos);
    EXPECT_EQ(s.text.find('?'), std::string::npos);
  }
}

TEST_F(SummarizerTest, AvoidsLoadedWordingWhenANeutralEquivalentExists) {
  // The two ledes differ only in editorializing adverbs, which are not content
  // terms: they are equally central, and the earlier document would win the tie.
  Add("a", "Council rejects budget plan",
      "The city council outrageously rejected the mayor's budget plan in a 7-2 vote on Tuesday, shockingly. "
      "The plan would have raised property taxes by 4 percent.");
  Add("b", "Council votes down budget",
      "The city council rejected the mayor's budget plan in a 7-2 vote on Tuesday. "
      "The plan would have raised property taxes by 4 percent.");
  Add("c", "Mayor's budget fails",
      "The mayor's budget plan failed in the city council on Tuesday by a vote of 7-2. "
      "Council members objected to a 4 percent rise in property taxes.");
  const auto summary = summarizer_->Summarize(Docs(), {}, {.max_sentences = 1});
  ASSERT_EQ(summary.size(), 1u);
  EXPECT_EQ(summary[0].cites[0], (Cite{"b", 0})) << summary[0].text;
  // Without the lexicon penalty the loaded version wins the tie.
  SummaryWeights weights;
  weights.loaded = 0;
  auto indifferent = Summarizer::Load(analyze::DefaultDataDir(), weights);
  ASSERT_TRUE(indifferent.ok());
  const auto loaded = indifferent->Summarize(Docs(), {}, {.max_sentences = 1});
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(loaded[0].cites[0], (Cite{"a", 0})) << loaded[0].text;
}

TEST_F(SummarizerTest, SkipsSyndicatedCopiesAndRepeatedSentences) {
  AddFloodStory();
  Add("wire-copy", "Floods force thousands from homes in river valley",
      "Floods forced about 4,000 people from their homes in the river valley on Sunday, local officials said. "
      "The river rose two metres overnight after three days of heavy rain. "
      "Emergency crews used boats to reach villages cut off by the water.");
  SummaryInput extra;
  extra.is_copy = {false, false, false, true};
  for (const SummarySentence& s : summarizer_->Summarize(Docs(), extra, {.max_words = 200})) {
    EXPECT_NE(s.cites[0].document, "wire-copy");
  }
  // Unmarked, the copy's sentences are near-duplicates of the original's: never both.
  const auto unmarked = summarizer_->Summarize(Docs(), {}, {.max_words = 200});
  std::vector<std::string> texts;
  for (const SummarySentence& s : unmarked) texts.push_back(s.text);
  std::sort(texts.begin(), texts.end());
  EXPECT_EQ(std::adjacent_find(texts.begin(), texts.end()), texts.end());
}

TEST_F(SummarizerTest, SupportRaisesASentence) {
  AddFloodStory();
  const auto plain = summarizer_->Summarize(Docs(), {}, {.max_sentences = 1});
  ASSERT_EQ(plain.size(), 1u);
  // Give overwhelming support to a detail sentence of the last document.
  SummaryInput extra;
  extra.support[{2, 2}] = 3;
  SummaryWeights weights;
  weights.support = 5;
  auto summarizer = Summarizer::Load(analyze::DefaultDataDir(), weights);
  ASSERT_TRUE(summarizer.ok());
  const auto supported = summarizer->Summarize(Docs(), extra, {.max_sentences = 1});
  ASSERT_EQ(supported.size(), 1u);
  EXPECT_EQ(supported[0].cites[0], (Cite{"post", 2}));
}

TEST_F(SummarizerTest, KeepsToTheWordCapAndIsDeterministic) {
  AddFloodStory();
  const auto first = summarizer_->Summarize(Docs(), {}, {.max_words = 40});
  size_t words = 0;
  for (const SummarySentence& s : first) {
    bool in_word = false;
    for (char c : s.text) {
      if (c != ' ' && !in_word) ++words;
      in_word = c != ' ';
    }
  }
  EXPECT_LE(words, 40u);
  for (int run = 0; run < 3; ++run) {
    const auto again = summarizer_->Summarize(Docs(), {}, {.max_words = 40});
    ASSERT_EQ(again.size(), first.size());
    for (size_t i = 0; i < first.size(); ++i) {
      EXPECT_EQ(again[i].text, first[i].text);
      EXPECT_EQ(again[i].cites, first[i].cites);
    }
  }
}

TEST_F(SummarizerTest, EmptyInputGivesAnEmptySummary) {
  EXPECT_TRUE(summarizer_->Summarize({}, {}, {.max_words = 60}).empty());
  Add("blank", "", "");
  EXPECT_TRUE(summarizer_->Summarize(Docs(), {}, {.max_words = 60}).empty());
}

TEST(SummarizerLoad, NamesTheMissingLexicon) {
  auto summarizer = Summarizer::Load("/nonexistent");
  ASSERT_FALSE(summarizer.ok());
  EXPECT_NE(summarizer.status().message().find("loaded_words.tsv"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck::reconcile
