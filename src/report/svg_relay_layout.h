// report/svg_relay_layout.h: the layered ("Sugiyama") layout of the relay
// graph, apart from drawing so tests can check it. In: StoryBrief::relays.
// Out: nodes in columns (primary sources, then chains of intermediaries by
// longest path, then outlets), dummy nodes on edges that skip a column, an
// order per column from barycenter sweeps (ties by name) keeping the order
// with the fewest crossings, and y positions that pull each node towards its
// neighbours without overlap (isotonic regression). Beyond `max_nodes` the
// least-cited nodes of the largest column are grouped into one "+K more" node.
// Deterministic; O(sweeps * edges^2) for the crossing counts. Private to src/report/.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "reconcile/brief.h"

namespace crosscheck::report::svg {

enum class NodeKind { kPrimary = 0, kIntermediary = 1, kOutlet = 2 };

struct GraphNode {
  std::string name;        // "" for a dummy
  NodeKind kind = NodeKind::kOutlet;
  uint32_t claims = 0;     // claim versions on its edges (its weight)
  uint32_t grouped = 0;    // > 0: a "+K more" node standing for this many
  std::vector<std::string> members;  // the names a "+K more" node stands for
  bool dummy = false;      // a bend point of an edge that skips a column
  int layer = 0;
  double y = 0;            // centre, px from the top of the graph
  double height = 0;       // the space it takes in its column
};

struct GraphEdge {
  size_t from = 0, to = 0;    // node ids as given by the brief (a copy: original -> copy)
  uint32_t claims = 0;
  bool copy = false;          // syndicated copy: drawn as an arc beside the outlet column
  bool reversed = false;      // laid out against its direction (to is left of from)
  std::vector<size_t> chain;  // left-to-right node ids it passes: end, dummies..., end
  std::vector<size_t> relays;      // indices into the brief's relays it stands for
};

struct RelayLayout {
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
  std::vector<std::vector<size_t>> layers;  // node ids, top to bottom
  double height = 0;                        // of the tallest column, px
  size_t crossings = 0;                     // of the chosen order
  uint32_t collapsed = 0;                   // nodes grouped away
};

struct RelayLayoutOptions {
  size_t max_nodes = 30;
  double node_height = 24, node_gap = 8, dummy_height = 8;
  int sweeps = 8;
};

RelayLayout LayoutRelays(const std::vector<reconcile::Relay>& relays,
                         const RelayLayoutOptions& options = {});

// Crossings between consecutive columns of `layout` in its current order.
size_t CountCrossings(const RelayLayout& layout);

}  // namespace crosscheck::report::svg
