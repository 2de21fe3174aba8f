// `crosscheck ingest --db FILE INPUT...`: adds documents to a store (analysis,
// stories, briefs of the stories that changed); re-ingesting changes nothing.
// `crosscheck export --db FILE [-o FILE]`: the store as JSONL.
// `crosscheck serve --db FILE [--port N] [--host H] [--token T]`: HTTP API and
// web page over the store (docs/api.md).
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "analyze/analyzer.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "serve/server.h"
#include "store/ingester.h"
#include "store/store_reader.h"

namespace crosscheck::cli {
namespace {

struct IngestArgs {
  std::string db;
  std::vector<std::string> inputs;
  size_t batch = store::IngestOptions().batch_documents;
  double window_days = cluster::StoryOptions().window_days;
};

struct ExportArgs {
  std::string db;
  std::string output;
};

struct ServeArgs {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token;
  size_t max_body_mb = 16;
  unsigned workers = 16;
};

int Fail(const std::string& message) {
  std::fprintf(stderr, "crosscheck: %s\n", message.c_str());
  return 1;
}

int RunIngest(const IngestArgs& args, const GlobalOptions& global) {
  auto kit = store::LoadIngestKit(ModelDir(global), analyze::DefaultDataDir());
  if (!kit.ok()) return Fail(kit.status().message());
  store::IngestModels models = (*kit)->models();
  models.story_options.window_days = args.window_days;
  ProgressLine progress(global.quiet);
  store::IngestOptions options;
  options.threads = global.threads;
  options.batch_documents = std::max<size_t>(1, args.batch);
  options.on_progress = [&](uint64_t d, uint64_t b, double s) { progress.Update(d, b, s); };
  auto ingester = store::Ingester::Open(args.db, models, options);
  if (!ingester.ok()) return Fail(ingester.status().message());
  auto source = ingest::DocumentSource::Open(args.inputs, {});
  if (!source) return 2;
  auto stats = (*ingester)->Ingest(*source);
  progress.Finish();
  if (!stats.ok()) return Fail(args.db + ": " + stats.status().message());
  if (!global.quiet) {
    std::fprintf(stderr,
                 "crosscheck ingest: %llu read, %llu added, %llu already stored, %llu input errors; "
                 "%llu assigned (%llu new stories, %llu changed); %llu briefs; %.1f s "
                 "(analyse %.1f, stories %.1f, briefs %.1f)\n",
                 (unsigned long long)stats->read, (unsigned long long)stats->added,
                 (unsigned long long)stats->skipped, (unsigned long long)stats->input_errors,
                 (unsigned long long)stats->assigned, (unsigned long long)stats->stories_created,
                 (unsigned long long)stats->stories_changed, (unsigned long long)stats->briefs, stats->seconds,
                 stats->analyse_seconds, stats->assign_seconds, stats->brief_seconds);
  }
  return stats->input_errors > 0 || source->error_count() > 0 ? 2 : 0;
}

int RunExport(const ExportArgs& args) {
  auto reader = store::StoreReader::Open(args.db);
  if (!reader.ok()) return Fail(reader.status().message());
  FILE* out = stdout;
  std::unique_ptr<FILE, int (*)(FILE*)> file(nullptr, &std::fclose);
  if (!args.output.empty() && args.output != "-") {
    file.reset(std::fopen(args.output.c_str(), "wb"));
    if (!file) return Fail("cannot write " + args.output);
    out = file.get();
  }
  if (Status s = (*reader)->Export(out); !s.ok()) return Fail(args.db + ": " + s.message());
  if (std::fflush(out) != 0) return Fail("cannot write " + (args.output.empty() ? "stdout" : args.output));
  return 0;
}

serve::Server* g_server = nullptr;
extern "C" void StopServer(int) {
  if (g_server) g_server->Stop();
}

int RunServe(const ServeArgs& args, const GlobalOptions& global) {
  serve::ServeOptions options;
  options.db_path = args.db;
  options.host = args.host;
  options.port = args.port;
  options.token = args.token;
  if (options.token.empty()) {
    if (const char* env = std::getenv("CROSSCHECK_TOKEN")) options.token = env;
  }
  options.max_body_bytes = args.max_body_mb << 20;
  options.workers = args.workers;
  options.ingest_threads = global.threads;
  const std::string model_dir = ModelDir(global);
  options.load_models = [model_dir] { return store::LoadIngestKit(model_dir, analyze::DefaultDataDir()); };
  auto server = serve::Server::Create(options);
  if (!server.ok()) return Fail(server.status().message());
  auto port = (*server)->Bind();
  if (!port.ok()) return Fail(port.status().message());
  if (!global.quiet) {
    std::fprintf(stderr, "crosscheck serve: http://%s:%d/ (store %s; POST /api/ingest %s)\n", args.host.c_str(),
                 *port, args.db.c_str(), options.token.empty() ? "disabled: no --token" : "needs the token");
  }
  g_server = server->get();
  std::signal(SIGINT, StopServer);
  std::signal(SIGTERM, StopServer);
  std::signal(SIGPIPE, SIG_IGN);
  (*server)->Run();
  g_server = nullptr;
  return 0;
}

}  // namespace

void AddStoreCommands(CLI::App& app, const GlobalOptions& global, Runner* runner) {
  auto ingest = std::make_shared<IngestArgs>();
  CLI::App* sub = app.add_subcommand("ingest", "add documents to a store: analysis, stories, briefs");
  sub->add_option("--db", ingest->db, "the store (SQLite file; created if missing)")->required();
  sub->add_option("inputs", ingest->inputs, "files, directories or - (JSONL on stdin)")->required();
  sub->add_option("--batch", ingest->batch, "documents per transaction")->capture_default_str();
  sub->add_option("--window-days", ingest->window_days, "a story closes after this many days without news")
      ->capture_default_str();
  sub->footer("Example: crosscheck ingest --db news.db examples/chechnya-2017");
  sub->callback([runner, ingest, &global] { *runner = [ingest, &global] { return RunIngest(*ingest, global); }; });

  auto exp = std::make_shared<ExportArgs>();
  sub = app.add_subcommand("export", "write a store as JSONL (documents with analysis and story, then stories with briefs)");
  sub->add_option("--db", exp->db, "the store")->required();
  sub->add_option("--output,-o", exp->output, "write here instead of stdout");
  sub->callback([runner, exp] { *runner = [exp] { return RunExport(*exp); }; });

  auto serve = std::make_shared<ServeArgs>();
  sub = app.add_subcommand("serve", "HTTP API and web page over a store");
  sub->add_option("--db", serve->db, "the store")->required();
  sub->add_option("--host", serve->host, "address to listen on")->capture_default_str();
  sub->add_option("--port", serve->port, "port (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  sub->add_option("--token", serve->token, "bearer token that POST /api/ingest requires (or $CROSSCHECK_TOKEN)");
  sub->add_option("--max-body-mb", serve->max_body_mb, "largest request body accepted")->capture_default_str();
  sub->add_option("--workers", serve->workers, "request threads")->capture_default_str()->check(CLI::Range(1u, 256u));
  sub->footer("Example: crosscheck serve --db news.db --port 8080   (then open http://127.0.0.1:8080/)");
  sub->callback([runner, serve, &global] { *runner = [serve, &global] { return RunServe(*serve, global); }; });
}

}  // namespace crosscheck::cli
