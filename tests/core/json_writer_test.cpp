#include "core/json_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace crosscheck {
namespace {

TEST(JsonWriter, WritesNestedObjectsAndArraysWithCommas) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("a"); w.Int(1);
  w.Key("b"); w.BeginArray(); w.Int(2); w.String("x"); w.Null(); w.EndArray();
  w.Key("c"); w.BeginObject(); w.Key("d"); w.Bool(false); w.EndObject();
  w.EndObject();
  EXPECT_EQ(out, R"({"a":1,"b":[2,"x",null],"c":{"d":false}})");
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
  std::string out;
  JsonWriter w(&out);
  w.String("say \"no\"\\\n\x01 “curly”");
  EXPECT_EQ(out, "\"say \\\"no\\\"\\\\\\n\\u0001 “curly”\"");
  EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(), "say \"no\"\\\n\x01 “curly”");
}

TEST(JsonWriter, WritesNullForEmptyOptionalStrings) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.StringOrNull("date", "");
  w.StringOrNull("title", "T");
  w.EndObject();
  EXPECT_EQ(out, R"({"date":null,"title":"T"})");
}

}  // namespace
}  // namespace crosscheck
