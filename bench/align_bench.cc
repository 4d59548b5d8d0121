// Alignment + judgment throughput on synthetic claims.
//
// 1,000,000 claims from 10,000 documents: subjects drawn from a Zipf
// distribution over 50,000 heads with 0-3 modifiers; 70% figures (each head
// has a usual measure and unit, 10% of claims deviate; 80% state the
// subject's "true" value), 10% dates, 10% event dates, 10% statuses;
// explicit (30%) and reference-date scopes over two years; 5% AI-generated
// and 2% syndicated documents.
// Claims are generated once per size outside the timed loop.
//
//   cmake -S . -B /tmp/build-rel -DCMAKE_BUILD_TYPE=Release
//   cmake --build /tmp/build-rel --target align_bench
//   /tmp/build-rel/align_bench
//
// Reports max RSS (getrusage) as a counter; BM_JudgeAll includes alignment
// (JudgeAll aligns internally).
#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "benchmark/benchmark.h"
#include "checker/align/align.h"
#include "checker/judge/judge.h"

namespace crosscheck {
namespace {

constexpr int kHeads = 50000;
constexpr int kModifiers = 400;

struct Corpus {
  std::vector<Claim> claims;
  std::vector<DocumentInfo> docs;
};

class Zipf {
 public:
  Zipf(int n, double s) : cdf_(n) {
    double sum = 0;
    for (int i = 0; i < n; ++i) cdf_[i] = (sum += 1.0 / std::pow(i + 1, s));
    for (double& c : cdf_) c /= sum;
  }
  int operator()(std::mt19937_64& rng) const {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return static_cast<int>(std::lower_bound(cdf_.begin(), cdf_.end(), u) -
                            cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

DateValue Range(absl::CivilDay b, absl::CivilDay e, Granularity g) {
  DateValue d;
  d.begin = b;
  d.end = e;
  d.granularity = g;
  d.iso = absl::StrFormat("%04d-%02d-%02d", b.year(), b.month(), b.day());
  return d;
}

Corpus Generate(int n_claims) {
  Corpus c;
  const int n_docs = std::max(1, n_claims / 100);
  std::mt19937_64 rng(42);
  auto uni = [&rng](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  const absl::CivilDay epoch(2024, 1, 1);
  for (int d = 0; d < n_docs; ++d) {
    DocumentInfo info;
    info.id = absl::StrFormat("doc%05d", d);
    info.path = absl::StrCat(info.id, ".txt");
    info.source = absl::StrCat("src", d % 700);
    info.reference_date.day = epoch + uni(0, 730);
    info.reference_date.confidence = 0.9;
    info.ai_generated = uni(0, 99) < 5;
    if (d % 50 == 1) info.syndication_key = absl::StrFormat("doc%05d", d - 1);
    c.docs.push_back(std::move(info));
  }
  const Zipf zipf(kHeads, 1.0);
  const Zipf mod_zipf(kModifiers, 1.1);
  c.claims.reserve(n_claims);
  for (int i = 0; i < n_claims; ++i) {
    const int d = i % n_docs;
    const DocumentInfo& doc = c.docs[d];
    Claim cl;
    cl.doc_id = doc.id;
    cl.id = absl::StrCat(doc.id, "#", i / n_docs);
    cl.mention.span = Span{static_cast<uint32_t>(i % 5000) * 10,
                           static_cast<uint32_t>(i % 5000) * 10 + 5};
    cl.position = Position{i % 200 + 1, 1};
    const int head = zipf(rng);
    cl.subject.head = absl::StrCat("h", head);
    const int n_mod = uni(0, 3);
    for (int m = 0; m < n_mod; ++m) {
      cl.subject.modifiers.push_back(absl::StrCat("m", mod_zipf(rng)));
    }
    std::sort(cl.subject.modifiers.begin(), cl.subject.modifiers.end());
    cl.subject.modifiers.erase(
        std::unique(cl.subject.modifiers.begin(), cl.subject.modifiers.end()),
        cl.subject.modifiers.end());
    cl.subject.text = cl.subject.head;
    const int kind = uni(0, 99);
    if (kind < 70) {  // figures: a per-subject "true" value, sometimes wrong
      const double truth = 100.0 * (1 + head % 97);
      const double v = uni(0, 9) < 8 ? truth : truth * (1 + uni(1, 50) / 10.0);
      // A subject is mostly reported one way (its measure and unit follow
      // from the head); one claim in ten uses another measure or unit.
      const int u = uni(0, 9) == 0 ? uni(0, 9) : head % 10;
      Amount& a = cl.mention.amount;
      a.value = a.low = a.high = v;
      if (u < 5) {
        cl.mention.kind = MentionKind::kQuantity;
        a.dimension = "count";
        cl.measure = Measure::kCount;
      } else if (u < 7) {
        cl.mention.kind = MentionKind::kMoney;
        a.dimension = "currency";
        a.unit = uni(0, 3) ? "USD" : "EUR";
        a.value = a.low = a.high = v * 1e6;
        cl.measure = Measure::kLevel;
      } else {
        cl.mention.kind = MentionKind::kPercent;
        a.dimension = "percent";
        a.unit = "%";
        a.value = a.low = a.high = std::fmod(v, 90);
        cl.measure = u == 7 ? Measure::kChange
                            : (u == 8 ? Measure::kShare : Measure::kLevel);
      }
      if (uni(0, 9) == 0) {
        a.qualifier = "about";
      }
      cl.quote = absl::StrCat(static_cast<int64_t>(a.value));
      if (uni(0, 9) < 3) {
        const int y = 2022 + uni(0, 4);
        cl.scope.period = Range(absl::CivilDay(y, 1, 1),
                                absl::CivilDay(y, 12, 31), Granularity::kYear);
        cl.scope.source = "explicit";
      } else {
        cl.scope.period = Range(*doc.reference_date.day,
                                *doc.reference_date.day, Granularity::kDay);
        cl.scope.source = "reference-date";
      }
    } else if (kind < 80) {  // dates inside documents
      cl.mention.kind = MentionKind::kDate;
      const absl::CivilDay day = epoch + uni(-400, 1200);
      cl.mention.date = Range(day, day + 90, Granularity::kQuarter);
      cl.modality = uni(0, 1) ? Modality::kFuture : Modality::kPast;
      cl.quote = cl.mention.date->iso;
    } else if (kind < 90) {  // event dates
      cl.mention.kind = MentionKind::kDate;
      cl.measure = Measure::kEventDate;
      const int ev = head % 2000;
      cl.event = absl::StrCat("event", ev);
      const absl::CivilDay day = epoch + (ev * 7) % 700 + uni(0, 2);
      cl.mention.date = Range(day, day, Granularity::kDay);
      cl.mention.date->relative = uni(0, 1);
      cl.quote = cl.mention.date->iso;
    } else {  // statuses
      cl.mention.kind = MentionKind::kStatus;
      cl.measure = Measure::kStatus;
      const int g = head % 500;
      cl.mention.group = absl::StrCat("group", g);
      cl.mention.label = absl::StrCat("label", uni(0, 9) < 8 ? 0 : uni(1, 2));
      cl.quote = cl.mention.label;
    }
    c.claims.push_back(std::move(cl));
  }
  return c;
}

const Corpus& CorpusOf(int n) {
  static std::map<int, Corpus>* cache = new std::map<int, Corpus>;
  auto it = cache->find(n);
  if (it == cache->end()) {
    cache->clear();  // keep one corpus in memory at a time
    it = cache->emplace(n, Generate(n)).first;
  }
  return it->second;
}

double MaxRssMiB() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

void BM_Align(benchmark::State& state) {
  const Corpus& c = CorpusOf(static_cast<int>(state.range(0)));
  size_t groups = 0;
  for (auto _ : state) {
    auto g = align::AlignClaims(c.claims, align::AlignOptions());
    groups = g.size();
    benchmark::DoNotOptimize(g);
  }
  state.SetComplexityN(state.range(0));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["groups"] = static_cast<double>(groups);
  state.counters["max_rss_MiB"] = MaxRssMiB();
}

void BM_JudgeAll(benchmark::State& state) {
  const Corpus& c = CorpusOf(static_cast<int>(state.range(0)));
  const judge::JudgeConfig config = judge::JudgeConfig::Defaults();
  size_t findings = 0;
  std::map<std::string, int> kinds;
  for (auto _ : state) {
    auto f = judge::JudgeAll(c.claims, c.docs, config);
    findings = f.size();
    kinds.clear();
    for (const Finding& x : f) ++kinds[x.kind];
    benchmark::DoNotOptimize(f);
  }
  for (const auto& [k, n] : kinds) state.counters[k] = n;
  state.SetComplexityN(state.range(0));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["max_rss_MiB"] = MaxRssMiB();
}

BENCHMARK(BM_Align)
    ->Arg(100000)
    ->Arg(300000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oNLogN);
BENCHMARK(BM_JudgeAll)
    ->Arg(100000)
    ->Arg(300000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oNLogN);

}  // namespace
}  // namespace crosscheck

BENCHMARK_MAIN();
