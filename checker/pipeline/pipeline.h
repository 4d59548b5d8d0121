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

// Everything up to claims: documents (with segments and infos) and claims,
// without judging. `mentions`, when not null, receives every mention (also
// those that did not become claims), per document in document order.
struct Extraction {
  std::vector<DocumentResult> documents;
  std::vector<Claim> claims;
  std::vector<std::vector<Mention>> mentions;  // parallel to documents
  std::vector<Diagnostic> diagnostics;
};
Extraction RunExtract(const Engine& engine,
                      const std::vector<std::string>& paths);
// Same, for documents already parsed (stdin, review drafts).
Extraction ExtractDocuments(const Engine& engine, std::vector<Document> docs,
                            std::vector<Diagnostic> diagnostics);

// Judges claims (from RunExtract or read back from JSON Lines).
std::vector<Finding> RunJudge(const Engine& engine,
                              const std::vector<Claim>& claims,
                              std::vector<DocumentInfo>* docs);

// The whole check. `diagnostics` from loading are carried into the result.
CheckResult RunCheck(const Engine& engine,
                     const std::vector<std::string>& paths,
                     std::vector<Diagnostic> diagnostics);

// Sorts diagnostics into their report order (path, line, column, code).
void SortDiagnostics(std::vector<Diagnostic>* diagnostics);

}  // namespace crosscheck::pipeline

#endif  // CROSSCHECK_CHECKER_PIPELINE_PIPELINE_H_
