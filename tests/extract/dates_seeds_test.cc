// The dates, statuses, events and disclaimers a fact-checker needs from the
// seed articles come out of the shipped packs (rules/date.json, status.json,
// event.json, disclaimer.json) with the right values. Each paragraph is
// extracted on its own with the reference date the checker would know or
// infer for its document.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "checker/extract/extractor.h"
#include "checker/extract/rules.h"
#include "gtest/gtest.h"

namespace crosscheck::extract {
namespace {

const char kSeeds[] = CROSSCHECK_SOURCE_DIR "/../shared/seeds";
const char kRules[] = CROSSCHECK_SOURCE_DIR "/rules";

const RuleSet& Rules() {
  static const RuleSet* rules = [] {
    std::vector<RuleProblem> problems;
    return new RuleSet(RuleSet::LoadDirs({kRules}, {}, &problems));
  }();
  return *rules;
}

// Mentions of the seed whose name starts with `prefix`, paragraph by
// paragraph, against `reference` ("" = unknown).
std::vector<Mention> SeedMentions(const std::string& prefix,
                                  const char* reference) {
  std::vector<Mention> out;
  for (const auto& e : std::filesystem::directory_iterator(kSeeds)) {
    if (e.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    ReferenceDate ref;
    absl::CivilDay day;
    if (*reference != '\0' && absl::ParseCivilTime(reference, &day)) {
      ref.day = day;
    }
    Extractor ex(&Rules());
    for (absl::string_view line : absl::StrSplit(ss.str(), '\n')) {
      for (Mention& m : ex.FindMentionsInText(line, ref)) {
        out.push_back(std::move(m));
      }
    }
  }
  return out;
}

const Mention* Find(const std::vector<Mention>& ms, MentionKind kind,
                    const std::string& text) {
  for (const Mention& m : ms) {
    if (m.kind == kind && m.text == text) return &m;
  }
  return nullptr;
}

class DateSeeds : public testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kSeeds)) GTEST_SKIP() << "no seeds";
  }
};

TEST_F(DateSeeds, KoreaHeraldWeekdaysResolveAgainstItsDateline) {
  std::vector<Mention> ms = SeedMentions("003", "2026-02-10");
  struct {
    const char* text;
    const char* iso;
  } want[] = {{"Sunday's", "2026-02-08"},
              {"Monday", "2026-02-09"},
              {"Jan. 26", "2026-01-26"},
              {"1910-45", "1910/1945"}};
  for (const auto& w : want) {
    SCOPED_TRACE(w.text);
    const Mention* m = Find(ms, MentionKind::kDate, w.text);
    ASSERT_NE(m, nullptr);
    ASSERT_TRUE(m->date.has_value());
    EXPECT_EQ(m->date->iso, w.iso);
  }
  const Mention* s = Find(ms, MentionKind::kStatus, "two-thirds supermajority");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->label, "supermajority");
  const Mention* e =
      Find(ms, MentionKind::kEvent, "post-election press conference");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->label, "press-conference");
  const Mention* el = Find(ms, MentionKind::kEvent, "lower-house election");
  ASSERT_NE(el, nullptr);
  EXPECT_EQ(el->label, "election");
}

TEST_F(DateSeeds, CommentaryRelativeDateFollowsItsAnchor) {
  // Without a reference date the month-day has no year: nothing to anchor.
  std::vector<Mention> unknown = SeedMentions("001", "");
  EXPECT_EQ(Find(unknown, MentionKind::kDate, "February 8th"), nullptr);
  EXPECT_EQ(Find(unknown, MentionKind::kDate, "two days later"), nullptr);
  // With the year inferred from the corpus, "two days later" is Feb 10.
  std::vector<Mention> ms = SeedMentions("001", "2026-02-20");
  const Mention* d = Find(ms, MentionKind::kDate, "February 8th");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->date->iso, "2026-02-08");
  const Mention* later = Find(ms, MentionKind::kDate, "two days later");
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->date->iso, "2026-02-10");
  EXPECT_TRUE(later->date->relative);
  EXPECT_NE(Find(ms, MentionKind::kDisclaimer, "This content is AI-generated"),
            nullptr);
}

TEST_F(DateSeeds, TableQuarterAndMinorityGovernment) {
  std::vector<Mention> analysis = SeedMentions("000", "");
  const Mention* q = Find(analysis, MentionKind::kDate, "Q3 2024");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->date->iso, "2024-Q3");
  EXPECT_EQ(q->date->granularity, Granularity::kQuarter);

  std::vector<Mention> essay = SeedMentions("002", "2024-12-01");
  const Mention* minority =
      Find(essay, MentionKind::kStatus, "minority government");
  ASSERT_NE(minority, nullptr);
  EXPECT_EQ(minority->group, "government-strength");
  const Mention* nov = Find(essay, MentionKind::kDate, "November 2024");
  ASSERT_NE(nov, nullptr);
  EXPECT_EQ(nov->date->iso, "2024-11");
}

TEST_F(DateSeeds, AiAnalysisPieceIsFlagged) {
  std::vector<Mention> ms = SeedMentions("004", "");
  int disclaimers = 0;
  for (const Mention& m : ms) {
    if (m.kind == MentionKind::kDisclaimer) {
      EXPECT_EQ(m.label, "ai-generated");
      ++disclaimers;
    }
  }
  EXPECT_GE(disclaimers, 2);  // the label and the closing disclaimer
}

TEST_F(DateSeeds, NoDisclaimerInReportedJournalism) {
  for (const char* doc : {"000", "002", "003"}) {
    SCOPED_TRACE(doc);
    for (const Mention& m : SeedMentions(doc, "2026-02-10")) {
      EXPECT_NE(m.kind, MentionKind::kDisclaimer) << m.text;
    }
  }
}

}  // namespace
}  // namespace crosscheck::extract
