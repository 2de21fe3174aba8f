#include "text/segmenter_model.h"

#include <cstring>

namespace crosscheck::text {

std::string SerializeSegmenterModel(const SegmenterModel& model) {
  std::string bytes;
  ByteWriter out(&bytes);
  bytes.append(kSegmenterMagic, 8);
  out.U32(kSegmenterVersion);
  out.Str(model.trainer);
  out.Str(model.command);
  out.Str(model.training_data);
  out.U32(static_cast<uint32_t>(model.self_tests.size()));
  for (const SegmenterSelfTest& t : model.self_tests) {
    out.Str(t.input);
    out.Str(t.expected);
  }
  model.lexicon.Write(&out);
  model.classifier.Write(&out);
  out.U64(FnvBytes(kFnvOffset, bytes));
  return bytes;
}

Result<std::unique_ptr<SegmenterModel>> ParseSegmenterModel(std::string_view bytes,
                                                            const std::string& name) {
  const auto error = [&](const std::string& what) { return Status::Error(name + ": " + what); };
  if (bytes.size() < 20 || std::memcmp(bytes.data(), kSegmenterMagic, 8) != 0)
    return error("not a segmenter model (expected magic \"CCSEGMNT\")");
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  ByteReader tail(bytes.substr(bytes.size() - 8));
  if (tail.U64() != FnvBytes(kFnvOffset, body)) return error("checksum mismatch (file damaged?)");
  ByteReader in(body.substr(8));
  if (const uint32_t v = in.U32(); v != kSegmenterVersion)
    return error("version " + std::to_string(v) + ", expected " + std::to_string(kSegmenterVersion));
  auto model = std::make_unique<SegmenterModel>();
  model->trainer = in.Str();
  model->command = in.Str();
  model->training_data = in.Str();
  for (uint32_t n = in.Count(1000); n > 0 && in.ok(); --n) {
    SegmenterSelfTest t;
    t.input = in.Str();
    t.expected = in.Str();
    model->self_tests.push_back(std::move(t));
  }
  if (!in.ok()) return error("header truncated");
  if (Status s = model->lexicon.Read(&in); !s.ok()) return error(s.message());
  if (Status s = model->classifier.Read(&in); !s.ok()) return error(s.message());
  if (!in.at_end()) return error("unexpected bytes after the classifier at offset " +
                                 std::to_string(in.offset() + 8));
  return model;
}

std::string RenderSegmentation(const AnalyzedDocument& doc) {
  std::string out;
  for (const Sentence& s : doc.sentences) {
    if (!out.empty()) out += '\n';
    for (uint32_t i = s.first_token; i < s.end_token; ++i) {
      out += doc.tokens[i].form;
      if (i + 1 < s.end_token) out += doc.tokens[i].mwt_continues ? '~' : ' ';
    }
  }
  return out;
}

Status RunSelfTests(const TextAnalyzer& analyzer, const std::vector<SegmenterSelfTest>& tests,
                    const std::string& name) {
  for (size_t i = 0; i < tests.size(); ++i) {
    AnalyzedDocument doc;
    doc.doc.text = tests[i].input;
    analyzer.Analyze(&doc);
    const std::string got = RenderSegmentation(doc);
    if (got != tests[i].expected)
      return Status::Error(name + ": self-test " + std::to_string(i + 1) + " failed: expected \"" +
                           tests[i].expected + "\", got \"" + got + "\"");
  }
  return Status::Ok();
}

}  // namespace crosscheck::text
