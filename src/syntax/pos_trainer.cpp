#include "syntax/pos_trainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <system_error>

#include "core/conllu.h"
#include "syntax/averaged_perceptron.h"
#include "syntax/lemma_trainer.h"
#include "syntax/pos_model.h"
#include "syntax/pos_tagger.h"

namespace crosscheck::syntax {
namespace {

using Words = std::vector<conllu::Word>;

// Sentences used for self-tests: real news wording, stored with the model.
const char* const kSelfTestSentences[] = {
    "Novaya Gazeta reported that at least 100 men had been detained .",
    "The police said they were n't aware of any arrests , and the ministry denied it .",
    "She 's been living in Grozny since 2015 and writes about human rights .",
};

// "GUM_news_soccer" -> "news"; "" for documents that are not GUM's.
std::string GumGenre(const std::string& doc_id) {
  if (doc_id.rfind("GUM_", 0) != 0) return "";
  const size_t end = doc_id.find('_', 4);
  return doc_id.substr(4, end == std::string::npos ? std::string::npos : end - 4);
}

Status ReadTreebank(const std::filesystem::path& path, const std::vector<std::string>& genres,
                    std::vector<Words>* sentences) {
  auto reader = conllu::Reader::Open(path);
  if (!reader.ok()) return reader.status();
  conllu::Sentence s;
  std::string doc_id;
  bool keep = true;
  while (reader->Next(&s)) {
    if (s.new_doc) {
      doc_id = s.doc_id;
      const std::string genre = GumGenre(doc_id);
      keep = genre.empty() || std::find(genres.begin(), genres.end(), genre) != genres.end();
    }
    if (keep && !s.words.empty()) sentences->push_back(std::move(s.words));
  }
  return Status::Ok();
}

struct Labels {
  std::vector<std::string> upos, xpos;
  std::map<std::pair<std::string, std::string>, uint16_t> ids;
  uint16_t Id(const conllu::Word& w) const {
    auto it = ids.find({w.upos, w.xpos});
    return it == ids.end() ? 0 : it->second;
  }
};

Labels CollectLabels(const std::vector<Words>& sentences) {
  std::set<std::pair<std::string, std::string>> seen;
  for (const Words& words : sentences) {
    for (const conllu::Word& w : words) seen.insert({w.upos, w.xpos});
  }
  Labels labels;
  for (const auto& pair : seen) {
    labels.ids[pair] = static_cast<uint16_t>(labels.upos.size());
    labels.upos.push_back(pair.first);
    labels.xpos.push_back(pair.second);
  }
  return labels;
}

HashIndex BuildTagDictionary(const std::vector<Words>& sentences, const Labels& labels,
                             const PosTrainOptions& options) {
  std::map<std::string, std::map<uint16_t, int>> counts;
  for (const Words& words : sentences) {
    for (const conllu::Word& w : words) ++counts[w.form][labels.Id(w)];
  }
  HashIndex dictionary;
  for (const auto& [form, by_label] : counts) {
    int total = 0, best = 0;
    uint16_t best_label = 0;
    for (const auto& [label, n] : by_label) {
      total += n;
      if (n > best) best = n, best_label = label;
    }
    if (total >= options.dictionary_min_count && best >= options.dictionary_purity * total) {
      dictionary.Insert(HashString(form), best_label);
    }
  }
  return dictionary;
}

LabelCandidates BuildLabelCandidates(const std::vector<Words>& sentences, const Labels& labels,
                                     const PosTrainOptions& options) {
  std::map<std::string, std::map<uint16_t, int>> counts;
  for (const Words& words : sentences) {
    for (const conllu::Word& w : words) ++counts[w.form][labels.Id(w)];
  }
  LabelCandidates candidates;
  candidates.words_per_set = static_cast<uint32_t>((labels.upos.size() + 63) / 64);
  std::map<std::vector<uint64_t>, uint32_t> set_ids;
  for (const auto& [form, by_label] : counts) {
    int total = 0;
    for (const auto& entry : by_label) total += entry.second;
    if (total < options.candidate_min_count) continue;
    std::vector<uint64_t> set(candidates.words_per_set, 0);
    for (const auto& entry : by_label) set[entry.first >> 6] |= 1ull << (entry.first & 63);
    auto [it, inserted] = set_ids.try_emplace(set, static_cast<uint32_t>(set_ids.size()));
    if (inserted) candidates.bits.insert(candidates.bits.end(), set.begin(), set.end());
    candidates.sets.Insert(HashString(form), it->second);
  }
  return candidates;
}

Status ReadClusters(const std::filesystem::path& path, HashIndex* clusters) {
  std::ifstream in(path);
  if (!in) return Status::Error(path.string() + ": cannot open word clusters");
  std::map<std::string, uint32_t> fine_ids, coarse_ids;
  auto id = [](std::map<std::string, uint32_t>* ids, const std::string& name) {
    return ids->try_emplace(name, static_cast<uint32_t>(ids->size())).first->second;
  };
  std::string line;
  for (int line_number = 1; std::getline(in, line); ++line_number) {
    const size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#') continue;
    if (tab == std::string::npos) {
      return Status::Error(path.string() + ":" + std::to_string(line_number) +
                           ": expected \"cluster<TAB>word[<TAB>count]\"");
    }
    const size_t end = line.find('\t', tab + 1);
    const std::string word = line.substr(tab + 1, end == std::string::npos ? end : end - tab - 1);
    const std::string cluster = line.substr(0, tab);
    // "coarse.fine" clusters carry a coarse level; plain ids have none.
    const size_t dot = cluster.find('.');
    const uint32_t coarse = dot == std::string::npos ? 0 : id(&coarse_ids, cluster.substr(0, dot)) + 1;
    const uint32_t fine = id(&fine_ids, cluster);
    if (fine >= (1u << kCoarseShift)) return Status::Error(path.string() + ": too many clusters");
    clusters->Insert(HashString(word), (coarse << kCoarseShift) | fine);
  }
  return Status::Ok();
}

// One training sentence with its word hashes computed once.
struct Example {
  std::vector<WordKeys> keys;
  std::vector<uint16_t> labels;
};

std::vector<Example> MakeExamples(const std::vector<Words>& sentences, const Labels& labels,
                                  const WordLexicon& lexicon) {
  std::vector<Example> examples(sentences.size());
  std::vector<std::string_view> forms;
  for (size_t s = 0; s < sentences.size(); ++s) {
    forms.clear();
    for (const conllu::Word& w : sentences[s]) {
      forms.push_back(w.form);
      examples[s].labels.push_back(labels.Id(w));
    }
    if (getenv("REVERSE")) { std::reverse(forms.begin(), forms.end()); std::reverse(examples[s].labels.begin(), examples[s].labels.end()); }
    ComputeWordKeys(forms, lexicon, &examples[s].keys);
  }
  return examples;
}

// Greedy decoding with the current weights, updating on every mistake.
void TrainSentence(const Example& example, const PosModel& model, AveragedPerceptron* perceptron,
                   std::vector<float>* scores) {
  uint32_t prev1 = kStartLabel, prev2 = kStartLabel;
  uint64_t features[kMaxTaggerFeatures];
  for (size_t i = 0; i < example.keys.size(); ++i) {
    uint32_t guess;
    if (auto known = model.tag_dictionary.Find(example.keys[i].form)) {
      guess = *known;
    } else {
      const int n = ExtractFeatures(example.keys, static_cast<int>(i), prev1, prev2, features);
      std::fill(scores->begin(), scores->end(), 0.0f);
      perceptron->Score(features, n, scores->data());
      guess = BestLabel(scores->data(), static_cast<uint32_t>(scores->size()),
                        model.candidates.Find(example.keys[i].form));
      perceptron->Update(features, n, example.labels[i], guess);
    }
    prev2 = prev1;
    prev1 = guess;
  }
}

// Fisher-Yates with the raw mt19937 stream (identical on every platform).
void Shuffle(std::vector<uint32_t>* order, std::mt19937* rng) {
  for (size_t i = order->size(); i > 1; --i) std::swap((*order)[i - 1], (*order)[(*rng)() % i]);
}

// (UPOS, XPOS) accuracy in percent of `tagger` on `sentences`.
std::pair<double, double> TagAccuracy(const PosTagger& tagger, const std::vector<Words>& sentences) {
  PosTagger::Scratch scratch;
  std::vector<std::string_view> forms;
  std::vector<uint16_t> labels;
  size_t n = 0, upos = 0, xpos = 0;
  for (const Words& words : sentences) {
    forms.clear();
    for (const conllu::Word& w : words) forms.push_back(w.form);
    tagger.Tag(forms, &scratch, &labels);
    for (size_t i = 0; i < words.size(); ++i, ++n) {
      upos += tagger.upos(labels[i]) == words[i].upos;
      xpos += tagger.xpos(labels[i]) == words[i].xpos;
    }
  }
  return {100.0 * upos / std::max<size_t>(n, 1), 100.0 * xpos / std::max<size_t>(n, 1)};
}

std::string DescribeInputs(const PosTrainOptions& options) {
  std::string names;
  for (const auto& path : options.train) names += (names.empty() ? "" : " ") + path.filename().string();
  if (!options.gum_genres.empty()) {
    names += " (GUM genres:";
    for (const std::string& g : options.gum_genres) names += " " + g;
    names += ")";
  }
  if (!options.clusters.empty()) names += "; clusters " + options.clusters.filename().string();
  return names;
}

std::vector<GoldWord> GoldWords(const std::vector<Words>& sentences, const Labels& labels) {
  std::vector<GoldWord> gold;
  for (const Words& words : sentences) {
    for (const conllu::Word& w : words) gold.push_back({w.form, w.lemma, w.feats, labels.Id(w)});
  }
  return gold;
}

Status WriteModel(PosModel model, const std::filesystem::path& out) {
  // Self-test expectations come from the trained model itself; Load re-checks them.
  auto shared = std::make_shared<PosModel>(std::move(model));
  const PosTagger tagger = MakePosTagger(shared);
  PosTagger::Scratch scratch;
  for (const char* sentence : kSelfTestSentences) {
    shared->self_tests.push_back({sentence, tagger.Render(SplitWords(sentence), &scratch)});
  }
  const std::string bytes = SerializePosModel(*shared);
  std::filesystem::path tmp = out;
  tmp += ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!file.flush()) return Status::Error(tmp.string() + ": cannot write model");
  }
  if (auto check = PosTagger::Load(tmp); !check.ok()) return check.status();
  std::error_code error;
  std::filesystem::rename(tmp, out, error);
  if (error) return Status::Error(out.string() + ": cannot replace model: " + error.message());
  return Status::Ok();
}

}  // namespace

