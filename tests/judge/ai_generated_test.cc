// judge.ai-generated: one finding per flagged document.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/judge/judge_util.h"

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::Judge;
using ::crosscheck::testing::OfKind;

TEST(AiGeneratedTest, OnePerFlaggedDocument) {
  std::vector<DocumentInfo> docs = {Doc("human", Day(2026, 2, 10)),
                                    Doc("bot1", Day(2026, 2, 10), true),
                                    Doc("bot2", std::nullopt, true)};
  auto found = OfKind(Judge({}, docs), "ai-generated");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].subject, "bot1");
  EXPECT_EQ(found[1].subject, "bot2");
  const Evidence& e = found[0].evidence.at(0);
  EXPECT_EQ(e.quote, "written by a language model");
  EXPECT_EQ(e.position, (Position{3, 1}));
  EXPECT_EQ(e.span, (Span{10, 37}));
  EXPECT_EQ(found[0].message,
            "bot1 is labelled as ai-generated: \"written by a language "
            "model\"");
}

TEST(AiGeneratedTest, LongEvidenceIsClippedOnACharacterBoundary) {
  DocumentInfo d = Doc("bot", Day(2026, 2, 10), true);
  d.ai_evidence = std::string(79, 'x') + "\xC3\xA9" + std::string(50, 'y');
  auto found = OfKind(Judge({}, {d}), "ai-generated");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find(std::string(79, 'x') + "...\""),
            std::string::npos);
}

TEST(AiGeneratedTest, NoFlagNoFinding) {
  EXPECT_TRUE(
      OfKind(Judge({}, {Doc("human", Day(2026, 2, 10))}), "ai-generated")
          .empty());
}

}  // namespace
}  // namespace crosscheck::judge
