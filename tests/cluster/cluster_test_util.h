// Helpers for cluster tests: documents built without the analysis stages.
#pragma once
#include <string>
#include <vector>

#include "cluster/story_model.h"
#include "core/document.h"

namespace crosscheck::cluster::testing {

// Paragraphs split at blank lines, one sentence per paragraph, tokens split
// at spaces with leading/trailing punctuation as separate tokens.
inline AnalyzedDocument MakeDoc(const std::string& id, const std::string& date, const std::string& title,
                                const std::string& text, const std::string& source = "") {
  AnalyzedDocument a;
  a.doc.id = id;
  a.doc.date = date;
  a.doc.title = title;
  a.doc.text = text;
  a.doc.source = source;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    const uint32_t paragraph = static_cast<uint32_t>(a.doc.paragraphs.size());
    a.doc.paragraphs.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    Sentence s;
    s.paragraph = paragraph;
    s.first_token = static_cast<uint32_t>(a.tokens.size());
    size_t i = start;
    while (i < end) {
      while (i < end && (text[i] == ' ' || text[i] == '\n')) ++i;
      size_t j = i;
      while (j < end && text[j] != ' ' && text[j] != '\n') ++j;
      size_t b = i, e = j;
      while (b < e && std::ispunct(static_cast<unsigned char>(text[b]))) ++b;
      while (e > b && std::ispunct(static_cast<unsigned char>(text[e - 1]))) --e;
      if (e > b) a.tokens.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, text.substr(b, e - b)});
      i = j;
    }
    s.end_token = static_cast<uint32_t>(a.tokens.size());
    a.sentences.push_back(s);
    start = end + 2;
  }
  return a;
}

// Joins when the text cosine is above 0.15; ignores everything else.
inline StoryModel CosineModel() {
  StoryModel model;
  for (auto& k : model.kinds) {
    k.weights = {};
    k.weights[kBias] = -1.5f;
    k.weights[kTextCosine] = 10;
    k.threshold = 0.5f;
  }
  model.LoadBackground(std::string(CROSSCHECK_SOURCE_DIR) + "/data/stories/background-df.tsv");
  return model;
}

// Three reports on each of three unrelated events, written for these tests.
struct Report { std::string id, date, title, text, event; };
inline std::vector<Report> Reports() {
  return {
      {"flood-a", "2021-03-02", "River bursts its banks in Valdoria",
       "Heavy rain caused the Seldan river to burst its banks on Monday, flooding the town of Valdoria. "
       "Rescue teams evacuated 300 residents from low-lying streets, the mayor said.", "flood"},
      {"flood-b", "2021-03-02", "Hundreds evacuated as Valdoria floods",
       "Emergency crews moved about 300 people out of Valdoria after the Seldan river flooded streets "
       "following days of heavy rain. The mayor asked residents to avoid the river banks.", "flood"},
      {"flood-c", "2021-03-03", "Valdoria counts cost of Seldan river flood",
       "Residents of Valdoria returned to flooded homes on Tuesday as the Seldan river receded. "
       "The mayor said evacuated families would get emergency housing after the heavy rain.", "flood"},
      {"chip-a", "2021-03-02", "Korvex unveils faster laptop chip",
       "Chipmaker Korvex unveiled a new laptop processor on Monday that it says runs twice as fast "
       "while using less battery power. The chip ships to manufacturers in June.", "chip"},
      {"chip-b", "2021-03-03", "Korvex processor promises double speed",
       "Korvex said its new processor for laptops doubles speed and saves battery power. "
       "Laptop manufacturers will receive the chip in June, the chipmaker said.", "chip"},
      {"chip-c", "2021-03-03", "New Korvex chip aims at thin laptops",
       "The processor Korvex announced this week targets thin laptops, promising twice the speed "
       "with lower battery use. Shipments to manufacturers start in June.", "chip"},
      {"vote-a", "2021-03-02", "Parliament of Ostria passes budget",
       "Lawmakers in Ostria approved the annual budget by 212 votes to 190 on Monday after a long "
       "debate over pensions and defence spending, the speaker announced.", "vote"},
      {"vote-b", "2021-03-03", "Ostria budget clears parliament after pensions row",
       "The Ostrian parliament passed the budget 212 to 190 following a heated debate about "
       "pensions. Defence spending rises by four percent under the approved plan.", "vote"},
      {"vote-c", "2021-03-03", "Narrow vote approves Ostria spending plan",
       "Ostria's lawmakers narrowly backed the government's budget, 212 votes to 190, ending a "
       "debate dominated by pensions and defence spending.", "vote"},
  };
}

}  // namespace crosscheck::cluster::testing
