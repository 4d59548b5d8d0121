// Pre-publication review: a draft's claims checked against sources.
//
// Every claim of the draft gets one verdict finding:
//   review.corroborated  (info)    a source agrees or is compatible; the
//                                  corroborating sources are the evidence
//   review.conflicting   (error)   a source disagrees (value, event date or
//                                  status); their quotes are the evidence
//   review.unsupported   (warning) no source says anything comparable
// The draft is judged together with the sources by the ordinary judgments,
// so a verdict means exactly what `check` would report.
#ifndef CROSSCHECK_CHECKER_PIPELINE_REVIEW_H_
#define CROSSCHECK_CHECKER_PIPELINE_REVIEW_H_

#include <string>
#include <vector>

#include "checker/core/result.h"
#include "checker/pipeline/claims_io.h"
#include "checker/pipeline/pipeline.h"

namespace crosscheck::pipeline {

CheckResult RunReview(const Engine& engine, const std::string& draft,
                      const std::vector<std::string>& sources,
                      std::vector<Diagnostic> diagnostics);

}  // namespace crosscheck::pipeline

#endif  // CROSSCHECK_CHECKER_PIPELINE_REVIEW_H_
