// The name lexicon half of the gazetteer (data/entities/name_lexicon.tsv):
// categories by case- and punctuation-insensitive key, organisation heads,
// and errors that name the file and line.
#include "entities/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/binary_io.h"

namespace crosscheck::entities {
namespace {

const std::filesystem::path kData = CROSSCHECK_SOURCE_DIR "/data";

const Gazetteer& Shipped() {
  static const Gazetteer gazetteer = [] {
    Result<Gazetteer> loaded = Gazetteer::Load(kData);
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? std::move(*loaded) : Gazetteer();
  }();
  return gazetteer;
}

TEST(GazetteerTest, NameLexiconKnowsOutletsPeopleAndOrganisations) {
  EXPECT_TRUE(Shipped().NameCategories(NameKeyOf("Los Angeles Times")) & kNameOutlet);
  EXPECT_TRUE(Shipped().NameCategories(NameKeyOf("reuters")) & kNameOutlet);
  EXPECT_TRUE(Shipped().NameCategories(NameKeyOf("Plato")) & kNamePerson);
  EXPECT_TRUE(Shipped().NameCategories(NameKeyOf("Mary")) & kNameFirst);
  EXPECT_TRUE(Shipped().NameCategories(NameKeyOf("Interpol")) & kNameOrganization);
  EXPECT_EQ(Shipped().NameCategories(NameKeyOf("the")), 0);
}

TEST(GazetteerTest, CommonLastWordsOfOrganisationNamesAreHeads) {
  EXPECT_TRUE(Shipped().IsOrganizationHead(HashString("times")));
  EXPECT_TRUE(Shipped().IsOrganizationHead(HashString("news")));
  EXPECT_FALSE(Shipped().IsOrganizationHead(HashString("the")));
}

TEST(GazetteerTest, UnknownLexiconCategoryIsNamedWithFileAndLine) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "cc_gazetteer_test";
  std::filesystem::create_directories(dir / "entities");
  std::filesystem::create_directories(dir / "gazetteer");
  for (const char* file : {"gazetteer/places.tsv.gz", "gazetteer/countries_demonyms.tsv",
                           "entities/region_demonyms.tsv"}) {
    std::filesystem::copy_file(kData / file, dir / file, std::filesystem::copy_options::overwrite_existing);
  }
  std::ofstream(dir / "entities/name_lexicon.tsv") << "# test\nReuters\toutlet\nAcme\tcompany\n";
  Result<Gazetteer> loaded = Gazetteer::Load(dir);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("name_lexicon.tsv:3"), std::string::npos) << loaded.status().message();
}

}  // namespace
}  // namespace crosscheck::entities
