// Extraction throughput, stage by stage, and how it scales with the number
// of rules.
//
// The corpus (default 20 MB, CROSSCHECK_BENCH_MB to change) is generated
// once with the make_corpus mix and ingested outside the timed loops.
//
//   BM_Segment            Documents -> segments, sentences, boilerplate
//   BM_Prefilter          RuleSet::Candidates alone on every body sentence
//   BM_FindMentions/G     the rule engine on body segments (RE2::Set
//                         prefilter, capture matching, normalization, dates),
//                         G documents matched at a time (MatchDocuments):
//                         /1 one by one, /32 as the pipeline does
//   BM_ExtractDocuments   pipeline::ExtractDocuments on one thread:
//                         segment, mentions, reference dates, claims,
//                         document flags (no reading, no JSON)
//   BM_RulesScaling/N     FindMentions with the shipped packs loaded N times
//                         (copies under renamed ids): N = 4 should cost less
//                         than 1.5x N = 1. Exact copies are recognized as
//                         duplicates and not run (rules.cc, Finalize)
//   BM_RulesScalingOther/N  N - 1 copies whose literal words are rotated
//                         (RotateWords): N times as many rules of the same
//                         shape that are about other words, the usual case
//                         of adding packs; N = 4 must cost < 1.5x N = 1
//   BM_RulesScalingDistinct/N   each copy's patterns rewritten into an
//                         equivalent but different text: the worst case, N
//                         times as many rules that all match everywhere
//
//   cmake --build /tmp/build-rel --target extract_bench
//   CROSSCHECK_BENCH_MB=5 /tmp/build-rel/extract_bench
//
// MB/s counts the documents' original bytes (as `extract --stats` does).
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "bench/bench_corpus.h"
#include "benchmark/benchmark.h"
#include "checker/extract/extractor.h"
#include "checker/extract/rules.h"
#include "checker/ingest/ingest.h"
#include "checker/pipeline/pipeline.h"
#include "checker/segment/segment.h"
#include "nlohmann/json.hpp"

