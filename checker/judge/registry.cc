// The one place judgments are registered (clang-tidy's check factories).
#include <vector>

#include "checker/judge/judgment.h"

namespace crosscheck::judge {

const std::vector<RegistryEntry>& Registry() {
  static const std::vector<RegistryEntry>* const kRegistry =
      new std::vector<RegistryEntry>{
          {"agreement", &NewAgreementJudgment, Severity::kInfo,
           "documents state the same value for the same thing"},
          {"compatible", &NewCompatibleJudgment, Severity::kInfo,
           "values whose bounds overlap although their points differ"},
          {"conflict", &NewConflictJudgment, Severity::kError,
           "incompatible values for the same thing at the same time"},
          {"not-comparable", &NewNotComparableJudgment, Severity::kInfo,
           "the same subject measured in different ways"},
          {"superseded", &NewSupersededJudgment, Severity::kInfo,
           "a value true at another time than its successor"},
          {"event-date-conflict", &NewEventDateConflictJudgment,
           Severity::kError, "one event placed on different dates"},
          {"anachronism", &NewAnachronismJudgment, Severity::kWarning,
           "a date on the wrong side of its document's own date"},
          {"status-conflict", &NewStatusConflictJudgment, Severity::kError,
           "mutually exclusive statuses at the same time"},
          {"ai-generated", &NewAiGeneratedJudgment, Severity::kInfo,
           "a document that says it is AI-generated"},
          {"uncorroborated", &NewUncorroboratedJudgment, Severity::kInfo,
           "a figure only one source states"},
          {"duplicate", &NewDuplicateJudgment, Severity::kInfo,
           "near-duplicate (syndicated) documents"},
      };
  return *kRegistry;
}

}  // namespace crosscheck::judge
