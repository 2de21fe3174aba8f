#include "report/svg_relay_layout.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <string_view>
#include <tuple>

namespace crosscheck::report::svg {
namespace {

// Names in reading order: digit runs compare as numbers ("Outlet 2" < "Outlet 10").
bool NaturalLess(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    bool da = a[i] >= '0' && a[i] <= '9', db = b[j] >= '0' && b[j] <= '9';
    if (da && db) {
      size_t ei = i, ej = j;
      while (ei < a.size() && a[ei] >= '0' && a[ei] <= '9') ++ei;
      while (ej < b.size() && b[ej] >= '0' && b[ej] <= '9') ++ej;
      std::string_view na(a.data() + i, ei - i), nb(b.data() + j, ej - j);
      while (na.size() > 1 && na[0] == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb[0] == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      i = ei, j = ej;
      continue;
    }
    if (a[i] != b[j]) return a[i] < b[j];
    ++i, ++j;
  }
  if (a.size() - i != b.size() - j) return a.size() - i < b.size() - j;
  return a < b;  // same up to leading zeros: a total order all the same
}

NodeKind KindOf(const std::string& kind, NodeKind fallback) {
  if (kind == "primary") return NodeKind::kPrimary;
  if (kind == "intermediary") return NodeKind::kIntermediary;
  if (kind == "outlet") return NodeKind::kOutlet;
  return fallback;
}

// Nodes sorted by (kind, name) so the layout does not depend on edge order;
// parallel edges merged; self loops dropped.
void BuildGraph(const std::vector<reconcile::Relay>& relays, RelayLayout* g) {
  struct KeyLess {
    bool operator()(const std::pair<NodeKind, std::string>& a,
                    const std::pair<NodeKind, std::string>& b) const {
      return a.first != b.first ? a.first < b.first : NaturalLess(a.second, b.second);
    }
  };
  std::map<std::pair<NodeKind, std::string>, size_t, KeyLess> ids;
  auto key_from = [](const reconcile::Relay& r) {
    bool copy = r.kind == "copies";
    return std::make_pair(copy ? NodeKind::kOutlet : KindOf(r.from_kind, NodeKind::kPrimary), r.from);
  };
  auto key_to = [](const reconcile::Relay& r) {
    bool copy = r.kind == "copies";
    return std::make_pair(copy ? NodeKind::kOutlet : KindOf(r.to_kind, NodeKind::kOutlet), r.to);
  };
  for (const auto& r : relays) ids[key_from(r)] = 0, ids[key_to(r)] = 0;
  for (auto& [key, id] : ids) {
    id = g->nodes.size();
    GraphNode n;
    n.kind = key.first;
    n.name = key.second;
    g->nodes.push_back(n);
  }
  std::map<std::tuple<size_t, size_t, bool>, size_t> edge_ids;
  for (size_t i = 0; i < relays.size(); ++i) {
    size_t a = ids[key_from(relays[i])], b = ids[key_to(relays[i])];
    if (a == b) continue;
    bool copy = relays[i].kind == "copies";
    auto [it, fresh] = edge_ids.emplace(std::make_tuple(a, b, copy), g->edges.size());
    if (fresh) {
      GraphEdge e;
      e.from = a, e.to = b, e.copy = copy;
      g->edges.push_back(e);
    }
    g->edges[it->second].claims += relays[i].claims;
    g->edges[it->second].relays.push_back(i);
  }
  // Edges in node order too, so dummy ids (and tie-breaks) do not depend on the brief's order.
  std::sort(g->edges.begin(), g->edges.end(), [](const GraphEdge& x, const GraphEdge& y) {
    return std::tie(x.from, x.to, x.copy) < std::tie(y.from, y.to, y.copy);
  });
  for (const auto& e : g->edges) {
    if (e.copy) continue;
    uint32_t w = std::max<uint32_t>(e.claims, 1);
    g->nodes[e.from].claims += w;
    g->nodes[e.to].claims += w;
  }
}

std::string GroupName(NodeKind kind, uint32_t count) {
  std::string n = "+" + std::to_string(count) + " more ";
  if (kind == NodeKind::kPrimary) return n + "primary sources";
  if (kind == NodeKind::kIntermediary) return n + "quoted sources";
  return n + "outlets";
}

// Groups the `drop` least-cited nodes of `kind` into one node; remaps edges.
void Group(RelayLayout* g, NodeKind kind, size_t drop) {
  std::vector<size_t> cand;
  for (size_t i = 0; i < g->nodes.size(); ++i)
    if (g->nodes[i].kind == kind && g->nodes[i].grouped == 0) cand.push_back(i);
  std::sort(cand.begin(), cand.end(), [&](size_t a, size_t b) {
    const auto &x = g->nodes[a], &y = g->nodes[b];
    if (x.claims != y.claims) return x.claims < y.claims;  // fewest claims, then last name
    return NaturalLess(y.name, x.name);
  });
  cand.resize(drop);
  std::vector<bool> gone(g->nodes.size(), false);
  GraphNode group;
  group.kind = kind;
  group.grouped = static_cast<uint32_t>(drop);
  for (size_t i : cand) {
    gone[i] = true;
    group.claims += g->nodes[i].claims;
    group.members.push_back(g->nodes[i].name);
  }
  std::sort(group.members.begin(), group.members.end(), NaturalLess);
  group.name = GroupName(kind, group.grouped);
  std::vector<size_t> remap(g->nodes.size());
  std::vector<GraphNode> nodes;
  for (size_t i = 0; i < g->nodes.size(); ++i)
    if (!gone[i]) remap[i] = nodes.size(), nodes.push_back(g->nodes[i]);
  for (size_t i = 0; i < g->nodes.size(); ++i)
    if (gone[i]) remap[i] = nodes.size();
  nodes.push_back(group);
  std::map<std::tuple<size_t, size_t, bool>, size_t> seen;
  std::vector<GraphEdge> edges;
  for (auto e : g->edges) {
    e.from = remap[e.from], e.to = remap[e.to];
    if (e.from == e.to) continue;
    auto [it, fresh] = seen.emplace(std::make_tuple(e.from, e.to, e.copy), edges.size());
    if (fresh) {
      edges.push_back(e);
    } else {
      edges[it->second].claims += e.claims;
      auto& r = edges[it->second].relays;
      r.insert(r.end(), e.relays.begin(), e.relays.end());
    }
  }
  g->nodes = std::move(nodes);
  g->edges = std::move(edges);
  g->collapsed += group.grouped;
}

void Collapse(RelayLayout* g, size_t max_nodes) {
  std::vector<bool> done(3, false);
  while (g->nodes.size() > max_nodes) {
    size_t count[3] = {0, 0, 0};
    for (const auto& n : g->nodes) ++count[static_cast<int>(n.kind)];
    int k = -1;
    for (int i = 2; i >= 0; --i)
      if (!done[i] && (k < 0 || count[i] > count[k])) k = i;
    if (k < 0) return;
    done[k] = true;
    if (count[k] <= 3) continue;
    size_t drop = std::min(count[k] - 2, g->nodes.size() - max_nodes + 1);
    if (drop >= 2) Group(g, static_cast<NodeKind>(k), drop);
  }
}

// Primary sources in column 0, intermediaries by longest path from them,
// outlets in the last column.
void AssignLayers(RelayLayout* g) {
  size_t n = g->nodes.size();
  std::vector<std::vector<size_t>> preds(n);
  for (const auto& e : g->edges)
    if (!e.copy && g->nodes[e.from].kind == NodeKind::kIntermediary &&
        g->nodes[e.to].kind == NodeKind::kIntermediary)
      preds[e.to].push_back(e.from);
  std::vector<int> memo(n, -1);
  std::vector<bool> on_stack(n, false);
  std::function<int(size_t)> depth = [&](size_t v) {
    if (memo[v] >= 0) return memo[v];
    on_stack[v] = true;
    int d = 1;
    for (size_t p : preds[v])
      if (!on_stack[p]) d = std::max(d, depth(p) + 1);
    on_stack[v] = false;
    return memo[v] = d;
  };
  int last = -1;
  for (size_t v = 0; v < n; ++v) {
    auto& node = g->nodes[v];
    if (node.kind == NodeKind::kPrimary) node.layer = 0;
    if (node.kind == NodeKind::kIntermediary) node.layer = depth(v);
    if (node.kind != NodeKind::kOutlet) last = std::max(last, node.layer);
  }
  for (auto& node : g->nodes)
    if (node.kind == NodeKind::kOutlet) node.layer = last + 1;
}

// Chains of dummy nodes for edges that skip columns; same-column edges get none.
void AddDummies(RelayLayout* g, const RelayLayoutOptions& options) {
  int layers = 0;
  for (const auto& n : g->nodes) layers = std::max(layers, n.layer + 1);
  g->layers.assign(layers, {});
  for (size_t v = 0; v < g->nodes.size(); ++v) {
    auto& node = g->nodes[v];
    node.height = options.node_height + options.node_gap;
    g->layers[node.layer].push_back(v);
  }
  for (auto& layer : g->layers)
    std::sort(layer.begin(), layer.end(), [&](size_t a, size_t b) {
      const auto &x = g->nodes[a], &y = g->nodes[b];
      if (x.claims != y.claims) return x.claims > y.claims;  // most cited first
      return NaturalLess(x.name, y.name);
    });
  for (auto& e : g->edges) {
    int la = g->nodes[e.from].layer, lb = g->nodes[e.to].layer;
    if (la == lb) continue;
    e.reversed = la > lb;
    size_t lo = e.reversed ? e.to : e.from, hi = e.reversed ? e.from : e.to;
    e.chain = {lo};
    for (int l = std::min(la, lb) + 1; l < std::max(la, lb); ++l) {
      GraphNode d;
      d.dummy = true;
      d.layer = l;
      d.height = options.dummy_height;
      e.chain.push_back(g->nodes.size());
      g->layers[l].push_back(g->nodes.size());
      g->nodes.push_back(d);
    }
    e.chain.push_back(hi);
  }
}

struct Neighbours {
  std::vector<std::vector<size_t>> left, right;  // per node, in the previous / next column
  std::vector<size_t> copy_partner;              // a copy's original (or the reverse), else npos
};

Neighbours NeighboursOf(const RelayLayout& g) {
  Neighbours nb;
  nb.left.resize(g.nodes.size());
  nb.right.resize(g.nodes.size());
  nb.copy_partner.assign(g.nodes.size(), SIZE_MAX);
  for (const auto& e : g.edges) {
    for (size_t i = 0; i + 1 < e.chain.size(); ++i) {
      nb.right[e.chain[i]].push_back(e.chain[i + 1]);
      nb.left[e.chain[i + 1]].push_back(e.chain[i]);
    }
    if (e.copy && nb.copy_partner[e.to] == SIZE_MAX) nb.copy_partner[e.to] = e.from;
  }
  return nb;
}

std::vector<double> Positions(const RelayLayout& g) {
  std::vector<double> pos(g.nodes.size(), 0);
  for (const auto& layer : g.layers)
    for (size_t i = 0; i < layer.size(); ++i) pos[layer[i]] = (i + 0.5) / layer.size();
  return pos;
}

// Reorders one column by the barycenters of its neighbours in `side`.
void SortColumn(RelayLayout* g, size_t l, const std::vector<std::vector<size_t>>& side,
                const Neighbours& nb) {
  std::vector<double> pos = Positions(*g);
  std::vector<std::tuple<double, bool, std::string, size_t>> keys;
  for (size_t v : g->layers[l]) {
    double bary = pos[v];
    if (!side[v].empty()) {
      bary = 0;
      for (size_t u : side[v]) bary += pos[u];
      bary /= side[v].size();
    } else if (nb.copy_partner[v] != SIZE_MAX) {
      bary = pos[nb.copy_partner[v]] + 1e-6;  // a copy sits just below its original
    }
    keys.emplace_back(bary, g->nodes[v].dummy, g->nodes[v].name, v);
  }
  std::sort(keys.begin(), keys.end(), [](const auto& x, const auto& y) {
    if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) < std::get<0>(y);
    if (std::get<1>(x) != std::get<1>(y)) return std::get<1>(x) < std::get<1>(y);
    if (std::get<2>(x) != std::get<2>(y)) return NaturalLess(std::get<2>(x), std::get<2>(y));
    return std::get<3>(x) < std::get<3>(y);
  });
  for (size_t i = 0; i < keys.size(); ++i) g->layers[l][i] = std::get<3>(keys[i]);
}

void ReduceCrossings(RelayLayout* g, const RelayLayoutOptions& options) {
  Neighbours nb = NeighboursOf(*g);
  auto best = g->layers;
  size_t best_crossings = CountCrossings(*g);
  for (int s = 0; s < options.sweeps && best_crossings > 0; ++s) {
    bool down = s % 2 == 0;
    size_t n = g->layers.size();
    for (size_t k = 1; k < n; ++k) {
      size_t l = down ? k : n - 1 - k;
      SortColumn(g, l, down ? nb.left : nb.right, nb);
    }
    size_t c = CountCrossings(*g);
    if (c < best_crossings) best_crossings = c, best = g->layers;
  }
  g->layers = best;
  g->crossings = best_crossings;
}

// Least squares fit of `want` under y[i+1] - y[i] >= gap[i] (pool adjacent violators).
std::vector<double> FitInOrder(const std::vector<double>& want, const std::vector<double>& gap,
                               const std::vector<double>& weight) {
  size_t n = want.size();
  std::vector<double> offset(n, 0);
  for (size_t i = 1; i < n; ++i) offset[i] = offset[i - 1] + gap[i - 1];
  struct Block { double sum, w; size_t count; };
  std::vector<Block> blocks;
  for (size_t i = 0; i < n; ++i) {
    blocks.push_back({(want[i] - offset[i]) * weight[i], weight[i], 1});
    while (blocks.size() > 1) {
      Block& b = blocks.back();
      Block& a = blocks[blocks.size() - 2];
      if (a.sum / a.w <= b.sum / b.w) break;
      a.sum += b.sum, a.w += b.w, a.count += b.count;
      blocks.pop_back();
    }
  }
  std::vector<double> y;
  for (const Block& b : blocks)
    for (size_t k = 0; k < b.count; ++k) y.push_back(b.sum / b.w + offset[y.size()]);
  return y;
}

void PlaceVertically(RelayLayout* g) {
  double tallest = 0;
  for (const auto& layer : g->layers) {
    double h = 0;
    for (size_t v : layer) h += g->nodes[v].height;
    tallest = std::max(tallest, h);
  }
  for (const auto& layer : g->layers) {
    double h = 0;
    for (size_t v : layer) h += g->nodes[v].height;
    double y = (tallest - h) / 2;
    for (size_t v : layer) g->nodes[v].y = y + g->nodes[v].height / 2, y += g->nodes[v].height;
  }
  Neighbours nb = NeighboursOf(*g);
  for (int iter = 0; iter < 8; ++iter) {
    for (size_t k = 0; k < g->layers.size(); ++k) {
      size_t l = iter % 2 == 0 ? k : g->layers.size() - 1 - k;
      const auto& layer = g->layers[l];
      std::vector<double> want, gap, weight;
      for (size_t i = 0; i < layer.size(); ++i) {
        size_t v = layer[i];
        double sum = 0, count = 0;
        for (size_t u : nb.left[v]) sum += g->nodes[u].y, ++count;
        for (size_t u : nb.right[v]) sum += g->nodes[u].y, ++count;
        want.push_back(count > 0 ? sum / count : g->nodes[v].y);
        weight.push_back(g->nodes[v].dummy ? 0.5 : 1.0);
        if (i + 1 < layer.size())
          gap.push_back((g->nodes[v].height + g->nodes[layer[i + 1]].height) / 2);
      }
      auto y = FitInOrder(want, gap, weight);
      for (size_t i = 0; i < layer.size(); ++i) g->nodes[layer[i]].y = y[i];
    }
  }
  double top = 1e18, bottom = -1e18;
  for (const auto& n : g->nodes) top = std::min(top, n.y - n.height / 2), bottom = std::max(bottom, n.y + n.height / 2);
  for (auto& n : g->nodes) n.y -= top;
  g->height = g->nodes.empty() ? 0 : bottom - top;
}

}  // namespace

