#include "text/text_analyzer.h"

#include <cstring>
#include <fstream>
#include <sstream>

#include "text/char_class.h"
#include "text/segmenter_model.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace crosscheck::text {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Paragraphs of `text`: maximal runs of lines that are not blank, trimmed of
// ASCII whitespace. Visits each byte about once (memchr for line ends).
std::vector<Span> FindParagraphs(std::string_view text) {
  std::vector<Span> out;
  size_t start = std::string_view::npos, content_end = 0;
  for (size_t line = 0; line < text.size();) {
    const void* nl = std::memchr(text.data() + line, '\n', text.size() - line);
    const size_t line_end = nl ? static_cast<const char*>(nl) - text.data() : text.size();
    size_t b = line, e = line_end;
    while (b < e && IsAsciiSpace(text[b])) ++b;
    while (e > b && IsAsciiSpace(text[e - 1])) --e;
    if (b == e) {  // blank line ends a paragraph
      if (start != std::string_view::npos)
        out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(content_end)});
      start = std::string_view::npos;
    } else {
      if (start == std::string_view::npos) start = b;
      content_end = e;
    }
    line = line_end + 1;
  }
  if (start != std::string_view::npos)
    out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(content_end)});
  return out;
}

class SegmenterAnalyzer final : public TextAnalyzer {
 public:
  explicit SegmenterAnalyzer(std::unique_ptr<SegmenterModel> model)
      : model_(std::move(model)),
        tokenizer_(&model_->lexicon),
        splitter_(&model_->lexicon, &model_->classifier) {}

  void Analyze(AnalyzedDocument* doc) const override {
    doc->tokens.clear();
    doc->sentences.clear();
    const std::string_view text = doc->doc.text;
    if (doc->doc.paragraphs.empty()) doc->doc.paragraphs = FindParagraphs(text);
    doc->tokens.reserve(text.size() / 5 + 16);
    std::vector<uint8_t> breaks;
    breaks.reserve(doc->tokens.capacity());
    std::vector<Candidate> candidates;
    for (uint32_t p = 0; p < doc->doc.paragraphs.size(); ++p) {
      const Span para = doc->doc.paragraphs[p];
      const uint32_t first = static_cast<uint32_t>(doc->tokens.size());
      const size_t end = std::min<size_t>(para.end, text.size());
      tokenizer_.Tokenize(text, std::min<size_t>(para.begin, end), end, &doc->tokens, &breaks);
      splitter_.Split(doc->tokens, breaks, first, static_cast<uint32_t>(doc->tokens.size()), p,
                      &candidates, &doc->sentences);
    }
  }

 private:
  std::unique_ptr<SegmenterModel> model_;
  Tokenizer tokenizer_;
  SentenceSplitter splitter_;
};

}  // namespace

std::shared_ptr<const TextAnalyzer> MakeTextAnalyzer(std::unique_ptr<SegmenterModel> model) {
  return std::make_shared<SegmenterAnalyzer>(std::move(model));
}

Result<std::shared_ptr<const TextAnalyzer>> TextAnalyzer::Load(const std::filesystem::path& model_dir) {
  const std::filesystem::path path = model_dir / "segmenter.bin";
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path.string() + ": cannot open (run `crosscheck train segmenter`)");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  Result<std::unique_ptr<SegmenterModel>> model = ParseSegmenterModel(bytes.str(), path.string());
  if (!model.ok()) return model.status();
  std::vector<SegmenterSelfTest> tests = (*model)->self_tests;
  std::shared_ptr<const TextAnalyzer> analyzer = MakeTextAnalyzer(std::move(model).value());
  if (Status s = RunSelfTests(*analyzer, tests, path.string()); !s.ok()) return s;
  return analyzer;
}

}  // namespace crosscheck::text
