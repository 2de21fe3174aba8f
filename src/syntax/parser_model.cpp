#include "syntax/parser_model.h"

#include <cstring>

namespace crosscheck::syntax {
namespace {

// IEEE 754 binary16 conversion (round to nearest even; no F16C needed).
uint16_t FloatToHalf(float value) {
  uint32_t f;
  std::memcpy(&f, &value, 4);
  const uint32_t sign = (f >> 16) & 0x8000u;
  const int exponent = static_cast<int>((f >> 23) & 0xff) - 127 + 15;
  uint32_t mantissa = f & 0x7fffffu;
  if (exponent >= 31) return static_cast<uint16_t>(sign | 0x7c00u);  // clamp to infinity
  if (exponent <= 0) {
    if (exponent < -10) return static_cast<uint16_t>(sign);
    mantissa |= 0x800000u;
    const int shift = 14 - exponent;
    uint32_t half = mantissa >> shift;
    const uint32_t rest = mantissa & ((1u << shift) - 1), halfway = 1u << (shift - 1);
    if (rest > halfway || (rest == halfway && (half & 1))) ++half;
    return static_cast<uint16_t>(sign | half);
  }
  uint32_t half = (static_cast<uint32_t>(exponent) << 10) | (mantissa >> 13);
  const uint32_t rest = mantissa & 0x1fffu;
  if (rest > 0x1000u || (rest == 0x1000u && (half & 1))) ++half;  // may carry into the exponent
  return static_cast<uint16_t>(sign | half);
}

float HalfToFloat(uint16_t h) {
  const uint32_t sign = (h & 0x8000u) << 16;
  uint32_t exponent = (h >> 10) & 0x1fu, mantissa = h & 0x3ffu, f;
  if (exponent == 31) {
    f = sign | 0x7f800000u | (mantissa << 13);
  } else if (exponent != 0) {
    f = sign | ((exponent + 112) << 23) | (mantissa << 13);
  } else if (mantissa == 0) {
    f = sign;
  } else {  // subnormal half: normalize
    exponent = 113;
    while (!(mantissa & 0x400u)) { mantissa <<= 1; --exponent; }
    f = sign | (exponent << 23) | ((mantissa & 0x3ffu) << 13);
  }
  float value;
  std::memcpy(&value, &f, 4);
  return value;
}

void WriteTable(const WeightTable& table, ByteWriter* out) {
  out->U32(static_cast<uint32_t>(table.bits));
  out->U32(static_cast<uint32_t>(table.width));
  const size_t rows = size_t{1} << table.bits, width = table.width;
  std::vector<uint16_t> half(width);
  std::string body;
  ByteWriter body_out(&body);
  uint32_t kept = 0;
  for (size_t r = 0; r < rows; ++r) {
    bool any = false;
    for (size_t c = 0; c < width; ++c) {
      half[c] = FloatToHalf(table.weights[r * width + c]);
      any |= (half[c] & 0x7fffu) != 0;
    }
    if (!any) continue;
    ++kept;
    body_out.U32(static_cast<uint32_t>(r));
    for (uint16_t h : half) body_out.U16(h);
  }
  out->U32(kept);
  out->Str(body);  // one length-prefixed block: Load copies it out in one go
}

bool ReadTable(ByteReader* in, int max_width, WeightTable* table) {
  const uint32_t bits = in->U32(), width = in->U32();
  if (!in->ok() || bits < 8 || bits > 26 || width == 0 || static_cast<int>(width) > max_width) return false;
  table->Resize(static_cast<int>(bits), static_cast<int>(width));
  const uint32_t kept = in->Count(1u << bits);
  const std::string body = in->Str();
  const size_t row_bytes = 4 + 2 * size_t{width};
  if (!in->ok() || body.size() != kept * row_bytes) return false;
  for (size_t offset = 0; offset < body.size(); offset += row_bytes) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(body.data() + offset);
    const uint32_t row = bytes[0] | bytes[1] << 8 | bytes[2] << 16 | static_cast<uint32_t>(bytes[3]) << 24;
    if (row >= (1u << bits)) return false;
    float* dst = &table->weights[static_cast<size_t>(row) * width];
    for (uint32_t c = 0; c < width; ++c) {
      dst[c] = HalfToFloat(static_cast<uint16_t>(bytes[4 + 2 * c] | bytes[5 + 2 * c] << 8));
    }
  }
  return true;
}

void WriteSelfTests(const std::vector<ParserSelfTest>& tests, ByteWriter* out) {
  out->U32(static_cast<uint32_t>(tests.size()));
  for (const ParserSelfTest& test : tests) {
    out->U32(static_cast<uint32_t>(test.words.size() / 4));
    for (const std::string& s : test.words) out->Str(s);
    out->Str(test.expected);
  }
}

bool ReadSelfTests(ByteReader* in, std::vector<ParserSelfTest>* tests) {
  const uint32_t n = in->Count(1000);
  tests->resize(n);
  for (ParserSelfTest& test : *tests) {
    const uint32_t words = in->Count(1000);
    test.words.resize(4 * size_t{words});
    for (std::string& s : test.words) s = in->Str();
    test.expected = in->Str();
  }
  return in->ok();
}

}  // namespace

