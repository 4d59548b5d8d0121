// BuildClaims: a bare definite subject ("the blaze") takes the proper name
// the document gave that thing earlier ("the Ashby Gap blaze"), and a
// possessive date names an event rather than dating the figure.
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "checker/extract/claims.h"
#include "gtest/gtest.h"
#include "tests/extract/claims_testing.h"

namespace crosscheck::extract {
namespace {

using testing::ClaimsFor;
using testing::Day;
using testing::DocBuilder;
using testing::TestLexicon;

std::vector<Claim> Build(DocBuilder& b) {
  return BuildClaims(b.Build(), b.mentions(), TestLexicon());
}

std::string Mods(const Claim& c) {
  return absl::StrJoin(c.subject.modifiers, ",");
}

TEST(ClaimsNamingTest, BareDefiniteSubjectTakesTheEarlierName) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2027, 5, 3));
  b.Paragraph({"Crews spent the night on the flanks of the Ashby Gap blaze."});
  int p = b.Paragraph({"By Sunday the blaze had scorched 6,300 hectares."});
  int q = b.Paragraph({"The Selby blaze of 2019 was smaller.",
                       "Later the blaze covered 800 hectares."});
  b.Number(p, "6,300 hectares", 6300, MentionKind::kQuantity, "ha", "area");
  b.Number(q, "800 hectares", 800, MentionKind::kQuantity, "ha", "area");
  std::vector<Claim> cs = Build(b);
  auto first = ClaimsFor(cs, "6,300 hectares");
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0]->subject.head, "blaze");
  EXPECT_EQ(Mods(*first[0]), "ashby,gap");
  // The name given last before the figure wins.
  auto second = ClaimsFor(cs, "800 hectares");
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(Mods(*second[0]), "selby");
}

TEST(ClaimsNamingTest, OnlyDefiniteBareSubjectsAndEarlierNames) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2027, 5, 3));
  int p = b.Paragraph({"The blaze had scorched 6,300 hectares by Sunday."});
  b.Paragraph({"Officials said the Ashby Gap blaze was started by lightning."});
  int q = b.Paragraph({"Another blaze scorched 400 hectares."});
  b.Number(p, "6,300 hectares", 6300, MentionKind::kQuantity, "ha", "area");
  b.Number(q, "400 hectares", 400, MentionKind::kQuantity, "ha", "area");
  std::vector<Claim> cs = Build(b);
  // The name comes after the figure: nothing to take.
  auto area = ClaimsFor(cs, "6,300 hectares");
  ASSERT_EQ(area.size(), 1u);
  EXPECT_EQ(area[0]->subject.head, "blaze");
  EXPECT_EQ(Mods(*area[0]), "");
  // "Another blaze" is not the one named.
  auto other = ClaimsFor(cs, "400 hectares");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0]->subject.head, "blaze");
  EXPECT_EQ(Mods(*other[0]), "");
}

TEST(ClaimsNamingTest, PossessiveDateNamesTheEventNotTheFigure) {
  DocBuilder b;
  b.Reference(absl::CivilDay(2027, 5, 4));
  int p = b.Paragraph(
      {"Divers recovered six more bodies on Monday, raising the toll from "
       "Saturday's landslide to 27."});
  b.Date(p, "Monday", Day(2027, 5, 3, true));
  b.Date(p, "Saturday", Day(2027, 5, 1, true));
  b.Number(p, "27", 27);
  std::vector<Claim> cs = Build(b);
  auto toll = ClaimsFor(cs, "27");
  ASSERT_EQ(toll.size(), 1u);
  EXPECT_EQ(toll[0]->subject.head, "death toll");
  EXPECT_EQ(Mods(*toll[0]), "landslide");
  EXPECT_EQ(toll[0]->scope.period.iso, "2027-05-03");
}

}  // namespace
}  // namespace crosscheck::extract