size_t CountCrossings(const RelayLayout& g) {
  std::vector<size_t> index(g.nodes.size(), 0);
  for (const auto& layer : g.layers)
    for (size_t i = 0; i < layer.size(); ++i) index[layer[i]] = i;
  std::vector<std::vector<std::pair<size_t, size_t>>> segments(g.layers.size());
  for (const auto& e : g.edges)
    for (size_t i = 0; i + 1 < e.chain.size(); ++i)
      segments[g.nodes[e.chain[i]].layer].emplace_back(index[e.chain[i]], index[e.chain[i + 1]]);
  size_t crossings = 0;
  for (const auto& segs : segments)
    for (size_t i = 0; i < segs.size(); ++i)
      for (size_t j = i + 1; j < segs.size(); ++j)
        if ((segs[i].first < segs[j].first && segs[i].second > segs[j].second) ||
            (segs[i].first > segs[j].first && segs[i].second < segs[j].second))
          ++crossings;
  return crossings;
}

RelayLayout LayoutRelays(const std::vector<reconcile::Relay>& relays,
                         const RelayLayoutOptions& options) {
  RelayLayout g;
  BuildGraph(relays, &g);
  if (g.nodes.empty()) return g;
  Collapse(&g, options.max_nodes);
  AssignLayers(&g);
  AddDummies(&g, options);
  ReduceCrossings(&g, options);
  PlaceVertically(&g);
  return g;
}

}  // namespace crosscheck::report::svg
