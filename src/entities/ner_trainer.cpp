#include "entities/ner_trainer.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/binary_io.h"
#include "entities/gazetteer.h"
#include "entities/iob2_corpus.h"
#include "entities/ner_features.h"
#include "entities/ner_model.h"
#include "entities/ner_tagger.h"

namespace crosscheck::entities {
namespace {

constexpr uint32_t kUnknown = ~0u;
constexpr size_t kSelfTests = 6;

// Dense ids for feature hashes seen in training.
class FeatureIndex {
 public:
  uint32_t Add(uint64_t hash) {
    auto [it, added] = ids_.emplace(hash, static_cast<uint32_t>(keys_.size()));
    if (added) keys_.push_back(hash), counts_.push_back(0);
    ++counts_[it->second];
    return it->second;
  }
  uint32_t Find(uint64_t hash) const {
    auto it = ids_.find(hash);
    return it == ids_.end() ? kUnknown : it->second;
  }
  size_t size() const { return keys_.size(); }
  uint64_t key(uint32_t id) const { return keys_[id]; }
  uint32_t count(uint32_t id) const { return counts_[id]; }

 private:
  std::unordered_map<uint64_t, uint32_t> ids_;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> counts_;
};

// Sentences as dense feature ids: token t of the corpus has ids
// [token_begin[t], token_begin[t+1]).
struct Corpus {
  std::vector<uint32_t> ids;
  std::vector<uint32_t> token_begin = {0};
  std::vector<std::pair<uint32_t, uint32_t>> sentences;  // token ranges
  std::vector<uint16_t> gold;
};

// Lower-cased words of a one-per-line list ('#' comments).
Result<std::unordered_set<std::string>> ReadWordSet(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Status::Error(path.string() + ": cannot open word list");
  std::unordered_set<std::string> words;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') words.insert(AsciiLower(line));
  }
  return words;
}

// Web text often writes names in lower case ("burger king", "chicago"):
// appends lower-cased copies of about options.lowercase_fraction of the
// sentences that contain a name, chosen by a fixed pseudo-random sequence.
void AddLowercaseCopies(const NerTrainOptions& options, std::vector<NerSentence>* sentences) {
  uint64_t state = 0x10ca5e;
  const size_t n = sentences->size();
  for (size_t i = 0; i < n; ++i) {
    const NerSentence& s = (*sentences)[i];
    if (std::all_of(s.tags.begin(), s.tags.end(), [](const std::string& t) { return t == "O"; })) continue;
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    if (static_cast<double>(state >> 11) * 0x1.0p-53 >= options.lowercase_fraction) continue;
    NerSentence copy = s;
    copy.doc_id = "lowercase#" + s.doc_id;
    for (std::string& w : copy.words) w = AsciiLower(w);
    sentences->push_back(std::move(copy));
  }
}

// All training sentences, types outside options.types read as O.
Result<std::vector<NerSentence>> ReadTrainFiles(const NerTrainOptions& options) {
  std::vector<NerSentence> all;
  std::unordered_set<std::string> titles;
  for (const std::filesystem::path& path : options.train_files) {
    const bool gum = path.string().find(".conllu") != std::string::npos;
    if (gum && titles.empty()) {
      Result<std::unordered_set<std::string>> read =
          ReadWordSet(options.data_dir / "entities" / "person_titles.txt");
      if (!read.ok()) return read.status();
      titles = std::move(*read);
    }
    Result<std::vector<NerSentence>> part =
        gum ? ReadGumEntities(path, kOpenGumGenres, titles) : ReadIob2(path);
    if (!part.ok()) return part.status();
    for (NerSentence& s : *part) {
      s.doc_id = path.filename().string() + "#" + s.doc_id;  // keeps files' documents apart
      for (std::string& tag : s.tags) {
        const std::string_view type = TagType(tag);
        if (!type.empty() && std::find(options.types.begin(), options.types.end(), type) ==
                                 options.types.end()) tag = "O";
      }
      all.push_back(std::move(s));
    }
  }
  if (all.empty()) return Status::Error("TrainNer: no training sentences");
  AddLowercaseCopies(options, &all);
  return all;
}

std::vector<std::string> LabelsOf(const std::vector<NerSentence>& sentences) {
  std::set<std::string> types;
  for (const NerSentence& s : sentences) {
    for (const std::string& tag : s.tags) if (!TagType(tag).empty()) types.emplace(TagType(tag));
  }
  std::vector<std::string> labels = {"O"};
  for (const std::string& type : types) labels.push_back("B-" + type), labels.push_back("I-" + type);
  return labels;
}

// Hashes of words written lower-case at least twice and more often than capitalized.
std::vector<uint64_t> LowerWords(const std::vector<NerSentence>& sentences) {
  std::unordered_map<std::string, std::pair<int, int>> counts;  // lower, capitalized
  for (const NerSentence& s : sentences) {
    for (size_t i = 1; i < s.words.size(); ++i) {
      const char c = s.words[i].empty() ? 0 : s.words[i][0];
      auto& entry = counts[AsciiLower(s.words[i])];
      if (c >= 'a' && c <= 'z') ++entry.first;
      else if (c >= 'A' && c <= 'Z') ++entry.second;
    }
  }
  std::vector<uint64_t> keys;
  for (const auto& [word, count] : counts) {
    if (count.first >= 2 && count.first > count.second) keys.push_back(HashString(word));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// Feature hashes of every sentence, documents' casing taken into account.
void ForEachSentenceFeatures(const std::vector<NerSentence>& sentences, const Gazetteer& gazetteer,
                             const WordClusters& clusters, const std::vector<uint64_t>& lower_words,
                             const std::function<void(size_t, const SentenceFeatures&)>& use) {
  FeatureExtractor extractor(&gazetteer, &clusters);
  auto is_lower = [&](const std::string& w) {
    return std::binary_search(lower_words.begin(), lower_words.end(), HashString(w));
  };
  SentenceFeatures features;
  std::vector<std::string> storage;
  std::vector<std::string_view> recased;
  for (size_t doc_begin = 0; doc_begin < sentences.size();) {
    size_t doc_end = doc_begin;
    DocumentCasing casing;
    while (doc_end < sentences.size() && sentences[doc_end].doc_id == sentences[doc_begin].doc_id) {
      const auto& words = sentences[doc_end++].words;
      casing.AddSentence(std::vector<std::string_view>(words.begin(), words.end()));
    }
    for (size_t i = doc_begin; i < doc_end; ++i) {
      const auto& words = sentences[i].words;
      Recase(std::vector<std::string_view>(words.begin(), words.end()), casing, is_lower,
             &storage, &recased);
      extractor.Extract(recased, casing, &features);
      use(i, features);
    }
    doc_begin = doc_end;
  }
}

Corpus BuildCorpus(const std::vector<NerSentence>& sentences, const Gazetteer& gazetteer,
                   const NerModel& model, FeatureIndex* index, bool grow) {
  Corpus corpus;
  const std::vector<std::string>& labels = model.labels;
  ForEachSentenceFeatures(sentences, gazetteer, model.clusters, model.lower_words,
                          [&](size_t i, const SentenceFeatures& f) {
    const uint32_t first = static_cast<uint32_t>(corpus.gold.size());
    for (size_t t = 0; t < f.size(); ++t) {
      for (uint32_t j = f.begin[t]; j < f.begin[t + 1]; ++j) {
        const uint32_t id = grow ? index->Add(f.hashes[j]) : index->Find(f.hashes[j]);
        if (id != kUnknown) corpus.ids.push_back(id);
      }
      corpus.token_begin.push_back(static_cast<uint32_t>(corpus.ids.size()));
      const std::string& tag = sentences[i].tags[t];
      auto label = std::find(labels.begin(), labels.end(), tag);
      corpus.gold.push_back(static_cast<uint16_t>(label == labels.end() ? 0 : label - labels.begin()));
    }
    corpus.sentences.emplace_back(first, static_cast<uint32_t>(corpus.gold.size()));
  });
  return corpus;
}

// Reads "coarse.fine<TAB>word<TAB>count" lines.
Result<WordClusters> ReadClusters(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Status::Error(path.string() + ": cannot open word clusters");
  WordClusters clusters;
  uint64_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    const size_t dot = line.find('.'), tab = line.find('\t'), tab2 = line.find('\t', tab + 1);
    if (dot == std::string::npos || tab == std::string::npos || dot > tab) {
      return Status::Error(path.string() + ":" + std::to_string(line_number) +
                           ": expected `coarse.fine<TAB>word<TAB>count`");
    }
    const uint32_t coarse = static_cast<uint32_t>(std::stoul(line.substr(0, dot)));
    const uint32_t fine = static_cast<uint32_t>(std::stoul(line.substr(dot + 1, tab - dot - 1)));
    const std::string word = line.substr(tab + 1, tab2 == std::string::npos ? tab2 : tab2 - tab - 1);
    clusters.entries.emplace_back(HashString(AsciiLower(word)), (coarse << 16 | fine) + 1);
  }
  std::sort(clusters.entries.begin(), clusters.entries.end());
  return clusters;
}

// Structured perceptron with the averaging trick: average = w - u / c.
class Perceptron {
 public:
  Perceptron(size_t features, size_t labels, const std::vector<uint8_t>& allowed)
      : k_(labels), w_(features * labels), u_(features * labels),
        t_((labels + 1) * labels), tu_((labels + 1) * labels), allowed_(allowed) {}

  // Returns true if the sentence was mislabelled (and updates).
  bool Train(const Corpus& c, size_t s, const std::vector<uint8_t>& usable) {
    Decode(c, s, w_, t_, usable, &predicted_);
    const auto [first, end] = c.sentences[s];
    bool wrong = false;
    for (uint32_t tok = first; tok < end; ++tok) {
      const size_t i = tok - first;
      const uint16_t g = c.gold[tok], p = predicted_[i];
      const size_t gp = i == 0 ? k_ : c.gold[tok - 1], pp = i == 0 ? k_ : predicted_[i - 1];
      if (g != p || gp != pp) {
        Bump(&t_, &tu_, gp * k_ + g, 1);
        Bump(&t_, &tu_, pp * k_ + p, -1);
      }
      if (g == p) continue;
      wrong = true;
      for (uint32_t j = c.token_begin[tok]; j < c.token_begin[tok + 1]; ++j) {
        if (!usable[c.ids[j]]) continue;
        Bump(&w_, &u_, c.ids[j] * k_ + g, 1);
        Bump(&w_, &u_, c.ids[j] * k_ + p, -1);
      }
    }
    ++clock_;
    return wrong;
  }
  void Averaged(std::vector<float>* w, std::vector<float>* t) const {
    w->resize(w_.size());
    t->resize(t_.size());
    for (size_t i = 0; i < w_.size(); ++i) (*w)[i] = static_cast<float>(w_[i] - u_[i] / clock_);
    for (size_t i = 0; i < t_.size(); ++i) (*t)[i] = static_cast<float>(t_[i] - tu_[i] / clock_);
  }
  void Decode(const Corpus& c, size_t s, const std::vector<float>& w, const std::vector<float>& t,
              const std::vector<uint8_t>& usable, std::vector<uint16_t>* out) {
    const auto [first, end] = c.sentences[s];
    emissions_.assign((end - first) * k_, 0);
    for (uint32_t tok = first; tok < end; ++tok) {
      float* row = &emissions_[(tok - first) * k_];
      for (uint32_t j = c.token_begin[tok]; j < c.token_begin[tok + 1]; ++j) {
        if (!usable[c.ids[j]]) continue;
        const float* wr = &w[c.ids[j] * k_];
        for (size_t l = 0; l < k_; ++l) row[l] += wr[l];
      }
    }
    Viterbi(emissions_, end - first, k_, t, allowed_, &viterbi_, out);
  }

 private:
  void Bump(std::vector<float>* w, std::vector<double>* u, size_t i, float delta) {
    (*w)[i] += delta;
    (*u)[i] += delta * clock_;
  }
  size_t k_;
  std::vector<float> w_;
  std::vector<double> u_;
  std::vector<float> t_;
  std::vector<double> tu_;
  std::vector<uint8_t> allowed_;
  double clock_ = 1;
  std::vector<float> emissions_, viterbi_;
  std::vector<uint16_t> predicted_;
};

std::vector<std::string> TagsOf(const std::vector<uint16_t>& ids, const std::vector<std::string>& labels) {
  std::vector<std::string> tags;
  for (uint16_t id : ids) tags.push_back(labels[id]);
  return tags;
}

// Exact-span F1 (percent) of the averaged weights on `dev`.
double SpanF1(Perceptron* p, const Corpus& dev, const std::vector<float>& w, const std::vector<float>& t,
              const std::vector<uint8_t>& usable, const std::vector<std::string>& labels) {
  size_t gold = 0, predicted = 0, correct = 0;
  std::vector<uint16_t> out;
  for (size_t s = 0; s < dev.sentences.size(); ++s) {
    p->Decode(dev, s, w, t, usable, &out);
    const auto [first, end] = dev.sentences[s];
    auto g = SpansOfTags(TagsOf({dev.gold.begin() + first, dev.gold.begin() + end}, labels));
    auto q = SpansOfTags(TagsOf(out, labels));
    gold += g.size(), predicted += q.size();
    for (const TaggedSpan& span : q) correct += std::find(g.begin(), g.end(), span) != g.end();
  }
  return gold + predicted == 0 ? 0 : 200.0 * correct / (gold + predicted);
}

}  // namespace

namespace {

// Deterministic Fisher-Yates with a fixed 64-bit LCG (std::shuffle is
// implementation-defined).
void Shuffle(std::vector<uint32_t>* order, uint64_t* state) {
  for (size_t i = order->size(); i > 1; --i) {
    *state = *state * 6364136223846793005ull + 1442695040888963407ull;
    std::swap((*order)[i - 1], (*order)[(*state >> 33) % i]);
  }
}

// Keeps the features with a non-zero weight; fills the model's table.
void StoreWeights(const FeatureIndex& index, const std::vector<float>& w,
                  const std::vector<uint8_t>& usable, size_t k, NerModel* model) {
  std::vector<uint64_t> keys;
  std::vector<float> weights;
  for (uint32_t id = 0; id < index.size(); ++id) {
    if (!usable[id]) continue;
    const float* row = &w[static_cast<size_t>(id) * k];
    if (std::all_of(row, row + k, [](float x) { return std::abs(x) < 1e-3f; })) continue;
    keys.push_back(index.key(id));
    weights.insert(weights.end(), row, row + k);
  }
  model->weights.Build(keys, std::move(weights), k);
}

// Self-tests: the model's own output on the first short dev sentences with names.
void AddSelfTests(const std::vector<NerSentence>& samples, const Gazetteer& gazetteer,
                  NerModel* model) {
  NerTagger tagger(model, &gazetteer);
  NerTagger::Scratch scratch;
  std::vector<uint16_t> labels;
  for (const NerSentence& s : samples) {
    if (model->self_tests.size() >= kSelfTests) break;
    if (s.words.size() > 30 || SpansOfTags(s.tags).empty()) continue;
    std::vector<std::string_view> forms(s.words.begin(), s.words.end());
    DocumentCasing casing;
    casing.AddSentence(forms);
    tagger.Tag(forms, casing, &scratch, &labels);
    model->self_tests.push_back({s.words, TagsOf(labels, model->labels)});
  }
}

// Lowers the bias weight of label O by the amount (from a fixed grid) that
// gives the best span F1 on dev: the perceptron favours precision over recall.
double TuneOutsideBias(Perceptron* p, const Corpus& dev, const FeatureIndex& index,
                       const std::vector<uint8_t>& usable, const std::vector<std::string>& labels,
                       std::vector<float>* w, const std::vector<float>& t) {
  const uint32_t bias = index.Find(BiasFeature());
  if (dev.sentences.empty() || bias == kUnknown) return 0;
  float& o_weight = (*w)[static_cast<size_t>(bias) * labels.size()];
  const float original = o_weight;
  double best_f1 = -1, best_shift = 0;
  for (double shift : {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0, 25.0, 30.0}) {
    o_weight = original - static_cast<float>(shift);
    const double f1 = SpanF1(p, dev, *w, t, usable, labels);
    if (f1 > best_f1 + 1e-9) best_f1 = f1, best_shift = shift;
  }
  o_weight = original - static_cast<float>(best_shift);
  return best_shift;
}

}  // namespace

Status TrainNer(const NerTrainOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  Result<Gazetteer> gazetteer = Gazetteer::Load(options.data_dir);
  if (!gazetteer.ok()) return gazetteer.status();
  Result<std::vector<NerSentence>> train = ReadTrainFiles(options);
  if (!train.ok()) return train.status();
  std::vector<NerSentence> dev_sentences;
  if (!options.dev_file.empty()) {
    Result<std::vector<NerSentence>> dev = ReadIob2(options.dev_file);
    if (!dev.ok()) return dev.status();
    dev_sentences = std::move(*dev);
  }
  NerModel model;
  model.labels = LabelsOf(*train);
  model.lower_words = LowerWords(*train);
  if (!options.clusters.empty()) {
    Result<WordClusters> clusters = ReadClusters(options.clusters);
    if (!clusters.ok()) return clusters.status();
    model.clusters = std::move(*clusters);
  }
  const size_t k = model.labels.size();
  FeatureIndex index;
  const Corpus corpus = BuildCorpus(*train, *gazetteer, model, &index, true);
  const Corpus dev = BuildCorpus(dev_sentences, *gazetteer, model, &index, false);
  std::vector<uint8_t> usable(index.size());
  for (uint32_t id = 0; id < index.size(); ++id) usable[id] = index.count(id) >= options.min_feature_count;
  if (!options.quiet) {
    std::fprintf(stderr, "ner: %zu train sentences, %zu tokens, %zu features, %zu labels (%.1fs)\n",
                 corpus.sentences.size(), corpus.gold.size(), index.size(), k, elapsed());
  }
  const std::vector<uint8_t> allowed = AllowedTransitions(model.labels);
  // Each run shuffles differently and keeps its best epoch on dev; the
  // shipped weights are the mean of the runs (a bagging-like ensemble at
  // no cost when tagging).
  std::vector<float> w, t, best_w, best_t, sum_w, sum_t;
  std::string best_epochs;
  for (int run = 0; run < options.runs; ++run) {
    Perceptron perceptron(index.size(), k, allowed);
    std::vector<uint32_t> order(corpus.sentences.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    uint64_t rng = 0x5eed + static_cast<uint64_t>(run) * 0x9e3779b97f4a7c15ull;
    double best_f1 = -1;
    int best_epoch = 0;
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      Shuffle(&order, &rng);
      size_t wrong = 0;
      for (uint32_t s : order) wrong += perceptron.Train(corpus, s, usable);
      perceptron.Averaged(&w, &t);
      const double f1 = dev.sentences.empty() ? epoch : SpanF1(&perceptron, dev, w, t, usable, model.labels);
      if (!options.quiet) {
        std::fprintf(stderr, "ner: run %d epoch %d: %zu sentences wrong, dev span F1 %.2f (%.1fs)\n", run + 1,
                     epoch, wrong, f1, elapsed());
      }
      if (f1 > best_f1) best_f1 = f1, best_epoch = epoch, best_w = w, best_t = t;
    }
    best_epochs += (run > 0 ? "," : "") + std::to_string(best_epoch);
    if (run == 0) {
      sum_w = std::move(best_w), sum_t = std::move(best_t);
    } else {
      for (size_t i = 0; i < sum_w.size(); ++i) sum_w[i] += best_w[i];
      for (size_t i = 0; i < sum_t.size(); ++i) sum_t[i] += best_t[i];
    }
  }
  for (float& x : sum_w) x /= static_cast<float>(options.runs);
  for (float& x : sum_t) x /= static_cast<float>(options.runs);
  best_w = std::move(sum_w), best_t = std::move(sum_t);
  Perceptron perceptron(0, k, allowed);  // decoding only
  const double best_f1 = dev.sentences.empty() ? 0 : SpanF1(&perceptron, dev, best_w, best_t, usable, model.labels);
  const double o_shift = TuneOutsideBias(&perceptron, dev, index, usable, model.labels, &best_w, best_t);
  model.trainer = "entities::TrainNer: first-order averaged perceptron, Viterbi, BIO; best epoch " +
                  best_epochs + " of " + std::to_string(options.epochs) + " (" + std::to_string(options.runs) +
                  " averaged runs) on dev; min feature count " + std::to_string(options.min_feature_count) +
                  "; O bias shift " + std::to_string(o_shift);
  model.command = options.command;
  for (const auto& path : options.train_files) model.training_files.push_back(path.filename().string());
  StoreWeights(index, best_w, usable, k, &model);
  model.transitions = best_t;
  AddSelfTests(dev_sentences.empty() ? *train : dev_sentences, *gazetteer, &model);
  if (!options.quiet) {
    std::fprintf(stderr, "ner: kept %zu of %zu features; dev F1 %.2f, best epochs %s (%.1fs)\n",
                 model.weights.rows(), index.size(), best_f1, best_epochs.c_str(), elapsed());
  }
  return SaveNerModel(model, options.out_path);
}

}  // namespace crosscheck::entities
