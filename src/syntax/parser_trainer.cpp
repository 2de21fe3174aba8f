#include "syntax/parser_trainer.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>

#include "core/conllu.h"
#include "syntax/parser_corpus.h"
#include "syntax/parser_beam.h"
#include "syntax/parser_model.h"

namespace crosscheck::syntax {
namespace {

// Tagged sentences (gold tags) stored in the model and parsed again by Load.
const char* const kSelfTestSentences[] = {
    "Karimov PROPN NNP Karimov|told VERB VBD tell|Interfax PROPN NNP Interfax|that SCONJ IN that|"
    "the DET DT the|article NOUN NN article|was AUX VBD be|a DET DT a|lie NOUN NN lie|. PUNCT . .",
    "At ADP IN at|least ADJ JJS least|100 NUM CD 100|men NOUN NNS man|were AUX VBD be|"
    "detained VERB VBN detain|. PUNCT . .",
    "Police NOUN NNS police|said VERB VBD say|the DET DT the|protesters NOUN NNS protester|"
    "had AUX VBD have|thrown VERB VBN throw|stones NOUN NNS stone|at ADP IN at|officers NOUN NNS officer|"
    ". PUNCT . .",
};

// A perceptron weight table plus the sums needed for averaging
// (Daume's trick: averaged = w - totals / time).
struct AveragedTable {
  WeightTable* current = nullptr;
  std::vector<double> totals;

  void Init(WeightTable* table) {
    current = table;
    totals.assign(table->weights.size(), 0.0);
  }
  void Update(const FeatureKeys& keys, int column, float delta, double time) {
    for (int i = 0; i < keys.size; ++i) {
      const size_t cell = current->RowOf(keys.key[i]) * current->width + column;
      current->weights[cell] += delta;
      totals[cell] += time * delta;
    }
  }
  void AverageInto(double time, WeightTable* out) const {
    out->bits = current->bits;
    out->width = current->width;
    out->weights.resize(current->weights.size());
    for (size_t i = 0; i < totals.size(); ++i) {
      out->weights[i] = static_cast<float>(current->weights[i] - totals[i] / time);
    }
  }
};

struct Scores {
  uint64_t words = 0, heads = 0, labeled = 0;
  double uas() const { return words ? 100.0 * heads / words : 0; }
  double las() const { return words ? 100.0 * labeled / words : 0; }
};

class Trainer {
 public:
  Trainer(const ParserTrainOptions& options, const LabelSet& labels)
      : options_(options), rng_(options.seed) {
    model_.labels = labels.names;
    model_.root_label = labels.root;
    model_.left_arc_labels = labels.left_arcs;
    model_.right_arc_labels = labels.right_arcs;
    model_.beam_width = options.beam;
    model_.moves.Resize(options.move_bits, kNumMoves);
    model_.arc_labels.Resize(options.label_bits, static_cast<int>(labels.names.size()));
    moves_.Init(&model_.moves);
    labels_.Init(&model_.arc_labels);
  }

  // One pass over `corpus` in a shuffled order; returns the move accuracy.
  double Epoch(const std::vector<ParserSentence>& corpus, int epoch) {
    std::vector<size_t> order(corpus.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng_() % i]);
    uint64_t correct = 0, total = 0;
    for (size_t i : order) {
      if (options_.beam > 1) {
        TrainSentenceBeam(corpus[i], &correct, &total);
      } else {
        TrainSentence(corpus[i], epoch > 0, &correct, &total);
      }
    }
    return total ? 100.0 * correct / total : 0;
  }

  const ParserModel& Averaged() {
    averaged_.labels = model_.labels;
    averaged_.root_label = model_.root_label;
    averaged_.left_arc_labels = model_.left_arc_labels;
    averaged_.right_arc_labels = model_.right_arc_labels;
    averaged_.beam_width = model_.beam_width;
    moves_.AverageInto(time_, &averaged_.moves);
    labels_.AverageInto(time_, &averaged_.arc_labels);
    return averaged_;
  }

 private:
  void TrainSentence(const ParserSentence& s, bool explore, uint64_t* correct, uint64_t* total);
  void TrainLabel(const ParserSentence& s, int head, int dependent, int* label);
  void TrainSentenceBeam(const ParserSentence& s, uint64_t* correct, uint64_t* total);
  void GoldSteps(const ParserSentence& s, std::vector<uint16_t>* steps);
  void ReplayUpdate(const std::vector<uint16_t>& steps, size_t from, size_t to, float delta);

