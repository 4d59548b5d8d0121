// Scoring a crosscheck JSON report against a corpus's expected.json.
//
// expected.json (see fixtures/corpora/*/expected.json):
//   findings   [{kind, docs[], subject, quotes[]}]  must be reported
//   must_not   [{kind, docs[], subject, quotes[]}]  must not be reported
//   boilerplate [substring]  every segment containing it is boilerplate
//   body        [substring]  every segment containing it is body
//   claims     [{doc, quote, kind, measure, value, date, modality, scope,
//                subject}]   a claim with these fields exists
//   documents  {id: {reference_date, ai_generated}}
//
// A reported finding matches an expectation when the kind is equal, every
// expected doc id is among its evidence, the subject word occurs in its
// subject (or message), and each quote occurs in some evidence quote or
// sentence (case-insensitive).
#ifndef CROSSCHECK_TESTS_E2E_EXPECTATIONS_H_
#define CROSSCHECK_TESTS_E2E_EXPECTATIONS_H_

#include <map>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"

namespace crosscheck::testing {

struct KindScore {
  int expected = 0;        // expectations of this kind
  int pending = 0;         // ... marked "pending" (a known gap, with its
                           // reason) and missed: reported, not asserted
  int found = 0;           // ... matched by a reported finding
  int reported = 0;        // reported findings of this kind
  int false_reported = 0;  // reported ones matching a must_not, or (for
                           // alarm kinds) matching no expectation
  double Recall() const { return expected ? double(found) / expected : 1.0; }
  double Precision() const {
    return reported ? 1.0 - double(false_reported) / reported : 1.0;
  }
};

struct Score {
  std::map<std::string, KindScore> kinds;
  std::vector<std::string> failures;  // human-readable misses
  int claims_expected = 0, claims_found = 0;
  int segments_expected = 0, segments_right = 0;
  int documents_expected = 0, documents_right = 0;
};

// Kinds where a false report is a false alarm for the user.
bool IsAlarmKind(const std::string& kind);

bool FindingMatches(const nlohmann::json& finding,
                    const nlohmann::json& expectation);

// For must-not items: FindingMatches, and each of the item's quotes lies in
// (or overlaps) one of the finding's own quotes, not merely somewhere in a
// quoted sentence.
bool FindingFlags(const nlohmann::json& finding,
                  const nlohmann::json& must_not_item);

Score ScoreReport(const nlohmann::json& report, const nlohmann::json& expected);

// Adds b into a.
void Accumulate(Score* a, const Score& b);

// A table "kind expected found recall reported false precision".
std::string FormatScore(const Score& s);

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_E2E_EXPECTATIONS_H_
