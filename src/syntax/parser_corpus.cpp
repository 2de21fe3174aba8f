#include "syntax/parser_corpus.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <thread>

#include "core/conllu.h"
#include "syntax/pos_tagger.h"
#include "syntax/pos_trainer.h"
#include "syntax/transition_system.h"

namespace crosscheck::syntax {
namespace {

// "GUM_news_asylum" -> "news"; "" for documents that are not from GUM.
std::string GumGenre(const std::string& doc_id) {
  if (doc_id.rfind("GUM_", 0) != 0) return "";
  const size_t end = doc_id.find('_', 4);
  return doc_id.substr(4, end == std::string::npos ? std::string::npos : end - 4);
}

bool ToParserSentence(const conllu::Sentence& in, ParserSentence* out) {
  const int n = static_cast<int>(in.words.size());
  *out = ParserSentence();
  for (const conllu::Word& w : in.words) {
    if (w.head < 0 || w.head > n) return false;
    out->form.push_back(w.form);
    out->upos.push_back(w.upos);
    out->xpos.push_back(w.xpos);
    out->lemma.push_back(w.lemma);
    out->heads.push_back(w.head == 0 ? n : w.head - 1);
    out->deprels.push_back(w.deprel);
  }
  out->projective_heads = out->heads;
  Projectivize(&out->projective_heads);
  return n > 0;
}

Status WriteConllu(const std::vector<conllu::Sentence>& sentences, size_t skip_begin, size_t skip_end,
                   const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::Error(path.string() + ": cannot write");
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i >= skip_begin && i < skip_end) continue;
    const conllu::Sentence& s = sentences[i];
    for (const std::string& comment : s.comments) out << "# " << comment << '\n';
    for (const conllu::Word& w : s.words) {
      out << w.id << '\t' << w.form << '\t' << w.lemma << '\t' << w.upos << '\t' << w.xpos << '\t'
          << w.feats << '\t' << w.head << '\t' << w.deprel << '\t' << w.deps << '\t' << w.misc << '\n';
    }
    out << '\n';
  }
  return out ? Status::Ok() : Status::Error(path.string() + ": write failed");
}

// Trains a POS model on all but sentences [begin, end) and tags those with it.
Status JackknifeFold(ParserCorpus* corpus, size_t begin, size_t end, const std::filesystem::path& clusters,
                     const std::string& prefix) {
  PosTrainOptions options;
  options.train = {prefix + ".conllu"};
  options.out = prefix + ".pos.bin";
  options.clusters = clusters;
  options.quiet = true;
  options.command = "crosscheck train parser (jackknife fold)";
  if (Status s = WriteConllu(corpus->source, begin, end, options.train[0]); !s.ok()) return s;
  Status status = TrainPosTagger(options);
  if (status.ok()) status = RetagCorpus(options.out, corpus, begin, end);
  std::error_code ignored;
  std::filesystem::remove(options.train[0], ignored);
  std::filesystem::remove(options.out, ignored);
  return status;
}

}  // namespace

void ParserSentence::Words(std::vector<ParserWord>* out) const {
  out->resize(form.size());
  for (size_t i = 0; i < form.size(); ++i) (*out)[i] = {form[i], upos[i], xpos[i], lemma[i]};
}

LabelSet LabelSet::FromCorpus(const std::vector<ParserSentence>& sentences) {
  std::set<std::string> names;
  for (const ParserSentence& s : sentences) names.insert(s.deprels.begin(), s.deprels.end());
  LabelSet set;
  set.names.assign(names.begin(), names.end());
  set.root = std::max(0, set.Id("root"));
  for (const ParserSentence& s : sentences) {
    for (size_t i = 0; i < s.heads.size(); ++i) {
      const int id = set.Id(s.deprels[i]);
      if (id < 0 || id >= 64 || id == set.root) continue;
      (s.heads[i] > static_cast<int>(i) ? set.left_arcs : set.right_arcs) |= 1ull << id;
    }
  }
  return set;
}

