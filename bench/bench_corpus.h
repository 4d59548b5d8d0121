// Generated corpora held in memory for the throughput benchmarks.
//
// The benchmarks time one stage on a corpus built once per process by
// CorpusGenerator (bench/corpus_generator.h) with the same file mix as
// make_corpus (txt, html, jsonl). Sizes default per benchmark and can be
// lowered (or raised) for quick runs:
//
//   CROSSCHECK_BENCH_MB=10 build/ingest_bench     # 10 MB instead of 100
//
//   const BenchCorpus& c = SharedCorpus(/*default_mb=*/100);
//   for (const BenchFile& f : c.files) ParseDocuments(f.path, f.bytes, ...);
#ifndef CROSSCHECK_BENCH_BENCH_CORPUS_H_
#define CROSSCHECK_BENCH_BENCH_CORPUS_H_

#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "bench/corpus_generator.h"

namespace crosscheck::bench {

struct BenchFile {
  std::string path;    // a name with the format's extension
  std::string format;  // "txt", "html", "jsonl"
  std::string bytes;
};

struct BenchCorpus {
  std::vector<BenchFile> files;
  uint64_t total_bytes = 0;
};

// Megabytes to generate: CROSSCHECK_BENCH_MB when set and valid, else
// `default_mb`.
inline double BenchMegabytes(double default_mb) {
  double mb = 0;
  if (const char* env = std::getenv("CROSSCHECK_BENCH_MB");
      env != nullptr && absl::SimpleAtod(env, &mb) && mb > 0) {
    return mb;
  }
  return default_mb;
}

// The same mix and seed as make_corpus: nine in ten files are text, one in
// ten HTML, one in ten a JSONL file of 20 records.
inline BenchCorpus MakeBenchCorpus(double mb, uint64_t seed = 1) {
  BenchCorpus c;
  CorpusGenerator gen(seed);
  const uint64_t target = static_cast<uint64_t>(mb * 1e6);
  for (int i = 0; c.total_bytes < target; ++i) {
    BenchFile f;
    if (i % 10 == 7) {
      f.format = "html";
      f.bytes = gen.HtmlArticle(6000);
    } else if (i % 10 == 9) {
      f.format = "jsonl";
      for (int r = 0; r < 20; ++r) {
        f.bytes += gen.JsonlRecord(absl::StrFormat("a%06d-%02d", i, r), 5000);
      }
    } else {
      f.format = "txt";
      f.bytes = gen.Article(6000);
    }
    f.path = absl::StrFormat("bench/a%06d.%s", i, f.format);
    c.total_bytes += f.bytes.size();
    c.files.push_back(std::move(f));
  }
  return c;
}

// One corpus per size for the whole process (generation is not timed and
// not repeated per benchmark).
inline const BenchCorpus& SharedCorpus(double default_mb) {
  static std::mutex mu;
  static std::map<double, std::unique_ptr<BenchCorpus>>* cache =
      new std::map<double, std::unique_ptr<BenchCorpus>>();
  const double mb = BenchMegabytes(default_mb);
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = (*cache)[mb];
  if (slot == nullptr) {
    slot = std::make_unique<BenchCorpus>(MakeBenchCorpus(mb));
  }
  return *slot;
}

}  // namespace crosscheck::bench

#endif  // CROSSCHECK_BENCH_BENCH_CORPUS_H_