  const ParserTrainOptions& options_;
  std::mt19937_64 rng_;
  ParserModel model_, averaged_;
  AveragedTable moves_, labels_;
  double time_ = 1;
  std::vector<ParserWord> words_;
  std::vector<WordAtoms> atoms_;
  FeatureKeys keys_, label_keys_;
  ParseState state_;
  Beam beam_;
  std::vector<uint16_t> gold_steps_;
};

// The zero-cost moves in the order left, right, reduce, shift, with gold labels;
// trains the label classifier along the way (teacher forcing).
void Trainer::GoldSteps(const ParserSentence& s, std::vector<uint16_t>* steps) {
  static constexpr Move kOrder[] = {kLeftArc, kRightArc, kReduce, kShift};
  steps->clear();
  state_.Reset(static_cast<int>(words_.size()));
  int costs[kNumMoves];
  while (!state_.Terminal()) {
    state_.MoveCosts(s.projective_heads, costs);
    Move move = kShift;
    int best = 1 << 30;
    for (Move m : kOrder) {
      if (state_.Legal(m) && costs[m] < best) { best = costs[m]; move = m; }
    }
    int label = -1;
    if (move == kLeftArc) TrainLabel(s, state_.Buffer(0), state_.Stack(0), &label);
    if (move == kRightArc) TrainLabel(s, state_.Stack(0), state_.Buffer(0), &label);
    steps->push_back(EncodeStep(move, label));
    state_.Apply(move, label);
    time_ += 1;
  }
}

// Adds `delta` to the weights of the moves steps[from, to) in their states.
void Trainer::ReplayUpdate(const std::vector<uint16_t>& steps, size_t from, size_t to, float delta) {
  state_.Reset(static_cast<int>(words_.size()));
  for (size_t t = 0; t < to; ++t) {
    if (t >= from) {
      ExtractMoveFeatures(state_, atoms_, &keys_);
      moves_.Update(keys_, StepMove(steps[t]), delta, time_);
    }
    state_.Apply(StepMove(steps[t]), StepLabel(steps[t]));
  }
}

// Beam search with early update: when the gold prefix falls out of the beam
// (or loses at the end), reward it and penalize the best item, from the first
// move where they differ.
void Trainer::TrainSentenceBeam(const ParserSentence& s, uint64_t* correct, uint64_t* total) {
  s.Words(&words_);
  ComputeAtoms(words_, &atoms_);
  GoldSteps(s, &gold_steps_);
  beam_.Start(static_cast<int>(words_.size()), options_.beam, true);
  const auto same_moves = [&](const std::vector<uint16_t>& history) {
    for (size_t t = 0; t < history.size(); ++t) {
      if (StepMove(history[t]) != StepMove(gold_steps_[t])) return false;
    }
    return true;
  };
  for (size_t t = 0; t < gold_steps_.size(); ++t) {
    beam_.Advance(model_, atoms_, &keys_);
    ++*total;
    bool gold_in_beam = false;
    for (const BeamItem& item : beam_.items()) gold_in_beam |= same_moves(item.history);
    const bool last = t + 1 == gold_steps_.size();
    const std::vector<uint16_t>& best = beam_.items()[0].history;
    if (gold_in_beam && !(last && !same_moves(best))) {
      ++*correct;
      continue;
    }
    size_t first_difference = 0;
    while (StepMove(best[first_difference]) == StepMove(gold_steps_[first_difference])) ++first_difference;
    const std::vector<uint16_t> predicted = best;
    ReplayUpdate(gold_steps_, first_difference, t + 1, 1.0f);
    ReplayUpdate(predicted, first_difference, t + 1, -1.0f);
    break;
  }
  time_ += 1;
}

void Trainer::TrainSentence(const ParserSentence& s, bool explore, uint64_t* correct,
                            uint64_t* total) {
  s.Words(&words_);
  ComputeAtoms(words_, &atoms_);
  state_.Reset(static_cast<int>(words_.size()));
  float scores[kNumMoves];
  int costs[kNumMoves];
  while (!state_.Terminal()) {
    ExtractMoveFeatures(state_, atoms_, &keys_);
    model_.moves.Score(keys_, scores);
    state_.MoveCosts(s.projective_heads, costs);
    int predicted = -1, gold = -1, min_cost = 1 << 30;
    for (int m = 0; m < kNumMoves; ++m) {
      if (state_.Legal(static_cast<Move>(m))) min_cost = std::min(min_cost, costs[m]);
    }
    for (int m = 0; m < kNumMoves; ++m) {
      if (!state_.Legal(static_cast<Move>(m))) continue;
      if (predicted < 0 || scores[m] > scores[predicted]) predicted = m;
      if (costs[m] == min_cost && (gold < 0 || scores[m] > scores[gold])) gold = m;
    }
    ++*total;
    if (costs[predicted] > min_cost) {
      moves_.Update(keys_, gold, 1.0f, time_);
      moves_.Update(keys_, predicted, -1.0f, time_);
    } else {
      ++*correct;
    }
    const bool follow_model = explore && (rng_() >> 11) * 0x1.0p-53 < options_.explore;
    const Move move = static_cast<Move>(follow_model ? predicted : gold);
    int label = -1;
    if (move == kLeftArc) TrainLabel(s, state_.Buffer(0), state_.Stack(0), &label);
    if (move == kRightArc) TrainLabel(s, state_.Stack(0), state_.Buffer(0), &label);
    state_.Apply(move, label);
    time_ += 1;
  }
}

// Learns the label of a gold arc; *label is the label to put on the arc made.
void Trainer::TrainLabel(const ParserSentence& s, int head, int dependent, int* label) {
  const int n = static_cast<int>(words_.size());
  if (head == n) {
    *label = model_.root_label;
    return;
  }
  ExtractLabelFeatures(state_, atoms_, head, dependent, &label_keys_);
  float scores[kMaxLabels];
  model_.arc_labels.Score(label_keys_, scores);
  const uint64_t allowed = dependent < head ? model_.left_arc_labels : model_.right_arc_labels;
  int best = -1;
  for (int l = 0; l < model_.arc_labels.width; ++l) {
    if (l == model_.root_label || !((allowed >> l) & 1)) continue;
    if (best < 0 || scores[l] > scores[best]) best = l;
  }
  const int gold = s.labels[dependent];
  const bool gold_arc = s.projective_heads[dependent] == head && gold >= 0 && gold != model_.root_label;
  if (gold_arc && best != gold) {
    labels_.Update(label_keys_, gold, 1.0f, time_);
    if (best >= 0) labels_.Update(label_keys_, best, -1.0f, time_);
  }
  *label = gold_arc ? gold : best;
}

Scores Evaluate(const ParserModel& model, const std::vector<ParserSentence>& corpus) {
  Scores scores;
  std::vector<ParserWord> words;
  ParseBuffers buffers;
  std::vector<int> heads, labels;
  for (const ParserSentence& s : corpus) {
    s.Words(&words);
    ParseWords(model, words, &buffers, &heads, &labels);
    for (size_t i = 0; i < words.size(); ++i) {
      ++scores.words;
      if (heads[i] != s.heads[i]) continue;
      ++scores.heads;
      scores.labeled += labels[i] == s.labels[i];
    }
  }
  return scores;
}

std::vector<ParserSelfTest> MakeSelfTests(const DependencyParser& parser) {
  std::vector<ParserSelfTest> tests;
  for (const char* sentence : kSelfTestSentences) {
    ParserSelfTest test;
    std::string_view rest(sentence);
    while (!rest.empty()) {
      const size_t bar = rest.find('|');
      std::string_view word = rest.substr(0, bar);
      for (int field = 0; field < 4; ++field) {
        const size_t space = word.find(' ');
        test.words.emplace_back(word.substr(0, space));
        word = space == std::string_view::npos ? std::string_view() : word.substr(space + 1);
      }
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
    tests.push_back(std::move(test));
  }
  std::vector<uint32_t> heads;
  std::vector<std::string> deprels;
  for (ParserSelfTest& test : tests) {
    std::vector<ParserWord> words;
    for (size_t i = 0; i + 3 < test.words.size(); i += 4) {
      words.push_back({test.words[i], test.words[i + 1], test.words[i + 2], test.words[i + 3]});
    }
    parser.Parse(words, &heads, &deprels);
    test.expected = RenderParse(heads, deprels);
  }
  return tests;
}

// Serializes `model` (half-float weights), reloads it so the self-test
// expectations come from exactly the weights Load will see, and writes `out`.
Status WriteModel(ParserModel model, const std::filesystem::path& out) {
  auto reloaded = ParseParserModel(SerializeParserModel(model), out.string());
  if (!reloaded.ok()) return reloaded.status();
  model.self_tests = MakeSelfTests(DependencyParser(*reloaded));
  const std::string bytes = SerializeParserModel(model);
  const std::filesystem::path temp = out.string() + ".tmp";
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    if (!file) return Status::Error(temp.string() + ": cannot write");
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!file) return Status::Error(temp.string() + ": write failed");
  }
  std::error_code error;
  std::filesystem::rename(temp, out, error);
  if (error) return Status::Error(out.string() + ": " + error.message());
  return Status::Ok();
}

