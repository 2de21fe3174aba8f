// facts/number_reader.h: reads one number at a piece: digits ("1,500", "58.24", ".5"),
// digit fractions ("1/16"), number words ("Fifty three", "two hundred and ten",
// "a dozen"), word fractions ("a third of", "two-thirds of") and scales ("1.5 million",
// "2bn", "30k", "4 hundred million"). Private to src/facts/.
#pragma once
#include <cstddef>
#include <optional>
#include <vector>

#include "facts/facts_lexicon.h"
#include "facts/text_pieces.h"

namespace crosscheck::facts {

struct NumberRead {
  size_t begin = 0, end = 0;  // pieces [begin, end)
  double value = 0;
  double unscaled = 0;        // the value before scale words ("15" in "$15 billion")
  bool digits = false;        // written with digits
  bool scaled = false;        // a scale word or abbreviation applied ("million", "bn")
  bool fraction = false;      // "a third", "1/2"
  bool plain_integer = false; // digits only, no separator, decimal point or scale ("2017")
  int digit_count = 0;        // digits in the first number piece
};

// Reads the number starting at pieces[i], or nothing. `money` says a currency sign came
// right before, which makes a joined "m" read as million rather than metres.
std::optional<NumberRead> ReadNumber(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t i,
                                     bool money);

// Applies scale words after a number ends at `end` ("1.5 million", "four to five thousand"):
// multiplies *value and returns the new end.
size_t ReadScales(const FactsLexicon& lex, const std::vector<Piece>& pieces, size_t end, bool money,
                  double* value, bool* scaled);

}  // namespace crosscheck::facts
