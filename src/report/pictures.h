// report/pictures.h: the brief's three pictures as inline SVG, and the
// plain-text figures table of the Markdown brief.
// In: one StoryBrief. Out: an <svg> element (a string) per picture, "" when the
// brief has nothing to draw. Each picture is self-contained: no script, no
// external resource, no id attribute (so many can share one HTML page),
// presentation attributes so it renders without a stylesheet, and CSS classes
// (cc-mark, cc-band, cc-node, ...) for a page that wants to restyle it. The
// <svg> has role="img", a <title> and a <desc> (the text alternative). Every
// mark has a <title> (what it shows, then the cited sentence), carries
// data-cite="DOCID:SENTENCE" and sits in <a href="#s-..."> (CiteAnchor), so
// hovering or focusing it shows the sentence and following it jumps there.
// Output is deterministic: the same brief gives the same bytes.
// Cost: linear in the brief, plus O(nodes^2) sweeps for the relay graph
// (nodes <= PictureOptions::max_relay_nodes). Stateless; safe from any thread.
// Layout rules: docs/pictures.md.
#pragma once
#include <cstddef>
#include <string>

#include "reconcile/brief.h"

namespace crosscheck::report {

struct PictureOptions {
  int width = 720;                  // px of the viewBox; the <svg> scales down to its container
  size_t max_claims = 8;            // figures: facts drawn; the rest are counted in a note
  size_t max_rows_per_claim = 12;   // figures: versions drawn per fact (each distinct figure kept)
  size_t max_relay_nodes = 30;      // relay graph: beyond, the least-cited are grouped ("+K more")
  size_t max_title_chars = 300;     // a mark's <title> quotes at most this many characters
};

// Figures by source: per quantified fact (disputed first) one row per version
// on a shared axis (log when the figures span > 2 orders of magnitude), the
// estimate as a band, challenges as denial rows.
std::string FiguresSvg(const reconcile::StoryBrief& brief, const PictureOptions& options = {});

// Who relays whom: a layered graph of StoryBrief::relays, primary sources on
// the left, intermediaries in the middle, outlets on the right; syndicated
// copies dashed; "N independent sources" above it.
std::string RelayGraphSvg(const reconcile::StoryBrief& brief, const PictureOptions& options = {});

// Timeline strip: StoryBrief::timeline on a time axis above it, document
// dates below it, labels staggered so they do not overlap.
std::string TimelineSvg(const reconcile::StoryBrief& brief, const PictureOptions& options = {});

// The figures as a Markdown table (fact, outlet, value, bound, modality, cite),
// with each fact's estimate and challenges; "" when no version has a value.
std::string FiguresTable(const reconcile::StoryBrief& brief);

// The HTML id of a cited sentence: "s-" + document id with every byte outside
// [A-Za-z0-9_-] replaced by '_' + "-" + sentence. The HTML brief uses it for the
// sentence's element; the pictures link to "#" + CiteAnchor(cite).
std::string CiteAnchor(const reconcile::Cite& cite);

}  // namespace crosscheck::report
