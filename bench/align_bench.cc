// Alignment + judgment throughput on synthetic claims.
//
// 1,000,000 claims from 10,000 documents (100 each): subjects drawn from a
// Zipf distribution over 50,000 heads with 0-3 modifiers; 70% figures (each
// head has a usual measure and unit, 10% of claims deviate; 80% state the
// subject's "true" value), 10% dates, 10% event dates, 10% statuses;
// explicit (30%) and reference-date scopes over two years; 5% AI-generated
// and 2% syndicated documents. Claims carry what extraction gives them:
// quotes ("4,800 workers", "$310 million"), subject texts and keys, rule
// ids, and a 100-200 byte sentence shared by the 1-3 claims it holds.
// Claims are generated once per size outside the timed loop; the RSS
// counter includes them, as it would in `crosscheck align`.
//
//   cmake -S . -B /tmp/build-rel -DCMAKE_BUILD_TYPE=Release
//   cmake --build /tmp/build-rel --target align_bench
//   /tmp/build-rel/align_bench
//
// Reports max RSS and minor page faults per iteration (getrusage) as
// counters; BM_JudgeAll includes alignment (JudgeAll aligns internally)
// and reports the time to free its result apart (free_ms).
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "benchmark/benchmark.h"
#include "checker/align/align.h"
#include "checker/judge/judge.h"

