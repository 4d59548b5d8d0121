// The pipeline: wires ingest -> segment -> extract -> align/judge for the CLI.
//
// An Engine holds everything loaded once (rule packs, boilerplate rules,
// lexicon, judge configuration); it is immutable and shared by the worker
// threads. Documents are processed in parallel, and every result is placed
// by input index, so output bytes never depend on --threads.
//
//   std::vector<Diagnostic> diags;
//   auto engine = Engine::Load(PipelineOptions{}, &diags);
//   CheckResult r = RunCheck(**engine, {"fixtures/corpus"}, std::move(diags));
#ifndef CROSSCHECK_CHECKER_PIPELINE_PIPELINE_H_
#define CROSSCHECK_CHECKER_PIPELINE_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "checker/core/result.h"
#include "checker/core/types.h"
#include "checker/ingest/ingest.h"

namespace crosscheck::pipeline {

struct PipelineOptions {
  // Extra rule directories (--rules DIR), loaded after the shipped packs.
  std::vector<std::string> rule_dirs;
  // Directory of the shipped packs; "" finds it (CROSSCHECK_RULES, then
  // <exe>/../share/crosscheck/rules, then the source tree's rules/).
  std::string shipped_rules_dir;
  int threads = 0;  // 0 = all cores
  // Overrides every document's reference date (--reference-date).
  std::optional<absl::CivilDay> reference_override;
  ingest::IngestOptions ingest;
  // Input held in memory at once (--memory-budget), in bytes of input files.
  // A corpus whose files total at most this is read once and processed in
  // memory. A larger one is streamed in two passes: the first reads every
  // file and keeps only compact per-document facts (id, own reference date,
  // boilerplate fingerprint); the second reads the files again in batches of
  // at most this many bytes and at most 16 MiB (one file at least: a
  // batch's segmented text takes several times its bytes), extracts and
  // hands each batch on. Both give the same output bytes; peak memory then
  // depends on the budget (and, for `check`, on the number of claims), not on
  // the size of the corpus.
  static constexpr uint64_t kDefaultMemoryBudget = 128ull << 20;
  uint64_t memory_budget = kDefaultMemoryBudget;
  // Whether `check` keeps every document's segments and text for the
  // reports (--segments). kAuto: all for a corpus processed in memory,
  // none for a streamed one.
  enum class Segments { kAuto, kAll, kNone };
  Segments segments = Segments::kAuto;
  // Where `check` of a streamed corpus keeps its claims and findings
  // (--spill-dir): a temporary directory "crosscheck-XXXXXX" is made under
  // it and removed at the end. "" means $TMPDIR, else /tmp.
  std::string spill_dir;
};

class Engine {
 public:
  // Loads every rule file. Broken packs become error diagnostics ("rules.*")
  // and are skipped; the error is only fatal when a required file (the
  // shipped directory itself) is missing.
  static absl::StatusOr<std::unique_ptr<Engine>> Load(
      const PipelineOptions& options, std::vector<Diagnostic>* diagnostics);
  ~Engine();

  const PipelineOptions& options() const;
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  Engine();
  std::unique_ptr<Impl> impl_;
};

// The shipped rules directory as found by Engine::Load ("" if none).
std::string FindShippedRulesDir();

// Everything up to claims: documents (with segments and infos), claims and
// every mention (also those that did not become claims), without judging.
// Documents come back without their blocks (segmentation consumed them).
struct Extraction {
  std::vector<DocumentResult> documents;
  std::vector<Claim> claims;                   // in document order
  std::vector<std::vector<Mention>> mentions;  // parallel to documents
  std::vector<Diagnostic> diagnostics;
  // True when this is one batch of a corpus streamed in two passes (see
  // PipelineOptions::memory_budget).
  bool streamed = false;
};
Extraction RunExtract(const Engine& engine,
                      const std::vector<std::string>& paths);
// Same, for documents already parsed (stdin, review drafts).
Extraction ExtractDocuments(const Engine& engine, std::vector<Document> docs,
                            std::vector<Diagnostic> diagnostics);

// RunExtract in batches, for corpora of any size: `sink` receives the
// documents in path order, a batch (a few megabytes of input) at a time,
// each with its claims and mentions; a batch's diagnostics are empty. What
// the sink does not keep is freed before the next batch is extracted, so
// mentions and claims never pile up unless the sink keeps them. A corpus
// over the memory budget is streamed (see PipelineOptions::memory_budget;
// standard input never is). The bytes of everything handed on equal
// RunExtract's. Returns every diagnostic of the run (unsorted).
//
// Diagnostic codes of its own (besides ingest's):
//   pipeline.input-changed  error  a file yields other documents on the
//                                  second pass than on the first; skipped
using BatchSink = std::function<void(Extraction& batch)>;
std::vector<Diagnostic> StreamExtract(const Engine& engine,
                                      const std::vector<std::string>& paths,
                                      const BatchSink& sink);

// Judges claims (from RunExtract or read back from JSON Lines).
std::vector<Finding> RunJudge(const Engine& engine,
                              const std::vector<Claim>& claims,
                              std::vector<DocumentInfo>* docs);

// The whole check. `diagnostics` from loading are carried into the result.
// Streams large corpora (StreamExtract); see PipelineOptions::segments for
// what the documents keep. The documents' MinHash signatures are dropped
// once judged (no report shows them).
//
// A corpus processed in memory keeps its documents, claims and findings in
// the result's vectors. A streamed one spills them to a temporary
// directory (PipelineOptions::spill_dir; spilled_check.h) and judges the
// claims bucket by bucket: the result's `store` reads them back for the
// reports, and owns the directory. Memory then grows with the number of
// documents only while they are judged (a few hundred bytes of facts
// each), not with the claims, findings or text; documents that keep their
// text (--segments all) stay in memory. Both give the same report bytes.
// Errors: the temporary directory cannot be made or written (the message names
// it); no report should be written then.
absl::StatusOr<CheckResult> TryRunCheck(const Engine& engine,
                                        const std::vector<std::string>& paths,
                                        std::vector<Diagnostic> diagnostics);
// The same; a spill error becomes an error diagnostic
// ("pipeline.spill-failed") of an otherwise empty result.
CheckResult RunCheck(const Engine& engine,
                     const std::vector<std::string>& paths,
                     std::vector<Diagnostic> diagnostics);

// Sorts diagnostics into their report order (path, line, column, code).
void SortDiagnostics(std::vector<Diagnostic>* diagnostics);

}  // namespace crosscheck::pipeline

#endif  // CROSSCHECK_CHECKER_PIPELINE_PIPELINE_H_
