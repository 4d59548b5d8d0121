// End to end through the real rule packs and Extractor: sentences written
// for these tests, hand-segmented (the segmenter is another module), then
// BuildClaims. Skips cleanly while the packs cannot produce the mentions.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "checker/extract/claims.h"
#include "checker/extract/extractor.h"
#include "checker/extract/rules.h"
#include "gtest/gtest.h"
#include "tests/extract/claims_testing.h"

namespace crosscheck::extract {
namespace {

using testing::DocBuilder;

struct Outcome {
  std::vector<Mention> mentions;
  std::vector<Claim> claims;
};

Outcome Extract(DocBuilder& b) {
  Extractor ex(&testing::ShippedRules());
  const SegmentedDocument& sd = b.Build();
  Outcome r;
  r.mentions = ex.FindMentions(sd, b.doc().reference_date);
  r.claims = BuildClaims(sd, r.mentions, testing::TestLexicon());
  return r;
}

const Claim* FindClaim(const std::vector<Claim>& cs,
                       absl::string_view quote_part) {
  for (const Claim& c : cs) {
    if (absl::StrContains(c.quote, quote_part)) return &c;
  }
  return nullptr;
}

TEST(ClaimsEngineTest, FiguresInSentences) {
  DocBuilder b("e2e");
  b.Reference(absl::CivilDay(2026, 2, 10));
  int p1 =
      b.Paragraph({"Pyongyang has sent 12,000 North Korean soldiers "
                   "to the front, officials said."});
  int p2 =
      b.Paragraph({"The two leaders praised a $640 billion trade "
                   "relationship."});
  int p3 =
      b.Paragraph({"Washington will lift tariffs on South Korean cars "
                   "from 15 percent to 25 percent."});
  int p4 =
      b.Paragraph({"Tokyo aims to reach 2% of GDP in defense spending "
                   "by 2027."});
  (void)p1;
  (void)p2;
  (void)p3;
  (void)p4;
  Outcome r = Extract(b);
  if (r.mentions.empty()) GTEST_SKIP() << "rule packs produce no mentions yet";

  struct Case {
    const char* quote_part;
    const char* head;
    Measure measure;
  } cases[] = {
      {"12,000", "troop", Measure::kCount},
      {"640", "relationship", Measure::kLevel},
      {"25", "tariff", Measure::kChange},
      {"2%", "defense spending", Measure::kShare},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.quote_part);
    const Claim* claim = FindClaim(r.claims, c.quote_part);
    if (claim == nullptr) {
      std::vector<std::string> ms;
      for (const Mention& m : r.mentions)
        ms.push_back(m.rule_id + ":" + m.text);
      ADD_FAILURE() << "no claim; mentions: " << absl::StrJoin(ms, " | ");
      continue;
    }
    EXPECT_EQ(claim->subject.head, c.head);
    EXPECT_EQ(MeasureName(claim->measure), MeasureName(c.measure));
    EXPECT_EQ(claim->doc_id, "e2e");
    EXPECT_FALSE(claim->sentence.empty());
    EXPECT_GT(claim->position.line, 0);
  }
  // The figure in the from-to pair's "from" is no claim of its own.
  for (const Claim& c : r.claims) {
    EXPECT_NE(c.quote, "15 percent");
  }
}

}  // namespace
}  // namespace crosscheck::extract
