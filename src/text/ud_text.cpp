#include "text/ud_text.h"

#include "text/char_class.h"

namespace crosscheck::text {
namespace {

// The sentence text: `# text`, or the forms joined by their SpaceAfter values.
std::string SentenceText(const conllu::Sentence& s) {
  if (!s.text.empty()) return s.text;
  std::string text;
  for (size_t i = 0; i < s.words.size();) {
    const conllu::MultiwordToken* m = s.MultiwordStartingAt(s.words[i].id);
    text += m ? m->form : s.words[i].form;
    if (m ? m->space_after() : s.words[i].space_after()) text += ' ';
    i = m ? static_cast<size_t>(m->last) : i + 1;
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// Adds the words of one surface token whose bytes are text[begin, end).
void AddWords(const conllu::Sentence& s, size_t first, size_t last, Span token_span,
              const std::string& text, UdDocument* doc) {
  const uint32_t token = static_cast<uint32_t>(doc->tokens.size() - 1);
  std::string joined;
  for (size_t k = first; k <= last; ++k) joined += s.words[k].form;
  const bool cut = joined == text.substr(token_span.begin, token_span.size());
  uint32_t b = token_span.begin;
  for (size_t k = first; k <= last; ++k) {
    const uint32_t len = static_cast<uint32_t>(s.words[k].form.size());
    doc->words.push_back({cut ? Span{b, b + len} : token_span, s.words[k].form, token});
    b += len;
  }
}

// Appends one sentence's text at the end of doc->text and aligns its tokens.
Status AddSentence(const conllu::Sentence& s, const std::string& source, UdDocument* doc) {
  const size_t base = doc->text.size();
  doc->text += SentenceText(s);
  size_t pos = base;
  const size_t first_token = doc->tokens.size();
  for (size_t i = 0; i < s.words.size();) {
    const conllu::MultiwordToken* m = s.MultiwordStartingAt(s.words[i].id);
    const std::string& form = m ? m->form : s.words[i].form;
    pos = SkipSpaces(doc->text, pos);
    if (doc->text.compare(pos, form.size(), form) != 0)
      return Status::Error(source + ":" + std::to_string(s.line) + ": token \"" + form +
                           "\" does not match the sentence text at byte " +
                           std::to_string(pos - base) + " (sent_id " + s.sent_id + ")");
    const Span span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + form.size())};
    doc->tokens.push_back(span);
    const size_t last = m ? static_cast<size_t>(m->last - 1) : i;
    AddWords(s, i, last, span, doc->text, doc);
    pos += form.size();
    i = last + 1;
  }
  if (doc->tokens.size() > first_token)
    doc->sentences.push_back({doc->tokens[first_token].begin, doc->tokens.back().end});
  return Status::Ok();
}

bool LastTokenHasSpaceAfter(const conllu::Sentence& s) {
  if (s.words.empty()) return true;
  for (const conllu::MultiwordToken& m : s.multiwords)
    if (m.last == s.words.back().id) return m.space_after();
  return s.words.back().space_after();
}

}  // namespace

size_t SkipSpaces(std::string_view text, size_t pos) {
  size_t len = 1;
  while (pos < text.size() && (FlagsAt(text, pos, &len) & kSpace)) pos += len;
  return pos;
}

Result<std::vector<UdDocument>> BuildUdDocuments(const std::vector<conllu::Sentence>& sentences,
                                                 const std::string& source_name) {
  std::vector<UdDocument> docs;
  bool space_after_previous = true;
  size_t paragraph_begin = 0;
  const auto close_paragraph = [&](UdDocument* doc) {
    if (doc->text.size() > paragraph_begin)
      doc->paragraphs.push_back({static_cast<uint32_t>(paragraph_begin),
                                 static_cast<uint32_t>(doc->text.size())});
  };
  for (const conllu::Sentence& s : sentences) {
    if (s.new_doc || docs.empty()) {
      if (!docs.empty()) close_paragraph(&docs.back());
      docs.emplace_back();
      docs.back().id = s.doc_id.empty() ? "doc" + std::to_string(docs.size()) : s.doc_id;
      paragraph_begin = 0;
    } else if (s.new_par) {
      close_paragraph(&docs.back());
      docs.back().text += "\n\n";
      paragraph_begin = docs.back().text.size();
    } else if (space_after_previous) {
      docs.back().text += ' ';
    }
    if (Status st = AddSentence(s, source_name, &docs.back()); !st.ok()) return st;
    space_after_previous = LastTokenHasSpaceAfter(s);
  }
  if (!docs.empty()) close_paragraph(&docs.back());
  return docs;
}

}  // namespace crosscheck::text
