#include "report/brief_writer.h"

#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "core/json_writer.h"
#include "report/pictures.h"

namespace crosscheck::report {
namespace {

using reconcile::BriefClaim;
using reconcile::Cite;
using reconcile::StoryBrief;

std::string Number(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

void OptionalNumber(JsonWriter& w, const char* key, const std::optional<double>& v) {
  w.Key(key);
  if (v) w.Double(*v, 4);
  else w.Null();
}

void CiteJson(JsonWriter& w, const Cite& c) {
  w.BeginObject();
  w.Key("document"); w.String(c.document);
  w.Key("sentence"); w.Int(c.sentence);
  w.EndObject();
}

void StringArray(JsonWriter& w, const char* key, const std::vector<std::string>& items) {
  w.Key(key);
  w.BeginArray();
  for (const std::string& s : items) w.String(s);
  w.EndArray();
}

void AppendBriefJson(const StoryBrief& b, std::string* out) {
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id"); w.String(b.id);
  w.Key("title"); w.String(b.title);
  w.StringOrNull("first_date", b.first_date);
  w.StringOrNull("last_date", b.last_date);
  w.Key("independent_sources"); w.Int(b.independent_sources);
  w.Key("documents"); w.BeginArray();
  for (const auto& d : b.documents) {
    w.BeginObject();
    w.Key("id"); w.String(d.id);
    w.Key("title"); w.String(d.title);
    w.StringOrNull("date", d.date);
    w.StringOrNull("source", d.source);
    w.StringOrNull("url", d.url);
    w.StringOrNull("copy_of", d.copy_of);
    StringArray(w, "sentences", d.sentences);
    w.EndObject();
  }
  w.EndArray();
  w.Key("summary"); w.BeginArray();
  for (const auto& s : b.summary) {
    w.BeginObject();
    w.Key("text"); w.String(s.text);
    w.Key("cites"); w.BeginArray();
    for (const Cite& c : s.cites) CiteJson(w, c);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("entities"); w.BeginArray();
  for (const auto& e : b.entities) {
    w.BeginObject();
    w.Key("name"); w.String(e.name);
    w.Key("type"); w.String(e.type);
    StringArray(w, "aliases", e.aliases);
    StringArray(w, "documents", e.documents);
    w.Key("mentions"); w.Int(e.mentions);
    w.EndObject();
  }
  w.EndArray();
  w.Key("claims"); w.BeginArray();
  for (const BriefClaim& c : b.claims) {
    w.BeginObject();
    w.Key("id"); w.String(c.id);
    w.Key("event"); w.String(c.event);
    w.Key("summary"); w.String(c.summary);
    w.Key("status"); w.String(c.status);
    w.StringOrNull("dispute", c.dispute);
    w.Key("estimate"); w.BeginObject();
    OptionalNumber(w, "low", c.estimate.low);
    OptionalNumber(w, "best", c.estimate.best);
    OptionalNumber(w, "high", c.estimate.high);
    w.EndObject();
    StringArray(w, "primary_sources", c.primary_sources);
    w.Key("independent_sources"); w.Int(c.independent_sources);
    w.Key("versions"); w.BeginArray();
    for (const auto& v : c.versions) {
      w.BeginObject();
      w.Key("document"); w.String(v.cite.document);
      w.Key("sentence"); w.Int(v.cite.sentence);
      w.Key("text"); w.String(v.text);
      w.Key("value");
      if (v.value) {
        w.BeginObject();
        OptionalNumber(w, "low", v.value->low);
        OptionalNumber(w, "high", v.value->high);
        w.Key("bound"); w.String(v.value->bound);
        w.EndObject();
      } else {
        w.Null();
      }
      w.StringOrNull("quantity", v.quantity_text);
      w.StringOrNull("patient", v.patient);
      StringArray(w, "attributed_to", v.attributed_to);
      w.Key("primary_source"); w.String(v.primary_source);
      w.Key("outlet"); w.String(v.outlet);
      w.Key("modality"); w.String(v.modality);
      w.StringOrNull("modality_cue", v.modality_cue);
      w.StringOrNull("date", v.date);
      w.EndObject();
    }
    w.EndArray();
    w.Key("challenges"); w.BeginArray();
    for (const auto& ch : c.challenges) {
      w.BeginObject();
      w.Key("document"); w.String(ch.cite.document);
      w.Key("sentence"); w.Int(ch.cite.sentence);
      w.Key("text"); w.String(ch.text);
      w.StringOrNull("speaker", ch.speaker);
      w.Key("modality"); w.String(ch.modality);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("quotes"); w.BeginArray();
  for (const auto& q : b.quotes) {
    w.BeginObject();
    w.Key("speaker"); w.String(q.speaker);
    w.Key("match"); w.String(q.match);
    w.Key("similarity"); w.Double(q.similarity, 3);
    w.Key("versions"); w.BeginArray();
    for (const auto& v : q.versions) {
      w.BeginObject();
      w.Key("document"); w.String(v.cite.document);
      w.Key("sentence"); w.Int(v.cite.sentence);
      w.Key("text"); w.String(v.text);
      w.Key("speaker"); w.String(v.speaker);
      w.Key("kind"); w.String(v.kind);
      w.EndObject();
    }
    w.EndArray();
    w.Key("diff"); w.BeginArray();
    for (const auto& d : q.diff) {
      w.BeginObject();
      w.Key("op"); w.String(std::string(1, d.op));
      w.Key("words"); w.String(d.words);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("timeline"); w.BeginArray();
  for (const auto& t : b.timeline) {
    w.BeginObject();
    w.Key("date"); w.String(t.date);
    w.Key("granularity"); w.String(t.granularity);
    w.Key("kind"); w.String(t.kind);
    w.Key("text"); w.String(t.text);
    StringArray(w, "documents", t.documents);
    w.Key("cites"); w.BeginArray();
    for (const Cite& c : t.cites) CiteJson(w, c);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("relays"); w.BeginArray();
  for (const auto& r : b.relays) {
    w.BeginObject();
    w.Key("from"); w.String(r.from);
    w.Key("to"); w.String(r.to);
    w.Key("from_kind"); w.String(r.from_kind);
    w.Key("to_kind"); w.String(r.to_kind);
    w.Key("kind"); w.String(r.kind);
    w.Key("claims"); w.Int(r.claims);
    w.Key("cites"); w.BeginArray();
    for (const Cite& c : r.cites) CiteJson(w, c);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

// Short labels (D1, D2, ...) keep citations readable in a terminal.
std::map<std::string, std::string> DocLabels(const StoryBrief& b) {
  std::map<std::string, std::string> labels;
  for (size_t i = 0; i < b.documents.size(); ++i) labels[b.documents[i].id] = "D" + std::to_string(i + 1);
  return labels;
}

std::string MdCite(const std::map<std::string, std::string>& labels, const Cite& c) {
  auto it = labels.find(c.document);
  return "[" + (it == labels.end() ? c.document : it->second) + ":" + std::to_string(c.sentence + 1) + "]";
}

std::string EstimateText(const reconcile::Estimate& e) {
  if (!e.best) return "";
  std::string s = "estimate: low " + Number(*e.low) + ", best " + Number(*e.best) + ", high " + Number(*e.high);
  return s;
}

std::string VersionLine(const std::map<std::string, std::string>& labels, const reconcile::ClaimVersion& v) {
  std::string line = v.outlet + ": ";
  if (!v.quantity_text.empty()) line += "**" + v.quantity_text + "** — ";
  line += "\"" + v.text + "\" " + MdCite(labels, v.cite);
  std::vector<std::string> notes;
  if (v.modality != "asserted") notes.push_back(v.modality + (v.modality_cue.empty() ? "" : ": \"" + v.modality_cue + "\""));
  if (!v.attributed_to.empty()) {
    std::string chain;
    for (const auto& a : v.attributed_to) chain += (chain.empty() ? "" : " ← ") + a;
    notes.push_back("on the word of " + chain);
  }
  if (!notes.empty()) {
    line += " (";
    for (size_t i = 0; i < notes.size(); ++i) line += (i ? "; " : "") + notes[i];
    line += ")";
  }
  return line;
}

void MarkdownClaims(std::ostringstream& o, const StoryBrief& b, const std::map<std::string, std::string>& labels,
                    const std::string& status, const std::string& heading) {
  bool any = false;
  for (const BriefClaim& c : b.claims) {
    if (c.status != status) continue;
    if (!any) o << "\n## " << heading << "\n\n";
    any = true;
    std::set<std::string> docs;
    for (const auto& v : c.versions) docs.insert(v.cite.document);
    o << "- **" << c.summary << "** — " << docs.size() << (docs.size() == 1 ? " document" : " documents") << ", "
      << c.independent_sources << " independent source" << (c.independent_sources == 1 ? "" : "s");
    if (!c.primary_sources.empty()) {
      o << " (";
      for (size_t i = 0; i < c.primary_sources.size(); ++i) o << (i ? ", " : "") << c.primary_sources[i];
      o << ")";
    }
    if (!c.dispute.empty()) o << "; disputed: " << c.dispute;
    if (const std::string e = EstimateText(c.estimate); !e.empty()) o << "; " << e;
    o << "\n";
    for (const auto& v : c.versions) o << "  - " << VersionLine(labels, v) << "\n";
    for (const auto& ch : c.challenges)
      o << "  - " << (ch.modality == "denied" ? "denied by " : ch.modality == "questioned" ? "questioned by " : "negated by ")
        << (ch.speaker.empty() ? "an unnamed party" : ch.speaker) << ": \"" << ch.text << "\" " << MdCite(labels, ch.cite)
        << "\n";
  }
}

std::string MarkdownStory(const StoryBrief& b) {
  std::ostringstream o;
  const auto labels = DocLabels(b);
  o << "# " << (b.title.empty() ? "Story " + b.id : b.title) << "\n\n";
  o << "Story " << b.id;
  if (!b.first_date.empty()) o << " · " << b.first_date << (b.last_date != b.first_date ? " – " + b.last_date : "");
  o << " · " << b.documents.size() << " documents · " << b.independent_sources << " independent sources\n";
  o << "\n## Documents\n\n";
  for (size_t i = 0; i < b.documents.size(); ++i) {
    const auto& d = b.documents[i];
    o << "- D" << i + 1 << " `" << d.id << "`";
    if (!d.title.empty()) o << " — " << d.title;
    std::vector<std::string> meta;
    if (!d.source.empty()) meta.push_back(d.source);
    if (!d.date.empty()) meta.push_back(d.date);
    if (!d.copy_of.empty()) meta.push_back("copy of " + (labels.count(d.copy_of) ? labels.at(d.copy_of) : d.copy_of));
    if (!meta.empty()) {
      o << " (";
      for (size_t k = 0; k < meta.size(); ++k) o << (k ? ", " : "") << meta[k];
      o << ")";
    }
    o << "\n";
  }
  if (!b.summary.empty()) {
    o << "\n## What we know\n\n";
    for (const auto& s : b.summary) {
      o << "- " << s.text;
      for (const Cite& c : s.cites) o << " " << MdCite(labels, c);
      o << "\n";
    }
  }
  if (const std::string table = FiguresTable(b); !table.empty()) o << "\n## Figures by source\n\n" << table;
  MarkdownClaims(o, b, labels, "disputed", "Disputed");
  MarkdownClaims(o, b, labels, "denied", "Denials");
  MarkdownClaims(o, b, labels, "corroborated", "Corroborated");
  MarkdownClaims(o, b, labels, "single-source", "Resting on a single source");
  if (!b.quotes.empty()) {
    o << "\n## Quotes\n\n";
    for (const auto& q : b.quotes) {
      if (q.versions.size() < 2) continue;
      o << "- **" << (q.speaker.empty() ? "unnamed speaker" : q.speaker) << "** — " << q.versions.size()
        << " versions, " << q.match << "\n";
      for (const auto& v : q.versions)
        o << "  - " << v.outlet << " (" << (v.speaker.empty() ? "unnamed" : v.speaker) << "): \"" << v.text << "\" "
          << MdCite(labels, v.cite) << "\n";
      if (!q.diff.empty()) {
        o << "  - words: ";
        for (const auto& d : q.diff) {
          if (d.op == '=') o << d.words << " ";
          else if (d.op == '-') o << "[-" << d.words << "-] ";
          else o << "{+" << d.words << "+} ";
        }
        o << "\n";
      }
    }
    size_t singles = 0;
    for (const auto& q : b.quotes) {
      if (q.versions.size() != 1 || singles >= 8) continue;
      if (singles++ == 0) o << "\nQuoted by one document:\n\n";
      const auto& v = q.versions.front();
      o << "- " << q.speaker << ": \"" << v.text << "\" " << MdCite(labels, v.cite) << "\n";
    }
  }
  if (!b.timeline.empty()) {
    o << "\n## Timeline\n\n";
    for (const auto& t : b.timeline) {
      o << "- " << t.date << " — " << t.text;
      for (const Cite& c : t.cites) o << " " << MdCite(labels, c);
      if (t.cites.empty())
        for (const auto& d : t.documents) o << " [" << (labels.count(d) ? labels.at(d) : d) << "]";
      o << "\n";
    }
  }
  o << "\n## Sources\n\n";
  std::set<std::string> primaries;
  for (const auto& c : b.claims)
    for (const auto& p : c.primary_sources) primaries.insert(p);
  if (!primaries.empty()) {
    o << "- Primary sources: ";
    size_t i = 0;
    for (const auto& p : primaries) o << (i++ ? ", " : "") << p;
    o << "\n";
  }
  for (const auto& r : b.relays)
    o << "- " << r.from << (r.kind == "copies" ? " is copied by " : " → ") << r.to
      << (r.claims ? " (" + std::to_string(r.claims) + (r.claims == 1 ? " claim)" : " claims)") : "") << "\n";
  if (b.relays.empty() && primaries.empty()) o << "- Every outlet reports on its own word.\n";
  if (!b.entities.empty()) {
    o << "\n## Who and where\n\n";
    size_t n = 0;
    for (const auto& e : b.entities) {
      if (n++ >= 15) break;
      o << "- " << e.name << " (" << e.type << ", " << e.documents.size() << " doc" << (e.documents.size() == 1 ? "" : "s")
        << ")";
      if (!e.aliases.empty()) {
        o << ": also ";
        for (size_t k = 0; k < e.aliases.size() && k < 4; ++k) o << (k ? ", " : "") << "\"" << e.aliases[k] << "\"";
      }
      o << "\n";
    }
  }
  return o.str();
}

// ---------- HTML ----------

std::string Esc(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Anchor(const std::string& /*story*/, const Cite& c) { return CiteAnchor(c); }

std::string HtmlCite(const StoryBrief& b, const std::map<std::string, std::string>& labels, const Cite& c) {
  auto it = labels.find(c.document);
  const std::string label = (it == labels.end() ? c.document : it->second) + ":" + std::to_string(c.sentence + 1);
  return "<a class=\"cite\" href=\"#" + Anchor(b.id, c) + "\" title=\"" + Esc(c.document) + ", sentence " +
         std::to_string(c.sentence + 1) + "\">" + Esc(label) + "</a>";
}

void HtmlClaims(std::ostringstream& o, const StoryBrief& b, const std::map<std::string, std::string>& labels,
                const std::string& status, const std::string& heading) {
  bool any = false;
  for (const BriefClaim& c : b.claims) {
    if (c.status != status) continue;
    if (!any) o << "<h3 class=\"status-" << status << "\">" << Esc(heading) << "</h3>\n<ul class=\"claims\">\n";
    any = true;
    o << "<li class=\"claim " << status << "\" id=\"" << Esc(b.id) << "-" << Esc(c.id) << "\"><div class=\"claim-head\"><span class=\"badge "
      << status << "\">" << Esc(status) << "</span> <strong>" << Esc(c.summary) << "</strong>";
    o << " <span class=\"meta\">" << c.independent_sources << " independent source"
      << (c.independent_sources == 1 ? "" : "s");
    if (!c.primary_sources.empty()) {
      o << ": ";
      for (size_t i = 0; i < c.primary_sources.size(); ++i) o << (i ? ", " : "") << Esc(c.primary_sources[i]);
    }
    o << "</span>";
    if (!c.dispute.empty()) o << "<div class=\"dispute\">" << Esc(c.dispute) << "</div>";
    if (c.estimate.best)
      o << "<div class=\"estimate\">Estimate: low <b>" << Number(*c.estimate.low) << "</b> · best <b>"
        << Number(*c.estimate.best) << "</b> · high <b>" << Number(*c.estimate.high) << "</b></div>";
    o << "</div>\n<table class=\"versions\"><tr><th>Outlet</th><th>Figure</th><th>What it says</th><th>On whose word</th></tr>\n";
    for (const auto& v : c.versions) {
      std::string chain;
      for (const auto& a : v.attributed_to) chain += (chain.empty() ? "" : " ← ") + a;
      o << "<tr class=\"" << v.modality << "\"><td>" << Esc(v.outlet) << "</td><td>" << Esc(v.quantity_text)
        << "</td><td>" << Esc(v.text) << " " << HtmlCite(b, labels, v.cite);
      if (v.modality != "asserted")
        o << " <span class=\"modality\">" << Esc(v.modality) << (v.modality_cue.empty() ? "" : ": " + Esc(v.modality_cue))
          << "</span>";
      o << "</td><td>" << Esc(chain.empty() ? "the outlet itself" : chain) << "</td></tr>\n";
    }
    o << "</table>\n";
    for (const auto& ch : c.challenges)
      o << "<div class=\"challenge " << ch.modality << "\">" << Esc(ch.modality) << " by <b>"
        << Esc(ch.speaker.empty() ? "an unnamed party" : ch.speaker) << "</b>: " << Esc(ch.text) << " "
        << HtmlCite(b, labels, ch.cite) << "</div>\n";
    o << "</li>\n";
  }
  if (any) o << "</ul>\n";
}

std::string HtmlSection(const StoryBrief& b, const BriefWriteOptions& options) {
  std::ostringstream o;
  const auto labels = DocLabels(b);
  o << "<section class=\"story\" id=\"story-" << Esc(b.id) << "\">\n";
  o << "<h2>" << Esc(b.title.empty() ? "Story " + b.id : b.title) << "</h2>\n<p class=\"meta\">Story " << Esc(b.id);
  if (!b.first_date.empty())
    o << " · " << Esc(b.first_date) << (b.last_date != b.first_date ? " – " + Esc(b.last_date) : "");
  o << " · " << b.documents.size() << " documents · " << b.independent_sources << " independent sources</p>\n";
  if (!b.summary.empty()) {
    o << "<h3>What we know</h3>\n<ul class=\"summary\">\n";
    for (const auto& s : b.summary) {
      o << "<li>" << Esc(s.text);
      for (const Cite& c : s.cites) o << " " << HtmlCite(b, labels, c);
      o << "</li>\n";
    }
    o << "</ul>\n";
  }
  auto picture = [&](const std::string& svg, const char* caption) {
    if (!options.pictures || svg.empty()) return;
    o << "<figure class=\"picture\">" << svg << "<figcaption>" << caption << "</figcaption></figure>\n";
  };
  if (options.pictures) {
    const std::string figures = FiguresSvg(b);
    if (!figures.empty()) {
      o << "<h3>Figures by source</h3>\n";
      picture(figures, "Each row is one document's figure; hollow marks are hedged, the band is the estimate (low–high, tick at best).");
    }
  }
  HtmlClaims(o, b, labels, "disputed", "Disputed");
  HtmlClaims(o, b, labels, "denied", "Denials");
  HtmlClaims(o, b, labels, "corroborated", "Corroborated");
  HtmlClaims(o, b, labels, "single-source", "Resting on a single source");
  bool any_quotes = false;
  for (const auto& q : b.quotes) {
    if (q.versions.size() < 2) continue;
    if (!any_quotes) o << "<h3>Quotes in several versions</h3>\n";
    any_quotes = true;
    o << "<div class=\"quote\"><div class=\"quote-head\"><b>" << Esc(q.speaker.empty() ? "unnamed speaker" : q.speaker)
      << "</b> <span class=\"badge\">" << Esc(q.match) << "</span></div>\n<ul>";
    for (const auto& v : q.versions)
      o << "<li>" << Esc(v.outlet) << " (" << Esc(v.speaker.empty() ? "unnamed" : v.speaker) << "): <q>" << Esc(v.text)
        << "</q> " << HtmlCite(b, labels, v.cite) << "</li>";
    o << "</ul>";
    if (!q.diff.empty()) {
      o << "<p class=\"diff\">";
      for (const auto& d : q.diff) {
        if (d.op == '=') o << Esc(d.words) << " ";
        else if (d.op == '-') o << "<del>" << Esc(d.words) << "</del> ";
        else o << "<ins>" << Esc(d.words) << "</ins> ";
      }
      o << "</p>";
    }
    o << "</div>\n";
  }
  if (!b.timeline.empty()) {
    o << "<h3>Timeline</h3>\n";
    picture(TimelineSvg(b), "Dated events and statements above the axis, the documents' dates below.");
    o << "<ol class=\"timeline\">\n";
    for (const auto& t : b.timeline) {
      o << "<li class=\"" << Esc(t.kind) << "\"><time>" << Esc(t.date) << "</time> " << Esc(t.text);
      for (const Cite& c : t.cites) o << " " << HtmlCite(b, labels, c);
      o << "</li>\n";
    }
    o << "</ol>\n";
  }
  o << "<h3>Sources</h3>\n";
  picture(RelayGraphSvg(b), "Who relays whom: primary sources (left) through the people quoted to the outlets (right); dashed: syndicated copies.");
  o << "<ul class=\"relays\">\n";
  for (const auto& r : b.relays)
    o << "<li>" << Esc(r.from) << (r.kind == "copies" ? " is copied by " : " → ") << Esc(r.to) << "</li>\n";
  if (b.relays.empty()) o << "<li>Every outlet reports on its own word.</li>\n";
  o << "</ul>\n<h3>Documents</h3>\n";
  for (size_t i = 0; i < b.documents.size(); ++i) {
    const auto& d = b.documents[i];
    o << "<article class=\"document\" id=\"doc-" << Esc(b.id) << "-" << i + 1 << "\"><h4>D" << i + 1 << " · "
      << Esc(d.title.empty() ? d.id : d.title) << "</h4><p class=\"meta\">" << Esc(d.id);
    if (!d.source.empty()) o << " · " << Esc(d.source);
    if (!d.date.empty()) o << " · " << Esc(d.date);
    if (!d.copy_of.empty()) o << " · copy of " << Esc(d.copy_of);
    o << "</p><p>";
    for (uint32_t s = 0; s < d.sentences.size(); ++s)
      o << "<span class=\"sentence\" id=\"" << Anchor(b.id, {d.id, s}) << "\">" << Esc(d.sentences[s]) << "</span> ";
    o << "</p></article>\n";
  }
  o << "</section>\n";
  return o.str();
}

}  // namespace

std::string BriefStylesheet() {
  return R"CSS(
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
main{max-width:960px;margin:0 auto;padding:1rem}
h1{font-size:1.5rem}h2{font-size:1.35rem;margin-top:2rem;border-bottom:2px solid #ddd}h3{margin-top:1.5rem}
.meta{color:#666;font-size:.9rem}
.badge{display:inline-block;padding:0 .4em;border-radius:.3em;font-size:.8rem;background:#eee;text-transform:uppercase}
.badge.disputed{background:#ffe0b2}.badge.denied{background:#ffcdd2}.badge.corroborated{background:#c8e6c9}.badge.single-source{background:#e1f5fe}
.claims{list-style:none;padding:0}.claim{background:#fff;border:1px solid #ddd;border-radius:.4em;padding:.6em;margin:.6em 0}
.dispute{color:#b35c00}.estimate{font-size:.9rem}
table.versions{border-collapse:collapse;width:100%;font-size:.9rem;margin-top:.4em}
table.versions td,table.versions th{border-top:1px solid #eee;padding:.3em;text-align:left;vertical-align:top}
tr.hedged td{font-style:italic}.modality{color:#8a4baf;font-size:.8rem}
.challenge{margin:.3em 0;padding:.3em .5em;border-left:3px solid #c62828;background:#fff5f5;font-size:.9rem}
.quote{background:#fff;border:1px solid #ddd;border-radius:.4em;padding:.6em;margin:.6em 0}
del{background:#ffebee;color:#b71c1c}ins{background:#e8f5e9;color:#1b5e20;text-decoration:none}
a.cite{font-size:.75rem;vertical-align:super;text-decoration:none;color:#1565c0;padding:0 .15em}
.sentence:target{background:#fff59d;outline:2px solid #fbc02d}
article.document{background:#fff;border:1px solid #eee;padding:.5em 1em;margin:.5em 0;font-size:.95rem}
.timeline time{font-weight:600;margin-right:.4em}.timeline li.publication{color:#555}
figure.picture{margin:1em 0}figure.picture svg{max-width:100%;height:auto}
@media (max-width:600px){table.versions th:nth-child(4),table.versions td:nth-child(4){display:none}}
)CSS";
}

std::string BriefToJson(const StoryBrief& brief) {
  std::string out;
  AppendBriefJson(brief, &out);
  return out;
}

std::string BriefToHtmlSection(const StoryBrief& brief, const BriefWriteOptions& options) {
  return HtmlSection(brief, options);
}

void BriefStreamWriter::Begin() {
  if (format_ == BriefFormat::kJson) {
    out_ << "{\"stories\":[";
  } else if (format_ == BriefFormat::kHtml) {
    out_ << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>"
         << Esc(options_.page_title) << "</title><style>" << BriefStylesheet() << "</style></head><body><main>\n<h1>"
         << Esc(options_.page_title) << "</h1>\n";
  }
}

void BriefStreamWriter::Write(const StoryBrief& brief) {
  switch (format_) {
    case BriefFormat::kJson: out_ << (written_ ? ",\n" : "\n") << BriefToJson(brief); break;
    case BriefFormat::kMarkdown: out_ << (written_ ? "\n---\n\n" : "") << MarkdownStory(brief); break;
    case BriefFormat::kHtml: out_ << HtmlSection(brief, options_); break;
  }
  ++written_;
}

void BriefStreamWriter::End() {
  if (format_ == BriefFormat::kJson) out_ << "\n]}\n";
  else if (format_ == BriefFormat::kHtml) out_ << "</main></body></html>\n";
  out_.flush();
}

void WriteBriefs(const std::vector<StoryBrief>& briefs, BriefFormat format, std::ostream& out,
                 const BriefWriteOptions& options) {
  BriefStreamWriter writer(format, out, options);
  writer.Begin();
  for (const StoryBrief& b : briefs) writer.Write(b);
  writer.End();
}

Result<BriefFormat> ParseBriefFormat(std::string_view name) {
  if (name == "md" || name == "markdown") return BriefFormat::kMarkdown;
  if (name == "html") return BriefFormat::kHtml;
  if (name == "json") return BriefFormat::kJson;
  return Status::Error("unknown brief format '" + std::string(name) + "' (expected md, html or json)");
}

}  // namespace crosscheck::report
