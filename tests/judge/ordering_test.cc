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

}  // namespace
}  // namespace crosscheck::judge
