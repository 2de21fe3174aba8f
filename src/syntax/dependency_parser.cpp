#include "syntax/dependency_parser.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "syntax/parser_beam.h"
#include "syntax/parser_model.h"

namespace crosscheck::syntax {

struct ParserScratch::Buffers {
  ParseBuffers parse;
  std::vector<int> heads;
  std::vector<int> labels;
};

ParserScratch::ParserScratch() : buffers_(std::make_unique<Buffers>()) {}
ParserScratch::~ParserScratch() = default;
ParserScratch::ParserScratch(ParserScratch&&) noexcept = default;
ParserScratch& ParserScratch::operator=(ParserScratch&&) noexcept = default;

namespace {

Move BestLegalMove(const ParseState& state, const float scores[kNumMoves]) {
  int best = -1;
  for (int m = 0; m < kNumMoves; ++m) {
    if (state.Legal(static_cast<Move>(m)) && (best < 0 || scores[m] > scores[best])) best = m;
  }
  return static_cast<Move>(best);
}

int LabelId(const ParserModel& model, std::string_view name) {
  const auto it = std::find(model.labels.begin(), model.labels.end(), name);
  return it == model.labels.end() ? model.root_label : static_cast<int>(it - model.labels.begin());
}

// Greedy decoding can leave several words on the root; keep the one with most
// dependents and attach the others to it (punctuation as punct, else parataxis).
void KeepSingleRoot(const ParserModel& model, const std::vector<ParserWord>& words,
                    std::vector<int>* heads, std::vector<int>* labels) {
  const int n = static_cast<int>(heads->size());
  std::vector<int> roots, children(n, 0);
  for (int i = 0; i < n; ++i) {
    if ((*heads)[i] == n) roots.push_back(i); else ++children[(*heads)[i]];
  }
  if (roots.size() <= 1) return;
  int main = roots[0];
  for (int r : roots) if (children[r] > children[main]) main = r;
  for (int r : roots) {
    if (r == main) continue;
    (*heads)[r] = main;
    (*labels)[r] = LabelId(model, words[r].upos == "PUNCT" ? "punct" : "parataxis");
  }
  (*labels)[main] = model.root_label;
}

// Greedy: the best legal move at every step.
const ParseState& ParseGreedy(const ParserModel& model, ParseBuffers* b) {
  ParseState& state = b->state;
  float scores[kNumMoves];
  while (!state.Terminal()) {
    ExtractMoveFeatures(state, b->atoms, &b->keys);
    model.moves.Score(b->keys, scores);
    const Move move = BestLegalMove(state, scores);
    int label = -1;
    if (move == kLeftArc) label = ChooseLabel(model, state, b->atoms, state.Buffer(0), state.Stack(0), &b->keys);
    if (move == kRightArc) label = ChooseLabel(model, state, b->atoms, state.Stack(0), state.Buffer(0), &b->keys);
    state.Apply(move, label);
  }
  return state;
}

const ParseState& ParseBeam(const ParserModel& model, int n, ParseBuffers* b) {
  b->beam.Start(n, model.beam_width, false);
  while (!b->beam.Done()) b->beam.Advance(model, b->atoms, &b->keys);
  return b->beam.items()[0].state;
}

}  // namespace

void ParseWords(const ParserModel& model, const std::vector<ParserWord>& words, ParseBuffers* buffers,
                std::vector<int>* heads, std::vector<int>* labels) {
  const int n = static_cast<int>(words.size());
  ComputeAtoms(words, &buffers->atoms);
  buffers->state.Reset(n);
  const ParseState& state = model.beam_width > 1 ? ParseBeam(model, n, buffers) : ParseGreedy(model, buffers);
  heads->resize(n);
  labels->resize(n);
  for (int i = 0; i < n; ++i) {
    (*heads)[i] = state.head(i);
    (*labels)[i] = state.label(i);
  }
  KeepSingleRoot(model, words, heads, labels);
}

DependencyParser::DependencyParser(std::shared_ptr<const ParserModel> model) : model_(std::move(model)) {}

Result<DependencyParser> DependencyParser::Load(const std::filesystem::path& file) {
  const std::string name = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::Error(name + ": cannot open parser model (run `crosscheck train parser`)");
  // One bulk read: copying the 32 MB model through istreambuf_iterator byte by
  // byte cost ~0.5 G instructions per process start.
  std::string bytes;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0) {
    bytes.resize(static_cast<size_t>(size));
    in.read(bytes.data(), size);
    if (in.gcount() != size) return Status::Error(name + ": read error");
  }
  if (in.bad()) return Status::Error(name + ": read error");
  auto model = ParseParserModel(bytes, name);
  if (!model.ok()) return model.status();
  DependencyParser parser(std::move(model).value());
  if (Status status = RunParserSelfTests(parser, name); !status.ok()) return status;
  return parser;
}

void DependencyParser::Parse(const std::vector<ParserWord>& words, ParserScratch* scratch,
                             std::vector<uint32_t>* heads, std::vector<std::string>* deprels) const {
  ParserScratch::Buffers& b = scratch->buffers();
  ParseWords(*model_, words, &b.parse, &b.heads, &b.labels);
  const size_t n = words.size();
  heads->resize(n);
  deprels->resize(n);
  for (size_t i = 0; i < n; ++i) {
    (*heads)[i] = b.heads[i] == static_cast<int>(n) ? 0 : static_cast<uint32_t>(b.heads[i] + 1);
    (*deprels)[i] = model_->labels[b.labels[i]];
  }
}

void DependencyParser::Parse(const std::vector<ParserWord>& words, std::vector<uint32_t>* heads,
                             std::vector<std::string>* deprels) const {
  ParserScratch scratch;
  Parse(words, &scratch, heads, deprels);
}

std::string DependencyParser::Description() const {
  return model_->trainer + "; trained on " + model_->training_data + " by `" + model_->command + "`" +
         (model_->notes.empty() ? "" : "; " + model_->notes);
}

}  // namespace crosscheck::syntax
