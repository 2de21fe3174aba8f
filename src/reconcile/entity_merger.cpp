#include "reconcile/entity_merger.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "reconcile/word_tools.h"

namespace crosscheck::reconcile {
namespace {

std::string Initials(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words)
    if (w != "of" && w != "the" && w != "and" && w != "for" && !w.empty()) out += w[0];
  return out;
}

// Union-find over the story's (document, entity) pairs.
struct Groups {
  std::vector<int> parent;
  int Find(int x) { return parent[x] == x ? x : parent[x] = Find(parent[x]); }
  void Join(int a, int b) { a = Find(a); b = Find(b); if (a != b) parent[std::max(a, b)] = std::min(a, b); }
};

}  // namespace

int MergedEntities::Index(size_t document, int32_t entity) const {
  if (document >= canonical.size() || entity < 0 || static_cast<size_t>(entity) >= canonical[document].size()) return -1;
  return canonical[document][entity];
}

std::string MergedEntities::Name(size_t document, int32_t entity) const {
  const int i = Index(document, entity);
  return i < 0 ? std::string() : entities[i].name;
}

MergedEntities MergeEntities(const std::vector<const AnalyzedDocument*>& docs) {
  struct Item { size_t doc; size_t entity; std::string key; std::vector<std::string> words; };
  std::vector<Item> items;
  for (size_t d = 0; d < docs.size(); ++d)
    for (size_t e = 0; e < docs[d]->entities.size(); ++e) {
      const Entity& entity = docs[d]->entities[e];
      items.push_back({d, e, NameKey(entity.name), Words(entity.name)});
    }
  Groups groups{std::vector<int>(items.size())};
  for (size_t i = 0; i < items.size(); ++i) groups.parent[i] = static_cast<int>(i);

  // Names equal once spaces are dropped ("Ru Paul" / "RuPaul") are one name
  // written two ways.
  std::map<std::string, int> by_key;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string key;
    for (char c : items[i].key)
      if (c != ' ' && c != '-' && c != '.') key += c;
    if (key.empty()) continue;
    auto [it, fresh] = by_key.emplace(key, static_cast<int>(i));
    if (!fresh) groups.Join(it->second, static_cast<int>(i));
  }
  // Surnames and acronyms join a fuller name only when exactly one fits: two
  // people sharing a surname stay apart rather than being merged wrongly.
  auto type_of = [&](const Item& it) -> const std::string& { return docs[it.doc]->entities[it.entity].type; };
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].words.size() != 1) continue;
    const std::string& w = items[i].words[0];
    std::set<std::string> full_keys;
    int match = -1;
    for (size_t j = 0; j < items.size(); ++j) {
      if (items[j].words.size() < 2) continue;
      const bool surname = type_of(items[i]) == "PERSON" && type_of(items[j]) == "PERSON" && items[j].words.back() == w;
      const bool acronym = w.size() >= 2 && type_of(items[j]) == "ORG" && Initials(items[j].words) == w;
      if (surname || acronym) { full_keys.insert(items[j].key); match = static_cast<int>(j); }
    }
    if (full_keys.size() == 1) groups.Join(static_cast<int>(i), match);
  }

  MergedEntities out;
  out.canonical.resize(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) out.canonical[d].assign(docs[d]->entities.size(), -1);
  std::map<int, int> root_to_index;
  std::vector<std::map<std::string, int>> type_votes;
  std::vector<std::set<std::string>> alias_sets, doc_sets;
  for (size_t i = 0; i < items.size(); ++i) {
    const int root = groups.Find(static_cast<int>(i));
    auto [it, fresh] = root_to_index.emplace(root, static_cast<int>(out.entities.size()));
    if (fresh) {
      out.entities.push_back({});
      out.roles.push_back({});
      type_votes.push_back({});
      alias_sets.push_back({});
      doc_sets.push_back({});
    }
    const int index = it->second;
    const AnalyzedDocument& doc = *docs[items[i].doc];
    const Entity& entity = doc.entities[items[i].entity];
    out.canonical[items[i].doc][items[i].entity] = index;
    BriefEntity& merged = out.entities[index];
    // The longest name is the fullest form ("Angela Merkel" over "Merkel").
    if (entity.name.size() > merged.name.size()) merged.name = entity.name;
    type_votes[index][entity.type] += static_cast<int>(entity.mentions.size());
    merged.mentions += static_cast<uint32_t>(entity.mentions.size());
    doc_sets[index].insert(doc.doc.id);
    if (std::find(merged.documents.begin(), merged.documents.end(), doc.doc.id) == merged.documents.end())
      merged.documents.push_back(doc.doc.id);
    for (const EntityMention& m : entity.mentions) {
      if (m.kind == "pronoun") continue;
      std::string surface = CollapseSpaces(SpanText(doc, m.span));
      if (!surface.empty()) alias_sets[index].insert(surface);
    }
  }
  for (size_t d = 0; d < docs.size(); ++d)
    for (const Quote& q : docs[d]->quotes) {
      const int index = out.Index(d, q.speaker_entity);
      if (index < 0 || q.speaker_role.empty()) continue;
      alias_sets[index].insert(q.speaker_role);
      std::string role = q.speaker_role;
      for (char& c : role) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (std::find(out.roles[index].begin(), out.roles[index].end(), role) == out.roles[index].end())
        out.roles[index].push_back(role);
    }
  // Mention spans of posts and coreference chains can carry punctuation or a
  // date; an alias is a name: letters, no digits, not opening with punctuation.
  auto is_name = [](const std::string& alias) {
    if (alias.empty()) return false;
    const unsigned char first = static_cast<unsigned char>(alias[0]);
    if (!(std::isalpha(first) || first == '@' || first >= 0x80)) return false;
    for (char c : alias)
      if (std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
  };
  for (size_t i = 0; i < out.entities.size(); ++i) {
    BriefEntity& e = out.entities[i];
    int best = -1;
    for (const auto& [type, votes] : type_votes[i])
      if (votes > best) { best = votes; e.type = type; }
    for (const std::string& alias : alias_sets[i])
      if (alias != e.name && is_name(alias)) e.aliases.push_back(alias);
  }
  return out;
}

}  // namespace crosscheck::reconcile
