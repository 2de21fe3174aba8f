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
    ComputeWordKeys(forms, lexicon, &examples[s].keys);
  }
  return examples;
}

// Greedy decoding in `direction` with the current weights of one model,
// updating on every mistake.
void TrainSentence(const Example& example, const PosModel& model, Direction direction,
                   AveragedPerceptron* perceptron, std::vector<float>* scores) {
  const int n = static_cast<int>(example.keys.size());
  const bool forward = direction == Direction::kForward;
  uint32_t prev1 = kStartLabel, prev2 = kStartLabel;
  uint64_t features[kMaxTaggerFeatures];
  for (int step = 0; step < n; ++step) {
    const int i = forward ? step : n - 1 - step;
    uint32_t guess;
    if (auto known = model.tag_dictionary.Find(example.keys[i].form)) {
      guess = *known;
    } else {
      int count = ExtractStaticFeatures(example.keys, i, features);
      count += ExtractHistoryFeatures(example.keys, i, direction, prev1, prev2, features + count);
      std::fill(scores->begin(), scores->end(), 0.0f);
      perceptron->Score(features, count, scores->data());
      guess = BestLabel(scores->data(), static_cast<uint32_t>(scores->size()),
                        model.candidates.Find(example.keys[i].form));
      perceptron->Update(features, count, example.labels[i], guess);
    }
    prev2 = prev1;
    prev1 = guess;
  }
}

// A forward and a backward perceptron trained together on one sentence order.
struct ModelPair {
  AveragedPerceptron forward, backward;
  std::mt19937 rng;             // this pair's sentence shuffles
  std::vector<uint32_t> order;  // sentence order, reshuffled every epoch
};

// One table for all pairs: backward labels are shifted by `labels`; the pairs
// (trained on different sentence orders) are averaged, as in iterative
// parameter mixing, which evens out the order's luck.
TaggerWeights MergeWeights(const std::vector<ModelPair>& pairs, uint32_t labels) {
  std::vector<TaggerWeights::Row> rows;
  const float scale = 1.0f / static_cast<float>(pairs.size());
  for (const ModelPair& pair : pairs) {
    for (int direction = 0; direction < 2; ++direction) {
      const uint16_t offset = static_cast<uint16_t>(direction ? labels : 0);
      for (TaggerWeights::Row& row : (direction ? pair.backward : pair.forward).Averaged()) {
        for (auto& entry : row.weights) {
          entry.first = static_cast<uint16_t>(entry.first + offset);
          entry.second *= scale;
        }
        rows.push_back(std::move(row));
      }
    }
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.key < b.key; });
  std::vector<TaggerWeights::Row> merged;
  for (TaggerWeights::Row& row : rows) {
    if (merged.empty() || merged.back().key != row.key) {
      merged.push_back(std::move(row));
      continue;
    }
    auto& weights = merged.back().weights;
    weights.insert(weights.end(), row.weights.begin(), row.weights.end());
  }
  for (TaggerWeights::Row& row : merged) {
    std::sort(row.weights.begin(), row.weights.end());
    size_t out = 0;
    for (size_t i = 0; i < row.weights.size(); ++i) {
      if (out > 0 && row.weights[out - 1].first == row.weights[i].first) {
        row.weights[out - 1].second += row.weights[i].second;
      } else {
        row.weights[out++] = row.weights[i];
      }
    }
    row.weights.resize(out);
  }
  return TaggerWeights::Build(merged, 2 * labels);
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

// Gold words for the lemma and FEATS tables; the first `primary` sentences
// come from the first training file.
std::vector<GoldWord> GoldWords(const std::vector<Words>& sentences, size_t primary,
                                const Labels& labels) {
  std::vector<GoldWord> gold;
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (const conllu::Word& w : sentences[s]) {
      gold.push_back({w.form, w.lemma, w.feats, labels.Id(w), s < primary});
    }
  }
  return PreferPrimary(std::move(gold));
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
  size_t primary = 0;  // sentences of the first file
  for (const auto& path : options.train) {
    if (Status s = ReadTreebank(path, options.gum_genres, &train); !s.ok()) return s;
    if (primary == 0) primary = train.size();
  }
  if (!options.dev.empty()) {
    if (Status s = ReadTreebank(options.dev, {}, &dev); !s.ok()) return s;
  }
  if (train.empty()) return Status::Error("train pos: no training sentences");
  const Labels labels = CollectLabels(train);
  PosModel model;
  model.trainer = "crosscheck syntax::TrainPosTagger v1 (bidirectional greedy averaged perceptrons)";
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
  const uint32_t label_count = static_cast<uint32_t>(labels.upos.size());
  std::vector<ModelPair> pairs;
  for (int m = 0; m < std::max(options.mixed_models, 1); ++m) {
    pairs.push_back({AveragedPerceptron(label_count), AveragedPerceptron(label_count),
                     std::mt19937(options.seed + static_cast<uint32_t>(m)),
                     std::vector<uint32_t>(examples.size())});
    for (uint32_t i = 0; i < examples.size(); ++i) pairs.back().order[i] = i;
  }
  std::vector<float> scores(label_count);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (ModelPair& pair : pairs) {
      Shuffle(&pair.order, &pair.rng);
      for (uint32_t s : pair.order) {
        TrainSentence(examples[s], model, Direction::kForward, &pair.forward, &scores);
        TrainSentence(examples[s], model, Direction::kBackward, &pair.backward, &scores);
      }
    }
    if (options.quiet || dev.empty() || (epoch < options.epochs && epoch % 4 != 0)) continue;
    auto snapshot = std::make_shared<PosModel>(model);
    snapshot->weights = MergeWeights(pairs, label_count);
    const auto [upos, xpos] = TagAccuracy(MakePosTagger(std::move(snapshot)), dev);
    std::fprintf(stderr, "train pos: epoch %d: dev UPOS %.2f XPOS %.2f (%zu + %zu features)\n",
                 epoch, upos, xpos, pairs[0].forward.features(), pairs[0].backward.features());
  }
  model.weights = MergeWeights(pairs, label_count);
  const std::vector<GoldWord> gold = GoldWords(train, primary, labels);
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
