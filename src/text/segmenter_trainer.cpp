#include "text/segmenter_trainer.h"

#include <algorithm>
#include <fstream>
#include <unordered_set>

#include "core/conllu.h"
#include "text/boundary_trainer.h"
#include "text/char_class.h"
#include "text/segmenter_model.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"
#include "text/ud_text.h"

namespace crosscheck::text {
namespace {

constexpr char kTrainerName[] =
    "crosscheck text::TrainSegmenter: learned token lexicon + averaged perceptron v1";

// Inputs of the self-tests written into the model and checked on Load.
const char* const kSelfTestInputs[] = {
    "Mr. Smith said the U.S. State Department can't comment. \"We know,\" he said.",
    "More than 150,000 signatures were collected... https://t.co/VVHkEyNefF "
    "\xE2\x80\x94 Omar Sharif Jr. (@OmarSharifJr) July 13, 2017",
    "Headline Without a Period\n\nIt's 13 miles from the e-mail office.",
};

bool IsAlnumBefore(std::string_view text, size_t pos, size_t begin, size_t* char_start) {
  if (pos <= begin) return false;
  size_t c = pos - 1;
  while (c > begin && (static_cast<unsigned char>(text[c]) & 0xC0) == 0x80) --c;
  size_t len = 1;
  *char_start = c;
  return IsAlnum(FlagsAt(text, c, &len));
}

size_t StartOfAlnumRun(std::string_view text, size_t pos, size_t begin) {
  size_t c = 0;
  while (IsAlnumBefore(text, pos, begin, &c)) pos = c;
  return pos;
}

bool GenreAllowed(const std::string& doc_id, const std::vector<std::string>& genres) {
  if (!doc_id.starts_with("GUM_")) return true;
  const size_t end = doc_id.find('_', 4);
  const std::string genre = doc_id.substr(4, end == std::string::npos ? std::string::npos : end - 4);
  return std::find(genres.begin(), genres.end(), genre) != genres.end();
}

// Join votes for every inner connector of the chunk [begin, end) of gold tokens.
void LearnJoins(const UdDocument& doc, size_t first, size_t last, TokenLexicon* lexicon) {
  const std::string_view text = doc.text;
  std::unordered_set<uint32_t> cuts;
  std::vector<std::pair<uint32_t, uint32_t>> urls;
  for (size_t t = first; t <= last; ++t) {
    cuts.insert(doc.tokens[t].begin);
    cuts.insert(doc.tokens[t].end);
    if (MatchUrlOrEmail(text, doc.tokens[t].begin, doc.tokens[t].end) == doc.tokens[t].end)
      urls.emplace_back(doc.tokens[t].begin, doc.tokens[t].end);
  }
  const size_t begin = doc.tokens[first].begin, end = doc.tokens[last].end;
  const auto in_url = [&](size_t k) {
    return std::any_of(urls.begin(), urls.end(), [&](auto u) { return u.first < k && k < u.second; });
  };
  const auto is_digit = [&](size_t k) { return text[k] >= '0' && text[k] <= '9'; };
  const auto is_letter = [&](size_t k) {
    return (text[k] >= 'a' && text[k] <= 'z') || (text[k] >= 'A' && text[k] <= 'Z');
  };
  for (size_t k = begin + 1; k < end; ++k) {
    if (is_digit(k - 1) && is_letter(k) && !in_url(k)) {  // "5th", "375mm"
      size_t digits = k - 1, letters = k;
      while (digits > begin && is_digit(digits - 1)) --digits;
      while (letters < end && is_letter(letters)) ++letters;
      lexicon->AddJoin(text.substr(digits, k - digits), "", text.substr(k, letters - k),
                       !cuts.count(static_cast<uint32_t>(k)));
      continue;
    }
    const size_t conn = InnerConnectorLength(text, k, end);
    size_t c = 0, len = 1;
    if (conn == 0 || k + conn >= end || !IsAlnumBefore(text, k, begin, &c) ||
        !IsAlnum(FlagsAt(text, k + conn, &len)))
      continue;
    if (in_url(k)) continue;
    const size_t left = StartOfAlnumRun(text, k, begin);
    const size_t right_end = EndOfAlnumRun(text, k + conn, end);
    const bool joined = !cuts.count(static_cast<uint32_t>(k)) && !cuts.count(static_cast<uint32_t>(k + conn));
    lexicon->AddJoin(text.substr(left, k - left), text.substr(k, conn),
                     text.substr(k + conn, right_end - k - conn), joined);
  }
}

void LearnTokenFacts(const UdDocument& doc, size_t t, const std::vector<std::string_view>& words,
                     TokenLexicon* lexicon) {
  const std::string_view text = doc.text;
  const std::string_view form = text.substr(doc.tokens[t].begin, doc.tokens[t].size());
  lexicon->AddSurface(form, words);
  size_t len = 1;
  const bool first_alnum = IsAlnum(FlagsAt(form, 0, &len));
  if (form.size() > 1 && form.back() == '.' && first_alnum && form[form.size() - 2] != '.')
    lexicon->AddPeriod(form.substr(0, form.size() - 1), true);
  const bool glued_period = t + 1 < doc.tokens.size() && doc.tokens[t + 1].begin == doc.tokens[t].end &&
                            text.substr(doc.tokens[t + 1].begin, doc.tokens[t + 1].size()) == ".";
  if (glued_period && first_alnum && IsAlnum(kAsciiFlags[static_cast<unsigned char>(form.back())]))
    lexicon->AddPeriod(form, false);
  if (!first_alnum && form.size() >= 2) {
    const size_t run_end = EndOfAlnumRun(form, len, form.size());
    if (run_end == form.size() && run_end > len && form[0] > 0 && form[0] != '@' && form[0] != '#')
      lexicon->AddLeadPunctWord(form);
    bool has_alnum = false, same_char = true, terminal = true;
    for (size_t i = 0; i < form.size(); ++i) {
      has_alnum |= IsAlnum(kAsciiFlags[static_cast<unsigned char>(form[i])]);
      same_char &= form[i] == form[0];
      terminal &= form[i] == '.' || form[i] == '!' || form[i] == '?';
    }
    if (!has_alnum && !same_char && !terminal) lexicon->AddSymbol(form);
  }
}

void LearnLexicon(const UdDocument& doc, TokenLexicon* lexicon) {
  std::vector<std::vector<std::string_view>> words(doc.tokens.size());
  for (const UdWord& w : doc.words) words[w.token].push_back(w.form);
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    if (words[t].size() < 2) words[t].clear();
    LearnTokenFacts(doc, t, words[t], lexicon);
  }
  for (size_t first = 0; first < doc.tokens.size();) {
    size_t last = first;
    while (last + 1 < doc.tokens.size() && doc.tokens[last + 1].begin == doc.tokens[last].end) ++last;
    LearnJoins(doc, first, last, lexicon);
    first = last + 1;
  }
}

Status AddAbbreviationFile(const std::filesystem::path& path, TokenLexicon* lexicon) {
  std::ifstream in(path);
  if (!in) return Status::Error(path.string() + ": cannot open");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.ends_with('.')) line.pop_back();
    if (!line.empty()) lexicon->AddPeriod(line, true, 2);
  }
  return Status::Ok();
}

}  // namespace

