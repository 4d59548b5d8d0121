// Reading claims back from `crosscheck extract` output, for `align`.
//
// Each JSON Lines record is {"type": "claim", ..., "document": {...}} or
// {"type": "document", "document": {...}} (a document without claims);
// "mention" records are ignored. Files may come in any order and documents
// may be spread over several files (extraction run as a map over shards):
// claims and documents are put into one canonical order, so the findings
// equal those of `check` on the original corpus.
#ifndef CROSSCHECK_CHECKER_PIPELINE_CLAIMS_IO_H_
#define CROSSCHECK_CHECKER_PIPELINE_CLAIMS_IO_H_

#include <string>
#include <vector>

#include "checker/core/result.h"
#include "checker/core/types.h"

namespace crosscheck::pipeline {

class Engine;

struct ClaimsInput {
  std::vector<Claim> claims;
  std::vector<DocumentInfo> docs;
  std::vector<Diagnostic> diagnostics;  // bad lines: path:line
};

// Reads claim files; a malformed line is a diagnostic naming path:line and
// the other lines are still read.
ClaimsInput ReadClaimFiles(const std::vector<std::string>& paths);

// Sorts documents by (path, id) and claims by (document, claim number): the
// order every judgment sees, whatever order the inputs came in.
void CanonicalOrder(std::vector<DocumentInfo>* docs,
                    std::vector<Claim>* claims);

// Judges claims read from files into a report (documents carry only their
// info; no segments).
CheckResult JudgeClaims(const Engine& engine, ClaimsInput input,
                        const std::vector<std::string>& inputs,
                        std::vector<Diagnostic> diagnostics);

}  // namespace crosscheck::pipeline

#endif  // CROSSCHECK_CHECKER_PIPELINE_CLAIMS_IO_H_