std::string TagSource(const ParserTrainOptions& options) {
  if (options.tagger_model.empty()) return "gold tags";
  if (options.jackknife_folds < 2) return "tags predicted by " + options.tagger_model.filename().string() +
                                          " (not jackknifed)";
  return "tags predicted by " + options.tagger_model.filename().string() + " (train: " +
         std::to_string(options.jackknife_folds) + "-fold jackknife" +
         (options.keep_gold_tagged_copy ? " + gold-tagged copy)" : ")");
}

// Percent of words whose UPOS still equals the treebank's.
double UposAgreement(const ParserCorpus& corpus) {
  uint64_t same = 0, total = 0;
  for (size_t i = 0; i < corpus.sentences.size(); ++i) {
    for (size_t w = 0; w < corpus.sentences[i].upos.size(); ++w, ++total) {
      same += corpus.sentences[i].upos[w] == corpus.source[i].words[w].upos;
    }
  }
  return total ? 100.0 * same / total : 0;
}

Status TagTrainingData(const ParserTrainOptions& options, ParserCorpus* train) {
  if (options.tagger_model.empty()) return Status::Ok();
  std::vector<ParserSentence> gold_copy;
  if (options.keep_gold_tagged_copy) gold_copy = train->sentences;
  const Status status =
      options.jackknife_folds < 2
          ? RetagCorpus(options.tagger_model, train)
          : JackknifeTags(options.jackknife_folds, options.tagger_clusters, options.out, options.quiet, train);
  if (!status.ok()) return status;
  if (!options.quiet) {
    std::fprintf(stderr, "train parser: training UPOS after tagging: %.2f%%%s\n", UposAgreement(*train),
                 gold_copy.empty() ? "" : " (plus a gold-tagged copy)");
  }
  for (ParserSentence& s : gold_copy) train->sentences.push_back(std::move(s));
  return Status::Ok();
}