Result<SegmenterTrainingReport> TrainSegmenter(const std::vector<std::filesystem::path>& conllu,
                                               const std::filesystem::path& out,
                                               const SegmenterTrainingOptions& options) {
  SegmenterTrainingReport report;
  std::vector<UdDocument> docs;
  auto model = std::make_unique<SegmenterModel>();
  for (const std::filesystem::path& path : conllu) {
    Result<std::vector<conllu::Sentence>> sentences = conllu::ReadFile(path);
    if (!sentences.ok()) return sentences.status();
    Result<std::vector<UdDocument>> built = BuildUdDocuments(*sentences, path.string());
    if (!built.ok()) return built.status();
    for (UdDocument& d : *built) {
      if (!GenreAllowed(d.id, options.gum_genres)) { ++report.skipped_documents; continue; }
      report.sentences += d.sentences.size();
      docs.push_back(std::move(d));
    }
    model->training_data += (model->training_data.empty() ? "" : " ") + path.filename().string();
  }
  report.documents = docs.size();
  if (docs.empty()) return Status::Error("no training documents in the given files");
  for (const UdDocument& d : docs) LearnLexicon(d, &model->lexicon);
  if (Status s = AddAbbreviationFile(options.data_dir / "abbreviations.txt", &model->lexicon); !s.ok())
    return s;
  model->lexicon.Finish();
  report.training_accuracy = TrainBoundaryClassifier(docs, model->lexicon, options.epochs,
                                                     &model->classifier, &report.candidates);
  model->trainer = kTrainerName;
  model->command = options.command;
  if (model->command.empty()) {
    model->command = "crosscheck train segmenter";
    for (const auto& p : conllu) model->command += " " + p.string();
  }
  // Self-tests: what this model does on fixed inputs, checked again on every Load.
  auto probe = std::make_unique<SegmenterModel>(*model);
  std::shared_ptr<const TextAnalyzer> analyzer = MakeTextAnalyzer(std::move(probe));
  for (const char* input : kSelfTestInputs) {
    AnalyzedDocument doc;
    doc.doc.text = input;
    analyzer->Analyze(&doc);
    model->self_tests.push_back({input, RenderSegmentation(doc)});
  }
  const std::string bytes = SerializeSegmenterModel(*model);
  const std::filesystem::path tmp = out.string() + ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file.write(bytes.data(), static_cast<std::streamsize>(bytes.size())))
      return Status::Error(tmp.string() + ": cannot write");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, out, ec);
  if (ec) return Status::Error(out.string() + ": cannot rename from " + tmp.string() + ": " + ec.message());
  return report;
}

}  // namespace crosscheck::text
