// Synthetic briefs for the picture tests, the picture benchmark and
// tools/render-pictures. The first is shaped like the example story (a
// disputed death toll, one primary source relayed by three outlets, a
// February-July timeline); its outlet names are made up.
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "reconcile/brief.h"

namespace crosscheck::report::testing {

using reconcile::StoryBrief;

inline reconcile::ClaimVersion Version(std::string doc, uint32_t sentence, std::string outlet,
                                       std::optional<double> low, std::optional<double> high,
                                       std::string bound, std::string quantity_text,
                                       std::string modality = "asserted", std::string cue = "") {
  reconcile::ClaimVersion v;
  v.cite = {std::move(doc), sentence};
  v.outlet = std::move(outlet);
  v.value = reconcile::ValueInterval{low, high, std::move(bound)};
  v.quantity_text = std::move(quantity_text);
  v.modality = std::move(modality);
  v.modality_cue = std::move(cue);
  return v;
}

inline reconcile::Relay RelayOf(std::string from, std::string from_kind, std::string to,
                                std::string to_kind, uint32_t claims, std::string kind = "relays") {
  return {std::move(from), std::move(to), std::move(from_kind), std::move(to_kind), std::move(kind), claims};
}

inline reconcile::TimelineEntry Entry(std::string date, std::string granularity, std::string text,
                                      reconcile::Cite cite, std::string kind = "event") {
  reconcile::TimelineEntry e;
  e.date = std::move(date);
  e.granularity = std::move(granularity);
  e.text = std::move(text);
  e.documents = {cite.document};
  e.cites = {std::move(cite)};
  e.kind = std::move(kind);
  return e;
}

// Three reports: deaths "3" (hedged) / "at least three" / "at least 26";
// detentions of over 100 men all from Novaya Gazeta; a denial.
inline StoryBrief DeathTollBrief() {
  StoryBrief b;
  b.id = "story-1";
  b.title = "Persecution of gay men in Chechnya";
  b.first_date = "2017-04-28";
  b.last_date = "2017-07-17";
  b.documents = {
      {"000", "MTV campaign against abuse in Chechnya", "2017-07-17", "Music Weekly", "", "",
       {"Celebrities lend their voices to a new MTV campaign.",
        "Novaya Gazeta reported that at least 100 men had been detained, with three of those men possibly killed.",
        "Chechen authorities continue to dismiss the reports.",
        "The ongoing controversy inspired MTV to create the July 14 video."}},
      {"001", "Celebrities back Chechnya campaign", "2017-07-18", "Evening Paper", "", "",
       {"Scores of celebrities have backed a new campaign.",
        "Revelations first published earlier this year show more than 100 people have been detained and, in at least 26 cases, killed.",
        "A spokesman said such people do not exist in the republic."}},
      {"002", "Reports of a purge in Chechnya", "2017-04-28", "Digital News", "", "",
       {"A report from Novaya Gazeta detailed the alleged detainment and torture of gay men.",
        "This campaign of violence has reportedly resulted in the death of at least three men among more than 100 detainees.",
        "Human Rights Watch said the reporting was consistent with its own sources.",
        "Spokesman Alvi Karimov said gay people do not exist in the republic."}},
  };
  reconcile::BriefClaim deaths;
  deaths.id = "c1";
  deaths.event = "KILL";
  deaths.summary = "Men killed";
  deaths.status = "disputed";
  deaths.dispute = "3 vs at least 26";
  deaths.estimate = {3, 3, 26};
  deaths.primary_sources = {"Novaya Gazeta"};
  deaths.independent_sources = 1;
  deaths.versions = {
      Version("000", 1, "Music Weekly", 3, 3, "exact", "three", "hedged", "possibly"),
      Version("001", 1, "Evening Paper", 26, std::nullopt, "at_least", "at least 26"),
      Version("002", 1, "Digital News", 3, std::nullopt, "at_least", "at least three", "hedged", "reportedly"),
  };
  for (auto& v : deaths.versions) v.primary_source = "Novaya Gazeta", v.attributed_to = {"Novaya Gazeta"};
  deaths.challenges = {{{"000", 2}, "Chechen authorities continue to dismiss the reports.",
                        "Chechen authorities", "denied"}};
  reconcile::BriefClaim detained;
  detained.id = "c2";
  detained.event = "DETAIN";
  detained.summary = "Men detained";
  detained.status = "single-source";
  detained.estimate = {100, 100, std::nullopt};
  detained.primary_sources = {"Novaya Gazeta"};
  detained.independent_sources = 1;
  detained.versions = {
      Version("000", 1, "Music Weekly", 100, std::nullopt, "at_least", "at least 100"),
      Version("001", 1, "Evening Paper", 100, std::nullopt, "more_than", "more than 100"),
      Version("002", 1, "Digital News", 100, std::nullopt, "more_than", "more than 100"),
  };
  for (auto& v : detained.versions) v.primary_source = "Novaya Gazeta", v.attributed_to = {"Novaya Gazeta"};
  b.claims = {deaths, detained};
  b.relays = {
      RelayOf("Novaya Gazeta", "primary", "Music Weekly", "outlet", 2),
      RelayOf("Novaya Gazeta", "primary", "Evening Paper", "outlet", 2),
      RelayOf("Novaya Gazeta", "primary", "Digital News", "outlet", 2),
      RelayOf("Chechen authorities", "primary", "Alvi Karimov", "intermediary", 2),
      RelayOf("Alvi Karimov", "intermediary", "Digital News", "outlet", 1),
      RelayOf("Alvi Karimov", "intermediary", "Evening Paper", "outlet", 1),
  };
  b.independent_sources = 2;
  b.timeline = {
      Entry("2017-02", "month", "Detentions of gay men begin", {"001", 1}),
      Entry("2017-04-01", "day", "Novaya Gazeta reports over 100 men detained", {"000", 1}),
      Entry("2017-04-13", "day", "Spokesman denies gay people exist in the republic", {"002", 3}, "statement"),
      Entry("2017-04", "month", "Human Rights Watch finds the reports consistent", {"002", 2}, "statement"),
      Entry("2017-07-14", "day", "MTV releases its #EyesOnChechnya video", {"000", 3}),
  };
  return b;
}

// `outlets` outlets relaying one primary source (some through two quoted
// people), each reporting a toll of 100-140, dated over three months.
inline StoryBrief ManyOutletsBrief(int outlets) {
  StoryBrief b;
  b.id = "story-many";
  b.title = "A widely relayed story";
  reconcile::BriefClaim c;
  c.id = "c1";
  c.event = "KILL";
  c.summary = "People killed";
  c.status = "corroborated";
  c.estimate = {100, 120, 140};
  for (int i = 0; i < outlets; ++i) {
    std::string id = "doc-" + std::to_string(100 + i), outlet = "Outlet number " + std::to_string(i + 1);
    int month = 4 + i % 3, day = 1 + (i * 7) % 28;
    std::string date = "2017-0" + std::to_string(month) + "-" + (day < 10 ? "0" : "") + std::to_string(day);
    b.documents.push_back({id, "Report " + std::to_string(i), date, outlet, "", i % 9 == 8 ? "doc-100" : "",
                           {"First sentence.", "At least 100 people were killed, officials said."}});
    double v = 100 + (i % 5) * 10;
    c.versions.push_back(Version(id, 1, outlet, v, i % 2 ? std::optional<double>(v) : std::nullopt,
                                 i % 2 ? "exact" : "at_least", "", i % 4 == 3 ? "hedged" : "asserted"));
    c.versions.back().primary_source = "Ministry of Health";
    std::string via = i % 3 == 0 ? "Spokesperson A" : i % 3 == 1 ? "Spokesperson B" : "";
    if (!via.empty()) c.versions.back().attributed_to = {via};
    if (via.empty()) {
      b.relays.push_back(RelayOf("Ministry of Health", "primary", outlet, "outlet", 1 + i % 4));
    } else {
      b.relays.push_back(RelayOf(via, "intermediary", outlet, "outlet", 1 + i % 4));
    }
    if (i % 9 == 8) b.relays.push_back(RelayOf("Outlet number 1", "outlet", outlet, "outlet", 1, "copies"));
    if (i % 5 == 0)
      b.timeline.push_back(Entry(date, "day", "Event reported by outlet " + std::to_string(i + 1), {id, 1}));
  }
  b.relays.push_back(RelayOf("Ministry of Health", "primary", "Spokesperson A", "intermediary", 10));
  b.relays.push_back(RelayOf("Ministry of Health", "primary", "Spokesperson B", "intermediary", 10));
  std::sort(b.timeline.begin(), b.timeline.end(),
            [](const auto& x, const auto& y) { return x.date < y.date; });
  b.claims = {c};
  b.independent_sources = 1;
  return b;
}

// One dated document with one figure, one relay and one timeline entry.
inline StoryBrief SingleDocumentBrief() {
  StoryBrief b;
  b.id = "story-one";
  b.documents = {{"only.txt", "A lone report", "2020-03-05", "", "", "",
                  {"Officials said 12 people were hurt on 3 March."}}};
  b.claims.emplace_back();
  b.claims[0].id = "c1";
  b.claims[0].event = "WOUND";
  b.claims[0].summary = "People hurt";
  b.claims[0].status = "single-source";
  b.claims[0].versions = {Version("only.txt", 0, "", 12, 12, "exact", "12")};
  b.claims[0].versions[0].primary_source = "Officials";
  b.claims[0].versions[0].attributed_to = {"Officials"};
  b.relays = {RelayOf("Officials", "primary", "only.txt", "outlet", 1)};
  b.independent_sources = 1;
  b.timeline = {Entry("2020-03-03", "day", "12 people hurt", {"only.txt", 0})};
  return b;
}

}  // namespace crosscheck::report::testing
