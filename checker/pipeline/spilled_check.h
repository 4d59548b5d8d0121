// Judging a corpus over the memory budget without holding its claims or
// findings: the `check` path for streamed corpora (see RunCheck).
//
// While batches are extracted, ClaimSpill writes each claim three ways into
// a temporary directory: as the JSON report writes it (document order), and
// into one of kBuckets bucket files chosen by a hash of its alignment bucket
// (class and head, event key or status group: align.h never puts claims of
// different buckets into one group; each record carries that hash, so
// that Finish can re-split a bucket file that grew too large by it). The
// one judgment that reads single claims across groups (anachronism, per
// document) runs on each batch at once: a batch holds whole documents.
//
// Finish() then judges document-level kinds (ai-generated, duplicate) over
// every DocumentInfo, and every other kind bucket by bucket, each with the
// bucket's claims in canonical order and the documents they name; each
// judge run's findings are sorted and written to a run file, and the runs
// are merged into one file in report order. A bucket's run has a number
// fixed before judging, so buckets are judged in any order (largest first)
// and written as soon as judged. The findings equal judging
// everything at once (RunJudge), byte for byte: groups, their claims and
// their order are the same, and the merge orders by the same keys.
//
// Memory: the documents' infos (one table, shared by every bucket's
// judging; the documents themselves wait in the spill unless they keep
// their text, --segments all), the MinHash signatures of documents in a
// near-duplicate cluster (the others are read from the spill as they are
// compared), the units being judged (bucket files, or parts of one that
// grew over a thread's share of the budget; their claims and findings; as
// many as the threads and the memory budget allow), and a buffer per open
// file; not the corpus's claims or findings. What still grows with the
// corpus: the infos, and the largest single alignment bucket (one head,
// event or status group), which is never split.
#ifndef CROSSCHECK_CHECKER_PIPELINE_SPILLED_CHECK_H_
#define CROSSCHECK_CHECKER_PIPELINE_SPILLED_CHECK_H_

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "checker/core/result.h"
#include "checker/core/types.h"
#include "checker/judge/judge.h"
#include "checker/pipeline/spill.h"

namespace crosscheck::pipeline {

// A run of documents in report order: held in memory, or `spilled` of
// them in the spill's documents file.
struct DocumentRun {
  std::vector<DocumentResult> held;
  uint64_t spilled = 0;
};

class ClaimSpill {
 public:
  // Bucket files (and so judge runs over groups): enough that a bucket of
  // a multi-gigabyte corpus stays small, few enough to keep a buffer each.
  static constexpr int kBuckets = 256;

  // Judging a bucket takes up to about this many times its file's bytes
  // (claims decoded, their groups, judging state and findings): measured on
  // a 1 GB generated corpus, its largest bucket (19.6 MB) took 115 MB
  // judged alone, two of 17 and 15 MB 155 MB.
  static constexpr uint64_t kJudgeExpansion = 6;

  // A bucket file is re-split at Finish when judging it would take more
  // than a thread's share of the memory budget: the bucket count is fixed,
  // so a bucket grows with the corpus. Its claims go to up to kMaxParts
  // parts by a second hash of their alignment bucket (claims of one bucket
  // name stay together: no judgment reads across bucket names), each
  // judged as its own unit; at most kBuckets parts are added in all, so
  // that the merge keeps few files open whatever the budget.
  static constexpr int kMaxParts = 16;

  // How Finish divided the group judgments: bucket files, those re-split,
  // the units judged (files and parts), the largest unit's bytes.
  struct JudgeStats {
    size_t buckets = 0;
    size_t split = 0;
    size_t units = 0;
    uint64_t largest_unit_bytes = 0;
  };
  const JudgeStats& judge_stats() const { return judge_stats_; }

