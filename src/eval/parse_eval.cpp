#include "eval/parse_eval.h"

#include <string_view>
#include <vector>

#include "core/conllu.h"

namespace crosscheck::eval {
namespace {

std::string_view UniversalPart(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

struct Counts {
  uint64_t words = 0, heads = 0, labeled = 0, labeled_full = 0, upos = 0, sentences = 0;
};

// The tags the parser gets for one sentence: predicted if there is a tagger.
class SentenceTagger {
 public:
  explicit SentenceTagger(const syntax::PosTagger* tagger) : tagger_(tagger) {}

  void Tag(const conllu::Sentence& s, std::vector<syntax::ParserWord>* words) {
    const size_t n = s.words.size();
    words->resize(n);
    forms_.resize(n);
    lemmas_.resize(n);
    for (size_t i = 0; i < n; ++i) forms_[i] = s.words[i].form;
    if (tagger_) tagger_->Tag(forms_, &scratch_, &labels_);
    for (size_t i = 0; i < n; ++i) {
      const conllu::Word& w = s.words[i];
      if (!tagger_) {
        (*words)[i] = {w.form, w.upos, w.xpos, w.lemma};
        continue;
      }
      const std::string_view upos = tagger_->upos(labels_[i]), xpos = tagger_->xpos(labels_[i]);
      tagger_->lemmatizer().Lemmatize(w.form, upos, xpos, &lemmas_[i]);
      (*words)[i] = {w.form, upos, xpos, lemmas_[i]};
    }
  }

 private:
  const syntax::PosTagger* tagger_;
  syntax::PosTagger::Scratch scratch_;
  std::vector<std::string_view> forms_;
  std::vector<uint16_t> labels_;
  std::vector<std::string> lemmas_;
};

void Score(const conllu::Sentence& s, const std::vector<syntax::ParserWord>& words,
           const std::vector<uint32_t>& heads, const std::vector<std::string>& deprels, Counts* c) {
  ++c->sentences;
  for (size_t i = 0; i < words.size(); ++i) {
    const conllu::Word& gold = s.words[i];
    ++c->words;
    c->upos += words[i].upos == gold.upos;
    if (static_cast<int>(heads[i]) != gold.head) continue;
    ++c->heads;
    c->labeled += UniversalPart(deprels[i]) == UniversalPart(gold.deprel);
    c->labeled_full += deprels[i] == gold.deprel;
  }
}

}  // namespace

Result<ParseScores> EvaluateParsing(const syntax::DependencyParser& parser, const syntax::PosTagger* tagger,
                                    const std::filesystem::path& gold) {
  auto reader = conllu::Reader::Open(gold);
  if (!reader.ok()) return reader.status();
  SentenceTagger tagging(tagger);
  syntax::ParserScratch scratch;
  std::vector<syntax::ParserWord> words;
  std::vector<uint32_t> heads;
  std::vector<std::string> deprels;
  Counts counts;
  conllu::Sentence sentence;
  while (reader->Next(&sentence)) {
    if (sentence.words.empty()) continue;
    tagging.Tag(sentence, &words);
    parser.Parse(words, &scratch, &heads, &deprels);
    Score(sentence, words, heads, deprels, &counts);
  }
  if (counts.words == 0) return Status::Error(gold.string() + ": no words to score");
  const auto percent = [&](uint64_t k) { return 100.0 * static_cast<double>(k) / counts.words; };
  ParseScores scores;
  scores.uas = percent(counts.heads);
  scores.las = percent(counts.labeled);
  scores.las_full = percent(counts.labeled_full);
  scores.upos_accuracy = percent(counts.upos);
  scores.words = counts.words;
  scores.sentences = counts.sentences;
  scores.predicted_tags = tagger != nullptr;
  return scores;
}

Result<ParseScores> EvaluateParsing(const std::filesystem::path& model_dir,
                                    const std::filesystem::path& gold) {
  auto parser = syntax::DependencyParser::Load(model_dir / "parser.bin");
  if (!parser.ok()) return parser.status();
  const std::filesystem::path pos_model = model_dir / "pos.bin";
  if (!std::filesystem::exists(pos_model)) return EvaluateParsing(*parser, nullptr, gold);
  auto tagger = syntax::PosTagger::Load(pos_model);
  if (!tagger.ok()) return tagger.status();
  return EvaluateParsing(*parser, &*tagger, gold);
}

}  // namespace crosscheck::eval
