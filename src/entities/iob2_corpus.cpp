#include "entities/iob2_corpus.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "core/conllu.h"

namespace crosscheck::entities {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

bool IsInteger(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Makes tags well-formed IOB2: I-X after O or after another type becomes B-X.
void RepairIob2(std::vector<std::string>* tags) {
  std::string_view previous_type;
  for (std::string& tag : *tags) {
    if (tag.size() > 2 && tag[0] == 'I' && tag[1] == '-' && TagType(tag) != previous_type) {
      tag[0] = 'B';
    }
    if (tag.size() < 2 || tag[1] != '-') tag = "O";
    previous_type = TagType(tag);
  }
}

void FinishSentence(NerSentence* sentence, std::vector<NerSentence>* out) {
  if (sentence->words.empty()) return;
  RepairIob2(&sentence->tags);
  out->push_back(std::move(*sentence));
  *sentence = NerSentence();
  sentence->doc_id = out->back().doc_id;
}

}  // namespace

std::string_view TagType(std::string_view tag) {
  return tag.size() > 2 && tag[1] == '-' ? tag.substr(2) : std::string_view();
}

std::vector<TaggedSpan> SpansOfTags(const std::vector<std::string>& tags) {
  std::vector<TaggedSpan> spans;
  for (uint32_t i = 0; i < tags.size(); ++i) {
    const std::string_view type = TagType(tags[i]);
    const bool continues = !spans.empty() && spans.back().end == i && tags[i][0] == 'I' &&
                           spans.back().type == type;
    if (continues) {
      spans.back().end = i + 1;
    } else if (!type.empty()) {
      spans.push_back({i, i + 1, std::string(type)});
    }
  }
  return spans;
}

Result<std::vector<NerSentence>> ReadIob2(const std::filesystem::path& path) {
  Result<std::string> contents = conllu::ReadMaybeGzipped(path);
  if (!contents.ok()) return contents.status();
  std::vector<NerSentence> sentences;
  NerSentence current;
  int doc_count = 0;
  std::string_view text = *contents;
  uint64_t line_number = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      FinishSentence(&current, &sentences);
      continue;
    }
    if (line.starts_with("# newdoc id = ") || line.starts_with("-DOCSTART-")) {
      FinishSentence(&current, &sentences);
      current.doc_id = line.starts_with("#") ? std::string(line.substr(14))
                                             : "doc" + std::to_string(++doc_count);
      continue;
    }
    // A comment has no tab; a "#hashtag<TAB>O" line is a token.
    if (line.front() == '#' && line.find('\t') == std::string_view::npos) continue;
    std::vector<std::string_view> fields = SplitTabs(line);
    const bool with_id = fields.size() >= 3 && IsInteger(fields[0]);
    if (fields.size() < 2 || fields[with_id ? 1 : 0].empty()) {
      return Status::Error(path.string() + ":" + std::to_string(line_number) +
                           ": expected `token<TAB>tag` or `id<TAB>token<TAB>tag`");
    }
    current.words.emplace_back(fields[with_id ? 1 : 0]);
    current.tags.emplace_back(fields[with_id ? 2 : 1]);
  }
  FinishSentence(&current, &sentences);
  return sentences;
}

