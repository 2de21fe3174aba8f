#include "syntax/lemma_rules.h"

#include <algorithm>

#include "syntax/tagger_features.h"

namespace crosscheck::syntax {

int CaseClass(std::string_view form) {
  int upper = 0, lower = 0, digits = 0;
  for (unsigned char c : form) {
    upper += c >= 'A' && c <= 'Z';
    lower += c >= 'a' && c <= 'z';
    digits += c >= '0' && c <= '9';
  }
  if (upper == 0) return 0;
  if (digits > 0) return 5;  // "01-Feb-02", "EB3326": codes keep their case
  const bool initial = form[0] >= 'A' && form[0] <= 'Z';
  if (initial && upper == 1) return 1;
  // All capitals: short ones are acronyms ("CNN"), long ones shouted names
  // ("TEHRAN" -> "Tehran" in UD English).
  if (lower == 0) return upper >= 5 ? 4 : 2;
  return 3;
}

uint64_t LemmaSuffixKey(std::string_view xpos, int case_class, std::string_view lower_suffix,
                        int length) {
  return Combine(Combine(HashString(xpos), static_cast<uint64_t>(case_class)),
                 HashString(lower_suffix) + static_cast<uint64_t>(length));
}

uint64_t LemmaExceptionKey(std::string_view form, std::string_view xpos) {
  return Combine(HashString(form), HashString(xpos) ^ 0x6c656d6d61ull);
}

namespace {

size_t CommonPrefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

}  // namespace

void Recase(LemmaCasing casing, std::string_view form, std::string* out) {
  if (casing == LemmaCasing::kLower) {
    LowercaseAscii(form, out);
    return;
  }
  out->assign(form);
  if (casing == LemmaCasing::kCapitalize && !out->empty() && (*out)[0] >= 'a' && (*out)[0] <= 'z') {
    (*out)[0] = static_cast<char>((*out)[0] - 'a' + 'A');
  }
}

LemmaEdit EditBetween(std::string_view form, std::string_view lemma) {
  LemmaEdit best;
  size_t best_common = 0;
  std::string recased;
  for (LemmaCasing casing : {LemmaCasing::kKeep, LemmaCasing::kLower, LemmaCasing::kCapitalize}) {
    Recase(casing, form, &recased);
    const size_t common = CommonPrefix(recased, lemma);
    if (casing != LemmaCasing::kKeep && common <= best_common) continue;
    best = LemmaEdit{casing, static_cast<uint32_t>(form.size() - common),
                     std::string(lemma.substr(common))};
    best_common = common;
  }
  return best;
}

bool ApplyEdit(const LemmaEdit& edit, std::string_view form, std::string* lemma) {
  if (edit.strip > form.size() || (edit.strip == form.size() && edit.append.empty())) return false;
  Recase(edit.casing, form.substr(0, form.size() - edit.strip), lemma);
  lemma->append(edit.append);
  return true;
}

void LemmaRules::ApplyRules(std::string_view form, std::string_view xpos,
                            std::string* lemma) const {
  std::string lower;
  LowercaseAscii(form, &lower);
  const int case_class = CaseClass(form);
  const int longest = std::min<int>(kMaxLemmaSuffix, static_cast<int>(lower.size()));
  for (int length = longest; length >= 0; --length) {
    const std::string_view suffix = std::string_view(lower).substr(lower.size() - length);
    const auto edit = suffix_rules.Find(LemmaSuffixKey(xpos, case_class, suffix, length));
    if (edit && ApplyEdit(edits[*edit], form, lemma)) return;
  }
  lemma->assign(form);
}

void LemmaRules::Lemmatize(std::string_view form, std::string_view upos, std::string_view xpos,
                           std::string* lemma) const {
  if (auto hit = exceptions.Find(LemmaExceptionKey(form, xpos))) {
    lemma->assign(lemmas[*hit]);
    return;
  }
  if (upos != "PROPN" && CaseClass(form) != 0) {
    std::string lower;
    LowercaseAscii(form, &lower);
    if (auto hit = exceptions.Find(LemmaExceptionKey(lower, xpos))) {
      lemma->assign(lemmas[*hit]);
      return;
    }
  }
  ApplyRules(form, xpos, lemma);
  // UD English writes numbers without digit-group commas ("6,363,217" -> "6363217").
  if (xpos == "CD" && lemma->find(',') != std::string::npos &&
      lemma->find_first_of("0123456789") != std::string::npos) {
    std::erase(*lemma, ',');
  }
}

void LemmaRules::Serialize(ByteWriter* out) const {
  out->U32(static_cast<uint32_t>(edits.size()));
  for (const LemmaEdit& e : edits) {
    out->U8(static_cast<uint8_t>(e.casing));
    out->U32(e.strip);
    out->Str(e.append);
  }
  suffix_rules.Serialize(out);
  out->U32(static_cast<uint32_t>(lemmas.size()));
  for (const std::string& s : lemmas) out->Str(s);
  exceptions.Serialize(out);
}

void LemmaRules::Parse(ByteReader* in) {
  edits.resize(in->Count(1u << 20));
  for (LemmaEdit& e : edits) {
    const uint8_t casing = in->U8();
    if (casing > 2) in->Fail();
    e.casing = static_cast<LemmaCasing>(casing);
    e.strip = in->U32();
    e.append = in->Str();
  }
  suffix_rules.Parse(in);
  lemmas.resize(in->Count(1u << 24));
  for (std::string& s : lemmas) s = in->Str();
  exceptions.Parse(in);
  bool ok = true;
  suffix_rules.ForEach([&](uint64_t, uint32_t v) { ok &= v < edits.size(); });
  exceptions.ForEach([&](uint64_t, uint32_t v) { ok &= v < lemmas.size(); });
  if (!ok) in->Fail();
}

}  // namespace crosscheck::syntax
