// The claim records of `crosscheck extract`: writing them, and reading them
// back for `align`.
//
// Each JSON Lines record is {"type": "claim", ..., "document": {...}} or
// {"type": "document", "document": {...}} (a document without claims);
// "mention" records are ignored. Files may come in any order and documents
// may be spread over several files (extraction run as a map over shards):
// claims and documents are put into one canonical order, so the findings
// equal those of `check` on the original corpus.
#ifndef CROSSCHECK_CHECKER_PIPELINE_CLAIMS_IO_H_
#define CROSSCHECK_CHECKER_PIPELINE_CLAIMS_IO_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "checker/core/result.h"
#include "checker/core/types.h"

namespace crosscheck::pipeline {

class Engine;
struct Extraction;

// Appends one document's records to *out, one line each: a "document" record
// with the full info (MinHash signature included), its "mention" records
// when `mentions` is not null, then a "claim" record per claim carrying the
// document's info without the signature, so that a claim line stands alone.
// The bytes are those of the nlohmann trees the records used to be built as
// (keys sorted), written without building them.
void AppendExtractRecords(const DocumentResult& dr,
                          const std::vector<Mention>* mentions,
                          absl::Span<const Claim> claims, std::string* out);

// Writes every document of `ex` (claims grouped by document, in document
// order) to `out`: serialized on `threads` threads a bounded batch of
// documents at a time, written in large blocks in document order, so the
// bytes never depend on the thread count. Does not flush.
void WriteExtractRecords(const Extraction& ex, bool with_mentions, int threads,
                         std::ostream& out);

struct ClaimsInput {
  std::vector<Claim> claims;
  std::vector<DocumentInfo> docs;
  std::vector<Diagnostic> diagnostics;  // bad lines: path:line
};

// Reads claim files, each line parsed on its own (linear in the input). A
// malformed line is a diagnostic naming path:line; the other lines are still
// read.
ClaimsInput ReadClaimFiles(const std::vector<std::string>& paths);

// Sorts documents by (path, id) and claims by (document, claim number): the
// order every judgment sees, whatever order the inputs came in.
void CanonicalOrder(std::vector<DocumentInfo>* docs,
                    std::vector<Claim>* claims);
// The same order over claims held elsewhere, so that judging a million
// claims does not copy them.
void CanonicalOrder(std::vector<DocumentInfo>* docs,
                    std::vector<const Claim*>* claims);
// The claims' order alone, for documents already in canonical order and
// held elsewhere.
void CanonicalClaimOrder(const std::vector<const DocumentInfo*>& docs,
                         std::vector<const Claim*>* claims);

// Judges claims read from files into a report (documents carry only their
// info; no segments).
CheckResult JudgeClaims(const Engine& engine, ClaimsInput input,
                        const std::vector<std::string>& inputs,
                        std::vector<Diagnostic> diagnostics);

}  // namespace crosscheck::pipeline

#endif  // CROSSCHECK_CHECKER_PIPELINE_CLAIMS_IO_H_
