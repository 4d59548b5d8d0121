// Spilled checks (spilled_check.h): a corpus over the memory budget keeps
// its claims and findings in temporary files and is judged bucket by
// bucket. The binary records must round-trip every field, the bucketed
// findings must equal judging everything at once, byte for byte, and the
// temporary directory must go away, also when it cannot be made.
#include "checker/pipeline/spill.h"

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "bench/corpus_generator.h"
#include "checker/core/json_codec.h"
#include "checker/core/json_writer.h"
#include "checker/judge/judge.h"
#include "checker/pipeline/pipeline.h"
#include "checker/pipeline/spilled_check.h"
#include "gtest/gtest.h"
#include "reports/report.h"
#include "tests/e2e/cli_runner.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> AllFixtureCorpora() {
  std::vector<std::string> out = {SourcePath("fixtures/corpus")};
  for (const auto& e : fs::directory_iterator(SourcePath("fixtures/corpora"))) {
    if (e.is_directory()) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A generated news-like corpus of about `kb` kilobytes (many documents,
// many subject heads).
std::string GeneratedCorpus(const std::string& name, int kb) {
  const std::string dir = MakeTempDir(name);
  bench::CorpusGenerator gen(7);
  size_t written = 0;
  for (int i = 0; written < static_cast<size_t>(kb) * 1000; ++i) {
    std::string text = i % 5 == 4 ? gen.HtmlArticle(5000) : gen.Article(5000);
    WriteFile(absl::StrCat(dir, "/g", i, i % 5 == 4 ? ".html" : ".txt"), text);
    written += text.size();
  }
  return dir;
}

std::unique_ptr<pipeline::Engine> LoadEngine(uint64_t budget,
                                             const std::string& spill_dir,
                                             int threads = 2) {
  pipeline::PipelineOptions o;
  o.threads = threads;
  o.memory_budget = budget;
  o.spill_dir = spill_dir;
  o.segments = pipeline::PipelineOptions::Segments::kNone;
  std::vector<Diagnostic> diags;
  auto engine = pipeline::Engine::Load(o, &diags);
  EXPECT_TRUE(engine.ok()) << engine.status();
  return engine.ok() ? std::move(*engine) : nullptr;
}

std::string ClaimJson(const Claim& c) {
  std::string out;
  JsonWriter w(&out);
  WriteClaimJson(c, &w);
  return out;
}

TEST(SpillTest, ClaimsAndFindingsRoundTripExactly) {
  auto engine = LoadEngine(pipeline::PipelineOptions::kDefaultMemoryBudget, "");
  ASSERT_NE(engine, nullptr);
  CheckResult r = pipeline::RunCheck(*engine, AllFixtureCorpora(), {});
  ASSERT_EQ(r.store, nullptr);  // small: judged in memory
  ASSERT_GT(r.claims.size(), 100u);
  ASSERT_GT(r.findings.size(), 50u);
  pipeline::SpillCache cache;
  std::string rec, again;
  for (const Claim& c : r.claims) {
    rec.clear();
    pipeline::EncodeClaim(c, &rec);
    Claim back;
    ASSERT_TRUE(pipeline::DecodeClaim(rec, &cache, &back)) << c.id;
    again.clear();
    pipeline::EncodeClaim(back, &again);
    EXPECT_EQ(again, rec) << c.id;
    EXPECT_EQ(ClaimJson(back), ClaimJson(c));
    // Fields the JSON leaves out still come back.
    EXPECT_EQ(back.mention.local_begin, c.mention.local_begin) << c.id;
    EXPECT_EQ(back.subject.modifiers, c.subject.modifiers) << c.id;
  }
  for (const Finding& f : r.findings) {
    rec.clear();
    pipeline::EncodeFinding(f, &rec);
    Finding back;
    ASSERT_TRUE(pipeline::DecodeFinding(rec, &cache, &back)) << f.message;
    EXPECT_EQ(FindingToJson(back).dump(), FindingToJson(f).dump());
    // A cut record is refused, not read as a shorter finding.
    EXPECT_FALSE(pipeline::DecodeFinding(
        absl::string_view(rec).substr(0, rec.size() - 1), &cache, &back));
  }
}

// A checked document keeps one copy of each fact: reports read id, path
// and format from `doc`, the reference date from `info`, and title and
// source from `info` only where they differ from `doc`'s.
TEST(SpillTest, CheckedDocumentsHoldEachFactOnce) {
  auto engine = LoadEngine(pipeline::PipelineOptions::kDefaultMemoryBudget, "");
  ASSERT_NE(engine, nullptr);
  CheckResult r = pipeline::RunCheck(*engine, AllFixtureCorpora(), {});
  ASSERT_GT(r.documents.size(), 10u);
  size_t dated = 0;
  for (const DocumentResult& d : r.documents) {
    EXPECT_FALSE(d.doc.id.empty());
    EXPECT_FALSE(d.doc.path.empty());
    EXPECT_TRUE(d.info.id.empty()) << d.doc.id;
    EXPECT_TRUE(d.info.path.empty()) << d.doc.id;
    EXPECT_TRUE(d.info.format.empty()) << d.doc.id;
    EXPECT_TRUE(d.info.title.empty() || d.info.title != d.doc.title);
    EXPECT_TRUE(d.info.source.empty() || d.info.source != d.doc.source);
    EXPECT_FALSE(d.doc.reference_date.day.has_value()) << d.doc.id;
    EXPECT_TRUE(d.doc.reference_date.provenance.empty()) << d.doc.id;
    if (d.info.reference_date.day) ++dated;
  }
  EXPECT_GT(dated, r.documents.size() / 2);
}

TEST(SpillTest, DocumentInfosRoundTripExactly) {
  DocumentInfo d;
  d.id = "story-7";
  d.path = "feeds/wire.jsonl";
  d.title = "Harbour reopens";
  d.source = "Coast Daily";
  d.format = "jsonl";
  d.reference_date.day = absl::CivilDay(2024, 3, 9);
  d.reference_date.provenance = "metadata";
  d.reference_date.evidence = "2024-03-09";
  d.reference_date.confidence = 0.5;
  d.ai_generated = true;
  d.ai_evidence = "written with an assistant";
  d.ai_span_begin = 40;
  d.ai_span_end = 65;
  d.ai_line = 3;
  d.ai_column = 7;
  d.syndication_key = "dup-1";
  d.minhash = {1, 2, 3};
  std::string rec;
  pipeline::EncodeDocumentInfo(d, &rec);
  DocumentInfo back;
  back.minhash = {9};
  back.reference_date.latest = absl::CivilDay(1999, 1, 1);
  ASSERT_TRUE(pipeline::DecodeDocumentInfo(rec, &back));
  EXPECT_EQ(back.id, d.id);
  EXPECT_EQ(back.path, d.path);
  EXPECT_EQ(back.title, d.title);
  EXPECT_EQ(back.source, d.source);
  EXPECT_EQ(back.format, d.format);
  EXPECT_EQ(back.reference_date.day, d.reference_date.day);
  EXPECT_FALSE(back.reference_date.latest.has_value());
  EXPECT_EQ(back.reference_date.provenance, "metadata");
  EXPECT_EQ(back.reference_date.evidence, "2024-03-09");
  EXPECT_EQ(back.reference_date.confidence, 0.5);
  EXPECT_TRUE(back.ai_generated);
  EXPECT_EQ(back.ai_evidence, d.ai_evidence);
  EXPECT_EQ(back.ai_span_begin, 40u);
  EXPECT_EQ(back.ai_span_end, 65u);
  EXPECT_EQ(back.ai_line, 3);
  EXPECT_EQ(back.ai_column, 7);
  EXPECT_EQ(back.syndication_key, "dup-1");
  EXPECT_TRUE(back.minhash.empty());  // never written: no report shows it
  EXPECT_FALSE(pipeline::DecodeDocumentInfo(
      absl::string_view(rec).substr(0, rec.size() - 1), &back));
}

TEST(SpillTest, FixedRecordsReadBackAtAnyIndex) {
  const std::string dir = ::testing::TempDir() + "/fixed_records";
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/sigs";
  {
    pipeline::RecordWriter w;
    ASSERT_TRUE(w.Open(path, 16).ok());
    for (char c : std::string("abcde")) w.AddFixed(std::string(8, c));
    ASSERT_TRUE(w.Close().ok());
  }
  pipeline::FixedRecordReader r;
  ASSERT_TRUE(r.Open(path, 8).ok());
  char rec[8];
  for (int i : {3, 0, 4, 1}) {
    ASSERT_TRUE(r.Read(i, rec)) << r.status();
    EXPECT_EQ(std::string(rec, 8), std::string(8, "abcde"[i]));
  }
  // Past the end: an error naming the file, never a short record.
  EXPECT_FALSE(r.Read(5, rec));
  EXPECT_TRUE(absl::StrContains(r.status().message(), path));
  pipeline::FixedRecordReader missing;
  EXPECT_FALSE(missing.Open(dir + "/none", 8).ok());
  std::filesystem::remove_all(dir);
}

TEST(SpillTest, DocumentsRoundTripExactly) {
  DocumentResult d;
  d.doc.id = "story-7";
  d.doc.path = "feeds/wire.jsonl";
  d.doc.record_line = 12;
  d.doc.format = "jsonl";
  d.doc.title = "Harbour reopens";
  d.doc.source = "Coast Daily";
  d.doc.byline = "A. Writer";
  d.doc.url = "https://example.org/harbour";
  d.doc.reference_date.day = absl::CivilDay(2024, 3, 9);
  d.doc.reference_date.latest = absl::CivilDay(2024, 3, 31);
  d.doc.reference_date.provenance = "dateline";
  d.doc.reference_date.evidence = "March 9";
  d.doc.reference_date.confidence = 0.75;
  d.doc.original = "line one\nline two\n";
  d.doc.extra_json = "{\"lang\":\"en\"}";
  d.original_bytes = 19;
  std::string rec;
  pipeline::EncodeDocument(d, &rec);
  DocumentResult back;
  back.doc.reference_date.day = absl::CivilDay(1999, 1, 1);
  ASSERT_TRUE(pipeline::DecodeDocument(rec, &back));
  EXPECT_EQ(back.doc.id, d.doc.id);
  EXPECT_EQ(back.doc.path, d.doc.path);
  EXPECT_EQ(back.doc.record_line, 12);
  EXPECT_EQ(back.doc.format, d.doc.format);
  EXPECT_EQ(back.doc.title, d.doc.title);
  EXPECT_EQ(back.doc.source, d.doc.source);
  EXPECT_EQ(back.doc.byline, d.doc.byline);
  EXPECT_EQ(back.doc.url, d.doc.url);
  EXPECT_EQ(back.doc.reference_date.day, d.doc.reference_date.day);
  EXPECT_EQ(back.doc.reference_date.latest, d.doc.reference_date.latest);
  EXPECT_EQ(back.doc.reference_date.provenance, "dateline");
  EXPECT_EQ(back.doc.reference_date.evidence, "March 9");
  EXPECT_EQ(back.doc.reference_date.confidence, 0.75);
  EXPECT_EQ(back.doc.original, d.doc.original);
  EXPECT_EQ(back.doc.original_index.line_count(), 3);
  EXPECT_EQ(back.doc.extra_json, d.doc.extra_json);
  EXPECT_EQ(back.original_bytes, 19u);
  EXPECT_FALSE(pipeline::DecodeDocument(
      absl::string_view(rec).substr(0, rec.size() - 1), &back));
  d.doc.reference_date = ReferenceDate();
  rec.clear();
  pipeline::EncodeDocument(d, &rec);
  ASSERT_TRUE(pipeline::DecodeDocument(rec, &back));
  EXPECT_FALSE(back.doc.reference_date.day.has_value());
  EXPECT_FALSE(back.doc.reference_date.latest.has_value());
}

// Findings and claims of a spilled result against those of one judged in
// memory (`spill_threads` judge the spilled buckets).
void ExpectSameResult(const std::vector<std::string>& inputs,
                      uint64_t small_budget, int spill_threads = 2) {
  const std::string spill_dir = MakeTempDir("spill-parent");
  auto whole_engine = LoadEngine(uint64_t{1} << 40, spill_dir);
  auto spill_engine = LoadEngine(small_budget, spill_dir, spill_threads);
  ASSERT_NE(whole_engine, nullptr);
  ASSERT_NE(spill_engine, nullptr);
  CheckResult whole = pipeline::RunCheck(*whole_engine, inputs, {});
  {
    absl::StatusOr<CheckResult> spilled =
        pipeline::TryRunCheck(*spill_engine, inputs, {});
    ASSERT_TRUE(spilled.ok()) << spilled.status();
    ASSERT_EQ(whole.store, nullptr);
    ASSERT_NE(spilled->store, nullptr);
    // The spill lives in one directory under the parent while in use.
    EXPECT_EQ(std::distance(fs::directory_iterator(spill_dir),
                            fs::directory_iterator()),
              1);
    EXPECT_EQ(ClaimCount(*spilled), whole.claims.size());
    ASSERT_EQ(FindingCount(*spilled), whole.findings.size());
    size_t i = 0;
    spilled->store->ForEachClaimJson([&](absl::string_view json) {
      ASSERT_LT(i, whole.claims.size());
      EXPECT_EQ(json, ClaimJson(whole.claims[i])) << i;
      ++i;
    });
    EXPECT_EQ(i, whole.claims.size());
    i = 0;
    size_t differ = 0;
    spilled->store->ForEachFinding([&](const Finding& f) {
      if (i < whole.findings.size() &&
          FindingToJson(f).dump() != FindingToJson(whole.findings[i]).dump()) {
        if (++differ < 5) {
          ADD_FAILURE() << "finding " << i << " differs: " << f.message
                        << " vs " << whole.findings[i].message;
        }
      }
      ++i;
    });
    EXPECT_EQ(differ, 0u);
    EXPECT_TRUE(spilled->store->status().ok()) << spilled->store->status();
    // The documents wait in the store, not in memory, and come back the
    // same on every pass.
    EXPECT_TRUE(spilled->documents.empty());
    ASSERT_EQ(DocumentCount(*spilled), whole.documents.size());
    for (int pass = 0; pass < 2; ++pass) {
      size_t d = 0;
      ForEachDocument(*spilled, [&](const DocumentResult& a) {
        ASSERT_LT(d, whole.documents.size());
        const DocumentResult& b = whole.documents[d++];
        EXPECT_EQ(a.info.syndication_key, b.info.syndication_key);
        // Spilled documents come back with every fact the reports show.
        EXPECT_EQ(a.doc.id, b.doc.id);
        EXPECT_EQ(a.doc.path, b.doc.path);
        EXPECT_EQ(a.doc.record_line, b.doc.record_line);
        EXPECT_EQ(a.doc.format, b.doc.format);
        EXPECT_EQ(a.doc.title, b.doc.title);
        EXPECT_EQ(a.doc.source, b.doc.source);
        EXPECT_EQ(a.doc.byline, b.doc.byline);
        EXPECT_EQ(a.doc.url, b.doc.url);
        EXPECT_EQ(a.original_bytes, b.original_bytes);
        EXPECT_EQ(a.info.id, b.info.id);
        EXPECT_EQ(a.info.title, b.info.title);
        EXPECT_EQ(a.info.source, b.info.source);
        EXPECT_EQ(a.info.reference_date.day, b.info.reference_date.day);
        EXPECT_EQ(a.info.reference_date.provenance,
                  b.info.reference_date.provenance);
        EXPECT_EQ(a.info.ai_generated, b.info.ai_generated);
        EXPECT_EQ(a.info.ai_evidence, b.info.ai_evidence);
        EXPECT_EQ(a.info.ai_line, b.info.ai_line);
        EXPECT_FALSE(a.doc.reference_date.day.has_value());
        EXPECT_TRUE(a.info.minhash.empty());
      });
      EXPECT_EQ(d, whole.documents.size());
    }
    EXPECT_TRUE(spilled->store->status().ok()) << spilled->store->status();
  }
  // Gone with the result.
  EXPECT_TRUE(fs::is_empty(spill_dir));
}

TEST(SpillTest, BucketedJudgingEqualsWholeJudgingOnFixtures) {
  // One byte: every file is its own batch (and anachronism run).
  ExpectSameResult(AllFixtureCorpora(), 1);
}

TEST(SpillTest, BucketedJudgingEqualsWholeJudgingOnAGeneratedCorpus) {
  const std::string corpus = GeneratedCorpus("spill-generated", 1500);
  ExpectSameResult({corpus}, 200 << 10);
  fs::remove_all(corpus);
}

// Buckets are judged largest first and each run is written as soon as its
// bucket is judged: out of bucket order with one thread, and in no fixed
// order with several (within the budget, small buckets share the threads).
// The merged findings are the same either way.
TEST(SpillTest, BucketedJudgingIsTheSameWhateverTheThreadCount) {
  const std::string corpus = GeneratedCorpus("spill-threads", 600);
  for (int threads : {1, 5}) {
    SCOPED_TRACE(threads);
    ExpectSameResult({corpus}, 100 << 10, threads);
  }
  fs::remove_all(corpus);
}

// Findings of a ClaimSpill fed `whole`'s documents and claims as one batch
// and judged under `budget` on `threads`; its JudgeStats into `stats`.
std::vector<std::string> SpilledFindings(
    const CheckResult& whole, const judge::JudgeConfig& config, uint64_t budget,
    int threads, pipeline::ClaimSpill::JudgeStats* stats) {
  std::vector<std::string> out;
  auto spill = pipeline::ClaimSpill::Start(MakeTempDir("spill-units"), config,
                                           threads, budget);
  EXPECT_TRUE(spill.ok()) << spill.status();
  if (!spill.ok()) return out;
  std::vector<DocumentInfo> infos;
  for (const DocumentResult& d : whole.documents) {
    // The facts a checked document keeps only once (DropDuplicateFacts),
    // back in its info as the pipeline hands it to the spill.
    DocumentInfo& info = infos.emplace_back(d.info);
    info.id = d.doc.id;
    info.path = d.doc.path;
    info.format = d.doc.format;
    if (info.title.empty()) info.title = d.doc.title;
    if (info.source.empty()) info.source = d.doc.source;
  }
  (*spill)->Add(whole.documents, whole.claims);
  std::vector<DocumentResult> docs = whole.documents;
  (*spill)->AddDocuments(&docs, /*hold=*/false);
  auto store = (*spill)->Finish(&infos);
  EXPECT_TRUE(store.ok()) << store.status();
  if (!store.ok()) return out;
  (*store)->ForEachFinding(
      [&](const Finding& f) { out.push_back(FindingToJson(f).dump()); });
  EXPECT_TRUE((*store)->status().ok()) << (*store)->status();
  *stats = (*spill)->judge_stats();
  return out;
}

// A bucket file over a thread's share of the budget is re-split by its
// claims' alignment buckets, and each part judged as its own unit: the
// findings are those of the whole files, whatever the thread count. With
// a budget too small for any bucket, the parts added stay bounded.
TEST(SpillTest, ReSplitBucketsGiveTheSameFindings) {
  const std::string corpus = GeneratedCorpus("spill-resplit", 1500);
  auto engine = LoadEngine(uint64_t{1} << 40, MakeTempDir("spill-rs-parent"));
  ASSERT_NE(engine, nullptr);
  const CheckResult whole = pipeline::RunCheck(*engine, {corpus}, {});
  ASSERT_GT(whole.claims.size(), 1000u);
  const judge::JudgeConfig config = judge::JudgeConfig::Defaults();
  pipeline::ClaimSpill::JudgeStats kept;
  const std::vector<std::string> reference =
      SpilledFindings(whole, config, uint64_t{1} << 40, 2, &kept);
  EXPECT_EQ(kept.split, 0u);
  EXPECT_EQ(kept.units, kept.buckets);
  ASSERT_GT(kept.buckets, 20u);
  ASSERT_GT(reference.size(), 100u);
  // A budget whose thread share is a quarter of the largest bucket, and
  // one of a byte (every bucket over it).
  for (int threads : {1, 4}) {
    for (uint64_t budget : {kept.largest_unit_bytes / 4 * threads *
                                pipeline::ClaimSpill::kJudgeExpansion,
                            uint64_t{1}}) {
      SCOPED_TRACE(absl::StrCat(threads, " threads, budget ", budget));
      pipeline::ClaimSpill::JudgeStats split;
      const std::vector<std::string> findings =
          SpilledFindings(whole, config, budget, threads, &split);
      ASSERT_EQ(findings.size(), reference.size());
      for (size_t i = 0; i < findings.size(); ++i) {
        ASSERT_EQ(findings[i], reference[i]) << "finding " << i;
      }
      EXPECT_EQ(split.buckets, kept.buckets);
      EXPECT_GT(split.split, 0u);
      EXPECT_GT(split.units, split.buckets);
      EXPECT_LE(split.units, split.buckets + pipeline::ClaimSpill::kBuckets);
      EXPECT_LT(split.largest_unit_bytes, kept.largest_unit_bytes);
    }
  }
  fs::remove_all(corpus);
}

// Near-duplicates are found from band keys in the spill, reading back only
// the signatures of documents that share one: the same clusters and
// duplicate findings as in memory.
TEST(SpillTest, NearDuplicatesAreTheSameWhenSpilled) {
  const std::string corpus = GeneratedCorpus("spill-duplicates", 400);
  int copies = 0;
  for (const auto& e : fs::directory_iterator(corpus)) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() != ".txt" || std::hash<std::string>()(name) % 4) {
      continue;
    }
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    WriteFile(absl::StrCat(corpus, "/copy-", name),
              text.str() + "\nThis story first ran elsewhere.\n");
    ++copies;
  }
  ASSERT_GT(copies, 3);
  auto engine = LoadEngine(uint64_t{1} << 40, MakeTempDir("spill-dup-parent"));
  ASSERT_NE(engine, nullptr);
  CheckResult whole = pipeline::RunCheck(*engine, {corpus}, {});
  size_t duplicates = 0;
  for (const Finding& f : whole.findings) {
    duplicates += f.kind.str() == "duplicate";
  }
  EXPECT_GE(duplicates, static_cast<size_t>(copies));
  ExpectSameResult({corpus}, 50 << 10);
  fs::remove_all(corpus);
}

