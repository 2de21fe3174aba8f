#include "quotes/quote_finder.h"

#include <algorithm>
#include <numeric>
#include <optional>

#include "quotes/indirect_speech.h"
#include "quotes/post_finder.h"
#include "quotes/quote_context.h"
#include "quotes/quote_marks.h"
#include "quotes/speaker_resolver.h"
#include "quotes/speech_cues.h"
#include "quotes/speech_lexicon.h"

namespace crosscheck::quotes {
namespace {

constexpr uint32_t kMaxScareTokens = 4;
constexpr uint32_t kMaxTitleTokens = 8;
constexpr uint32_t kMaxInheritParagraphs = 1;  // a floating quote inherits across one paragraph break

// The quotes of one document; lives for one Find() call.
class DocumentQuotes {
 public:
  explicit DocumentQuotes(const QuoteContext& c)
      : c_(c), resolver_(c), cues_(FindVerbCues(c)), used_cue_(cues_.size(), false),
        in_direct_(c.size(), false), in_post_(c.size(), false) {}

  std::vector<Quote> Run() {
    for (Quote& post : FindPosts(c_, &in_post_)) quotes_.push_back(std::move(post));
    for (const QuotedSpan& q : FindQuotedSpans(c_)) {
      if (!in_post_[q.first_token]) AddQuotedSpan(q);
    }
    AddIndirectSpeech();
    return SortedQuotes();
  }

 private:
  // A quote whose opening mark follows a word of the writer's sentence
  // ("described as a "coward"", "insisting that "you can't"").
  bool Embedded(const QuotedSpan& q) const {
    if (q.open_first == 0 || c_.sentence(q.open_first - 1) != c_.sentence(q.open_first)) return false;
    uint32_t prev = q.open_first - 1;
    return c_.IsWord(prev) && !c_.verb(prev);
  }

  // Short Title Case content, or no letters at all (an attribute value).
  bool LooksLikeTitle(const QuotedSpan& q) const {
    if (q.end_token - q.first_token > kMaxTitleTokens) return false;
    uint32_t capitalized = 0, lower = 0;
    for (uint32_t t = q.first_token; t < q.end_token; ++t) {
      if (c_.IsCapitalized(t)) ++capitalized;
      else if (c_.IsWord(t) && !(c_.classes(t) & (kStop | kDeterminer))) ++lower;
    }
    return lower == 0 && capitalized != 1;
  }

  void AddQuotedSpan(const QuotedSpan& q) {
    for (uint32_t t = q.open_first; t < q.close_end && t < c_.size(); ++t) in_direct_[t] = true;
    Quote quote;
    quote.content = q.content;
    quote.sentence = c_.sentence(q.first_token);
    if (Embedded(q)) {
      std::optional<Cue> cue = CueInSentence(c_, q.open_first, cues_);
      uint32_t length = q.end_token - q.first_token;
      quote.kind = !cue && length <= kMaxScareTokens ? "scare" : "partial";
      if (cue) Attribute(*cue, &quote);
      quotes_.push_back(std::move(quote));
      return;
    }
    if (LooksLikeTitle(q)) {  // a book, a show, a headline: 'Legend in the Coal Fields'
      quote.kind = "scare";
      quotes_.push_back(std::move(quote));
      return;
    }
    quote.kind = "direct";
    std::optional<Cue> cue = CueAfter(c_, q, cues_);
    if (!cue) cue = CueBefore(c_, q, cues_);
    if (cue) {
      MarkUsed(*cue);
      Attribute(*cue, &quote);
      // "…," the president said, "…": both halves hang on one cue.
      if (cue->first == last_cue_ && last_direct_ >= 0 &&
          quotes_[last_direct_].sentence <= quote.sentence &&
          c_.sentence_at(quotes_[last_direct_].sentence).paragraph == c_.paragraph(q.first_token)) {
        quote.continues = last_direct_;
      }
      last_direct_ = static_cast<int32_t>(quotes_.size());
      last_cue_ = cue->first;
    } else {
      AttributeFloating(q, &quote);
    }
    last_close_ = q.close_end;
    quotes_.push_back(std::move(quote));
  }

  void MarkUsed(const Cue& cue) {
    for (size_t i = 0; i < cues_.size(); ++i) {
      if (cues_[i].first == cue.first) used_cue_[i] = true;
    }
  }

  void Attribute(const Cue& cue, Quote* quote) {
    if (!cue.speaker.empty()) {
      ResolvedSpeaker speaker = resolver_.Resolve(cue.speaker);
      quote->speaker = speaker.name;
      quote->speaker_role = speaker.role;
      quote->speaker_entity = speaker.entity;
      quote->speaker_span = speaker.span;
    }
    quote->verb = cue.lemma;
    quote->verb_span = c_.SpanOf(cue.first, cue.end);
    quote->stance = cue.stance;
    if (cue.addressee_end > cue.addressee_first) {
      quote->addressee = std::string(c_.Text(c_.SpanOf(cue.addressee_first, cue.addressee_end)));
    }
  }

