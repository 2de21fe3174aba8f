// svg_bench: time to draw the brief's three pictures (FiguresSvg, RelayGraphSvg,
// TimelineSvg) plus the Markdown figures table, one thread, per brief.
//   BM_Pictures/3     the example-shaped 3-document brief (tests/report/svg_test_briefs.h)
//   BM_Pictures/40    a 40-outlet brief: 40 figure versions, 43 relay nodes
//                     (collapsed to 30), 40 document dates, 8 timeline entries
//   BM_Figures, BM_RelayGraph, BM_Timeline (/3, /40): each picture alone
// Reports time per brief and output bytes/s. Run: build/bench/svg_bench
#include <benchmark/benchmark.h>

#include "report/pictures.h"
#include "svg_test_briefs.h"

namespace {

using crosscheck::reconcile::StoryBrief;
namespace report = crosscheck::report;

StoryBrief BriefFor(int64_t outlets) {
  return outlets <= 3 ? report::testing::DeathTollBrief() : report::testing::ManyOutletsBrief(outlets);
}

void BM_Pictures(benchmark::State& state) {
  StoryBrief brief = BriefFor(state.range(0));
  size_t bytes = 0;
  for (auto _ : state) {
    std::string a = report::FiguresSvg(brief), b = report::RelayGraphSvg(brief);
    std::string c = report::TimelineSvg(brief), d = report::FiguresTable(brief);
    bytes += a.size() + b.size() + c.size() + d.size();
    benchmark::DoNotOptimize(a.data());
    benchmark::DoNotOptimize(b.data());
    benchmark::DoNotOptimize(c.data());
    benchmark::DoNotOptimize(d.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetLabel("all three pictures + table");
}
BENCHMARK(BM_Pictures)->Arg(3)->Arg(40)->Unit(benchmark::kMicrosecond);

template <std::string (*Draw)(const StoryBrief&, const report::PictureOptions&)>
void BM_One(benchmark::State& state) {
  StoryBrief brief = BriefFor(state.range(0));
  for (auto _ : state) {
    std::string s = Draw(brief, {});
    benchmark::DoNotOptimize(s.data());
  }
}
BENCHMARK(BM_One<report::FiguresSvg>)->Name("BM_Figures")->Arg(3)->Arg(40)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_One<report::RelayGraphSvg>)->Name("BM_RelayGraph")->Arg(3)->Arg(40)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_One<report::TimelineSvg>)->Name("BM_Timeline")->Arg(3)->Arg(40)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
