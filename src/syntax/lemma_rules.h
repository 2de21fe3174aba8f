// syntax/lemma_rules.h (private to syntax/): the lemmatizer's data.
// A lemma is the form rewritten by an edit class (recase, strip k bytes,
// append a string), chosen by the longest known suffix of the
// lowercased form together with the XPOS tag and the form's capitalization;
// irregular forms ("men", "said", "n't") come from an exception list of
// (form, XPOS) -> lemma learned from the treebank. Immutable once built.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/hash_index.h"

namespace crosscheck::syntax {

// How an edit changes the case of the form before stripping (ASCII only).
enum class LemmaCasing : uint8_t { kKeep = 0, kLower = 1, kCapitalize = 2 };

struct LemmaEdit {
  LemmaCasing casing = LemmaCasing::kKeep;
  uint32_t strip = 0;      // bytes removed from the end
  std::string append;      // then appended
  bool operator==(const LemmaEdit&) const = default;
};

// Longest suffix (bytes of the lowercased form) the rules look at.
inline constexpr int kMaxLemmaSuffix = 6;

// Capitalization of a form: 0 no capitals, 1 initial capital only, 2 all
// capitals (< 5 letters), 3 mixed, 4 all capitals (>= 5 letters), 5 capitals and digits.
int CaseClass(std::string_view form);
// Key of the rule for (xpos, case class, last `length` bytes of lowercased form).
uint64_t LemmaSuffixKey(std::string_view xpos, int case_class, std::string_view lower_suffix,
                        int length);
// Key of an exception (exact form, xpos).
uint64_t LemmaExceptionKey(std::string_view form, std::string_view xpos);
// The edit that turns `form` into `lemma` (prefers keeping the case on ties).
LemmaEdit EditBetween(std::string_view form, std::string_view lemma);
// Writes `form` with `casing` applied to *out.
void Recase(LemmaCasing casing, std::string_view form, std::string* out);
// Applies `edit` to `form`; false if it does not fit (strip > size).
bool ApplyEdit(const LemmaEdit& edit, std::string_view form, std::string* lemma);

struct LemmaRules {
  std::vector<LemmaEdit> edits;
  HashIndex suffix_rules;            // LemmaSuffixKey -> index into edits
  std::vector<std::string> lemmas;   // exception lemmas
  HashIndex exceptions;              // LemmaExceptionKey -> index into lemmas

  // The lemma of `form` tagged `upos`/`xpos`.
  void Lemmatize(std::string_view form, std::string_view upos, std::string_view xpos,
                 std::string* lemma) const;
  // The lemma from the suffix rules alone (no exceptions).
  void ApplyRules(std::string_view form, std::string_view xpos, std::string* lemma) const;

  void Serialize(ByteWriter* out) const;
  void Parse(ByteReader* in);
};

}  // namespace crosscheck::syntax
