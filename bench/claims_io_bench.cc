// Throughput of the claim records of `crosscheck extract` / `align`.
//
// The corpus (default 5 MB, CROSSCHECK_BENCH_MB to change) is generated with
// the make_corpus mix and extracted once, outside the timed loops.
//
//   BM_WriteRecords/mentions:M  pipeline::WriteExtractRecords on one
//                            thread (the streaming JsonWriter), with
//                            --mentions when M is 1
//   BM_WriteRecordsViaTrees  the same records built as nlohmann::json trees
//                            and dumped (what extract used to do): the
//                            reference the writer is measured against
//   BM_ReadClaimFiles        pipeline::ReadClaimFiles on those records
//                            (without mentions), written to a temp file
//
// MB/s counts the bytes of JSON written or read; "input_MB/s" the
// documents' original bytes (as `extract --stats` does).
//
//   cmake --build /tmp/build-rel --target claims_io_bench
//   CROSSCHECK_BENCH_MB=20 /tmp/build-rel/claims_io_bench
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/bench_corpus.h"
#include "benchmark/benchmark.h"
#include "checker/core/json_codec.h"
#include "checker/ingest/ingest.h"
#include "checker/pipeline/claims_io.h"
#include "checker/pipeline/pipeline.h"
#include "nlohmann/json.hpp"

namespace crosscheck {
namespace {

constexpr double kDefaultMb = 5;

struct Fixture {
  pipeline::Extraction ex;
  uint64_t input_bytes = 0;
  std::string claims_path;  // records without mentions, for reading
  uint64_t claims_bytes = 0;
  std::string error;
};

// Counts what is written and drops it.
class CountingBuf : public std::streambuf {
 public:
  uint64_t count = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count += static_cast<uint64_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    ++count;
    return c;
  }
};

std::string g_claims_path;  // the temp file, once written

const Fixture& Shared() {
  static const Fixture* f = [] {
    auto* fx = new Fixture();
    pipeline::PipelineOptions options;
    options.threads = 1;
    std::vector<Diagnostic> diags;
    auto engine = pipeline::Engine::Load(options, &diags);
    if (!engine.ok()) {
      fx->error = std::string(engine.status().message());
      return fx;
    }
    std::vector<Document> docs;
    for (const bench::BenchFile& file : bench::SharedCorpus(kDefaultMb).files) {
      for (Document& d : ingest::ParseDocuments(file.path, file.bytes,
                                                file.format, {}, &diags)) {
        fx->input_bytes += d.original.size();
        docs.push_back(std::move(d));
      }
    }
    fx->ex = pipeline::ExtractDocuments(**engine, std::move(docs), {});
    fx->claims_path =
        absl::StrCat("/tmp/crosscheck_claims_io_bench_", getpid(), ".jsonl");
    std::ofstream out(fx->claims_path, std::ios::binary);
    pipeline::WriteExtractRecords(fx->ex, false, 1, out);
    fx->claims_bytes = static_cast<uint64_t>(out.tellp());
    g_claims_path = fx->claims_path;  // removed at exit
    return fx;
  }();
  return *f;
}

void BM_WriteRecords(benchmark::State& state) {
  const Fixture& fx = Shared();
  if (!fx.error.empty()) return state.SkipWithError(fx.error.c_str());
  uint64_t bytes = 0;
  for (auto _ : state) {
    CountingBuf buf;
    std::ostream out(&buf);
    pipeline::WriteExtractRecords(fx.ex, state.range(0) != 0, 1, out);
    bytes = buf.count;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["input_MB/s"] = benchmark::Counter(
      static_cast<double>(fx.input_bytes) / 1e6 * state.iterations(),
      benchmark::Counter::kIsRate);
}

void BM_WriteRecordsViaTrees(benchmark::State& state) {
  using nlohmann::json;
  const Fixture& fx = Shared();
  if (!fx.error.empty()) return state.SkipWithError(fx.error.c_str());
  auto dump = [](const json& j, std::string* out) {
    *out += j.dump(-1, ' ', false, json::error_handler_t::replace);
    *out += '\n';
  };
  uint64_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    size_t c = 0;
    for (size_t d = 0; d < fx.ex.documents.size(); ++d) {
      const DocumentResult& dr = fx.ex.documents[d];
      std::string out;
      dump(
          json{{"type", "document"}, {"document", DocumentInfoToJson(dr.info)}},
          &out);
      for (const Mention& m : fx.ex.mentions[d]) {
        if (state.range(0) == 0) break;
        json j = MentionToJson(m);
        j["type"] = "mention";
        j["doc_id"] = dr.doc.id;
        dump(j, &out);
      }
      DocumentInfo slim = dr.info;
      slim.minhash.clear();
      for (; c < fx.ex.claims.size() && fx.ex.claims[c].doc_id == dr.doc.id;
           ++c) {
        json j = ClaimToJson(fx.ex.claims[c], slim);
        j["type"] = "claim";
        dump(j, &out);
      }
      bytes += out.size();
      benchmark::DoNotOptimize(out.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["input_MB/s"] = benchmark::Counter(
      static_cast<double>(fx.input_bytes) / 1e6 * state.iterations(),
      benchmark::Counter::kIsRate);
}

void BM_ReadClaimFiles(benchmark::State& state) {
  const Fixture& fx = Shared();
  if (!fx.error.empty()) return state.SkipWithError(fx.error.c_str());
  size_t claims = 0;
  for (auto _ : state) {
    pipeline::ClaimsInput in = pipeline::ReadClaimFiles({fx.claims_path});
    claims = in.claims.size();
    if (!in.diagnostics.empty()) {
      return state.SkipWithError(in.diagnostics[0].message.c_str());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(fx.claims_bytes) *
                          state.iterations());
  state.counters["claims"] = static_cast<double>(claims);
}

BENCHMARK(BM_WriteRecords)
    ->ArgName("mentions")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_WriteRecordsViaTrees)
    ->ArgName("mentions")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_ReadClaimFiles)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace crosscheck

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (!crosscheck::g_claims_path.empty()) {
    std::remove(crosscheck::g_claims_path.c_str());
  }
  return 0;
}
