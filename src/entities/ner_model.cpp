#include "entities/ner_model.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/binary_io.h"

namespace crosscheck::entities {
namespace {

constexpr uint32_t kMaxCount = 1u << 26;

void WriteStrings(const std::vector<std::string>& strings, ByteWriter* w) {
  w->U32(static_cast<uint32_t>(strings.size()));
  for (const std::string& s : strings) w->Str(s);
}

std::vector<std::string> ReadStrings(ByteReader* r) {
  std::vector<std::string> strings(r->Count(kMaxCount));
  for (std::string& s : strings) s = r->Str();
  return strings;
}

}  // namespace

void WeightTable::Build(const std::vector<uint64_t>& keys, std::vector<float> weights,
                        size_t labels) {
  keys_ = keys;
  weights_ = std::move(weights);
  labels_ = labels;
  const size_t slots = std::bit_ceil(std::max<size_t>(16, keys.size() * 2));
  mask_ = slots - 1;
  slot_keys_.assign(slots, 0);
  slot_rows_.assign(slots, 0);
  for (uint32_t row = 0; row < keys.size(); ++row) {
    size_t slot = keys[row] & mask_;
    while (slot_keys_[slot] != 0) slot = (slot + 1) & mask_;
    slot_keys_[slot] = keys[row];
    slot_rows_[slot] = row;
  }
}

bool NerModel::IsLowerWord(uint64_t key) const {
  return std::binary_search(lower_words.begin(), lower_words.end(), key);
}

Status SaveNerModel(const NerModel& model, const std::filesystem::path& path) {
  std::string bytes;
  ByteWriter w(&bytes);
  bytes.append(kNerMagic, sizeof(kNerMagic));
  w.U32(kNerVersion);
  w.Str(model.trainer);
  w.Str(model.command);
  WriteStrings(model.training_files, &w);
  WriteStrings(model.labels, &w);
  w.U32(static_cast<uint32_t>(model.self_tests.size()));
  for (const NerSelfTest& test : model.self_tests) {
    WriteStrings(test.words, &w);
    WriteStrings(test.tags, &w);
  }
  w.U32(static_cast<uint32_t>(model.lower_words.size()));
  for (uint64_t key : model.lower_words) w.U64(key);
  w.U32(static_cast<uint32_t>(model.clusters.entries.size()));
  for (const auto& [key, code] : model.clusters.entries) w.U64(key), w.U32(code);
  const size_t labels = model.labels.size();
  w.U32(static_cast<uint32_t>(model.weights.rows()));
  for (size_t row = 0; row < model.weights.rows(); ++row) {
    w.U64(model.weights.keys()[row]);
    for (size_t l = 0; l < labels; ++l) w.F32(model.weights.weights()[row * labels + l]);
  }
  for (float t : model.transitions) w.F32(t);
  w.U64(HashString(bytes));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return Status::Error(path.string() + ": cannot write the NER model");
  return Status::Ok();
}

Result<NerModel> LoadNerModel(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path.string() + ": cannot open the NER model (missing file?)");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  const std::string where = path.string() + ": ";
  if (bytes.size() < sizeof(kNerMagic) + 12 ||
      std::memcmp(bytes.data(), kNerMagic, sizeof(kNerMagic)) != 0) {
    return Status::Error(where + "not a crosscheck NER model (expected magic CCNERMDL)");
  }
  ByteReader tail(std::string_view(bytes).substr(bytes.size() - 8));
  if (tail.U64() != HashString(std::string_view(bytes).substr(0, bytes.size() - 8))) {
    return Status::Error(where + "corrupt NER model (checksum mismatch)");
  }
  ByteReader r(std::string_view(bytes).substr(sizeof(kNerMagic), bytes.size() - 8 - sizeof(kNerMagic)));
  if (const uint32_t version = r.U32(); version != kNerVersion) {
    return Status::Error(where + "NER model version " + std::to_string(version) + ", expected " +
                         std::to_string(kNerVersion) + " (retrain with `crosscheck train ner`)");
  }
  NerModel model;
  model.trainer = r.Str();
  model.command = r.Str();
  model.training_files = ReadStrings(&r);
  model.labels = ReadStrings(&r);
  model.self_tests.resize(r.Count(1000));
  for (NerSelfTest& test : model.self_tests) {
    test.words = ReadStrings(&r);
    test.tags = ReadStrings(&r);
  }
  model.lower_words.resize(r.Count(kMaxCount));
  for (uint64_t& key : model.lower_words) key = r.U64();
  model.clusters.entries.resize(r.Count(kMaxCount));
  for (auto& [key, code] : model.clusters.entries) key = r.U64(), code = r.U32();
  const size_t labels = model.labels.size();
  const uint32_t rows = r.Count(kMaxCount);
  if (!r.ok() || labels == 0 || labels > 64) return Status::Error(where + "corrupt NER model header");
  std::vector<uint64_t> keys(rows);
  std::vector<float> weights(static_cast<size_t>(rows) * labels);
  for (uint32_t row = 0; row < rows && r.ok(); ++row) {
    keys[row] = r.U64();
    for (size_t l = 0; l < labels; ++l) weights[row * labels + l] = r.F32();
  }
  model.transitions.resize((labels + 1) * labels);
  for (float& t : model.transitions) t = r.F32();
  if (!r.ok() || r.offset() != bytes.size() - 8 - sizeof(kNerMagic)) {
    return Status::Error(where + "corrupt NER model (truncated or extra bytes in the weights)");
  }
  model.weights.Build(keys, std::move(weights), labels);
  return model;
}

}  // namespace crosscheck::entities
