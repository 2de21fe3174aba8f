#include "entities/entity_recognizer.h"

#include <fstream>

#include "entities/coreference.h"
#include "entities/gazetteer.h"
#include "entities/mention_rules.h"
#include "entities/ner_features.h"
#include "entities/ner_model.h"
#include "entities/ner_tagger.h"
#include "entities/place_linker.h"
#include "entities/iob2_corpus.h"

namespace crosscheck::entities {
namespace {

std::string OurType(std::string_view tag_type) {
  if (tag_type == "PER") return "PERSON";
  return std::string(tag_type);
}

Result<std::unordered_set<std::string>> ReadWordList(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Status::Error(path.string() + ": cannot open word list");
  std::unordered_set<std::string> words;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') words.insert(line);
  }
  return words;
}

class Recognizer final : public EntityRecognizer {
 public:
  Recognizer(NerModel model, Gazetteer gazetteer, CorefLexicons lexicons,
             std::unordered_set<std::string> organization_words)
      : model_(std::move(model)), gazetteer_(std::move(gazetteer)),
        lexicons_(std::move(lexicons)), organization_words_(std::move(organization_words)),
        tagger_(&model_, &gazetteer_) {}

  // The stored self-tests must come out as they did at training time.
  Status CheckSelfTests(const std::filesystem::path& path) const {
    NerTagger::Scratch scratch;
    std::vector<uint16_t> labels;
    for (size_t i = 0; i < model_.self_tests.size(); ++i) {
      const NerSelfTest& test = model_.self_tests[i];
      std::vector<std::string_view> forms(test.words.begin(), test.words.end());
      DocumentCasing casing;
      casing.AddSentence(forms);
      tagger_.Tag(forms, casing, &scratch, &labels);
      for (size_t t = 0; t < labels.size(); ++t) {
        if (t < test.tags.size() && model_.labels[labels[t]] == test.tags[t]) continue;
        return Status::Error(path.string() + ": self-test " + std::to_string(i + 1) + " failed at word '" +
                             test.words[t] + "' (expected " + test.tags[t] + ", got " +
                             model_.labels[labels[t]] + "); model and data/gazetteer do not match");
      }
    }
    return Status::Ok();
  }

  void Analyze(AnalyzedDocument* doc) const override {
    DocumentCasing casing;
    std::vector<std::string_view> forms;
    for (const Sentence& s : doc->sentences) {
      SentenceForms(*doc, s, &forms);
      casing.AddSentence(forms);
    }
    NerTagger::Scratch scratch;
    std::vector<uint16_t> labels;
    std::vector<RawMention> mentions;
    for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
      const Sentence& sentence = doc->sentences[s];
      SentenceForms(*doc, sentence, &forms);
      tagger_.Tag(forms, casing, &scratch, &labels);
      AppendMentions(labels, sentence, s, &mentions);
    }
    RepairMentions(doc->tokens, &mentions);
    AddOrganizationPatterns(*doc, organization_words_, &mentions);
    PropagateNames(*doc, &mentions);
    for (uint32_t s = 0; s < doc->sentences.size(); ++s) AddDemonyms(*doc, s, gazetteer_, &mentions);
    std::vector<int64_t> demonym_places;
    doc->entities = ResolveEntities(*doc, std::move(mentions), lexicons_, &demonym_places);
    LinkPlaces(*doc, gazetteer_, demonym_places, &doc->entities);
  }

 private:
  static void SentenceForms(const AnalyzedDocument& doc, const Sentence& s,
                            std::vector<std::string_view>* forms) {
    forms->clear();
    for (uint32_t t = s.first_token; t < s.end_token; ++t) forms->push_back(doc.tokens[t].form);
  }

  void AppendMentions(const std::vector<uint16_t>& labels, const Sentence& sentence, uint32_t s,
                      std::vector<RawMention>* mentions) const {
    std::vector<std::string> tags;
    for (uint16_t l : labels) tags.push_back(model_.labels[l]);
    for (const TaggedSpan& span : SpansOfTags(tags)) {
      mentions->push_back({sentence.first_token + span.first, sentence.first_token + span.end, s,
                           OurType(span.type), "name", -1});
    }
  }

  NerModel model_;
  Gazetteer gazetteer_;
  CorefLexicons lexicons_;
  std::unordered_set<std::string> organization_words_;  // "Committee", "Ministry", ...
  NerTagger tagger_;
};

}  // namespace

Result<std::shared_ptr<const EntityRecognizer>> EntityRecognizer::Load(
    const std::filesystem::path& model_dir, const std::filesystem::path& data_dir) {
  const std::filesystem::path model_path = model_dir / "ner.bin";
  Result<NerModel> model = LoadNerModel(model_path);
  if (!model.ok()) return model.status();
  Result<Gazetteer> gazetteer = Gazetteer::Load(data_dir);
  if (!gazetteer.ok()) return gazetteer.status();
  Result<std::unordered_set<std::string>> verbs = ReadWordList(data_dir / "entities" / "speech_verbs.txt");
  if (!verbs.ok()) return verbs.status();
  Result<std::unordered_set<std::string>> titles = ReadWordList(data_dir / "entities" / "person_titles.txt");
  if (!titles.ok()) return titles.status();
  Result<std::unordered_set<std::string>> organization_words =
      ReadWordList(data_dir / "entities" / "organization_words.txt");
  if (!organization_words.ok()) return organization_words.status();
  auto recognizer = std::make_shared<Recognizer>(
      std::move(*model), std::move(*gazetteer), CorefLexicons{std::move(*verbs), std::move(*titles)},
      std::move(*organization_words));
  if (Status status = recognizer->CheckSelfTests(model_path); !status.ok()) return status;
  return std::shared_ptr<const EntityRecognizer>(std::move(recognizer));
}

Result<std::shared_ptr<const EntityRecognizer>> EntityRecognizer::Load(
    const std::filesystem::path& model_dir) {
  return Load(model_dir, model_dir / ".." / "data");
}

}  // namespace crosscheck::entities
