#include "syntax/parser_corpus.h"

#include <algorithm>
#include <set>

#include "core/conllu.h"
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
      if (ToParserSentence(s, &sentence)) corpus.sentences.push_back(std::move(sentence));
    }
    if (!corpus.description.empty()) corpus.description += " + ";
    corpus.description += file.filename().string();
  }
  if (!used_genres.empty()) {
    std::string genres;
    for (const std::string& g : used_genres) genres += (genres.empty() ? "" : ",") + g;
    corpus.description += " (GUM genres: " + genres + ")";
  }
  if (!options.tagger_model.empty()) {
    return Status::Error(options.tagger_model.string() + ": predicted tags need the POS tagger, not built yet");
  }
  return corpus;
}

}  // namespace crosscheck::syntax