namespace crosscheck {
namespace {

constexpr double kDefaultMb = 20;

// Everything the benchmarks share, built once.
struct Fixture {
  std::vector<Document> docs;
  std::vector<SegmentedDocument> segmented;
  uint64_t bytes = 0;
  std::unique_ptr<segment::BoilerplateRules> boilerplate;
  std::string rules_dir;
  std::string error;
};

const Fixture& Shared() {
  static const Fixture* f = [] {
    auto* fx = new Fixture();
    fx->rules_dir = pipeline::FindShippedRulesDir();
    if (fx->rules_dir.empty()) {
      fx->error = "cannot find the shipped rules (set CROSSCHECK_RULES)";
      return fx;
    }
    auto bp =
        segment::BoilerplateRules::Load(fx->rules_dir + "/boilerplate.json");
    if (!bp.ok()) {
      fx->error = std::string(bp.status().message());
      return fx;
    }
    fx->boilerplate =
        std::make_unique<segment::BoilerplateRules>(std::move(*bp));
    const bench::BenchCorpus& corpus = bench::SharedCorpus(kDefaultMb);
    std::vector<Diagnostic> diags;
    for (const bench::BenchFile& file : corpus.files) {
      for (Document& d : ingest::ParseDocuments(file.path, file.bytes,
                                                file.format, {}, &diags)) {
        fx->bytes += d.original.size();
        fx->docs.push_back(std::move(d));
      }
    }
    fx->segmented.reserve(fx->docs.size());
    for (const Document& d : fx->docs) {
      fx->segmented.push_back(segment::SegmentDocument(d, *fx->boilerplate));
    }
    segment::MarkCorpusBoilerplate(absl::MakeSpan(fx->segmented));
    for (size_t i = 0; i < fx->docs.size(); ++i) {
      fx->segmented[i].doc = &fx->docs[i];
    }
    return fx;
  }();
  return *f;
}

ReferenceDate ReferenceOf(const Document& d) {
  if (d.reference_date.day) return d.reference_date;
  ReferenceDate r;
  r.day = absl::CivilDay(2026, 1, 15);
  r.provenance = "override";
  return r;
}

void BM_Segment(benchmark::State& state) {
  const Fixture& fx = Shared();
  if (!fx.error.empty()) {
    state.SkipWithError(fx.error.c_str());
    return;
  }
  for (auto _ : state) {
    for (const Document& d : fx.docs) {
      SegmentedDocument sd = segment::SegmentDocument(d, *fx.boilerplate);
      benchmark::DoNotOptimize(sd.segments.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(fx.bytes) * state.iterations());
}

// The mentions of every document with `rules`, matched `group` documents
// at a time (Extractor::MatchDocuments) as the pipeline does.
void RunFindMentions(benchmark::State& state, const extract::RuleSet& rules,
                     size_t group = 32) {
  const Fixture& fx = Shared();
  extract::Extractor ex(&rules);
  int64_t mentions = 0;
  for (auto _ : state) {
    mentions = 0;
    for (size_t b = 0; b < fx.segmented.size(); b += group) {
      const size_t e = std::min(fx.segmented.size(), b + group);
      std::vector<const SegmentedDocument*> docs;
      for (size_t i = b; i < e; ++i) docs.push_back(&fx.segmented[i]);
      std::vector<extract::DocumentHits> hits = ex.MatchDocuments(docs);
      for (size_t i = b; i < e; ++i) {
        std::vector<Mention> ms = ex.MentionsFrom(
            fx.segmented[i], std::move(hits[i - b]), ReferenceOf(fx.docs[i]));
        mentions += static_cast<int64_t>(ms.size());
        benchmark::DoNotOptimize(ms.data());
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(fx.bytes) * state.iterations());
  state.counters["mentions"] = static_cast<double>(mentions);
  state.counters["rules"] = static_cast<double>(rules.rules().size());
}

void BM_FindMentions(benchmark::State& state) {
  const Fixture& fx = Shared();
  if (!fx.error.empty()) {
    state.SkipWithError(fx.error.c_str());
    return;
  }
  std::vector<extract::RuleProblem> problems;
  extract::RuleSet rules =
      extract::RuleSet::LoadDirs({fx.rules_dir}, {}, &problems);
  RunFindMentions(state, rules, static_cast<size_t>(state.range(0)));
}

void BM_ExtractDocuments(benchmark::State& state) {
  const Fixture& fx = Shared();
  if (!fx.error.empty()) {
    state.SkipWithError(fx.error.c_str());
    return;
  }
  pipeline::PipelineOptions options;
  options.threads = 1;
  std::vector<Diagnostic> diags;
  auto engine = pipeline::Engine::Load(options, &diags);
  if (!engine.ok()) {
    state.SkipWithError(std::string(engine.status().message()).c_str());
    return;
  }
  int64_t claims = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = fx.docs;
    state.ResumeTiming();
    pipeline::Extraction ex =
        pipeline::ExtractDocuments(**engine, std::move(docs), {});
    claims = static_cast<int64_t>(ex.claims.size());
    benchmark::DoNotOptimize(ex.claims.data());
    state.PauseTiming();
    ex = pipeline::Extraction();  // freeing is not extraction
    state.ResumeTiming();
  }
  state.SetBytesProcessed(static_cast<int64_t>(fx.bytes) * state.iterations());
  state.counters["claims"] = static_cast<double>(claims);
}

// A rules directory holding the shipped extraction packs `copies` times:
// copy k > 0 of a pack is "<family>-copy<k>.json" with every rule id
// suffixed "-copy<k>". With `distinct`, copy k's patterns are also wrapped
// in k non-capturing groups: the same language, but not the same text, so
// the engine cannot tell the copies are duplicates and runs each one.
// Copy k of a pattern for the "other rules" mode: every literal word of 4+
// letters (outside escapes, classes and group names) has its letters
// rotated by k, so the copy has the same shape and cost as the original but
// is about other words and rarely matches: what adding packs for other
// phrasings or languages looks like.
std::string RotateWords(const std::string& pattern, int k) {
  std::string out;
  size_t i = 0;
  int depth = 0;  // inside [...]
  while (i < pattern.size()) {
    char c = pattern[i];
    if (c == '\\') {
      size_t end = i + 2;
      if (i + 1 < pattern.size() &&
          (pattern[i + 1] == 'p' || pattern[i + 1] == 'P') &&
          i + 2 < pattern.size() && pattern[i + 2] == '{') {
        end = pattern.find('}', i);
        end = end == std::string::npos ? pattern.size() : end + 1;
      }
      out += pattern.substr(i, end - i);
      i = end;
      continue;
    }
    if (c == '[') ++depth;
    if (c == ']' && depth > 0) --depth;
    if (c == '(' && pattern.compare(i, 4, "(?P<") == 0) {
      size_t end = pattern.find('>', i);
      end = end == std::string::npos ? pattern.size() : end + 1;
      out += pattern.substr(i, end - i);
      i = end;
      continue;
    }
    size_t j = i;
    while (j < pattern.size() && pattern[j] >= 'a' && pattern[j] <= 'z') ++j;
    if (depth == 0 && j - i >= 4) {
      for (size_t x = i; x < j; ++x) {
        out += static_cast<char>('a' + (pattern[x] - 'a' + k) % 26);
      }
      i = j;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

enum class Copies { kExact, kEquivalent, kOther };

std::string ScaledRulesDir(const std::string& shipped, int copies,
                           Copies mode) {
  namespace fs = std::filesystem;
  std::string tmpl =
      (fs::temp_directory_path() / "crosscheck-rules-XXXXXX").string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) return "";
  std::string dir = buf.data();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(shipped, ec)) {
    const fs::path& p = entry.path();
    std::string name = p.filename().string();
    if (p.extension() != ".json" || name == "boilerplate.json" ||
        name == "judge.json" || name == "lexicon.json") {
      continue;
    }
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    nlohmann::json pack = nlohmann::json::parse(ss.str(), nullptr, false);
    if (pack.is_discarded() || !pack.is_object() || !pack.contains("rules") ||
        !pack["rules"].is_array()) {
      continue;
    }
    for (int k = 0; k < copies; ++k) {
      nlohmann::json copy = pack;
      if (k > 0) {
        for (auto& rule : copy["rules"]) {
          if (rule.is_object() && rule.contains("id") &&
              rule["id"].is_string()) {
            rule["id"] =
                absl::StrCat(rule["id"].get<std::string>(), "-copy", k);
          }
          if (mode != Copies::kExact && rule.is_object() &&
              rule.contains("patterns") && rule["patterns"].is_array()) {
            for (auto& pattern : rule["patterns"]) {
              if (!pattern.is_string()) continue;
              std::string text = pattern.get<std::string>();
              if (mode == Copies::kOther) {
                text = RotateWords(text, k);
              } else {
                for (int w = 0; w < k; ++w) {
                  text = absl::StrCat("(?:", text, ")");
                }
              }
              pattern = text;
            }
          }
        }
      }
      std::string out_name =
          k == 0 ? name : absl::StrCat(p.stem().string(), "-copy", k, ".json");
      std::ofstream(fs::path(dir) / out_name, std::ios::binary) << copy.dump(2);
    }
  }
  return dir;
}

// The prefilter alone: RuleSet::Candidates over every body sentence, the
// floor under FindMentions; /N with N - 1 copies of the other-words kind.
void BM_Prefilter(benchmark::State& state) {
  const Fixture& fx = Shared();
  if (!fx.error.empty()) {
    state.SkipWithError(fx.error.c_str());
    return;
  }
  std::string dir = ScaledRulesDir(
      fx.rules_dir, static_cast<int>(state.range(0)), Copies::kOther);
  std::vector<extract::RuleProblem> problems;
  extract::RuleSet rules = extract::RuleSet::LoadDirs({dir}, {}, &problems);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  int64_t hits = 0;
  for (auto _ : state) {
    hits = 0;
    for (const SegmentedDocument& sd : fx.segmented) {
      for (const Segment& seg : sd.segments) {
        if (seg.boilerplate) continue;
        absl::string_view text = seg.text.text();
        for (const Sentence& s : seg.sentences) {
          if (s.end > text.size() || s.begin >= s.end) continue;
          hits += static_cast<int64_t>(
              rules.Candidates(text.substr(s.begin, s.end - s.begin)).size());
        }
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(fx.bytes) * state.iterations());
  state.counters["hits"] = static_cast<double>(hits);
}

void RulesScaling(benchmark::State& state, Copies mode) {
  const Fixture& fx = Shared();
  if (!fx.error.empty()) {
    state.SkipWithError(fx.error.c_str());
    return;
  }
  const int copies = static_cast<int>(state.range(0));
  std::string dir = ScaledRulesDir(fx.rules_dir, copies, mode);
  if (dir.empty()) {
    state.SkipWithError("cannot create a temporary rules directory");
    return;
  }
  std::vector<extract::RuleProblem> problems;
  extract::RuleSet rules = extract::RuleSet::LoadDirs({dir}, {}, &problems);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  if (!problems.empty()) {
    state.SkipWithError(problems.front().ToString().c_str());
    return;
  }
  RunFindMentions(state, rules);
}

void BM_RulesScaling(benchmark::State& state) {
  RulesScaling(state, Copies::kExact);
}
void BM_RulesScalingDistinct(benchmark::State& state) {
  RulesScaling(state, Copies::kEquivalent);
}
void BM_RulesScalingOther(benchmark::State& state) {
  RulesScaling(state, Copies::kOther);
}

// Single-threaded: CPU time is the measure (the machine may be shared).
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Prefilter)->Arg(1)->Arg(4)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FindMentions)->Arg(1)->Arg(32)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractDocuments)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RulesScaling)->Arg(1)->Arg(4)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RulesScalingOther)->Arg(1)->Arg(4)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RulesScalingDistinct)
    ->Arg(1)
    ->Arg(4)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crosscheck

BENCHMARK_MAIN();
