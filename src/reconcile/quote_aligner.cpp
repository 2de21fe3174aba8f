#include "reconcile/quote_aligner.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "reconcile/word_tools.h"

namespace crosscheck::reconcile {
namespace {

struct Statement {
  size_t doc = 0;
  QuoteVersion out;
  int entity = -1;                   // canonical speaker entity, -1 if none
  std::string role_class;            // participant class of the speaker's role noun
  std::string handle;
  std::string name_key;              // speaker (or handle) lowercased without spaces or '@'
  std::vector<std::string> words;
  std::set<std::string> word_set, lemmas;
};

// The participant class of the last listed noun in a description ("a Chechen
// government spokesperson" -> "spokesperson").
std::string RoleClass(const std::string& description, const std::map<std::string, std::string>& classes) {
  std::string found;
  for (const std::string& w : Words(description)) {
    auto it = classes.find(w);
    if (it != classes.end() && it->second != "person" && it->second != "counter") found = it->second;
  }
  return found;
}

std::string Squeezed(const std::string& name) {
  std::string key;
  for (char c : NameKey(name))
    if (c != ' ' && c != '-' && c != '.' && c != '@') key += c;
  return key;
}

// Links in posts ("https://t.co/…", "pic.twitter.com/…") differ per copy and
// are not words of the statement.
std::vector<std::string> StatementWords(const std::string& text) {
  std::string kept;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find(' ', i);
    if (end == std::string::npos) end = text.size();
    const std::string_view word(text.data() + i, end - i);
    const bool link = word.find("://") != std::string_view::npos || word.find(".com/") != std::string_view::npos ||
                      word.rfind("www.", 0) == 0;
    if (!link) { kept.append(word); kept += ' '; }
    i = end + 1;
  }
  return Words(kept);
}

bool SpeakersCompatible(const Statement& a, const Statement& b, const MergedEntities& entities) {
  if (a.entity >= 0 && b.entity >= 0) return a.entity == b.entity;
  // A post's author is known by name and handle: "Jane Roe" / "@janeroe".
  if (!a.name_key.empty() && a.name_key == b.name_key) return true;
  if (!a.handle.empty() && Squeezed(a.handle) == b.name_key) return true;
  if (!b.handle.empty() && Squeezed(b.handle) == a.name_key) return true;
  if (!a.handle.empty() && a.handle == b.handle) return true;
  const Statement& named = a.entity >= 0 ? a : b;
  const Statement& described = a.entity >= 0 ? b : a;
  if (named.entity < 0 || described.role_class.empty()) return false;
  for (const std::string& role : entities.roles[named.entity])
    if (role.find(described.role_class) != std::string::npos) return true;
  return named.role_class == described.role_class;
}

}  // namespace

