#include <gtest/gtest.h>

#include <algorithm>

#include "report/pictures.h"
#include "report/svg_relay_layout.h"
#include "svg_test_briefs.h"
#include "svg_test_util.h"

namespace crosscheck::report {
namespace {

using testing::AllText;
using testing::ParseOrFail;
using testing::RelayOf;
using testing::XmlElement;

const svg::GraphNode* NodeNamed(const svg::RelayLayout& g, const std::string& name) {
  for (const auto& n : g.nodes)
    if (n.name == name) return &n;
  return nullptr;
}

TEST(RelayLayout, PutsPrimariesLeftIntermediariesByLongestPathOutletsRight) {
  std::vector<reconcile::Relay> relays = {
      RelayOf("Agency", "primary", "Minister", "intermediary", 1),
      RelayOf("Minister", "intermediary", "Spokesman", "intermediary", 1),
      RelayOf("Spokesman", "intermediary", "Paper", "outlet", 1),
      RelayOf("Agency", "primary", "Radio", "outlet", 1),
  };
  auto g = svg::LayoutRelays(relays);
  EXPECT_EQ(NodeNamed(g, "Agency")->layer, 0);
  EXPECT_EQ(NodeNamed(g, "Minister")->layer, 1);
  EXPECT_EQ(NodeNamed(g, "Spokesman")->layer, 2);
  EXPECT_EQ(NodeNamed(g, "Paper")->layer, 3);
  EXPECT_EQ(NodeNamed(g, "Radio")->layer, 3);
  // Agency -> Radio skips two columns through two dummy bends.
  size_t dummies = std::count_if(g.nodes.begin(), g.nodes.end(), [](const auto& n) { return n.dummy; });
  EXPECT_EQ(dummies, 2u);
}

TEST(RelayLayout, BarycenterSweepsRemoveAvoidableCrossings) {
  // By name the outlets would be ordered A, B, C, D against sources Z, Y: crossings.
  std::vector<reconcile::Relay> relays = {
      RelayOf("Y source", "primary", "D outlet", "outlet", 5), RelayOf("Y source", "primary", "A outlet", "outlet", 5),
      RelayOf("Z source", "primary", "B outlet", "outlet", 5), RelayOf("Z source", "primary", "C outlet", "outlet", 5),
      RelayOf("Y source", "primary", "Q person", "intermediary", 1),
      RelayOf("Q person", "intermediary", "C outlet", "outlet", 1),
  };
  auto g = svg::LayoutRelays(relays);
  EXPECT_EQ(g.crossings, svg::CountCrossings(g));
  EXPECT_LE(g.crossings, 1u);
}

TEST(RelayLayout, DoesNotDependOnEdgeOrder) {
  auto relays = testing::ManyOutletsBrief(20).relays;
  auto a = svg::LayoutRelays(relays);
  std::reverse(relays.begin(), relays.end());
  auto b = svg::LayoutRelays(relays);
  ASSERT_EQ(a.layers.size(), b.layers.size());
  for (size_t l = 0; l < a.layers.size(); ++l)
    for (size_t i = 0; i < a.layers[l].size(); ++i) {
      EXPECT_EQ(a.nodes[a.layers[l][i]].name, b.nodes[b.layers[l][i]].name);
      EXPECT_DOUBLE_EQ(a.nodes[a.layers[l][i]].y, b.nodes[b.layers[l][i]].y);
    }
}

TEST(RelayLayout, NodesInAColumnDoNotOverlap) {
  auto g = svg::LayoutRelays(testing::ManyOutletsBrief(40).relays);
  for (const auto& layer : g.layers)
    for (size_t i = 1; i < layer.size(); ++i) {
      const auto &a = g.nodes[layer[i - 1]], &b = g.nodes[layer[i]];
      EXPECT_GE(b.y - a.y + 1e-6, (a.height + b.height) / 2);
    }
}

TEST(RelayLayout, GroupsLeastCitedOutletsBeyondTheNodeLimit) {
  auto g = svg::LayoutRelays(testing::ManyOutletsBrief(40).relays, {.max_nodes = 30});
  size_t real = std::count_if(g.nodes.begin(), g.nodes.end(), [](const auto& n) { return !n.dummy; });
  EXPECT_EQ(real, 30u);
  const svg::GraphNode* group = NodeNamed(g, "+14 more outlets");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->grouped, 14u);
  EXPECT_EQ(group->members.size(), 14u);
  EXPECT_EQ(g.collapsed, 14u);
}

TEST(RelayGraphSvg, DrawsPrimarySourceRelayedByThreeOutlets) {
  auto brief = testing::DeathTollBrief();
  std::string svg = RelayGraphSvg(brief);
  XmlElement root = ParseOrFail(svg);
  testing::ExpectMarksCited(root, 6);
  testing::ExpectTitled(root, "cc-node");
  testing::ExpectTitled(root, "cc-edge");
  std::string text = AllText(root);
  EXPECT_NE(text.find("2 independent sources"), std::string::npos);
  auto relays = testing::FindAll(root, [](const XmlElement& e) { return e.HasClass("relay"); });
  EXPECT_EQ(relays.size(), 6u);
  size_t from_ng = 0;
  for (const auto* r : relays) from_ng += r->children[0].text.rfind("Novaya Gazeta \u2192", 0) == 0;
  EXPECT_EQ(from_ng, 3u);
  EXPECT_NE(root.Child("desc")->text.find("Novaya Gazeta \u2192 Digital News: 2 claim versions"), std::string::npos);
  EXPECT_TRUE(testing::Overlaps(testing::TextBoxes(root)).empty());
}

TEST(RelayGraphSvg, CollapsesFortyOutletsAndDrawsCopiesDashed) {
  auto brief = testing::ManyOutletsBrief(40);
  std::string svg = RelayGraphSvg(brief);
  XmlElement root = ParseOrFail(svg);
  testing::ExpectMarksCited(root, 10);
  std::string text = AllText(root);
  EXPECT_NE(text.find(" more outlets"), std::string::npos);
  EXPECT_NE(text.find("1 independent source\n"), std::string::npos);
  auto copies = testing::FindAll(root, [](const XmlElement& e) { return e.HasClass("copy"); });
  ASSERT_FALSE(copies.empty());
  auto dashed = testing::FindAll(*copies[0], [](const XmlElement& e) { return e.Attr("stroke-dasharray") != nullptr; });
  EXPECT_EQ(dashed.size(), 1u);
  auto nodes = testing::FindAll(root, [](const XmlElement& e) { return e.tag == "rect" && e.Attr("rx"); });
  EXPECT_LE(nodes.size(), 30u);
  auto overlaps = testing::Overlaps(testing::TextBoxes(root));
  EXPECT_TRUE(overlaps.empty()) << overlaps[0];
  EXPECT_EQ(svg, RelayGraphSvg(brief));
}

TEST(RelayGraphSvg, DrawsASingleDocumentStory) {
  XmlElement root = ParseOrFail(RelayGraphSvg(testing::SingleDocumentBrief()));
  testing::ExpectMarksCited(root, 2);  // the edge and the outlet
  EXPECT_NE(AllText(root).find("1 independent source"), std::string::npos);
}

TEST(RelayGraphSvg, ReturnsEmptyWithoutRelays) {
  EXPECT_EQ(RelayGraphSvg(reconcile::StoryBrief{}), "");
  reconcile::StoryBrief loop;
  loop.relays = {RelayOf("X", "outlet", "X", "outlet", 1)};
  EXPECT_EQ(RelayGraphSvg(loop), "");
}

}  // namespace
}  // namespace crosscheck::report
