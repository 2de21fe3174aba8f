// The "who relays whom" picture: draws the layered layout of
// svg_relay_layout.h. Edges are marks citing a claim version that follows
// them; outlets link to their first document. Rules in docs/pictures.md.
#include <algorithm>
#include <cmath>
#include <map>

#include "report/pictures.h"
#include "report/svg_canvas.h"
#include "report/svg_relay_layout.h"

namespace crosscheck::report {
namespace {

using reconcile::Cite;
using reconcile::StoryBrief;
using svg::Attrs;
using svg::Canvas;
using svg::GraphEdge;
using svg::GraphNode;
using svg::NodeKind;
using svg::Num;
using svg::RelayLayout;

constexpr double kHeaderHeight = 62, kNodeHeight = 22, kArcRoom = 56;

struct EdgeCite {
  Cite cite;
  uint32_t versions = 0;
};
using CiteMap = std::map<std::pair<std::string, std::string>, EdgeCite>;

// The (from, to) steps of every claim version's attribution chain, primary
// source first, with the first version that takes each step. Relay carries no
// cite of its own, so the edge cites a version that follows it.
std::string OutletOf(const StoryBrief& brief, const std::string& id);

CiteMap StepCites(const StoryBrief& brief) {
  CiteMap steps;
  for (const auto& claim : brief.claims) {
    for (const auto& v : claim.versions) {
      std::vector<std::string> chain;
      if (!v.primary_source.empty()) chain.push_back(v.primary_source);
      for (auto it = v.attributed_to.rbegin(); it != v.attributed_to.rend(); ++it)
        if (chain.empty() || chain.back() != *it) chain.push_back(*it);
      std::string outlet = v.outlet.empty() ? OutletOf(brief, v.cite.document) : v.outlet;
      if (chain.empty() || chain.back() != outlet) chain.push_back(outlet);
      for (size_t i = 0; i + 1 < chain.size(); ++i) {
        auto [it, fresh] = steps.try_emplace({chain[i], chain[i + 1]}, EdgeCite{v.cite, 0});
        ++it->second.versions;
      }
    }
  }
  return steps;
}

std::string OutletOf(const StoryBrief& brief, const std::string& id) {
  for (const auto& d : brief.documents)
    if (d.id == id) return d.source.empty() ? d.id : d.source;
  return id;
}

// A syndicated copy cites the copy's first sentence.
std::optional<Cite> CopyCite(const StoryBrief& brief, const std::string& original,
                             const std::string& copy) {
  for (const auto& d : brief.documents) {
    if (d.copy_of.empty()) continue;
    std::string a = OutletOf(brief, d.copy_of), b = d.source.empty() ? d.id : d.source;
    if ((a == original && b == copy) || (a == copy && b == original)) return Cite{d.id, 0};
  }
  return std::nullopt;
}

std::optional<Cite> EdgeCiteOf(const StoryBrief& brief, const GraphEdge& e, const CiteMap& steps) {
  for (size_t i : e.relays) {
    const auto& r = brief.relays[i];
    if (e.copy) {
      if (auto c = CopyCite(brief, r.from, r.to)) return c;
      continue;
    }
    auto it = steps.find({r.from, r.to});
    if (it != steps.end()) return it->second.cite;
  }
  return std::nullopt;
}

struct Geometry {
  double top, box_w;
  std::vector<double> column_x;
  double X(const GraphNode& n) const { return column_x[n.layer]; }
  double Y(const GraphNode& n) const { return top + n.y; }
};

Geometry GeometryOf(const RelayLayout& g, int width, bool arcs) {
  Geometry geo;
  geo.top = kHeaderHeight;
  size_t columns = g.layers.size();
  double left = 8, right = width - (arcs ? kArcRoom : 8);
  geo.box_w = std::min(210.0, (right - left - 64.0 * (columns - 1)) / columns);
  for (size_t l = 0; l < columns; ++l)
    geo.column_x.push_back(columns == 1 ? left : left + l * (right - left - geo.box_w) / (columns - 1));
  return geo;
}

std::string KindName(NodeKind kind) {
  if (kind == NodeKind::kPrimary) return "primary source";
  if (kind == NodeKind::kIntermediary) return "quoted source";
  return "outlet";
}

void ArrowHead(Canvas& c, double x, double y, double dir, std::string_view color) {
  std::string pts = Num(x) + "," + Num(y) + " " + Num(x - 7 * dir) + "," + Num(y - 4) + " " +
                    Num(x - 7 * dir) + "," + Num(y + 4);
  c.Empty("polygon", {{"points", pts}, {"fill", color}});
}

// A left-to-right path through the edge's chain, bending at dummy nodes.
std::string ChainPath(const RelayLayout& g, const GraphEdge& e, const Geometry& geo) {
  const GraphNode& first = g.nodes[e.chain[0]];
  double x = geo.X(first) + geo.box_w, y = geo.Y(first);
  std::string d = "M" + Num(x) + "," + Num(y);
  for (size_t i = 1; i < e.chain.size(); ++i) {
    const GraphNode& n = g.nodes[e.chain[i]];
    double nx = geo.X(n), ny = geo.Y(n), mx = (x + nx) / 2;
    d += " C" + Num(mx) + "," + Num(y) + " " + Num(mx) + "," + Num(ny) + " " + Num(nx) + "," + Num(ny);
    x = nx, y = ny;
    if (n.dummy) {
      x += geo.box_w;
      d += " L" + Num(x) + "," + Num(y);
    }
  }
  return d;
}

// An edge within one column (a syndicated copy): an arc on the column's right.
std::string ArcPath(const GraphNode& a, const GraphNode& b, const Geometry& geo, double* end_x) {
  double x = geo.X(a) + geo.box_w, y1 = geo.Y(a), y2 = geo.Y(b);
  double bulge = std::min(kArcRoom - 10, 16 + 0.12 * std::fabs(y2 - y1));
  *end_x = x + 2;
  return "M" + Num(x) + "," + Num(y1) + " C" + Num(x + bulge) + "," + Num(y1) + " " +
         Num(x + bulge) + "," + Num(y2) + " " + Num(x + 2) + "," + Num(y2);
}

std::string EdgeTitle(const RelayLayout& g, const GraphEdge& e) {
  const std::string &a = g.nodes[e.from].name, &b = g.nodes[e.to].name;
  if (e.copy) return b + " republishes " + a + " (syndicated copy)";
  std::string s = a + " \u2192 " + b;
  if (e.claims > 0) s += ": " + std::to_string(e.claims) + (e.claims == 1 ? " claim version" : " claim versions");
  return s;
}

void DrawEdge(Canvas& c, const StoryBrief& brief, const RelayLayout& g, const GraphEdge& e,
              const Geometry& geo, const CiteMap& steps, const PictureOptions& options) {
  auto cite = EdgeCiteOf(brief, e, steps);
  std::string cls = std::string(cite ? "cc-mark" : "cc-edge") + (e.copy ? " copy" : " relay");
  std::string title = EdgeTitle(g, e);
  c.OpenMark(cite ? &*cite : nullptr, cls,
             cite ? svg::MarkTitle(brief, title, *cite, options.max_title_chars) : title);
  double end_x = 0, end_y = geo.Y(g.nodes[e.to]), dir = 1;
  std::string d;
  if (e.chain.empty()) {
    d = ArcPath(g.nodes[e.from], g.nodes[e.to], geo, &end_x);
    dir = -1;
  } else {
    d = ChainPath(g, e, geo);
    end_x = e.reversed ? geo.X(g.nodes[e.to]) + geo.box_w : geo.X(g.nodes[e.to]);
    dir = e.reversed ? -1 : 1;
  }
  double width = 1.2 + std::min(3.0, std::log2(std::max<uint32_t>(e.claims, 1)));
  std::string_view color = e.copy ? svg::kMuted : svg::kMarkColor;
  c.Empty("path", {{"d", d}, {"fill", "none"}, {"stroke", "#fff"}, {"stroke-opacity", 0.0},
                   {"stroke-width", 10.0}});  // hit area
  Attrs attrs = {{"d", d}, {"fill", "none"}, {"stroke", color}, {"stroke-opacity", 0.75},
                 {"stroke-width", width}};
  if (e.copy) attrs.push_back({"stroke-dasharray", "5 3"});
  c.Empty("path", attrs);
  ArrowHead(c, end_x, end_y, dir, color);
  c.CloseMark(cite ? &*cite : nullptr);
}

std::optional<Cite> FirstDocumentOf(const StoryBrief& brief, const std::string& outlet) {
  for (const auto& d : brief.documents)
    if (d.source == outlet || (d.source.empty() && d.id == outlet)) return Cite{d.id, 0};
  return std::nullopt;
}

void DrawNode(Canvas& c, const StoryBrief& brief, const GraphNode& n, const Geometry& geo,
              const PictureOptions& options) {
  static const char* kFill[] = {"#fbe6d4", "#eceff4", "#dde9f7"};
  static const char* kStroke[] = {"#b3650b", "#7a8496", "#1f5fa8"};
  int k = static_cast<int>(n.kind);
  std::optional<Cite> cite;
  if (n.kind == NodeKind::kOutlet && n.grouped == 0) cite = FirstDocumentOf(brief, n.name);
  std::string title = n.name + " \u2014 " + KindName(n.kind);
  if (n.claims > 0) title += ", " + std::to_string(n.claims) + " claim versions";
  if (n.grouped > 0) {
    title = n.name + ":";
    for (const auto& m : n.members) title += "\n" + m;
  }
  std::string cls = std::string(cite ? "cc-mark node " : "cc-node ") + (n.grouped ? "group " : "") +
                    (k == 0 ? "primary" : k == 1 ? "intermediary" : "outlet");
  c.OpenMark(cite ? &*cite : nullptr, cls,
             cite ? svg::MarkTitle(brief, title, *cite, options.max_title_chars) : title);
  Attrs rect = {{"x", geo.X(n)}, {"y", geo.Y(n) - kNodeHeight / 2}, {"width", geo.box_w},
                {"height", kNodeHeight}, {"rx", 4.0}, {"fill", n.grouped ? "#f4f4f4" : kFill[k]},
                {"stroke", kStroke[k]}, {"stroke-width", 1.2}};
  if (n.grouped) rect.push_back({"stroke-dasharray", "3 2"});
  c.Empty("rect", rect);
  c.Text(geo.X(n) + 6, geo.Y(n) + 4, svg::FitText(n.name, 11.5, geo.box_w - 12),
         {{"font-size", 11.5}, {"fill", n.grouped ? svg::kMuted : svg::kInk}});
  c.CloseMark(cite ? &*cite : nullptr);
}

void DrawHeader(Canvas& c, const StoryBrief& brief, const RelayLayout& g, const Geometry& geo,
                int width, std::string* desc) {
  uint32_t n = brief.independent_sources;
  std::string head = std::to_string(n) + (n == 1 ? " independent source" : " independent sources");
  size_t count[3] = {0, 0, 0}, copies = 0;
  for (const auto& node : g.nodes)
    if (!node.dummy) count[static_cast<int>(node.kind)] += node.grouped ? node.grouped : 1;
  for (const auto& e : g.edges) copies += e.copy;
  auto plural = [](size_t k, const char* one, const char* many) {
    return std::to_string(k) + " " + (k == 1 ? one : many);
  };
  std::string sub;
  auto add = [&](size_t k, const char* one, const char* many) {
    if (k > 0) sub += (sub.empty() ? "" : " \u00b7 ") + plural(k, one, many);
  };
  add(count[0], "primary source", "primary sources");
  add(count[1], "quoted source", "quoted sources");
  add(count[2], "outlet", "outlets");
  add(copies, "syndicated copy", "syndicated copies");
  c.Text(8, 18, head, {{"class", "cc-count"}, {"font-size", 14}, {"font-weight", "bold"}});
  c.Text(8, 34, svg::FitText(sub, 11, width - 16), {{"font-size", 11}, {"fill", svg::kMuted}});
  *desc += head + ": " + sub + ". ";
  static const char* kHeads[] = {"PRIMARY SOURCES", "PASSED ON BY", "OUTLETS"};
  int prev = -1;
  for (size_t l = 0; l < g.layers.size(); ++l) {
    int kind = -1;
    for (size_t v : g.layers[l])
      if (!g.nodes[v].dummy) kind = static_cast<int>(g.nodes[v].kind);
    if (kind < 0 || kind == prev) continue;
    prev = kind;
    c.Text(geo.column_x[l], 54, kHeads[kind], {{"font-size", 9.5}, {"fill", svg::kMuted},
                                               {"letter-spacing", 0.5}});
  }
}

void Describe(const RelayLayout& g, std::string* desc) {
  std::vector<std::string> lines;
  for (const auto& e : g.edges) lines.push_back(EdgeTitle(g, e));
  std::sort(lines.begin(), lines.end());
  for (const auto& l : lines) *desc += l + ". ";
  if (g.collapsed > 0) *desc += std::to_string(g.collapsed) + " less-cited nodes are grouped.";
}

}  // namespace

std::string RelayGraphSvg(const StoryBrief& brief, const PictureOptions& options) {
  if (brief.relays.empty()) return "";
  svg::RelayLayoutOptions lo;
  lo.max_nodes = options.max_relay_nodes;
  lo.node_height = kNodeHeight;
  lo.node_gap = 7;
  RelayLayout g = svg::LayoutRelays(brief.relays, lo);
  if (g.edges.empty()) return "";
  bool arcs = std::any_of(g.edges.begin(), g.edges.end(), [](const GraphEdge& e) { return e.chain.empty(); });
  Geometry geo = GeometryOf(g, options.width, arcs);
  CiteMap steps = StepCites(brief);

  Canvas c;
  std::string desc;
  DrawHeader(c, brief, g, geo, options.width, &desc);
  c.Open("g", {{"class", "cc-edges"}});
  for (const auto& e : g.edges) DrawEdge(c, brief, g, e, geo, steps, options);
  c.Close("g");
  c.Open("g", {{"class", "cc-nodes"}});
  for (const auto& layer : g.layers)
    for (size_t v : layer)
      if (!g.nodes[v].dummy) DrawNode(c, brief, g.nodes[v], geo, options);
  c.Close("g");
  Describe(g, &desc);
  return c.Finish(options.width, geo.top + g.height + 8, "cc-relays", "Who relays whom", desc);
}

}  // namespace crosscheck::report
