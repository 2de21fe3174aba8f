#include "syntax/pos_model.h"

#include <cstring>
#include <fstream>
#include <sstream>

namespace crosscheck::syntax {
namespace {

void WriteFeats(const FeatsTable& feats, ByteWriter* out) {
  out->U32(static_cast<uint32_t>(feats.values.size()));
  for (const std::string& v : feats.values) out->Str(v);
  out->U32(static_cast<uint32_t>(feats.label_default.size()));
  for (uint32_t v : feats.label_default) out->U32(v);
  feats.exceptions.Serialize(out);
}

void ReadFeats(ByteReader* in, size_t labels, FeatsTable* feats) {
  feats->values.resize(in->Count(1u << 20));
  for (std::string& v : feats->values) v = in->Str();
  feats->label_default.resize(in->Count(1u << 16));
  for (uint32_t& v : feats->label_default) v = in->U32();
  feats->exceptions.Parse(in);
  bool ok = feats->label_default.size() == labels;
  const size_t n = feats->values.size();
  for (uint32_t v : feats->label_default) ok &= v < n;
  feats->exceptions.ForEach([&](uint64_t, uint32_t v) { ok &= v < n; });
  if (!ok) in->Fail();
}

Status SectionError(const std::string& name, const char* section, const ByteReader& in) {
  return Status::Error(name + ": corrupt or truncated model (" + section + " section, byte " +
                       std::to_string(in.offset()) + ")");
}

}  // namespace

uint64_t FeatsKey(uint64_t lower_form_hash, uint32_t label) {
  return Combine(lower_form_hash, label + 0x66656174ull);
}

std::string SerializePosModel(const PosModel& model) {
  std::string bytes;
  ByteWriter out(&bytes);
  bytes.append(kPosMagic, 8);
  out.U32(kPosVersion);
  out.Str(model.trainer);
  out.Str(model.command);
  out.Str(model.training_data);
  out.U32(static_cast<uint32_t>(model.self_tests.size()));
  for (const PosSelfTest& t : model.self_tests) {
    out.Str(t.forms);
    out.Str(t.expected);
  }
  out.U32(static_cast<uint32_t>(model.upos.size()));
  for (size_t i = 0; i < model.upos.size(); ++i) {
    out.Str(model.upos[i]);
    out.Str(model.xpos[i]);
  }
  model.tag_dictionary.Serialize(&out);
  model.candidates.Serialize(&out);
  model.lexicon.clusters.Serialize(&out);
  model.weights.Serialize(&out);
  WriteFeats(model.feats, &out);
  model.lemma_rules.Serialize(&out);
  out.U64(HashString(bytes));
  return bytes;
}

Result<std::shared_ptr<const PosModel>> ParsePosModel(std::string_view bytes,
                                                      const std::string& name) {
  if (bytes.size() < 20 || std::memcmp(bytes.data(), kPosMagic, 8) != 0) {
    return Status::Error(name + ": not a crosscheck POS model (expected magic \"" +
                         std::string(kPosMagic) + "\" at byte 0)");
  }
  ByteReader tail(bytes.substr(bytes.size() - 8));
  if (tail.U64() != HashString(bytes.substr(0, bytes.size() - 8))) {
    return Status::Error(name + ": checksum mismatch (file truncated or corrupt)");
  }
  ByteReader in(bytes.substr(8, bytes.size() - 16));
  if (const uint32_t version = in.U32(); version != kPosVersion) {
    return Status::Error(name + ": model version " + std::to_string(version) + ", expected " +
                         std::to_string(kPosVersion) + " (retrain with `crosscheck train pos`)");
  }
  auto model = std::make_shared<PosModel>();
  model->trainer = in.Str();
  model->command = in.Str();
  model->training_data = in.Str();
  model->self_tests.resize(in.Count(1000));
  for (PosSelfTest& t : model->self_tests) {
    t.forms = in.Str();
    t.expected = in.Str();
  }
  const uint32_t labels = in.Count(0xFFFE);
  model->upos.resize(labels);
  model->xpos.resize(labels);
  for (uint32_t i = 0; i < labels; ++i) {
    model->upos[i] = in.Str();
    model->xpos[i] = in.Str();
  }
  if (!in.ok() || labels == 0) return SectionError(name, "header", in);
  model->tag_dictionary.Parse(&in);
  bool dictionary_ok = true;
  model->tag_dictionary.ForEach([&](uint64_t, uint32_t v) { dictionary_ok &= v < labels; });
  if (!dictionary_ok) in.Fail();
  model->candidates.Parse(&in, labels);
  model->lexicon.clusters.Parse(&in);
  if (!in.ok()) return SectionError(name, "dictionary", in);
  model->weights.Parse(&in, 2 * labels);  // forward and backward models
  if (!in.ok()) return SectionError(name, "weights", in);
  ReadFeats(&in, labels, &model->feats);
  if (!in.ok()) return SectionError(name, "feats", in);
  model->lemma_rules.Parse(&in);
  if (!in.ok()) return SectionError(name, "lemma", in);
  return std::shared_ptr<const PosModel>(std::move(model));
}

Result<std::shared_ptr<const PosModel>> ReadPosModel(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::Error(path.string() + ": cannot open POS model");
  std::ostringstream bytes;
  bytes << file.rdbuf();
  if (file.bad()) return Status::Error(path.string() + ": read error");
  return ParsePosModel(bytes.str(), path.string());
}

}  // namespace crosscheck::syntax
