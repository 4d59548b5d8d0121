// Report order and value texts under the shortcuts JudgeAll takes for
// speed: subjects ranked by prefix keys, findings ordered by counting sorts,
// fixed-point digits formatted without printf.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "tests/judge/judge_util.h"

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::Judge;
using ::crosscheck::testing::OfKind;

// What "%.6f" prints, without trailing zeros or a trailing point.
std::string SixDigits(double v) {
  std::string s = absl::StrFormat("%.6f", v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

TEST(EvidenceValueTest, FractionsReadAsSixDecimalDigits) {
  // Plain and repeating fractions, values that round up to the next
  // integer or down to zero, near-ties at the seventh digit, negatives, and
  // values too large for the shortcut.
  const std::vector<double> values = {
      0.1,        2.5,         1234.5678,    1.0 / 3,        2.0 / 3,
      0.0000004,  0.0000005,   0.0000015,    0.1234565,      999999.9999996,
      -3.25,      -0.0000004,  12.3456785,   1000000.5,      12345678.125,
      98765.4321, 0.000123456, 1e6 - 0.0625, 777.7777775001, 3.14159265358979};
  std::vector<Claim> claims;
  for (size_t i = 0; i < values.size(); ++i) {
    // One source, one subject each: one uncorroborated finding per value.
    claims.push_back(C("a", static_cast<int>(i) + 1)
                         .Count(values[i], absl::StrCat("q", i))
                         .Subject(absl::StrCat("head", i)));
  }
  auto found =
      OfKind(Judge(claims, {Doc("a", Day(2026, 1, 1))}), "uncorroborated");
  ASSERT_EQ(found.size(), values.size());
  for (const Finding& f : found) {
    ASSERT_EQ(f.evidence.size(), 1u);
    const std::string& quote = f.evidence[0].quote;
    const size_t i = std::stoul(quote.substr(1));
    EXPECT_EQ(f.evidence[0].value, SixDigits(values[i])) << values[i];
  }
}

// Findings of one rule in report order: subjects ascending by text, and
// fingerprints ascending among equal subjects.
void ExpectSubjectThenFingerprintOrder(const std::vector<Finding>& found) {
  for (size_t i = 1; i < found.size(); ++i) {
    const std::string a = found[i - 1].subject, b = found[i].subject;
    ASSERT_LE(a, b) << i;
    if (a == b) {
      EXPECT_LT(found[i - 1].fingerprint, found[i].fingerprint) << a;
    }
  }
}

TEST(OrderingTest, EqualSubjectsOfDifferentGroupsSortByFingerprint) {
  // Different heads, hence different groups (each with its own copy of the
  // subject text), all named alike: one subject in the report.
  std::vector<Claim> claims;
  for (int i = 0; i < 12; ++i) {
    claims.push_back(C("a", i + 1)
                         .Count(100 + i, absl::StrCat(100 + i))
                         .Subject(absl::StrCat("h", i), {},
                                  i % 3 == 0 ? "another thing" : "same thing"));
  }
  auto found =
      OfKind(Judge(claims, {Doc("a", Day(2026, 1, 1))}), "uncorroborated");
  ASSERT_EQ(found.size(), 12u);
  ExpectSubjectThenFingerprintOrder(found);
  EXPECT_EQ(found.front().subject, "another thing");
  EXPECT_EQ(found.back().subject, "same thing");
}

TEST(OrderingTest, SubjectsSortByTextBeyondTheirFirstBytes) {
  // Long shared prefixes (decided after byte 16), prefixes of one another,
  // and bytes above 0x7f (UTF-8), which order after ASCII.
  const std::vector<std::string> subjects = {
      "harbor workers on strike, day two",
      "harbor workers on strike, day one",
      "harbor workers on strike",
      "harbor workers on strike, day one and two",
      "harbor",
      "harbor workers",
      "h\xc3\xa4rbor workers",
      "zeta",
      "harbor workers on strike, day one",  // again: equal texts
      "a",
  };
  std::vector<Claim> claims;
  for (size_t i = 0; i < subjects.size(); ++i) {
    claims.push_back(C("a", static_cast<int>(i) + 1)
                         .Count(10 + static_cast<double>(i), absl::StrCat(i))
                         .Subject(absl::StrCat("head", i), {}, subjects[i]));
  }
  auto found =
      OfKind(Judge(claims, {Doc("a", Day(2026, 1, 1))}), "uncorroborated");
  ASSERT_EQ(found.size(), subjects.size());
  ExpectSubjectThenFingerprintOrder(found);
  EXPECT_EQ(found.front().subject, "a");
  EXPECT_EQ(found[found.size() - 2].subject, "h\xc3\xa4rbor workers");
  EXPECT_EQ(found.back().subject, "zeta");
}

// Evidence values are remembered by amount (qualifier, unit, value and
// bounds): equal numbers with another unit, qualifier, bounds or currency
// keep their own texts, and an amount met again gets the same text. A
// status shows its label.
TEST(OrderingTest, EvidenceValuesFollowTheWholeAmount) {
  struct Case {
    Claim claim;
    std::string value;
  };
  const std::vector<Case> cases = {
      {C("a", 1).Count(4800, "q0", "worker"), "4,800 worker"},
      {C("a", 2).Count(4800, "q1", "ship"), "4,800 ship"},
      {C("a", 3).Count(4800, "q2", "worker").Bounds(4800, 4800, "about"),
       "about 4,800 worker"},
      {C("a", 4).Count(4800, "q3", "worker").Bounds(4000, 5000),
       "4,000..5,000 worker"},
      {C("a", 5).Money(4800, "q4", "EUR"), "4,800 EUR"},
      {C("a", 6).Money(4800, "q5"), "4,800 USD"},
      {C("a", 7).Percent(48, "q6"), "48%"},
      {C("a", 8).Count(4800, "q7", "worker"), "4,800 worker"},
  };
  std::vector<Claim> claims;
  for (size_t i = 0; i < cases.size(); ++i) {
    // A head each: every claim is its own group and its own finding.
    Claim c = cases[i].claim;
    c.subject.head = absl::StrCat("head", i);
    c.subject.key = c.subject.head;
    claims.push_back(c);
  }
  // Two documents at odds over one ballot: a status conflict cites both.
  claims.push_back(
      C("a", 20).Status("vote", "passed", "s-passed").Subject("ballot"));
  claims.push_back(
      C("b", 1).Status("vote", "failed", "s-failed").Subject("ballot"));
  std::vector<bool> seen(cases.size(), false);
  bool passed = false, failed = false;
  for (const Finding& f :
       Judge(claims, {Doc("a", Day(2026, 1, 1)), Doc("b", Day(2026, 1, 1))})) {
    for (const Evidence& e : f.evidence) {
      if (e.quote == "s-passed" || e.quote == "s-failed") {
        EXPECT_EQ("s-" + e.value.str(), e.quote);
        (e.quote == "s-passed" ? passed : failed) = true;
        continue;
      }
      if (e.quote.size() < 2 || e.quote[0] != 'q') continue;
      const size_t i = std::stoul(e.quote.substr(1));
      ASSERT_LT(i, cases.size());
      EXPECT_EQ(e.value, cases[i].value) << e.quote;
      seen[i] = true;
    }
  }
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_TRUE(seen[i]) << "no evidence quotes q" << i;
  }
  EXPECT_TRUE(passed && failed);
}

}  // namespace
}  // namespace crosscheck::judge
