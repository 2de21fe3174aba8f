#include "text/normalizer.h"

#include <gtest/gtest.h>

namespace crosscheck::text {
namespace {

TEST(NormalizerTest, AsciiIsReturnedUnchangedWithIdentityMap) {
  NormalizedText n = NormalizeWithOffsets("Mr. Smith said.");
  EXPECT_EQ(n.text, "Mr. Smith said.");
  EXPECT_TRUE(n.original.empty());
  EXPECT_EQ(n.ToOriginal(4), 4u);
  EXPECT_TRUE(IsTriviallyNfc("plain ASCII"));
}

TEST(NormalizerTest, CurlyQuotesAndDashesNeedNoNormalization) {
  const std::string s = "\xE2\x80\x9CIn Chechnya\xE2\x80\x9D \xE2\x80\x94 MTV\xE2\x80\x99s post";
  EXPECT_TRUE(IsTriviallyNfc(s));
  EXPECT_EQ(Nfc(s), s);
}

TEST(NormalizerTest, ComposesDecomposedAccents) {
  // "Café" with e + U+0301 COMBINING ACUTE ACCENT -> U+00E9.
  const std::string decomposed = "Cafe\xCC\x81 Nervosa";
  EXPECT_FALSE(IsTriviallyNfc(decomposed));
  EXPECT_EQ(Nfc(decomposed), "Caf\xC3\xA9 Nervosa");
}

TEST(NormalizerTest, OffsetsMapBackToOriginalBytes) {
  const std::string decomposed = "Cafe\xCC\x81 Nervosa";
  NormalizedText n = NormalizeWithOffsets(decomposed);
  ASSERT_EQ(n.text, "Caf\xC3\xA9 Nervosa");
  ASSERT_EQ(n.original.size(), n.text.size() + 1);
  EXPECT_EQ(n.ToOriginal(3), 3u);   // é starts where "e" started
  EXPECT_EQ(n.ToOriginal(4), 3u);   // second byte of é: same source unit
  EXPECT_EQ(n.ToOriginal(5), 6u);   // the space after the combining mark
  EXPECT_EQ(n.ToOriginal(static_cast<uint32_t>(n.text.size())), decomposed.size());
}

TEST(NormalizerTest, SingletonDecompositionsAreApplied) {
  // U+212B ANGSTROM SIGN is NFC-normalized to U+00C5.
  EXPECT_EQ(Nfc("\xE2\x84\xAB"), "\xC3\x85");
}

}  // namespace
}  // namespace crosscheck::text