namespace {

struct GumSpan {
  int first = 0, last = 0;  // word indexes, inclusive
  std::string type;         // "PER", "ORG", "LOC"
};

std::string NerTypeOfGum(std::string_view etype) {
  if (etype == "person") return "PER";
  if (etype == "organization") return "ORG";
  if (etype == "place") return "LOC";
  return "";
}

// Parses one word's Entity= value, opening and closing brackets.
void ParseEntityBrackets(std::string_view value, int word,
                         std::vector<std::pair<std::string, GumSpan>>* open,
                         std::vector<GumSpan>* done) {
  size_t i = 0;
  while (i < value.size()) {
    if (value[i] == '(') {
      size_t stop = value.find_first_of("()", i + 1);
      if (stop == std::string_view::npos) stop = value.size();
      std::string_view body = value.substr(i + 1, stop - i - 1);
      const size_t dash = body.find('-');
      const size_t dash2 = body.find('-', dash + 1);
      std::string id(body.substr(0, dash));
      std::string type = dash == std::string_view::npos
                             ? "" : NerTypeOfGum(body.substr(dash + 1, dash2 - dash - 1));
      if (stop < value.size() && value[stop] == ')') {
        if (!type.empty()) done->push_back({word, word, type});
        i = stop + 1;
      } else {
        open->push_back({id, GumSpan{word, word, type}});
        i = stop;
      }
    } else {
      size_t stop = value.find(')', i);
      if (stop == std::string_view::npos) return;
      std::string id(value.substr(i, stop - i));
      for (size_t k = open->size(); k-- > 0;) {
        if ((*open)[k].first != id) continue;
        GumSpan span = (*open)[k].second;
        span.last = word;
        if (!span.type.empty()) done->push_back(span);
        open->erase(open->begin() + static_cast<long>(k));
        break;
      }
      i = stop + 1;
    }
  }
}

bool IsNameConnector(std::string_view form) {
  return form == "of" || form == "and" || form == "&" || form == "-" || form == "de" ||
         form == "the" || form == "for" || form == "on";
}

// Proper-noun words by their PTB tag: GUM gives "United" in "United States"
// the UPOS VERB but the XPOS NNP.
bool IsNameWord(const conllu::Word& w) {
  return w.xpos == "NNP" || w.xpos == "NNPS" || w.upos == "PROPN";
}

// The run of name words around the syntactic head of `span`, or {-1,-1}.
// `blocked` words (inside other entities nested in a person's mention, as
// "U.S." in "U.S. President X") end the run.
std::pair<int, int> NameRun(const conllu::Sentence& s, const GumSpan& span,
                            const std::vector<uint8_t>& blocked) {
  int head = -1;
  for (int w = span.first; w <= span.last && head < 0; ++w) {
    const int h = s.words[w].head - 1;
    if (h < span.first || h > span.last) head = w;
  }
  if (head < 0 || !IsNameWord(s.words[head]) || blocked[head]) return {-1, -1};
  auto name = [&](int w) { return IsNameWord(s.words[w]) && !blocked[w]; };
  int first = head, last = head;
  while (true) {
    if (first > span.first && name(first - 1)) {
      --first;
    } else if (first - 2 >= span.first && IsNameConnector(s.words[first - 1].form) &&
               s.words[first - 1].form != "the" && name(first - 2)) {
      first -= 2;
    } else {
      break;
    }
  }
  while (true) {
    if (last < span.last && name(last + 1)) {
      ++last;
    } else if (last + 2 <= span.last && IsNameConnector(s.words[last + 1].form) && name(last + 2)) {
      last += 2;
    } else if (last + 3 <= span.last && IsNameConnector(s.words[last + 1].form) &&
               s.words[last + 2].form == "the" && name(last + 3)) {
      last += 3;  // "Bank of the West"
    } else {
      break;
    }
  }
  return {first, last};
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

NerSentence GumSentenceTags(const conllu::Sentence& s, std::vector<GumSpan> spans,
                            const std::unordered_set<std::string>& titles) {
  NerSentence out;
  for (const conllu::Word& w : s.words) out.words.push_back(w.form);
  out.tags.assign(s.words.size(), "O");
  // Outer spans first: "University of California" stays one ORG.
  std::stable_sort(spans.begin(), spans.end(), [](const GumSpan& a, const GumSpan& b) {
    return a.last - a.first > b.last - b.first;
  });
  std::vector<uint8_t> blocked(s.words.size(), 0);
  for (const GumSpan& span : spans) {
    std::fill(blocked.begin(), blocked.end(), 0);
    if (span.type == "PER") {
      for (const GumSpan& inner : spans) {
        const bool nested = inner.first >= span.first && inner.last <= span.last &&
                            (inner.first != span.first || inner.last != span.last);
        if (!nested) continue;
        for (int w = inner.first; w <= inner.last; ++w) blocked[w] = 1;
      }
    }
    auto [first, last] = NameRun(s, span, blocked);
    if (first < 0) continue;
    if (span.type == "PER") {
      // Titles are not part of a name in Universal NER ("President Obama" -> "Obama").
      while (first <= last && titles.count(LowerAscii(s.words[first].form))) ++first;
      if (first > last) continue;
      // A plural proper noun alone names a group ("Afghans"), not a person.
      if (first == last && s.words[first].xpos == "NNPS") continue;
    }
    bool free = true;
    for (int w = first; w <= last; ++w) free = free && out.tags[w] == "O";
    if (!free) continue;
    for (int w = first; w <= last; ++w) out.tags[w] = (w == first ? "B-" : "I-") + span.type;
  }
  return out;
}

}  // namespace

Result<std::vector<NerSentence>> ReadGumEntities(const std::filesystem::path& path,
                                                 const std::vector<std::string>& genres,
                                                 const std::unordered_set<std::string>& titles) {
  Result<std::vector<conllu::Sentence>> gum = conllu::ReadFile(path);
  if (!gum.ok()) return gum.status();
  std::vector<NerSentence> sentences;
  std::string doc_id;
  bool keep = false;
  for (const conllu::Sentence& s : *gum) {
    if (s.new_doc) {
      doc_id = s.doc_id;
      const size_t a = doc_id.find('_'), b = doc_id.find('_', a + 1);
      const std::string genre = a == std::string::npos ? "" : doc_id.substr(a + 1, b - a - 1);
      keep = std::find(genres.begin(), genres.end(), genre) != genres.end();
    }
    if (!keep) continue;
    std::vector<std::pair<std::string, GumSpan>> open;
    std::vector<GumSpan> done;
    for (size_t w = 0; w < s.words.size(); ++w) {
      ParseEntityBrackets(conllu::MiscValue(s.words[w].misc, "Entity"), static_cast<int>(w),
                          &open, &done);
    }
    NerSentence tagged = GumSentenceTags(s, std::move(done), titles);
    tagged.doc_id = doc_id;
    sentences.push_back(std::move(tagged));
  }
  return sentences;
}

}  // namespace crosscheck::entities