Status TrainPosTagger(const PosTrainOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<Words> train, dev;
  for (const auto& path : options.train) {
    if (Status s = ReadTreebank(path, options.gum_genres, &train); !s.ok()) return s;
  }
  if (!options.dev.empty()) {
    if (Status s = ReadTreebank(options.dev, {}, &dev); !s.ok()) return s;
  }
  if (train.empty()) return Status::Error("train pos: no training sentences");
  const Labels labels = CollectLabels(train);
  PosModel model;
  model.trainer = "crosscheck syntax::TrainPosTagger v1 (greedy averaged perceptron)";
  model.command = options.command;
  if (model.command.empty()) {
    model.command = "crosscheck train pos";
    for (const auto& path : options.train) model.command += " --data " + path.string();
  }
  model.training_data = DescribeInputs(options);
  model.upos = labels.upos;
  model.xpos = labels.xpos;
  model.tag_dictionary = BuildTagDictionary(train, labels, options);
  model.candidates = BuildLabelCandidates(train, labels, options);
  if (!options.clusters.empty()) {
    if (Status s = ReadClusters(options.clusters, &model.lexicon.clusters); !s.ok()) return s;
  }
  const std::vector<Example> examples = MakeExamples(train, labels, model.lexicon);
  AveragedPerceptron perceptron(static_cast<uint32_t>(labels.upos.size()));
  std::vector<uint32_t> order(examples.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  std::vector<float> scores(labels.upos.size());
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    Shuffle(&order, &rng);
    for (uint32_t s : order) TrainSentence(examples[s], model, &perceptron, &scores);
    if (options.quiet || dev.empty()) continue;
    PosModel snapshot = model;
    snapshot.weights = TaggerWeights::Build(perceptron.Averaged());
    const auto [upos, xpos] = TagAccuracy(MakePosTagger(std::make_shared<PosModel>(std::move(snapshot))), dev);
    std::fprintf(stderr, "train pos: epoch %d: dev UPOS %.2f XPOS %.2f (%zu features)\n", epoch,
                 upos, xpos, perceptron.features());
  }
  model.weights = TaggerWeights::Build(perceptron.Averaged());
  const std::vector<GoldWord> gold = GoldWords(train, labels);
  model.feats = BuildFeatsTable(gold, labels.upos.size());
  model.lemma_rules = BuildLemmaRules(gold, labels.xpos);
  if (!options.quiet) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr,
                 "train pos: %zu sentences, %zu labels, %zu dictionary words, %zu features, "
                 "%zu weights, %zu lemma rules, %zu lemma exceptions, %.1f s\n",
                 train.size(), labels.upos.size(), model.tag_dictionary.size(),
                 model.weights.features(), model.weights.entries(),
                 model.lemma_rules.suffix_rules.size(), model.lemma_rules.exceptions.size(),
                 seconds);
  }
  return WriteModel(std::move(model), options.out);
}

}  // namespace crosscheck::syntax
