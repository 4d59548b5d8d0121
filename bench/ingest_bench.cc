// Ingest throughput: bytes -> Documents (format reading, UTF-8 checks,
// normalization with its offset map, metadata, datelines).
//
// The corpus (default 100 MB, CROSSCHECK_BENCH_MB to change) is generated
// once in memory with the make_corpus mix; BM_IngestFiles also writes it to
// a temporary directory and reads it back through ListCorpus and
// ReadDocumentFile, as `crosscheck extract` does (page cache warm).
//
//   cmake -S . -B /tmp/build-rel -DCMAKE_BUILD_TYPE=Release
//   cmake --build /tmp/build-rel --target ingest_bench
//   CROSSCHECK_BENCH_MB=20 /tmp/build-rel/ingest_bench
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/bench_corpus.h"
#include "benchmark/benchmark.h"
#include "checker/ingest/ingest.h"

namespace crosscheck {
namespace {

constexpr double kDefaultMb = 100;

// Parses every file of the corpus whose format is `format` ("" = all).
void ParseAll(benchmark::State& state, const std::string& format) {
  const bench::BenchCorpus& corpus = bench::SharedCorpus(kDefaultMb);
  ingest::IngestOptions options;
  uint64_t bytes = 0;
  int64_t docs = 0;
  for (auto _ : state) {
    bytes = 0;
    docs = 0;
    for (const bench::BenchFile& f : corpus.files) {
      if (!format.empty() && f.format != format) continue;
      std::vector<Diagnostic> diags;
      std::vector<Document> parsed =
          ingest::ParseDocuments(f.path, f.bytes, f.format, options, &diags);
      benchmark::DoNotOptimize(parsed.data());
      docs += static_cast<int64_t>(parsed.size());
      bytes += f.bytes.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["documents"] = static_cast<double>(docs);
  state.counters["corpus_MB"] = static_cast<double>(bytes) / 1e6;
}

void BM_IngestParseAll(benchmark::State& state) { ParseAll(state, ""); }
void BM_IngestParseText(benchmark::State& state) { ParseAll(state, "txt"); }
void BM_IngestParseHtml(benchmark::State& state) { ParseAll(state, "html"); }
void BM_IngestParseJsonl(benchmark::State& state) { ParseAll(state, "jsonl"); }

// The corpus on disk in a temporary directory, removed at exit.
const std::string& CorpusDir() {
  static const std::string* dir = [] {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "crosscheck-ingest-XXXXXX")
            .string();
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    std::string* d = new std::string(mkdtemp(buf.data()) ? buf.data() : "");
    if (d->empty()) return d;
    for (const bench::BenchFile& f : bench::SharedCorpus(kDefaultMb).files) {
      std::string name =
          (std::filesystem::path(*d) / std::filesystem::path(f.path).filename())
              .string();
      std::ofstream(name, std::ios::binary) << f.bytes;
    }
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(CorpusDir(), ec);
    });
    return d;
  }();
  return *dir;
}

void BM_IngestFiles(benchmark::State& state) {
  const std::string& dir = CorpusDir();
  if (dir.empty()) {
    state.SkipWithError("cannot create a temporary directory");
    return;
  }
  ingest::IngestOptions options;
  uint64_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    std::vector<Diagnostic> diags;
    for (const std::string& file : ingest::ListCorpus({dir}, &diags)) {
      std::vector<Document> docs =
          ingest::ReadDocumentFile(file, options, &diags);
      for (const Document& d : docs) bytes += d.original.size();
      benchmark::DoNotOptimize(docs.data());
    }
  }
  // Bytes of the documents' text (JSONL counts decoded bodies), as
  // `extract --stats` counts them.
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
}

BENCHMARK(BM_IngestParseAll)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IngestParseText)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IngestParseHtml)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IngestParseJsonl)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_IngestFiles)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace crosscheck

BENCHMARK_MAIN();
