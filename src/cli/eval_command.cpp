// `crosscheck eval TASK --gold PATH [--json]`: accuracy on public data sets.
#include <chrono>
#include <cstdio>
#include <fstream>

#include "analyze/analyzer.h"
#include "cli/commands.h"
#include "core/json_writer.h"
#include "eval/ner_eval.h"
#include "eval/parse_eval.h"
#include "eval/pos_eval.h"
#include "eval/claim_eval.h"
#include "eval/quantity_eval.h"
#include "eval/quote_eval.h"
#include "eval/reconcile_eval.h"
#include "facts/facts_analyzer.h"
#include "syntax/syntax_analyzer.h"
#include "eval/segment_eval.h"
#include "eval/story_eval.h"
#include "eval/summary_eval.h"
#include "reconcile/summarizer.h"

namespace crosscheck::cli {
namespace {

struct EvalArgs {
  std::string task;
  std::string gold;
  bool json = false;
  std::string system;    // segment: score this tokens file instead of crosscheck
  std::string raw_text;  // segment: write the rebuilt raw text here and stop
  std::string half = "all";  // quantities: all | 0 (even sentences) | 1 (odd)
  std::string split = "test";  // quotes: train | dev | test
  std::string articles;  // reconcile: the NeuS folder holding the gold stories' articles
  size_t max_words = 60;  // summary: the word cap of every extractive system
};

// Prints a user-caused failure and returns the exit code for it.
int Fail(const Status& status, int code) {
  std::fprintf(stderr, "crosscheck: %s\n", status.message().c_str());
  return code;
}

void AppendPrf(JsonWriter& w, const std::string& prefix, const eval::PRF& prf) {
  w.Key(prefix + "_f1"); w.Double(prf.f1);
  w.Key(prefix + "_precision"); w.Double(prf.precision);
  w.Key(prefix + "_recall"); w.Double(prf.recall);
}

int PrintSegment(const EvalArgs& args, const eval::SegmentScores& s, double seconds) {
  if (args.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("task"); w.String("segment");
    w.Key("gold"); w.String(args.gold);
    w.Key("n"); w.Int(static_cast<int64_t>(s.tokens.gold));
    w.Key("seconds"); w.Double(seconds, 3);
    AppendPrf(w, "token", s.tokens);
    AppendPrf(w, "word", s.words);
    AppendPrf(w, "sentence", s.sentences);
    w.Key("gold_sentences"); w.Int(static_cast<int64_t>(s.sentences.gold));
    w.Key("documents"); w.Int(static_cast<int64_t>(s.documents));
    if (!args.system.empty()) { w.Key("system"); w.String(args.system); }
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return 0;
  }
  std::printf("segment  %s%s\n", args.gold.c_str(), args.system.empty() ? "" : (" (system: " + args.system + ")").c_str());
  std::printf("  %-10s %8s %8s %8s %9s\n", "", "P", "R", "F1", "gold");
  const auto row = [](const char* name, const eval::PRF& p) {
    std::printf("  %-10s %8.2f %8.2f %8.2f %9llu\n", name, p.precision, p.recall, p.f1,
                static_cast<unsigned long long>(p.gold));
  };
  row("tokens", s.tokens);
  row("words", s.words);
  row("sentences", s.sentences);
  std::printf("  %.2f s\n", seconds);
  return 0;
}

int RunSegment(const EvalArgs& args, const GlobalOptions& global) {
  if (!args.raw_text.empty()) {
    auto raw = eval::RawTextOf(args.gold);
    if (!raw.ok()) { return Fail(raw.status(), 2); }
    std::ofstream(args.raw_text, std::ios::binary) << *raw;
    return 0;
  }
  const auto start = std::chrono::steady_clock::now();
  Result<eval::SegmentScores> scores = Status::Error("unset");
  if (!args.system.empty()) {
    scores = eval::EvaluateSegmentationOutput(args.system, args.gold);
  } else {
    auto text = text::TextAnalyzer::Load(ModelDir(global));
    if (!text.ok()) { return Fail(text.status(), 1); }
    scores = eval::EvaluateSegmentation(**text, args.gold);
  }
  if (!scores.ok()) { return Fail(scores.status(), 2); }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return PrintSegment(args, *scores, seconds);
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int RunParse(const EvalArgs& args, const GlobalOptions& global) {
  const auto start = std::chrono::steady_clock::now();
  const auto scores = eval::EvaluateParsing(ModelDir(global), args.gold);
  if (!scores.ok()) { return Fail(scores.status(), 2); }
  const double seconds = SecondsSince(start);
  if (args.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("task"); w.String("parse");
    w.Key("gold"); w.String(args.gold);
    w.Key("n"); w.Int(static_cast<int64_t>(scores->words));
    w.Key("seconds"); w.Double(seconds, 3);
    w.Key("uas"); w.Double(scores->uas);
    w.Key("las"); w.Double(scores->las);
    w.Key("las_full"); w.Double(scores->las_full);
    w.Key("upos_accuracy"); w.Double(scores->upos_accuracy);
    w.Key("sentences"); w.Int(static_cast<int64_t>(scores->sentences));
    w.Key("predicted_tags"); w.Bool(scores->predicted_tags);
    w.EndObject();
    std::printf("%s\n", out.c_str());
  } else {
    std::printf("parse  %s  (%s tags)\n  UAS %.2f  LAS %.2f  LAS with subtypes %.2f  UPOS seen %.2f\n  %llu words, %.2f s\n",
                args.gold.c_str(), scores->predicted_tags ? "predicted" : "gold", scores->uas, scores->las,
                scores->las_full, scores->upos_accuracy, static_cast<unsigned long long>(scores->words), seconds);
  }
  return 0;
}

// The stages before facts: text, and syntax when its model is present.
facts::Annotator MakeAnnotator(const GlobalOptions& global, std::string* error) {
  auto text = text::TextAnalyzer::Load(ModelDir(global));
  if (!text.ok()) { *error = text.status().message(); return nullptr; }
  std::shared_ptr<const syntax::SyntaxAnalyzer> syntax;
  if (std::filesystem::exists(std::filesystem::path(ModelDir(global)) / "pos.bin")) {
    auto loaded = syntax::SyntaxAnalyzer::Load(ModelDir(global));
    if (!loaded.ok()) { *error = loaded.status().message(); return nullptr; }
    syntax = std::move(loaded).value();
  }
  std::shared_ptr<const text::TextAnalyzer> text_stage = std::move(text).value();
  return [text_stage, syntax](AnalyzedDocument* d) {
    text_stage->Analyze(d);
    if (syntax) syntax->Analyze(d);
  };
}

int RunQuantities(const EvalArgs& args, const GlobalOptions& global) {
  const auto start = std::chrono::steady_clock::now();
  std::string error;
  const facts::Annotator annotate = MakeAnnotator(global, &error);
  if (!annotate) { std::fprintf(stderr, "crosscheck: %s\n", error.c_str()); return 1; }
  auto facts = facts::FactsAnalyzer::Load(analyze::DefaultDataDir() / "lexicons");
  if (!facts.ok()) { return Fail(facts.status(), 1); }
  eval::QuantityEvalOptions options;
  options.half = args.half == "0" ? 0 : args.half == "1" ? 1 : -1;
  const auto s = eval::EvaluateQuantities(*facts, annotate, args.gold, options);
  if (!s.ok()) { return Fail(s.status(), 2); }
  const double seconds = SecondsSince(start);
  if (args.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("task"); w.String("quantities");
    w.Key("gold"); w.String(args.gold);
    w.Key("n"); w.Int(static_cast<int64_t>(s->value.gold));
    w.Key("seconds"); w.Double(seconds, 3);
    w.Key("half"); w.String(args.half);
    w.Key("sentences"); w.Int(static_cast<int64_t>(s->sentences));
    AppendPrf(w, "value", s->value);
    AppendPrf(w, "value_unit", s->value_unit);
    AppendPrf(w, "value_change", s->value_change);
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return 0;
  }
  std::printf("quantities  %s  (half: %s, %llu sentences)\n  %-14s %8s %8s %8s\n", args.gold.c_str(),
              args.half.c_str(), static_cast<unsigned long long>(s->sentences), "", "P", "R", "F1");
  const auto row = [](const char* name, const eval::PRF& p) {
    std::printf("  %-14s %8.2f %8.2f %8.2f\n", name, p.precision, p.recall, p.f1);
  };
  row("value", s->value);
  row("value+unit", s->value_unit);
  row("value+change", s->value_change);
  std::printf("  %.2f s\n", seconds);
  return 0;
}

int PrintNer(const EvalArgs& args, const eval::NerScores& s, double seconds) {
  if (args.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("task"); w.String("ner");
    w.Key("gold"); w.String(args.gold);
    w.Key("n"); w.Int(static_cast<int64_t>(s.sentences));
    w.Key("seconds"); w.Double(seconds, 3);
    w.Key("f1"); w.Double(s.overall.f1);
    w.Key("precision"); w.Double(s.overall.precision);
    w.Key("recall"); w.Double(s.overall.recall);
    w.Key("per_type");
    w.BeginObject();
    for (const auto& [type, prf] : s.per_type) {
      w.Key(type);
      w.BeginObject();
      w.Key("f1"); w.Double(prf.f1);
      w.Key("precision"); w.Double(prf.precision);
      w.Key("recall"); w.Double(prf.recall);
      w.Key("gold"); w.Int(static_cast<int64_t>(prf.gold));
      w.Key("predicted"); w.Int(static_cast<int64_t>(prf.predicted));
      w.Key("correct"); w.Int(static_cast<int64_t>(prf.correct));
      w.EndObject();
    }
    w.EndObject();
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return 0;
  }
  std::printf("ner  %s  (%llu sentences)\n  %-8s %8s %8s %8s %7s\n", args.gold.c_str(),
              static_cast<unsigned long long>(s.sentences), "", "P", "R", "F1", "gold");
  const auto row = [](const std::string& name, const eval::PRF& p) {
    std::printf("  %-8s %8.2f %8.2f %8.2f %7llu\n", name.c_str(), p.precision, p.recall, p.f1,
                static_cast<unsigned long long>(p.gold));
  };
  row("overall", s.overall);
  for (const auto& [type, prf] : s.per_type) row(type, prf);
  std::printf("  %.2f s\n", seconds);
  return 0;
}

int RunNer(const EvalArgs& args, const GlobalOptions& global) {
  const auto start = std::chrono::steady_clock::now();
  Result<eval::NerScores> scores = Status::Error("unset");
  if (!args.system.empty()) {
    scores = eval::EvaluateNerOutput(args.system, args.gold);
  } else {
    auto recognizer = entities::EntityRecognizer::Load(ModelDir(global), analyze::DefaultDataDir());
    if (!recognizer.ok()) { return Fail(recognizer.status(), 1); }
    scores = eval::EvaluateNer(**recognizer, args.gold);
  }
  if (!scores.ok()) { return Fail(scores.status(), 2); }
  return PrintNer(args, *scores, SecondsSince(start));
}

void AppendAttribution(JsonWriter& w, const std::string& prefix, const eval::AttributionScores& a) {
  w.Key(prefix + "_f1"); w.Double(a.quotes.f1);
  w.Key(prefix + "_precision"); w.Double(a.quotes.precision);
  w.Key(prefix + "_recall"); w.Double(a.quotes.recall);
  w.Key(prefix + "_speaker_accuracy"); w.Double(a.speaker_accuracy);
}

int RunQuotes(const EvalArgs& args, const GlobalOptions& global) {
  const auto start = std::chrono::steady_clock::now();
  auto analyzer = analyze::Analyzer::Load(ModelDir(global));
  if (!analyzer.ok()) { return Fail(analyzer.status(), 1); }
  const analyze::Analyzer& loaded = *analyzer;
  const auto s = eval::EvaluateQuotes([&](Document doc) { return loaded.Analyze(std::move(doc)); },
                                      args.gold, args.split);
  if (!s.ok()) { return Fail(s.status(), 2); }
  const double seconds = SecondsSince(start);
  if (args.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("task"); w.String("quotes");
    w.Key("gold"); w.String(args.gold);
    w.Key("split"); w.String(args.split);
    w.Key("n"); w.Int(static_cast<int64_t>(s->direct.quotes.gold));
    w.Key("seconds"); w.Double(seconds, 3);
    w.Key("quote_f1"); w.Double(s->direct.quotes.f1);
    w.Key("quote_precision"); w.Double(s->direct.quotes.precision);
    w.Key("quote_recall"); w.Double(s->direct.quotes.recall);
    w.Key("speaker_accuracy"); w.Double(s->direct.speaker_accuracy);
    AppendAttribution(w, "strict_quote", s->direct_strict);
    AppendAttribution(w, "with_mixed", s->with_mixed);
    AppendAttribution(w, "indirect", s->indirect);
    w.Key("documents"); w.Int(static_cast<int64_t>(s->documents));
    w.EndObject();
    std::printf("%s\n", out.c_str());
    return 0;
  }
  std::printf("quotes  %s  (split %s, %llu documents)\n  %-22s %8s %8s %8s %9s\n", args.gold.c_str(),
              args.split.c_str(), static_cast<unsigned long long>(s->documents), "", "P", "R", "F1", "speaker");
  const auto row = [](const char* name, const eval::AttributionScores& a) {
    std::printf("  %-22s %8.2f %8.2f %8.2f %9.2f\n", name, a.quotes.precision, a.quotes.recall, a.quotes.f1,
                a.speaker_accuracy);
  };
  row("direct", s->direct);
  row("direct (strict)", s->direct_strict);
  row("direct+mixed", s->with_mixed);
  row("indirect", s->indirect);
  std::printf("  %.2f s\n", seconds);
  return 0;
}

int RunPos(const EvalArgs& args, const GlobalOptions& global) {
  const auto start = std::chrono::steady_clock::now();
  const auto scores = eval::EvaluatePosTagging(ModelDir(global), args.gold);
  if (!scores.ok()) { return Fail(scores.status(), 2); }
  const double seconds = SecondsSince(start);
  if (args.json) {
    std::string out;
    JsonWriter w(&out);
    w.BeginObject();
    w.Key("task"); w.String("pos");
    w.Key("gold"); w.String(args.gold);
    w.Key("n"); w.Int(static_cast<int64_t>(scores->words));
    w.Key("seconds"); w.Double(seconds, 3);
    w.Key("upos_accuracy"); w.Double(scores->upos_accuracy);
    w.Key("xpos_accuracy"); w.Double(scores->xpos_accuracy);
    w.Key("lemma_accuracy"); w.Double(scores->lemma_accuracy);
    w.Key("feats_accuracy"); w.Double(scores->feats_accuracy);
    w.Key("all_tags_accuracy"); w.Double(scores->all_tags_accuracy);
    w.Key("sentences"); w.Int(static_cast<int64_t>(scores->sentences));
    w.EndObject();
    std::printf("%s\n", out.c_str());
  } else {
    std::printf("pos  %s\n  UPOS %.2f  XPOS %.2f  lemma %.2f  UFeats %.2f  AllTags %.2f\n  %llu words, %.2f s\n",
                args.gold.c_str(), scores->upos_accuracy, scores->xpos_accuracy, scores->lemma_accuracy,
                scores->feats_accuracy, scores->all_tags_accuracy, static_cast<unsigned long long>(scores->words),
                seconds);
  }
  return 0;
}

// ---- summary: ROUGE on NeuS beside Lead/LexRank/TextRank and the published outputs.

void AppendSummaryScore(JsonWriter& w, const eval::SummarySystemScore& s) {
  w.Key(s.name);
  w.BeginObject();
  w.Key("rouge1"); w.Double(s.rouge1);
  w.Key("rouge2"); w.Double(s.rouge2);
  w.Key("rougeL"); w.Double(s.rougeL);
  w.Key("words"); w.Double(s.words, 1);
  w.Key("n"); w.Int(static_cast<int64_t>(s.n));
  w.EndObject();
}

void PrintSummaryJson(const EvalArgs& args, const eval::SummaryEvalReport& r, double seconds) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("task"); w.String("summary");
  w.Key("gold"); w.String(args.gold);
  w.Key("split"); w.String(r.split);
  w.Key("n"); w.Int(static_cast<int64_t>(r.clusters));
  w.Key("seconds"); w.Double(seconds, 3);
  w.Key("rouge1"); w.Double(r.ours.rouge1);
  w.Key("rouge2"); w.Double(r.ours.rouge2);
  w.Key("rougeL"); w.Double(r.ours.rougeL);
  w.Key("words"); w.Double(r.ours.words, 1);
  w.Key("max_words"); w.Int(static_cast<int64_t>(r.max_words));
  w.Key("reference_words"); w.Double(r.reference_words, 1);
  w.Key("analysis_seconds"); w.Double(r.analysis_seconds, 3);
  w.Key("summarize_ms_per_story"); w.Double(r.summarize_ms_per_story, 4);
  w.Key("baselines"); w.BeginObject();
  for (const auto& b : r.baselines) AppendSummaryScore(w, b);
  w.EndObject();
  w.Key("systems"); w.BeginObject();
  for (const auto& s : r.systems) AppendSummaryScore(w, s);
  w.EndObject();
  w.EndObject();
  std::printf("%s\n", out.c_str());
}

void PrintSummaryTable(const EvalArgs& args, const eval::SummaryEvalReport& r, double seconds) {
  std::printf("summary  %s  (split %s, %llu clusters, cap %zu words; references %.1f words)\n", args.gold.c_str(),
              r.split.c_str(), static_cast<unsigned long long>(r.clusters), r.max_words, r.reference_words);
  std::printf("  %-36s %7s %7s %7s %7s\n", "system", "R-1", "R-2", "R-L", "words");
  const auto row = [](const std::string& name, const eval::SummarySystemScore& s) {
    std::printf("  %-36s %7.2f %7.2f %7.2f %7.1f\n", name.c_str(), s.rouge1, s.rouge2, s.rougeL, s.words);
  };
  row("crosscheck", r.ours);
  for (const auto& b : r.baselines) row("baseline " + b.name, b);
  for (const auto& s : r.systems) row("published " + s.name, s);
  std::printf("  analysis %.2f s, summarizer %.3f ms/story, total %.2f s\n", r.analysis_seconds,
              r.summarize_ms_per_story, seconds);
}

int RunSummary(const EvalArgs& args, const GlobalOptions& global) {
  const auto start = std::chrono::steady_clock::now();
  auto analyzer = analyze::Analyzer::Load(ModelDir(global));
  if (!analyzer.ok()) { return Fail(analyzer.status(), 1); }
  auto summarizer = reconcile::Summarizer::Load(analyze::DefaultDataDir());
  if (!summarizer.ok()) { return Fail(summarizer.status(), 1); }
  const analyze::Analyzer& loaded = *analyzer;
  eval::SummaryEvalOptions options;
  options.split = args.split;
  options.max_words = args.max_words;
  options.stopwords = analyze::DefaultDataDir() / "lexicons" / "function_words.tsv";
  const auto report = eval::EvaluateSummaries([&](Document doc) { return loaded.Analyze(std::move(doc)); },
                                              *summarizer, args.gold, options);
  if (!report.ok()) { return Fail(report.status(), 2); }
  if (args.json) PrintSummaryJson(args, *report, SecondsSince(start));
  else PrintSummaryTable(args, *report, SecondsSince(start));
  return 0;
}

// ---- reconcile: fact and quote alignment and status on the project's story gold set.

void AppendReconcileScores(JsonWriter& w, const eval::ReconcileScores& s) {
  w.Key("n"); w.Int(static_cast<int64_t>(s.stories));
  AppendPrf(w, "alignment", s.alignment);
  w.Key("status_accuracy"); w.Double(s.status_accuracy);
  AppendPrf(w, "quote_alignment", s.quote_alignment);
  w.Key("fact_recall"); w.Double(s.fact_recall);
  w.Key("quote_match_accuracy"); w.Double(s.quote_match_accuracy);
  w.Key("facts"); w.Int(static_cast<int64_t>(s.facts));
  w.Key("gold_pairs"); w.Int(static_cast<int64_t>(s.alignment.gold));
  w.Key("predicted_pairs"); w.Int(static_cast<int64_t>(s.alignment.predicted));
  w.Key("quote_groups"); w.Int(static_cast<int64_t>(s.quote_groups));
  w.Key("predicted_claims"); w.Int(static_cast<int64_t>(s.claims));
  w.Key("claim_versions"); w.Int(static_cast<int64_t>(s.claim_versions));
  w.Key("mapped_versions"); w.Int(static_cast<int64_t>(s.mapped_versions));
  w.Key("status_confusion"); w.BeginObject();
  std::string open;
  for (const auto& [key, count] : s.status_confusion) {
    if (key.first != open) {
      if (!open.empty()) w.EndObject();
      open = key.first;
      w.Key(open); w.BeginObject();
    }
    w.Key(key.second); w.Int(static_cast<int64_t>(count));
  }
  if (!open.empty()) w.EndObject();
  w.EndObject();
}

void PrintReconcileTable(const EvalArgs& args, const eval::ReconcileEvalReport& r, double seconds) {
  std::printf("reconcile  %s  (dev + test stories; analysis %.2f s, total %.2f s)\n", args.gold.c_str(),
              r.analysis_seconds, seconds);
  std::printf("  %-6s %4s %8s %8s %8s %8s %8s %8s %8s\n", "split", "n", "align P", "align R", "align F1", "status",
              "facts R", "quote F1", "q.match");
  const auto row = [](const char* name, const eval::ReconcileScores& s) {
    std::printf("  %-6s %4llu %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f\n", name,
                static_cast<unsigned long long>(s.stories), s.alignment.precision, s.alignment.recall,
                s.alignment.f1, s.status_accuracy, s.fact_recall, s.quote_alignment.f1, s.quote_match_accuracy);
  };
  row("dev", r.dev);
  row("test", r.test);
  row("all", r.all);
  std::printf("  status (gold -> predicted, all):");
  for (const auto& [key, count] : r.all.status_confusion)
    std::printf(" %s->%s %llu", key.first.c_str(), key.second.c_str(), static_cast<unsigned long long>(count));
  std::printf("\n  predicted claims %llu, versions %llu, mapped to gold %llu\n",
              static_cast<unsigned long long>(r.all.claims), static_cast<unsigned long long>(r.all.claim_versions),
              static_cast<unsigned long long>(r.all.mapped_versions));
}

int RunReconcile(const EvalArgs& args, const GlobalOptions& global) {
  const auto start = std::chrono::steady_clock::now();
  auto analyzer = analyze::Analyzer::Load(ModelDir(global));
  if (!analyzer.ok()) { return Fail(analyzer.status(), 1); }
  auto reconciler = reconcile::Reconciler::Load(analyze::DefaultDataDir());
  if (!reconciler.ok()) { return Fail(reconciler.status(), 1); }
  const std::filesystem::path articles = !args.articles.empty()
      ? std::filesystem::path(args.articles)
      : std::filesystem::path(CROSSCHECK_SOURCE_DIR) / ".." / "shared" / "data" / "clusters" / "neus";
  const analyze::Analyzer& loaded = *analyzer;
  const auto report = eval::EvaluateReconcile([&](Document doc) { return loaded.Analyze(std::move(doc)); },
                                              *reconciler, args.gold, articles);
  if (!report.ok()) { return Fail(report.status(), 2); }
  const double seconds = SecondsSince(start);
  if (!args.json) { PrintReconcileTable(args, *report, seconds); return 0; }
  const eval::ReconcileScores& top = args.split == "dev" ? report->dev : args.split == "all" ? report->all : report->test;
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("task"); w.String("reconcile");
  w.Key("gold"); w.String(args.gold);
  w.Key("split"); w.String(args.split == "dev" || args.split == "all" ? args.split : "test");
  w.Key("seconds"); w.Double(seconds, 3);
  w.Key("analysis_seconds"); w.Double(report->analysis_seconds, 3);
  AppendReconcileScores(w, top);
  for (const auto& [name, scores] : {std::pair<const char*, const eval::ReconcileScores*>{"dev", &report->dev},
                                     {"test", &report->test}, {"all", &report->all}}) {
    w.Key(name); w.BeginObject(); AppendReconcileScores(w, *scores); w.EndObject();
  }
  w.EndObject();
  std::printf("%s\n", out.c_str());
  return 0;
}

// ---- claims: the project's claim gold set (data/gold/claims/, docs/claims-guideline.md).

void AppendClaimScores(JsonWriter& w, const eval::ClaimScores& s) {
  w.Key("n"); w.Int(static_cast<int64_t>(s.all.gold));
  w.Key("articles"); w.Int(static_cast<int64_t>(s.articles));
  w.Key("f1"); w.Double(s.all.f1);
  w.Key("precision"); w.Double(s.all.precision);
  w.Key("recall"); w.Double(s.all.recall);
  AppendPrf(w, "trigger", s.trigger);
  AppendPrf(w, "event", s.event);
  AppendPrf(w, "count", s.event_count);
  AppendPrf(w, "modality", s.event_modality);
  AppendPrf(w, "attribution", s.event_attribution);
  w.Key("count_accuracy"); w.Double(s.count_accuracy);
  w.Key("modality_accuracy"); w.Double(s.modality_accuracy);
  w.Key("attribution_accuracy"); w.Double(s.attribution_accuracy);
  w.Key("predicted"); w.Int(static_cast<int64_t>(s.all.predicted));
}

void PrintClaimTable(const EvalArgs& args, const eval::ClaimEvalResult& r, double seconds) {
  std::printf("claims  %s  (P/R/F1; \"count\" = event+count, \"all\" = event+count+modality+attribution)\n",
              args.gold.c_str());
  for (const auto& [name, s] : {std::pair<const char*, const eval::ClaimScores*>{"dev", &r.dev},
                                {"test", &r.test}, {"all", &r.all}}) {
    std::printf("  %s: %llu articles, %llu gold claims, %llu predicted\n", name,
                static_cast<unsigned long long>(s->articles), static_cast<unsigned long long>(s->all.gold),
                static_cast<unsigned long long>(s->all.predicted));
    const auto row = [](const char* field, const eval::PRF& p) {
      std::printf("    %-22s %7.2f %7.2f %7.2f\n", field, p.precision, p.recall, p.f1);
    };
    row("trigger", s->trigger);
    row("event", s->event);
    row("event+count", s->event_count);
    row("event+modality", s->event_modality);
    row("event+attribution", s->event_attribution);
    row("all", s->all);
    std::printf("    accuracy over event matches: count %.2f, modality %.2f, attribution %.2f\n", s->count_accuracy,
                s->modality_accuracy, s->attribution_accuracy);
  }
  std::printf("  %.2f s\n", seconds);
}

int RunClaims(const EvalArgs& args, const GlobalOptions& global) {
  const auto start = std::chrono::steady_clock::now();
  auto analyzer = analyze::Analyzer::Load(ModelDir(global));
  if (!analyzer.ok()) { return Fail(analyzer.status(), 1); }
  const std::filesystem::path articles = !args.articles.empty()
      ? std::filesystem::path(args.articles)
      : std::filesystem::path(CROSSCHECK_SOURCE_DIR) / ".." / "shared" / "data" / "clusters" / "neus";
  const analyze::Analyzer& loaded = *analyzer;
  const auto result = eval::EvaluateClaims([&](Document doc) { return loaded.Analyze(std::move(doc)); }, args.gold,
                                           articles);
  if (!result.ok()) { return Fail(result.status(), 2); }
  const double seconds = SecondsSince(start);
  if (!args.json) { PrintClaimTable(args, *result, seconds); return 0; }
  const std::string split = args.split == "dev" || args.split == "all" ? args.split : "test";
  const eval::ClaimScores& top = split == "dev" ? result->dev : split == "all" ? result->all : result->test;
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("task"); w.String("claims");
  w.Key("gold"); w.String(args.gold);
  w.Key("split"); w.String(split);
  w.Key("seconds"); w.Double(seconds, 3);
  AppendClaimScores(w, top);
  for (const auto& [name, scores] : {std::pair<const char*, const eval::ClaimScores*>{"dev", &result->dev},
                                     {"test", &result->test}, {"all", &result->all}}) {
    w.Key(name); w.BeginObject(); AppendClaimScores(w, *scores); w.EndObject();
  }
  w.EndObject();
  std::printf("%s\n", out.c_str());
  return 0;
}

int RunEval(const EvalArgs& args, const GlobalOptions& global) {
  if (args.task == "stories") return eval::RunStoryEval(args.gold, args.json, ModelDir(global));
  if (args.task == "pos") return RunPos(args, global);
  if (args.task == "quotes") return RunQuotes(args, global);
  if (args.task == "ner") return RunNer(args, global);
  if (args.task == "quantities") return RunQuantities(args, global);
  if (args.task == "segment") return RunSegment(args, global);
  if (args.task == "parse") return RunParse(args, global);
  if (args.task == "claims") return RunClaims(args, global);
  if (args.task == "summary") return RunSummary(args, global);
  if (args.task == "reconcile") return RunReconcile(args, global);
  std::fprintf(stderr, "crosscheck eval %s: not yet implemented\n", args.task.c_str());
  return 1;
}

}  // namespace

void AddEvalCommand(CLI::App& app, const GlobalOptions& global, Runner* runner) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* sub = app.add_subcommand("eval", "accuracy on a public data set (see CONTRACT)");
  sub->add_option("task", args->task, "segment | pos | parse | ner | quantities | quotes | stories | claims | reconcile | summary")
      ->required();
  sub->add_option("--gold", args->gold, "gold data (file or folder)")->required();
  sub->add_flag("--json", args->json, "print one JSON object");
  sub->add_option("--system", args->system, "segment: score this file (one sentence per line, tokens space-separated)");
  sub->add_option("--raw-text", args->raw_text, "segment: write the raw text rebuilt from --gold to this file");
  sub->add_option("--split", args->split, "quotes: train | dev | test; summary: train | val | test (default test)");
  sub->add_option("--max-words", args->max_words, "summary: word cap of every extractive system (default 60)");
  sub->add_option("--articles", args->articles, "reconcile: NeuS folder with the gold stories' articles (default ../shared/data/clusters/neus)");
  sub->add_option("--half", args->half, "quantities: all | 0 (even sentences: tuning) | 1 (odd: held out)");
  sub->footer("Example: crosscheck eval segment --gold ../shared/data/ud/en_ewt/en_ewt-ud-test.conllu.gz --json");
  sub->callback([runner, args, &global] { *runner = [args, &global] { return RunEval(*args, global); }; });
}

}  // namespace crosscheck::cli
