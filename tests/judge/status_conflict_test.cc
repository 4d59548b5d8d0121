// judge.status-conflict: exclusive statuses at the same time.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/judge/judge_util.h"

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::DocsOf;
using ::crosscheck::testing::Judge;
using ::crosscheck::testing::OfKind;

TEST(StatusConflictTest, ExclusiveStatusesSameTime) {
  std::vector<Claim> claims = {
      C("a", 1).Status("majority", "minority-government",
                       "minority government"),
      C("b", 1).Status("majority", "supermajority", "supermajority"),
  };
  auto found = OfKind(
      Judge(claims, {Doc("a", Day(2026, 2, 10)), Doc("b", Day(2026, 2, 11))}),
      "status-conflict");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_EQ(DocsOf(found[0]), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(found[0].message,
            "sources state exclusive statuses for majority at the same time: "
            "minority government (a) vs supermajority (b)");
}

TEST(StatusConflictTest, MustNotTrigger) {
  struct Case {
    const char* name;
    std::vector<Claim> claims;
    std::vector<DocumentInfo> docs;
  } cases[] = {
      {"different times",
       {C("a", 1).Status("majority", "minority-government", "minority"),
        C("b", 1).Status("majority", "supermajority", "supermajority")},
       {Doc("a", Day(2024, 11, 20)), Doc("b", Day(2026, 2, 10))}},
      {"compatible labels",
       {C("a", 1).Status("majority", "landslide", "landslide"),
        C("b", 1).Status("majority", "supermajority", "supermajority")},
       {Doc("a", Day(2026, 2, 10)), Doc("b", Day(2026, 2, 10))}},
      {"one document",
       {C("a", 1).Status("majority", "minority-government", "minority"),
        C("a", 2).Status("majority", "supermajority", "supermajority")},
       {Doc("a", Day(2026, 2, 10))}},
      {"different status groups",
       {C("a", 1).Status("majority", "minority-government", "minority"),
        C("b", 1).Status("recall", "voluntary-recall", "voluntary recall")},
       {Doc("a", Day(2026, 2, 10)), Doc("b", Day(2026, 2, 10))}},
  };
  for (const auto& tc : cases) {
    EXPECT_TRUE(OfKind(Judge(tc.claims, tc.docs), "status-conflict").empty())
        << tc.name;
  }
}

}  // namespace
}  // namespace crosscheck::judge