void WeightTable::Score(const FeatureKeys& keys, float* scores) const {
  const float* rows[kMaxMoveFeatures];
  const size_t row_bytes = sizeof(float) * width;
  for (int i = 0; i < keys.size; ++i) {
    rows[i] = &weights[RowOf(keys.key[i]) * width];
    const char* row = reinterpret_cast<const char*>(rows[i]);
    for (size_t line = 0; line < row_bytes; line += 64) __builtin_prefetch(row + line);
  }
  if (width == kNumMoves) {  // the hot case: sum in registers
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (int i = 0; i < keys.size; ++i) {
      s0 += rows[i][0]; s1 += rows[i][1]; s2 += rows[i][2]; s3 += rows[i][3];
    }
    scores[0] = s0; scores[1] = s1; scores[2] = s2; scores[3] = s3;
    return;
  }
  float sums[kMaxLabels] = {};  // local, so the loop vectorizes
  // Columns in blocks of 8 with a constant trip count: GCC vectorizes those at
  // -O2 (the plain loop over `width` stayed scalar, ~15% of `analyze`). Each
  // column still sums its rows in the same order, so scores are bit-identical.
  const int blocked = width & ~7;
  for (int i = 0; i < keys.size; ++i) {
    const float* row = rows[i];
    for (int c = 0; c < blocked; c += 8)
      for (int k = 0; k < 8; ++k) sums[c + k] += row[c + k];
    for (int c = blocked; c < width; ++c) sums[c] += row[c];
  }
  for (int c = 0; c < width; ++c) scores[c] = sums[c];
}

}  // namespace crosscheck::syntax