namespace crosscheck {
namespace {

constexpr int kHeads = 50000;
constexpr int kModifiers = 400;
constexpr int kClaimsPerDoc = 100;

struct Corpus {
  std::vector<Claim> claims;
  std::vector<DocumentInfo> docs;
  double rss_MiB = 0;  // resident set right after generating it
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

// Pronounceable made-up words: word(i) is fixed for i, so heads and
// modifiers read as words in subjects and sentences.
std::string Word(int i) {
  static constexpr const char* kSyllables[] = {
      "ka", "lo",  "mi", "ten", "ra", "vos", "de",  "pin", "sul", "ber",
      "na", "tor", "fi", "gal", "mo", "ret", "shi", "val", "co",  "dun"};
  std::string w;
  int n = i;
  do {
    w += kSyllables[n % 20];
    n /= 20;
  } while (n > 0);
  if (w.size() < 4) w += "nel";
  return w;
}

DateValue Range(absl::CivilDay b, absl::CivilDay e, Granularity g) {
  DateValue d;
  d.begin = b;
  d.end = e;
  d.granularity = g;
  d.iso = absl::StrFormat("%04d-%02d-%02d", b.year(), b.month(), b.day());
  return d;
}

// "4,800" style digits.
std::string Grouped(int64_t v) {
  std::string digits = absl::StrCat(v), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Claims are generated document by document, as extraction emits them: a
// document states 100 claims in sentences of 1-3 claims each (real articles
// average about 1.3 claims per claim-bearing sentence), and each sentence is
// 100-200 bytes of filler words ending in its first claim's quote.
Corpus Generate(int n_claims) {
  Corpus c;
  const int n_docs = std::max(1, n_claims / kClaimsPerDoc);
  std::mt19937_64 rng(42);
  auto uni = [&rng](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  const absl::CivilDay epoch(2024, 1, 1);
  for (int d = 0; d < n_docs; ++d) {
    DocumentInfo info;
    info.id = absl::StrFormat("doc%05d", d);
    info.path = absl::StrCat("corpus/", d % 100, "/", info.id, ".txt");
    info.title = absl::StrCat(Word(d % 997), " ", Word(d % 89), " report");
    info.source = absl::StrCat("src", d % 700);
    info.format = "txt";
    info.reference_date.day = epoch + uni(0, 730);
    info.reference_date.provenance = "metadata:published";
    info.reference_date.confidence = 0.9;
    info.ai_generated = uni(0, 99) < 5;
    if (d % 50 == 1) info.syndication_key = absl::StrFormat("doc%05d", d - 1);
    c.docs.push_back(std::move(info));
  }
  const Zipf zipf(kHeads, 1.0);
  const Zipf mod_zipf(kModifiers, 1.1);
  const Zipf filler(2000, 1.0);
  c.claims.reserve(n_claims);
  int claims_left_in_sentence = 0;
  int sentence_index = 0;
  std::string text;
  SharedString sentence;
  uint32_t offset = 0;
  int line = 1;
  for (int i = 0; i < n_claims; ++i) {
    const int d = std::min(i / kClaimsPerDoc, n_docs - 1);
    const DocumentInfo& doc = c.docs[d];
    if (i % kClaimsPerDoc == 0) {
      offset = 0;
      line = 1;
      sentence_index = 0;
      claims_left_in_sentence = 0;
    }
    Claim cl;
    cl.doc_id = doc.id;
    cl.id = absl::StrCat(doc.id, "#", i % kClaimsPerDoc + 1);
    const int head = zipf(rng);
    cl.subject.head = Word(head);
    const int n_mod = uni(0, 3);
    for (int m = 0; m < n_mod; ++m) {
      cl.subject.modifiers.push_back(Word(mod_zipf(rng)));
    }
    std::sort(cl.subject.modifiers.begin(), cl.subject.modifiers.end());
    cl.subject.modifiers.erase(
        std::unique(cl.subject.modifiers.begin(), cl.subject.modifiers.end()),
        cl.subject.modifiers.end());
    cl.subject.text = absl::StrCat(absl::StrJoin(cl.subject.modifiers, " "),
                                   cl.subject.modifiers.empty() ? "" : " ",
                                   cl.subject.head, "s");
    cl.subject.key = absl::StrCat(cl.subject.head, "|",
                                  absl::StrJoin(cl.subject.modifiers, ","));
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
        cl.mention.rule_id = "quantity.counted-noun";
        a.dimension = "count";
        a.unit = "worker";
        cl.measure = Measure::kCount;
        cl.quote = absl::StrCat(Grouped(static_cast<int64_t>(v)), " workers");
      } else if (u < 7) {
        cl.mention.kind = MentionKind::kMoney;
        cl.mention.rule_id = "money.currency-amount";
        a.dimension = "currency";
        a.unit = uni(0, 3) ? "USD" : "EUR";
        a.value = a.low = a.high = v * 1e6;
        cl.measure = Measure::kLevel;
        cl.quote = absl::StrCat(a.unit == "USD" ? "$" : "EUR ",
                                Grouped(static_cast<int64_t>(v)), " million");
      } else {
        cl.mention.kind = MentionKind::kPercent;
        cl.mention.rule_id = "percent.number-percent";
        a.dimension = "percent";
        a.unit = "%";
        a.value = a.low = a.high = std::fmod(v, 90) / 100;
        cl.measure = u == 7 ? Measure::kChange
                            : (u == 8 ? Measure::kShare : Measure::kLevel);
        cl.quote = absl::StrCat(std::fmod(v, 90), "%");
      }
      if (uni(0, 9) == 0) {
        a.qualifier = "about";
        cl.quote = absl::StrCat("about ", cl.quote);
      }
      if (uni(0, 9) < 3) {
        const int y = 2022 + uni(0, 4);
        cl.scope.period = Range(absl::CivilDay(y, 1, 1),
                                absl::CivilDay(y, 12, 31), Granularity::kYear);
        cl.scope.period.iso = absl::StrCat(y);
        cl.scope.source = "explicit";
      } else {
        cl.scope.period = Range(*doc.reference_date.day,
                                *doc.reference_date.day, Granularity::kDay);
        cl.scope.source = "reference-date";
      }
    } else if (kind < 80) {  // dates inside documents
      cl.mention.kind = MentionKind::kDate;
      cl.mention.rule_id = "date.quarter-year";
      const absl::CivilDay day = epoch + uni(-400, 1200);
      cl.mention.date = Range(day, day + 90, Granularity::kQuarter);
      cl.modality = uni(0, 1) ? Modality::kFuture : Modality::kPast;
      cl.quote = absl::StrCat("Q", (day.month() - 1) / 3 + 1, " ", day.year());
    } else if (kind < 90) {  // event dates
      cl.mention.kind = MentionKind::kDate;
      cl.mention.rule_id = "date.day-month";
      cl.measure = Measure::kEventDate;
      const int ev = head % 2000;
      cl.event = Word(5000 + ev);
      const absl::CivilDay day = epoch + (ev * 7) % 700 + uni(0, 2);
      cl.mention.date = Range(day, day, Granularity::kDay);
      cl.mention.date->relative = uni(0, 1);
      cl.quote = absl::StrFormat("%d %s", day.day(), Word(day.month()));
    } else {  // statuses
      cl.mention.kind = MentionKind::kStatus;
      cl.measure = Measure::kStatus;
      const int g = head % 500;
      cl.mention.group = absl::StrCat("group-", Word(9000 + g));
      cl.mention.label = Word(20000 + g * 3 + (uni(0, 9) < 8 ? 0 : uni(1, 2)));
      cl.mention.rule_id = absl::StrCat("status.", cl.mention.label);
      cl.quote = cl.mention.label;
    }
    if (uni(0, 9) == 0)
      cl.speaker = absl::StrCat(Word(30000 + d % 300), " said");
    cl.mention.text = cl.quote;
    // A new sentence every 1-3 claims: the claims of one sentence share its
    // text, which quotes each of them.
    if (claims_left_in_sentence == 0) {
      claims_left_in_sentence = 1 + (uni(0, 9) < 5 ? 0 : uni(1, 2));
      text.clear();
      const size_t target = static_cast<size_t>(uni(100, 200));
      while (text.size() < target) {
        absl::StrAppend(&text, text.empty() ? "" : " ", Word(filler(rng)));
      }
      absl::StrAppend(&text, " ", cl.quote, ".");
      sentence = text;
      ++sentence_index;
      offset += 40;
      line += 1;
    }
    --claims_left_in_sentence;
    cl.sentence = sentence;
    cl.mention.sentence = sentence_index;
    cl.mention.span =
        Span{offset, offset + static_cast<uint32_t>(cl.quote.size())};
    offset += 40;
    cl.position = Position{line, static_cast<int>(offset % 120) + 1};
    c.claims.push_back(std::move(cl));
  }
  return c;
}

// Current resident set (not the peak), from /proc/self/statm.
double RssMiB() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return static_cast<double>(resident) * sysconf(_SC_PAGESIZE) / (1 << 20);
}

const Corpus& CorpusOf(int n) {
  static std::map<int, Corpus>* cache = new std::map<int, Corpus>;
  auto it = cache->find(n);
  if (it == cache->end()) {
    cache->clear();  // keep one corpus in memory at a time
    it = cache->emplace(n, Generate(n)).first;
    it->second.rss_MiB = RssMiB();
  }
  return it->second;
}

double MaxRssMiB() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

// Minor page faults so far: each first touch of a fresh page is one, and on
// virtual machines they cost microseconds, so fresh memory shows up here.
long MinorFaults() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_minflt;
}

void BM_Align(benchmark::State& state) {
  const Corpus& c = CorpusOf(static_cast<int>(state.range(0)));
  size_t groups = 0;
  const long faults = MinorFaults();
  for (auto _ : state) {
    auto g = align::AlignClaims(c.claims, align::AlignOptions());
    groups = g.size();
    benchmark::DoNotOptimize(g);
  }
  state.SetComplexityN(state.range(0));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["groups"] = static_cast<double>(groups);
  state.counters["page_faults"] =
      benchmark::Counter(static_cast<double>(MinorFaults() - faults),
                         benchmark::Counter::kAvgIterations);
  state.counters["max_rss_MiB"] = MaxRssMiB();
}

void BM_JudgeAll(benchmark::State& state) {
  const Corpus& c = CorpusOf(static_cast<int>(state.range(0)));
  const judge::JudgeConfig config = judge::JudgeConfig::Defaults();
  size_t findings = 0, evidence = 0;
  std::map<std::string, int> kinds;
  const long faults = MinorFaults();
  double free_s = 0;
  for (auto _ : state) {
    auto f = judge::JudgeAll(c.claims, c.docs, config);
    benchmark::DoNotOptimize(f);
    // Timed: aligning and judging, up to the sorted findings. Counting
    // them is the benchmark's bookkeeping; freeing them is timed apart
    // (free_ms), as a check frees them only after writing its reports.
    state.PauseTiming();
    findings = f.size();
    kinds.clear();
    evidence = 0;
    for (const Finding& x : f) {
      ++kinds[x.kind];
      evidence += x.evidence.size();
    }
    const auto start = std::chrono::steady_clock::now();
    { auto freed = std::move(f); }
    free_s +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    state.ResumeTiming();
  }
  state.counters["free_ms"] =
      benchmark::Counter(free_s * 1e3, benchmark::Counter::kAvgIterations);
  for (const auto& [k, n] : kinds) state.counters[k] = n;
  state.SetComplexityN(state.range(0));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["evidence"] = static_cast<double>(evidence);
  state.counters["page_faults"] =
      benchmark::Counter(static_cast<double>(MinorFaults() - faults),
                         benchmark::Counter::kAvgIterations);
  state.counters["claim_bytes"] = sizeof(Claim);
  state.counters["input_rss_MiB"] = c.rss_MiB;
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
