// The figures a fact-checker reads in the five seed articles come out of the
// shipped numeric packs with the right values, and the non-figures (years,
// Article 9) do not.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "checker/extract/extractor.h"
#include "checker/extract/rules.h"
#include "gtest/gtest.h"

namespace crosscheck::extract {
namespace {

const char kSeeds[] = CROSSCHECK_SOURCE_DIR "/../shared/seeds";

std::vector<Mention> SeedMentions(const Extractor& ex) {
  std::vector<Mention> out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(kSeeds)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    for (absl::string_view line : absl::StrSplit(ss.str(), '\n')) {
      for (Mention& m : ex.FindMentionsInText(line, ReferenceDate{})) {
        out.push_back(std::move(m));
      }
    }
  }
  return out;
}

const Mention* FindText(const std::vector<Mention>& ms, const std::string& t) {
  for (const Mention& m : ms) {
    if (m.text == t) return &m;
  }
  return nullptr;
}

TEST(ExtractorSeeds, FiguresAreRead) {
  if (!std::filesystem::exists(kSeeds)) GTEST_SKIP() << "no seeds";
  std::vector<RuleProblem> problems;
  RuleSet rs =
      RuleSet::LoadDirs({CROSSCHECK_SOURCE_DIR "/rules"}, {}, &problems);
  Extractor ex(&rs);
  std::vector<Mention> ms = SeedMentions(ex);
  struct {
    std::string text;
    MentionKind kind;
    double value;
    std::string unit;
    std::string dimension;
  } want[] = {
      {"$640 billion", MentionKind::kMoney, 640e9, "USD", "currency"},
      {"$350 billion", MentionKind::kMoney, 350e9, "USD", "currency"},
      {"third-largest", MentionKind::kNumber, 3, "", "rank"},
      {"some 12,000 North Korean soldiers", MentionKind::kQuantity, 12000,
       "soldier", "count"},
      {"1,100 kilometers", MentionKind::kQuantity, 1100, "km", "distance"},
      {"685 miles", MentionKind::kQuantity, 685, "mile", "distance"},
      {"15 percent", MentionKind::kPercent, 0.15, "%", "percent"},
      {"25 percent", MentionKind::kPercent, 0.25, "%", "percent"},
      {"2%", MentionKind::kPercent, 0.02, "%", "percent"},
      {"15%", MentionKind::kPercent, 0.15, "%", "percent"},
  };
  for (const auto& w : want) {
    SCOPED_TRACE(w.text);
    const Mention* m = FindText(ms, w.text);
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->kind, w.kind);
    EXPECT_NEAR(m->amount.value, w.value, 1e-9 * std::max(1.0, w.value));
    EXPECT_EQ(m->amount.unit, w.unit);
    EXPECT_EQ(m->amount.dimension, w.dimension);
  }
  // A year span is a date range or a number range, never a quantity.
  if (const Mention* span = FindText(ms, "1910-45")) {
    EXPECT_TRUE(span->kind == MentionKind::kDate ||
                span->kind == MentionKind::kNumber);
  }
  // Years and identifiers are not figures.
  for (const char* not_a_figure : {"2014", "2016", "2022", "1974", "9"}) {
    SCOPED_TRACE(not_a_figure);
    const Mention* m = FindText(ms, not_a_figure);
    EXPECT_TRUE(m == nullptr || (m->kind != MentionKind::kNumber &&
                                 m->kind != MentionKind::kQuantity));
  }
}

}  // namespace
}  // namespace crosscheck::extract