  // No cue next to the quote: a speaker named in the previous sentence
  // ("Eristavi told NBC News that ... . "…""), else the speaker of the latest
  // attributed quote nearby ("…," he said. "…").
  void AttributeFloating(const QuotedSpan& q, Quote* quote) {
    uint32_t s = c_.sentence(q.open_first);
    if (s > 0) {
      std::optional<Cue> cue = LastCueOfSentence(c_, s - 1, cues_);
      if (cue && cue->first >= last_close_ && cue->first != last_cue_ &&
          c_.paragraph(q.open_first) - c_.paragraph(cue->first) <= kMaxInheritParagraphs) {
        MarkUsed(*cue);
        Attribute(*cue, quote);
        return;
      }
    }
    if (last_direct_ < 0) return;
    const Quote& previous = quotes_[last_direct_];
    uint32_t previous_paragraph = c_.sentence_at(previous.sentence).paragraph;
    if (c_.paragraph(q.open_first) - previous_paragraph > kMaxInheritParagraphs) return;
    for (const Cue& cue : cues_) {  // a new speaker in between ends the inheritance
      if (cue.first > last_close_ && cue.first < q.open_first && !cue.speaker.empty() &&
          cue.first != last_cue_) {
        return;
      }
    }
    CopySpeaker(previous, quote);
    quote->speaker_from = last_direct_;
    if (c_.paragraph(q.open_first) == previous_paragraph) quote->continues = last_direct_;
    last_direct_ = static_cast<int32_t>(quotes_.size());
  }

  static void CopySpeaker(const Quote& from, Quote* to) {
    to->speaker = from.speaker;
    to->speaker_role = from.speaker_role;
    to->speaker_entity = from.speaker_entity;
    to->speaker_span = from.speaker_span;
    to->verb = from.verb;
    to->verb_span = from.verb_span;
    to->stance = from.stance;
    to->addressee = from.addressee;
  }

  void AddIndirectSpeech() {
    for (const IndirectSpeech& speech : FindIndirectSpeech(c_, cues_, used_cue_, in_direct_)) {
      Quote quote;
      quote.content = c_.SpanOf(speech.first_token, speech.end_token);
      quote.sentence = c_.sentence(speech.first_token);
      quote.kind = "indirect";
      Attribute(cues_[speech.cue], &quote);
      quotes_.push_back(std::move(quote));
    }
  }

  // Text order; continues/speaker_from are remapped to the sorted indices.
  std::vector<Quote> SortedQuotes() {
    std::vector<int32_t> order(quotes_.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
      return quotes_[a].content.begin < quotes_[b].content.begin;
    });
    std::vector<int32_t> new_index(quotes_.size());
    for (size_t i = 0; i < order.size(); ++i) new_index[order[i]] = static_cast<int32_t>(i);
    std::vector<Quote> sorted;
    sorted.reserve(quotes_.size());
    for (int32_t i : order) {
      Quote q = std::move(quotes_[i]);
      if (q.continues >= 0) q.continues = new_index[q.continues];
      if (q.speaker_from >= 0) q.speaker_from = new_index[q.speaker_from];
      sorted.push_back(std::move(q));
    }
    return sorted;
  }

  const QuoteContext& c_;
  SpeakerResolver resolver_;
  std::vector<Cue> cues_;
  std::vector<bool> used_cue_;
  std::vector<bool> in_direct_;  // tokens of quoted spans, marks included
  std::vector<bool> in_post_;
  std::vector<Quote> quotes_;
  int32_t last_direct_ = -1;  // latest direct quote with a speaker
  int64_t last_cue_ = -1;     // its cue token
  uint32_t last_close_ = 0;   // one past the latest direct quote's closing mark
};

}  // namespace

Result<QuoteFinder> QuoteFinder::Load(const std::filesystem::path& data_dir) {
  Result<SpeechLexicon> lexicon = SpeechLexicon::Load(data_dir);
  if (!lexicon.ok()) return lexicon.status();
  QuoteFinder finder;
  finder.lexicon_ = std::make_shared<const SpeechLexicon>(std::move(lexicon).value());
  return finder;
}

void QuoteFinder::Find(AnalyzedDocument* doc) const {
  doc->quotes.clear();
  if (doc->tokens.empty() || doc->sentences.empty()) return;
  QuoteContext context(*doc, *lexicon_);
  doc->quotes = DocumentQuotes(context).Run();
}

}  // namespace crosscheck::quotes
