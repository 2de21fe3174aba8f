#include "eval/pos_eval.h"

#include <string>
#include <string_view>
#include <vector>

#include "core/conllu.h"

namespace crosscheck::eval {
namespace {

struct Counts {
  uint64_t words = 0, upos = 0, xpos = 0, lemma = 0, feats = 0, all_tags = 0;
};

void ScoreSentence(const syntax::PosTagger& tagger, const conllu::Sentence& sentence,
                   syntax::PosTagger::Scratch* scratch, Counts* counts) {
  std::vector<std::string_view> forms;
  forms.reserve(sentence.words.size());
  for (const conllu::Word& w : sentence.words) forms.push_back(w.form);
  std::vector<uint16_t> labels;
  tagger.Tag(forms, scratch, &labels);
  std::string lemma;
  for (size_t i = 0; i < forms.size(); ++i) {
    const conllu::Word& gold = sentence.words[i];
    const std::string_view upos = tagger.upos(labels[i]), xpos = tagger.xpos(labels[i]);
    tagger.lemmatizer().Lemmatize(forms[i], upos, xpos, &lemma);
    const bool upos_ok = upos == gold.upos, xpos_ok = xpos == gold.xpos;
    const bool feats_ok = tagger.feats(forms[i], labels[i]) == gold.feats;
    ++counts->words;
    counts->upos += upos_ok;
    counts->xpos += xpos_ok;
    counts->feats += feats_ok;
    counts->all_tags += upos_ok && xpos_ok && feats_ok;
    counts->lemma += lemma == gold.lemma;
  }
}

double Percent(uint64_t part, uint64_t whole) {
  return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

}  // namespace

Result<PosScores> EvaluatePosTagging(const syntax::PosTagger& tagger,
                                     const std::filesystem::path& gold) {
  auto reader = conllu::Reader::Open(gold);
  if (!reader.ok()) return reader.status();
  syntax::PosTagger::Scratch scratch;
  conllu::Sentence sentence;
  Counts counts;
  PosScores scores;
  while (reader->Next(&sentence)) {
    ScoreSentence(tagger, sentence, &scratch, &counts);
    ++scores.sentences;
  }
  if (counts.words == 0) return Status::Error(gold.string() + ": no gold words to score");
  scores.words = counts.words;
  scores.upos_accuracy = Percent(counts.upos, counts.words);
  scores.xpos_accuracy = Percent(counts.xpos, counts.words);
  scores.lemma_accuracy = Percent(counts.lemma, counts.words);
  scores.feats_accuracy = Percent(counts.feats, counts.words);
  scores.all_tags_accuracy = Percent(counts.all_tags, counts.words);
  return scores;
}

Result<PosScores> EvaluatePosTagging(const std::filesystem::path& model_dir,
                                     const std::filesystem::path& gold) {
  auto tagger = syntax::PosTagger::Load(model_dir / "pos.bin");
  if (!tagger.ok()) return tagger.status();
  return EvaluatePosTagging(*tagger, gold);
}

}  // namespace crosscheck::eval