namespace crosscheck::syntax {

std::string SerializeParserModel(const ParserModel& model) {
  std::string bytes(kParserMagic, 8);
  ByteWriter out(&bytes);
  out.U32(kParserVersion);
  out.Str(model.trainer);
  out.Str(model.command);
  out.Str(model.training_data);
  out.Str(model.notes);
  out.U32(static_cast<uint32_t>(model.labels.size()));
  for (const std::string& label : model.labels) out.Str(label);
  out.U32(static_cast<uint32_t>(model.root_label));
  out.U64(model.left_arc_labels);
  out.U64(model.right_arc_labels);
  out.U32(static_cast<uint32_t>(model.beam_width));
  WriteTable(model.moves, &out);
  WriteTable(model.arc_labels, &out);
  WriteSelfTests(model.self_tests, &out);
  out.U64(FnvBytes(kFnvOffset, bytes));
  return bytes;
}

Result<std::shared_ptr<ParserModel>> ParseParserModel(std::string_view bytes, const std::string& name) {
  const auto fail = [&](const std::string& what) {
    return Status::Error(name + ": " + what);
  };
  if (bytes.size() < 8 || bytes.substr(0, 8) != std::string_view(kParserMagic, 8)) {
    return fail("not a crosscheck parser model (expected magic \"CCPARSER\")");
  }
  if (bytes.size() < 20) return fail("truncated (" + std::to_string(bytes.size()) + " bytes)");
  ByteReader checksum_in(bytes.substr(bytes.size() - 8));
  const uint64_t checksum = checksum_in.U64();
  ByteReader in(bytes.substr(8, bytes.size() - 16));
  const uint32_t version = in.U32();
  if (version != kParserVersion) {
    return fail("model version " + std::to_string(version) + ", this build reads version " +
                std::to_string(kParserVersion) + " (retrain with `crosscheck train parser`)");
  }
  if (FnvBytes(kFnvOffset, bytes.substr(0, bytes.size() - 8)) != checksum) {
    return fail("checksum mismatch (truncated or corrupt file)");
  }
  auto model = std::make_shared<ParserModel>();
  model->trainer = in.Str();
  model->command = in.Str();
  model->training_data = in.Str();
  model->notes = in.Str();
  model->labels.resize(in.Count(kMaxLabels));
  for (std::string& label : model->labels) label = in.Str();
  model->root_label = static_cast<int>(in.U32());
  model->left_arc_labels = in.U64();
  model->right_arc_labels = in.U64();
  model->beam_width = static_cast<int>(in.U32());
  if (!in.ok() || model->labels.empty() || model->root_label >= static_cast<int>(model->labels.size()) ||
      model->beam_width < 1 || model->beam_width > 64) {
    return fail("bad label section at byte " + std::to_string(8 + in.offset()));
  }
  if (!ReadTable(&in, kNumMoves, &model->moves) || model->moves.width != kNumMoves) {
    return fail("bad move weights at byte " + std::to_string(8 + in.offset()));
  }
  if (!ReadTable(&in, kMaxLabels, &model->arc_labels) ||
      model->arc_labels.width != static_cast<int>(model->labels.size())) {
    return fail("bad label weights at byte " + std::to_string(8 + in.offset()));
  }
  if (!ReadSelfTests(&in, &model->self_tests) || in.offset() != bytes.size() - 16) {
    return fail("bad self-test section at byte " + std::to_string(8 + in.offset()));
  }
  return model;
}

int ChooseLabel(const ParserModel& model, const ParseState& state, const std::vector<WordAtoms>& atoms,
                int head, int dependent, FeatureKeys* keys) {
  if (head == state.size()) return model.root_label;
  ExtractLabelFeatures(state, atoms, head, dependent, keys);
  float scores[kMaxLabels];
  model.arc_labels.Score(*keys, scores);
  const uint64_t allowed = dependent < head ? model.left_arc_labels : model.right_arc_labels;
  int best = -1;
  for (int l = 0; l < model.arc_labels.width; ++l) {
    if (l == model.root_label || !((allowed >> l) & 1)) continue;
    if (best < 0 || scores[l] > scores[best]) best = l;
  }
  return best < 0 ? model.root_label : best;
}

std::string RenderParse(const std::vector<uint32_t>& heads, const std::vector<std::string>& deprels) {
  std::string out;
  for (size_t i = 0; i < heads.size(); ++i) {
    if (i) out += ' ';
    out += std::to_string(heads[i]) + ":" + deprels[i];
  }
  return out;
}

Status RunParserSelfTests(const DependencyParser& parser, const std::string& name) {
  std::vector<uint32_t> heads;
  std::vector<std::string> deprels;
  const auto& tests = parser.model().self_tests;
  for (size_t t = 0; t < tests.size(); ++t) {
    std::vector<ParserWord> words;
    std::string text;
    for (size_t i = 0; i + 3 < tests[t].words.size(); i += 4) {
      const auto& w = tests[t].words;
      words.push_back({w[i], w[i + 1], w[i + 2], w[i + 3]});
      text += (i ? " " : "") + w[i];
    }
    parser.Parse(words, &heads, &deprels);
    const std::string got = RenderParse(heads, deprels);
    if (got != tests[t].expected) {
      return Status::Error(name + ": self-test " + std::to_string(t + 1) + " failed on \"" + text +
                           "\": expected \"" + tests[t].expected + "\", got \"" + got + "\"");
    }
  }
  return Status::Ok();
}

}  // namespace crosscheck::syntax