  // Creates the temporary directory under `parent`; the error names it.
  // Buckets are judged on up to `threads` threads while the buckets being
  // judged take at most `memory_budget` (see kJudgeExpansion); a bucket
  // larger than that is judged alone.
  static absl::StatusOr<std::unique_ptr<ClaimSpill>> Start(
      const std::string& parent, const judge::JudgeConfig& config, int threads,
      uint64_t memory_budget);
  ~ClaimSpill();

  // One batch of whole documents and their claims (in document order).
  // Batches come in report order. The documents' MinHash signatures are
  // written too: the caller may drop them, Finish() reads them back.
  void Add(const std::vector<DocumentResult>& docs,
           const std::vector<Claim>& claims);

  // Takes one batch's documents (without their infos, which the caller
  // keeps for Finish), in report order, until the reports: those that keep
  // their text (`hold`) in memory, the others written to the spill, so that
  // a large corpus's document list does not grow with it.
  void AddDocuments(std::vector<DocumentResult>* docs, bool hold);

  // Judges and merges (see above). `infos` are every document's, in report
  // order (their signatures are read back from the spill, replacing what
  // they hold); they get their syndication keys and go with their
  // documents into the store, which owns the temporary directory and gives
  // the documents back (ResultStore::ForEachDocument) as RunCheck's would
  // be: without signatures or second copies of facts (DropDuplicateFacts).
  absl::StatusOr<std::shared_ptr<ResultStore>> Finish(
      std::vector<DocumentInfo>* infos);

 private:
  ClaimSpill(std::unique_ptr<TempDir> dir, const judge::JudgeConfig& config,
             int threads, uint64_t memory_budget);
  std::string RunFile(size_t run) const;
  // Writes `findings` (sorted) as the next run.
  void WriteRun(const std::vector<Finding>& findings);

  std::unique_ptr<TempDir> dir_;
  const judge::JudgeConfig& config_;
  int threads_;
  uint64_t memory_budget_;
  RecordWriter claims_json_;
  // One fixed-size record per document, in report order: its MinHash
  // signature (signature_bytes(); zeros without one).
  RecordWriter signatures_;
  size_t signature_bytes() const {
    return static_cast<size_t>(std::max(0, config_.minhash.num_hashes)) *
           sizeof(uint64_t);
  }
  RecordWriter documents_;  // AddDocuments, those not held
  // Documents in report order: runs of held ones and counts of spilled.
  std::vector<DocumentRun> doc_runs_;
  uint64_t num_documents_ = 0;
  // Per LSH band, one record per document (report order): its 8-byte band
  // key, empty without a signature. Finish() reads back only the
  // signatures of documents that share a key.
  std::vector<std::unique_ptr<RecordWriter>> bands_;
  std::string BandFile(size_t band) const;
  uint64_t num_claims_ = 0;
  uint64_t next_index_ = 0;  // of the next claim, in document order
  std::vector<std::unique_ptr<RecordWriter>> buckets_;
  size_t runs_ = 0;
  JudgeStats judge_stats_;
  absl::Status status_;
};

// Drops a judged document's second copies of its facts: reports read id,
// path and format from `doc`, the reference date from `info`, and title and
// source from `info` falling back to `doc` when empty. A few hundred bytes
// per document, held until the reports are written.
void DropDuplicateFacts(DocumentResult* d);

// The judge configuration with only the judgments of `kinds` enabled (or,
// with `except`, all enabled ones but those).
judge::JudgeConfig OnlyKinds(const judge::JudgeConfig& config,
                             const std::vector<std::string>& kinds,
                             bool except);

// Judgments run once per document or claim rather than per aligned group:
// they must see whole documents (anachronism) or every document
// (ai-generated, duplicate) rather than one bucket of claims.
const std::vector<std::string>& ClaimLevelKinds();
const std::vector<std::string>& DocumentLevelKinds();

}  // namespace crosscheck::pipeline

#endif  // CROSSCHECK_CHECKER_PIPELINE_SPILLED_CHECK_H_
