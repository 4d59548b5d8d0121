// JudgeConfig: the shipped file, defaults and error messages.
#include <string>
#include <vector>

#include "checker/judge/judge.h"
#include "gtest/gtest.h"

namespace crosscheck::judge {
namespace {

const std::string kShipped = CROSSCHECK_SOURCE_DIR "/rules/judge.json";

TEST(JudgeConfigTest, ShippedFileEqualsDefaults) {
  auto loaded = JudgeConfig::Load(kShipped);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  const JudgeConfig d = JudgeConfig::Defaults();
  for (const std::string& k : JudgeConfig::Kinds()) {
    EXPECT_EQ(loaded->judgment(k).enabled, d.judgment(k).enabled) << k;
    EXPECT_EQ(loaded->judgment(k).severity, d.judgment(k).severity) << k;
    EXPECT_EQ(loaded->judgment(k).confidence, d.judgment(k).confidence) << k;
    EXPECT_EQ(loaded->judgment(k).severity_if_relative,
              d.judgment(k).severity_if_relative)
        << k;
  }
  EXPECT_EQ(loaded->tolerances.relative, d.tolerances.relative);
  EXPECT_EQ(loaded->tolerances.approximate, d.tolerances.approximate);
  EXPECT_EQ(loaded->tolerances.present_scope_days,
            d.tolerances.present_scope_days);
  EXPECT_EQ(loaded->tolerances.date_days, d.tolerances.date_days);
  EXPECT_EQ(loaded->tolerances.event_instance_days,
            d.tolerances.event_instance_days);
  EXPECT_EQ(loaded->minhash.num_hashes, d.minhash.num_hashes);
  EXPECT_EQ(loaded->minhash.seed, d.minhash.seed);
  EXPECT_EQ(loaded->minhash.threshold, d.minhash.threshold);
  EXPECT_EQ(loaded->align.min_modifier_overlap, d.align.min_modifier_overlap);
  EXPECT_EQ(loaded->align.vague_heads, d.align.vague_heads);
  EXPECT_EQ(loaded->limits.max_evidence, d.limits.max_evidence);
  EXPECT_EQ(loaded->status_compatible, d.status_compatible);
}

TEST(JudgeConfigTest, KindsMatchRuleIds) {
  const auto& kinds = JudgeConfig::Kinds();
  EXPECT_EQ(kinds.size(), 11u);
  EXPECT_EQ(JudgeConfig::Defaults().judgment("conflict").severity,
            Severity::kError);
  EXPECT_FALSE(JudgeConfig::Defaults().judgment("no-such").enabled);
}

TEST(JudgeConfigTest, OverridesApply) {
  auto c =
      JudgeConfig::Parse("j.json",
                         R"({"judgments": {"conflict": {"severity": "warning"},
                         "duplicate": {"enabled": false}},
          "tolerances": {"relative": 0.02, "date_days": {"month": 5}}})");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->judgment("conflict").severity, Severity::kWarning);
  EXPECT_FALSE(c->judgment("duplicate").enabled);
  EXPECT_EQ(c->tolerances.relative, 0.02);
  EXPECT_EQ(c->tolerances.date_days[2], 5);
  EXPECT_EQ(c->tolerances.approximate, 0.05);  // untouched default
}

TEST(JudgeConfigTest, ErrorsNameFileAndPointer) {
  struct Case {
    const char* json;
    const char* want;
  } cases[] = {
      {"{", "j.json: /: not valid JSON"},
      {"[]", "j.json: /: expected an object"},
      {R"({"tolerances": {"relative": "1%"}})",
       "j.json: /tolerances/relative: expected a number"},
      {R"({"tolerances": {"relative": 3}})",
       "j.json: /tolerances/relative: expected a number in [0, 1]"},
      {R"({"judgments": {"conflikt": {}}})", "j.json: /judgments/conflikt: "},
      {R"({"judgments": {"conflict": {"severity": "fatal"}}})",
       "j.json: /judgments/conflict/severity: expected"},
      {R"({"minhash": {"bands": 3}})",
       "j.json: /minhash: bands * rows must equal num_hashes"},
      {R"({"tolerances": {"date_days": {"fortnight": 1}}})",
       "j.json: /tolerances/date_days/fortnight: unknown key"},
      {R"({"align": {"vague_heads": "person"}})",
       "j.json: /align/vague_heads: expected an array"},
      {R"({"align": {"vague_heads": ["person", 2]}})",
       "j.json: /align/vague_heads/1: expected a string"},
      {R"({"status_compatible": [["a", 1]]})",
       "j.json: /status_compatible/0/1: expected a string"},
      {R"({"family": "money"})", "j.json: /family: expected \"judge\""},
      {R"({"extra": true})", "j.json: /extra: unknown key"},
      {R"({"minhash": {"seed": -1}})",
       "j.json: /minhash/seed: expected a non-negative integer"},
      {R"({"limits": {"max_evidence": 1.5}})",
       "j.json: /limits/max_evidence: expected an integer"},
  };
  for (const auto& tc : cases) {
    auto c = JudgeConfig::Parse("j.json", tc.json);
    ASSERT_FALSE(c.ok()) << tc.json;
    EXPECT_EQ(std::string(c.status().message()).rfind(tc.want, 0), 0u)
        << c.status().message() << "\nwanted prefix: " << tc.want;
  }
}

TEST(JudgeConfigTest, MissingFile) {
  auto c = JudgeConfig::Load("/nonexistent/judge.json");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(std::string(c.status().message()).find("/nonexistent/judge.json"),
            std::string::npos);
}

TEST(JudgeConfigTest, BinaryInputIsAnErrorNotACrash) {
  std::string junk = "\xff\xfe{\"judgments\":\x00\x01";
  junk.push_back('\0');
  EXPECT_FALSE(JudgeConfig::Parse("j.json", junk).ok());
}

}  // namespace
}  // namespace crosscheck::judge