// An interrupted run removes its spill directory before it ends, and ends
// by the signal as it would have without one.
TEST(SpillTest, InterruptedRunRemovesItsSpillDir) {
  for (int sig : {SIGTERM, SIGINT}) {
    const std::string parent = MakeTempDir(absl::StrCat("spill-signal-", sig));
    EXPECT_EXIT(
        {
          auto dir = pipeline::TempDir::Create(parent);
          if (!dir.ok()) std::_Exit(3);
          for (int i = 0; i < 300; ++i) {
            pipeline::RecordWriter w;
            if (!w.Open((*dir)->File(absl::StrCat("run-", i))).ok()) {
              std::_Exit(4);
            }
            w.Add("some record");
            if (!w.Close().ok()) std::_Exit(5);
          }
          std::raise(sig);
          std::_Exit(6);  // not reached: the signal ends the process
        },
        ::testing::KilledBySignal(sig), "");
    EXPECT_TRUE(fs::is_empty(parent)) << parent;
    fs::remove_all(parent);
  }
}

TEST(SpillTest, UnwritableSpillDirStopsBeforeAnyReport) {
  const std::string out = MakeTempDir("spill-out");
  const std::string missing = out + "/no/such/dir";
  RunResult r =
      RunCli({"check", SourcePath("fixtures/corpus"), "--memory-budget", "1",
              "--spill-dir", missing, "--out", out + "/reports", "--quiet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, missing)) << r.err;
  EXPECT_FALSE(fs::exists(out + "/reports"));
  // Not needed when the corpus fits the budget.
  r = RunCli({"check", SourcePath("fixtures/corpus"), "--spill-dir", missing,
              "--out", out + "/reports", "--quiet", "--fail-on", "never"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  fs::remove_all(out);
}

// The ferry corpus checked with a 1-byte budget, so that it spills under
// `spill_dir`; `dir` is the spill's own directory.
struct SpilledFerry {
  std::unique_ptr<pipeline::Engine> engine;  // outlives the result
  absl::StatusOr<CheckResult> result;
  std::string dir;
};

void SpillFerry(const std::string& spill_dir, SpilledFerry* out) {
  out->engine = LoadEngine(1, spill_dir);
  ASSERT_NE(out->engine, nullptr);
  out->result = pipeline::TryRunCheck(
      *out->engine, {SourcePath("fixtures/corpora/ferry")}, {});
  ASSERT_TRUE(out->result.ok()) << out->result.status();
  ASSERT_NE(out->result->store, nullptr);
  out->dir = fs::directory_iterator(spill_dir)->path().string();
}

// A spill file cut short or removed between report passes: every report
// written from the store fails naming the file, and none is left in place.
TEST(SpillTest, AStoreThatFailsToReadBackWritesNoReport) {
  const std::string spill_dir = MakeTempDir("spill-broken");
  const std::string out = MakeTempDir("spill-broken-out");
  SpilledFerry spilled;
  ASSERT_NO_FATAL_FAILURE(SpillFerry(spill_dir, &spilled));
  absl::StatusOr<CheckResult>& r = spilled.result;
  ASSERT_GT(FindingCount(*r), 1u);
  const std::string& dir = spilled.dir;
  reports::RenderOptions ro;
  // Intact: written.
  ASSERT_TRUE(reports::WriteReportFile(out + "/ok.txt", "text", *r, ro).ok());
  ASSERT_TRUE(fs::exists(out + "/ok.txt"));
  // The findings file loses its last byte: the text report would miss the
  // last finding.
  const std::string findings = dir + "/findings";
  ASSERT_TRUE(fs::exists(findings));
  fs::resize_file(findings, fs::file_size(findings) - 1);
  absl::Status s = reports::WriteReportFile(out + "/cut.txt", "text", *r, ro);
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(absl::StrContains(s.message(), findings)) << s;
  EXPECT_TRUE(absl::StrContains(s.message(), out + "/cut.txt")) << s;
  EXPECT_FALSE(r->store->status().ok());
  // Nothing but the earlier report: no report, no temporary file.
  EXPECT_EQ(
      std::distance(fs::directory_iterator(out), fs::directory_iterator()), 1);
  // On a stream the bytes are gone already; the error still says so.
  std::ostringstream text;
  s = reports::WriteReport(text, "text", *r, ro);
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(absl::StrContains(s.message(), "incomplete")) << s;
  r = absl::InternalError("released");  // the store and its directory go
  fs::remove_all(out);
  fs::remove_all(spill_dir);
}

TEST(SpillTest, AMissingClaimsFileFailsTheJsonReport) {
  const std::string spill_dir = MakeTempDir("spill-missing");
  const std::string out = MakeTempDir("spill-missing-out");
  SpilledFerry spilled;
  ASSERT_NO_FATAL_FAILURE(SpillFerry(spill_dir, &spilled));
  absl::StatusOr<CheckResult>& r = spilled.result;
  const std::string& dir = spilled.dir;
  ASSERT_TRUE(fs::remove(dir + "/claims.json"));
  absl::Status s = reports::WriteReportFile(out + "/crosscheck.json", "json",
                                            *r, reports::RenderOptions());
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(absl::StrContains(s.message(), dir + "/claims.json")) << s;
  EXPECT_FALSE(fs::exists(out + "/crosscheck.json"));
  EXPECT_TRUE(fs::is_empty(out));
  r = absl::InternalError("released");
  fs::remove_all(out);
  fs::remove_all(spill_dir);
}

// Documents are read back for every report (its summary counts them): a
// document file cut short fails each format, naming the file.
TEST(SpillTest, ACutDocumentsFileFailsEveryReport) {
  const std::string spill_dir = MakeTempDir("spill-docs");
  const std::string out = MakeTempDir("spill-docs-out");
  SpilledFerry spilled;
  ASSERT_NO_FATAL_FAILURE(SpillFerry(spill_dir, &spilled));
  absl::StatusOr<CheckResult>& r = spilled.result;
  ASSERT_GT(DocumentCount(*r), 1u);
  const std::string& dir = spilled.dir;
  const std::string documents = dir + "/documents";
  ASSERT_TRUE(fs::exists(documents));
  fs::resize_file(documents, fs::file_size(documents) - 1);
  for (const char* format : {"json", "sarif", "html", "md", "text"}) {
    absl::Status s = reports::WriteReportFile(out + "/report." + format, format,
                                              *r, reports::RenderOptions());
    EXPECT_FALSE(s.ok()) << format;
    EXPECT_TRUE(absl::StrContains(s.message(), documents)) << s;
  }
  EXPECT_TRUE(fs::is_empty(out));
  r = absl::InternalError("released");
  fs::remove_all(out);
  fs::remove_all(spill_dir);
}

TEST(SpillTest, BaselinesAreTheSameWhenSpilled) {
  const std::string dir = MakeTempDir("spill-baseline");
  const std::string corpus = SourcePath("fixtures/corpora/ferry");
  RunResult a = RunCli({"baseline", corpus, "-o", dir + "/a.json", "--quiet"});
  RunResult b = RunCli({"baseline", corpus, "-o", dir + "/b.json", "--quiet",
                        "--memory-budget", "1"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  const std::string base = ReadFile(dir + "/a.json");
  ASSERT_TRUE(absl::StrContains(base, "fingerprint"));
  EXPECT_EQ(ReadFile(dir + "/b.json"), base);
  // Checking against it (plus one entry that no longer occurs) marks
  // every finding suppressed, the same way in both paths.
  std::string edited = base;
  edited.replace(edited.find("\"fingerprint\": \"") + 16, 16,
                 "0000000000000000");
  WriteFile(dir + "/base.json", edited);
  std::vector<std::string> outs;
  std::vector<int> codes;
  for (const char* budget : {"128M", "1"}) {
    const std::string out = dir + "/out-" + budget;
    RunResult r =
        RunCli({"check", corpus, "--baseline", dir + "/base.json", "--out", out,
                "--format", "json,sarif,text", "--memory-budget", budget,
                "--quiet", "--segments", "none"});
    codes.push_back(r.exit_code);
    outs.push_back(ReadFile(out + "/crosscheck.json") +
                   ReadFile(out + "/crosscheck.sarif") +
                   ReadFile(out + "/crosscheck.txt"));
  }
  EXPECT_EQ(codes[0], codes[1]);
  EXPECT_TRUE(absl::StrContains(outs[0], "\"suppressed\": true"));
  EXPECT_TRUE(outs[0] == outs[1]) << "baseline reports differ when spilled";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace crosscheck::testing