std::vector<BriefQuote> AlignQuotes(const std::vector<const AnalyzedDocument*>& docs,
                                    const MergedEntities& entities,
                                    const std::map<std::string, std::string>& classes,
                                    const std::vector<std::string>& outlets,
                                    const ReconcileOptions& options) {
  std::vector<Statement> statements;
  for (size_t d = 0; d < docs.size(); ++d) {
    const AnalyzedDocument& doc = *docs[d];
    std::vector<int> statement_of(doc.quotes.size(), -1);
    for (size_t qi = 0; qi < doc.quotes.size(); ++qi) {
      const Quote& q = doc.quotes[qi];
      if (q.kind == "scare") continue;
      const std::string text = CollapseSpaces(SpanText(doc, q.content));
      if (q.continues >= 0 && static_cast<size_t>(q.continues) < qi && statement_of[q.continues] >= 0) {
        Statement& s = statements[statement_of[q.continues]];
        s.out.text += " … " + text;
        statement_of[qi] = statement_of[q.continues];
        for (std::string& w : StatementWords(text)) s.words.push_back(w);
        for (const std::string& l : ContentLemmas(doc, q.content)) s.lemmas.insert(l);
        s.word_set = WordSet(s.words);
        continue;
      }
      Statement s;
      s.doc = d;
      s.out.cite = {doc.doc.id, q.sentence};
      s.out.text = text;
      s.out.kind = q.kind;
      s.out.outlet = outlets[d];
      s.entity = entities.Index(d, q.speaker_entity);
      s.out.speaker = s.entity >= 0 ? entities.entities[s.entity].name : q.speaker;
      s.role_class = RoleClass(q.speaker_role.empty() ? q.speaker : q.speaker_role, classes);
      s.handle = q.handle;
      if (std::isupper(static_cast<unsigned char>(s.out.speaker.empty() ? 'x' : s.out.speaker[0])))
        s.name_key = Squeezed(s.out.speaker);  // names only: "officials" says nothing about who
      s.words = StatementWords(text);
      s.word_set = WordSet(s.words);
      s.lemmas = ContentLemmas(doc, q.content);
      if (s.words.size() < 2) continue;  // one-word partial quotes say too little to align
      statement_of[qi] = static_cast<int>(statements.size());
      statements.push_back(std::move(s));
    }
  }

  // Greedy grouping in reading order; a statement joins the group whose first
  // version it matches best, never a second version from a document already there.
  struct Group { std::vector<size_t> members; };
  std::vector<Group> groups;
  for (size_t i = 0; i < statements.size(); ++i) {
    const Statement& s = statements[i];
    int best = -1;
    double best_score = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
      const Statement& head = statements[groups[g].members.front()];
      bool same_doc = false;
      for (size_t m : groups[g].members) same_doc |= statements[m].doc == s.doc;
      if (same_doc) continue;
      const double words = Containment(s.word_set, head.word_set);
      const double lemmas = Containment(s.lemmas, head.lemmas);
      const size_t shared = SharedCount(s.lemmas, head.lemmas);
      double score = 0;
      const bool different_people = s.entity >= 0 && head.entity >= 0 && s.entity != head.entity;
      if (different_people) continue;
      if (SpeakersCompatible(s, head, entities)) {
        if (std::max(words, lemmas) >= 0.3 && shared >= 2) score = std::max(words, lemmas);
      } else if (words >= 0.6) {
        // Unrelated speakers: only the same words in the same order make one
        // statement; set overlap alone matches any short quote to a long one.
        const size_t run = LcsLength(s.words, head.words);
        const double ordered = static_cast<double>(run) / static_cast<double>(std::min(s.words.size(), head.words.size()));
        if (run >= 5 && ordered >= 0.7 && shared >= 3) score = ordered;
      }
      if (score > best_score) { best_score = score; best = static_cast<int>(g); }
    }
    if (best < 0) groups.push_back({{i}});
    else groups[best].members.push_back(i);
  }

  std::vector<BriefQuote> out;
  std::vector<BriefQuote> singles;
  for (const Group& g : groups) {
    BriefQuote q;
    for (size_t m : g.members) q.versions.push_back(statements[m].out);
    // The canonical speaker: a named version's speaker over a description.
    // The canonical speaker: a recognised entity, else a capitalised name
    // over a description ("officials", "a spokesperson").
    auto rank = [](const Statement& st) {
      if (st.entity >= 0) return 2;
      const std::string& sp = st.out.speaker;
      const bool capital = !sp.empty() && std::isupper(static_cast<unsigned char>(sp[0]));
      const bool article = sp.rfind("A ", 0) == 0 || sp.rfind("An ", 0) == 0 || sp.rfind("The ", 0) == 0;
      return capital && !article ? 1 : 0;
    };
    int best_rank = -1;
    for (size_t m : g.members)
      if (rank(statements[m]) > best_rank) { best_rank = rank(statements[m]); q.speaker = statements[m].out.speaker; }
    if (g.members.size() < 2) {
      q.match = "verbatim";
      q.similarity = 1;
      if (q.versions.front().kind != "indirect" && !q.speaker.empty()) singles.push_back(std::move(q));
      continue;
    }
    // Compare the first version with the one least like it.
    const Statement& a = statements[g.members.front()];
    size_t far = g.members[1];
    double far_sim = 2;
    for (size_t k = 1; k < g.members.size(); ++k) {
      const Statement& b = statements[g.members[k]];
      const double sim = static_cast<double>(LcsLength(a.words, b.words)) /
                         static_cast<double>(std::max(a.words.size(), b.words.size()));
      if (sim < far_sim) { far_sim = sim; far = g.members[k]; }
    }
    const Statement& b = statements[far];
    q.similarity = far_sim;
    if (a.words == b.words || ContainsRun(a.words, b.words) || ContainsRun(b.words, a.words)) {
      q.match = "verbatim";
    } else {
      q.match = far_sim >= options.quote_variant_threshold ? "variant" : "paraphrase";
      q.diff = DiffWords(a.words, b.words);
    }
    out.push_back(std::move(q));
  }
  // Statements quoted by one document only follow, direct quotes of named speakers first.
  std::stable_sort(singles.begin(), singles.end(), [](const BriefQuote& x, const BriefQuote& y) {
    return (x.versions.front().kind == "direct") > (y.versions.front().kind == "direct");
  });
  for (BriefQuote& q : singles) out.push_back(std::move(q));
  return out;
}

}  // namespace crosscheck::reconcile