// Training and dev sentences, tagged as options say, with label ids assigned.
Status ReadCorpora(const ParserTrainOptions& options, ParserCorpus* train, ParserCorpus* dev,
                   LabelSet* labels) {
  if (options.train.empty()) return Status::Error("train parser: no training files");
  const ParserCorpusOptions corpus_options{options.gum_genres};
  auto read = ReadParserCorpus(options.train, corpus_options);
  if (!read.ok()) return read.status();
  *train = std::move(read).value();
  if (Status s = TagTrainingData(options, train); !s.ok()) return s;
  *labels = LabelSet::FromCorpus(train->sentences);
  if (labels->names.size() > kMaxLabels) return Status::Error("train parser: more than 64 labels");
  train->AssignLabels(*labels);
  if (options.dev.empty()) return Status::Ok();
  auto read_dev = ReadParserCorpus({options.dev}, corpus_options);
  if (!read_dev.ok()) return read_dev.status();
  *dev = std::move(read_dev).value();
  dev->AssignLabels(*labels);
  return options.tagger_model.empty() ? Status::Ok() : RetagCorpus(options.tagger_model, dev);
}

// Runs the epochs; returns the averaged model of the epoch with the best dev
// LAS (the last epoch without dev) and notes saying which it was.
ParserModel TrainEpochs(const ParserTrainOptions& options, const ParserCorpus& train, const ParserCorpus& dev,
                        const LabelSet& labels) {
  Trainer trainer(options, labels);
  ParserModel best;
  Scores best_scores;
  int best_epoch = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    const double accuracy = trainer.Epoch(train.sentences, epoch);
    const ParserModel& averaged = trainer.Averaged();
    const Scores scores = dev.sentences.empty() ? Scores{} : Evaluate(averaged, dev.sentences);
    const bool better = dev.sentences.empty() || epoch == 0 || scores.las() > best_scores.las();
    if (better) {
      best = averaged;
      best_scores = scores;
      best_epoch = epoch + 1;
    }
    if (!options.quiet) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "epoch %2d: train moves %.2f%%  dev UAS %.2f LAS %.2f  (%.1f s)%s\n", epoch + 1,
                   accuracy, scores.uas(), scores.las(), seconds, better ? " *" : "");
    }
  }
  char notes[300];
  std::snprintf(notes, sizeof notes, "epoch %d of %d; dev %s UAS %.2f LAS %.2f (with subtypes); %s",
                best_epoch, options.epochs, options.dev.filename().string().c_str(), best_scores.uas(),
                best_scores.las(), TagSource(options).c_str());
  best.notes = notes;
  return best;
}

}  // namespace

Status TrainParser(const ParserTrainOptions& options) {
  ParserCorpus train, dev;
  LabelSet labels;
  if (Status s = ReadCorpora(options, &train, &dev, &labels); !s.ok()) return s;
  if (!options.quiet) {
    std::fprintf(stderr, "train parser: %zu sentences (%zu GUM documents skipped by genre), %zu labels, %s\n",
                 train.sentences.size(), train.skipped_documents, labels.names.size(),
                 TagSource(options).c_str());
  }
  ParserModel model = TrainEpochs(options, train, dev, labels);
  model.trainer = std::string("crosscheck parser_trainer: arc-eager (root last), averaged perceptron, ") +
                  (options.beam > 1 ? "beam " + std::to_string(options.beam) + ", early update"
                                    : "greedy, dynamic oracle with exploration");
  model.command = options.command.empty() ? "crosscheck train parser" : options.command;
  model.training_data = train.description;
  return WriteModel(std::move(model), options.out);
}

}  // namespace crosscheck::syntax