int LabelSet::Id(const std::string& name) const {
  const auto it = std::lower_bound(names.begin(), names.end(), name);
  return it != names.end() && *it == name ? static_cast<int>(it - names.begin()) : -1;
}

void ParserCorpus::AssignLabels(const LabelSet& labels) {
  for (ParserSentence& s : sentences) {
    s.labels.resize(s.deprels.size());
    for (size_t i = 0; i < s.deprels.size(); ++i) s.labels[i] = labels.Id(s.deprels[i]);
  }
}

Result<ParserCorpus> ReadParserCorpus(const std::vector<std::filesystem::path>& files,
                                      const ParserCorpusOptions& options) {
  ParserCorpus corpus;
  std::set<std::string> used_genres;
  for (const auto& file : files) {
    auto sentences = conllu::ReadFile(file);
    if (!sentences.ok()) return sentences.status();
    std::string genre;
    bool keep = true;
    for (const conllu::Sentence& s : *sentences) {
      if (s.new_doc) {
        genre = GumGenre(s.doc_id);
        keep = genre.empty() || std::find(options.gum_genres.begin(), options.gum_genres.end(), genre) !=
                                    options.gum_genres.end();
        if (!keep) ++corpus.skipped_documents;
        if (keep && !genre.empty()) used_genres.insert(genre);
      }
      if (!keep) continue;
      ParserSentence sentence;
      if (!ToParserSentence(s, &sentence)) continue;
      corpus.sentences.push_back(std::move(sentence));
      corpus.source.push_back(s);
    }
    if (!corpus.description.empty()) corpus.description += " + ";
    corpus.description += file.filename().string();
  }
  if (!used_genres.empty()) {
    std::string genres;
    for (const std::string& g : used_genres) genres += (genres.empty() ? "" : ",") + g;
    corpus.description += " (GUM genres: " + genres + ")";
  }
  return corpus;
}

Status RetagCorpus(const std::filesystem::path& tagger_model, ParserCorpus* corpus, size_t begin,
                   size_t end) {
  auto tagger = PosTagger::Load(tagger_model);
  if (!tagger.ok()) return tagger.status();
  PosTagger::Scratch scratch;
  std::vector<std::string_view> forms;
  std::vector<uint16_t> tags;
  end = std::min(end, corpus->sentences.size());
  for (size_t i = begin; i < end; ++i) {
    ParserSentence& s = corpus->sentences[i];
    forms.assign(s.form.begin(), s.form.end());
    tagger->Tag(forms, &scratch, &tags);
    for (size_t w = 0; w < forms.size(); ++w) {
      s.upos[w] = tagger->upos(tags[w]);
      s.xpos[w] = tagger->xpos(tags[w]);
      tagger->lemmatizer().Lemmatize(s.form[w], s.upos[w], s.xpos[w], &s.lemma[w]);
    }
  }
  return Status::Ok();
}

Status JackknifeTags(int folds, const std::filesystem::path& clusters,
                     const std::filesystem::path& work_prefix, bool quiet, ParserCorpus* corpus) {
  const size_t n = corpus->sentences.size();
  std::vector<Status> results(folds);
  for (int first = 0; first < folds; first += 2) {
    std::vector<std::thread> threads;
    for (int k = first; k < std::min(folds, first + 2); ++k) {
      threads.emplace_back([&, k] {
        const std::string prefix = work_prefix.string() + ".fold" + std::to_string(k);
        results[k] = JackknifeFold(corpus, n * k / folds, n * (k + 1) / folds, clusters, prefix);
      });
    }
    for (std::thread& t : threads) t.join();
    if (!quiet) std::fprintf(stderr, "train parser: jackknife folds %d-%d tagged\n", first + 1,
                             std::min(folds, first + 2));
  }
  for (const Status& s : results) if (!s.ok()) return s;
  return Status::Ok();
}

}  // namespace crosscheck::syntax
