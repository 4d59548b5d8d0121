// Shared by the judge tests: run every judgment with the default config.
#ifndef CROSSCHECK_TESTS_JUDGE_JUDGE_UTIL_H_
#define CROSSCHECK_TESTS_JUDGE_JUDGE_UTIL_H_

#include <vector>

#include "checker/judge/judge.h"
#include "tests/judge/claim_builder.h"

namespace crosscheck::testing {

inline std::vector<Finding> Judge(const std::vector<Claim>& claims,
                                  const std::vector<DocumentInfo>& docs) {
  return judge::JudgeAll(claims, docs, judge::JudgeConfig::Defaults());
}

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_JUDGE_JUDGE_UTIL_H_
