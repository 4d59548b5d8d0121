// Number normalizers: table tests of ParseNumber, ParseOrdinal, ScaleFactor,
// CurrencyCode, Singularize and NormalizeAmount's qualifier table.
#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "checker/extract/extractor.h"
#include "checker/extract/numbers.h"
#include "checker/extract/rules.h"
#include "gtest/gtest.h"

namespace crosscheck::extract {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(ParseNumber, Table) {
  struct {
    const char* text;
    std::optional<double> want;
  } cases[] = {
      {"12,000", 12000},
      {"1,234,567.5", 1234567.5},
      {"3.14", 3.14},
      {"0", 0},
      {"-4.5", -4.5},
      {"1 200", std::nullopt},  // a space is not a thousands separator
      {"12,34", std::nullopt},
      {"1.2bn", 1.2e9},
      {"3m", 3e6},
      {"5k", 5e3},
      {"$3.5tn", 3.5e12},
      {"US$1.2bn", 1.2e9},
      {"3.5 trillion", 3.5e12},
      {"1,200 million", 1.2e9},
      {"twelve thousand", 12000},
      {"Twelve Thousand", 12000},
      {"two hundred and fifty", 250},
      {"two hundred fifty thousand", 250000},
      {"twenty-five", 25},
      {"ninety nine", 99},
      {"a dozen", 12},
      {"two dozen", 24},
      {"a million", 1e6},
      {"one and a half million", 1.5e6},
      {"1.5 million", 1.5e6},
      {"half", 0.5},
      {"a half", 0.5},
      {"two-thirds", 2.0 / 3},
      {"two thirds", 2.0 / 3},
      {"three-quarters", 0.75},
      {"a fifth", 0.2},
      {"one in five", 0.2},
      {"1 in 4", 0.25},
      {"one out of ten", 0.1},
      {"one in every five", 0.2},
      {"three out of every ten", 0.3},
      {"one in every", std::nullopt},
      {"1/3", 1.0 / 3},
      {"dozens", std::nullopt},
      {"thousands", std::nullopt},
      {"several hundred", std::nullopt},
      {"one two", std::nullopt},
      {"twenty thirty", std::nullopt},
      {"third", std::nullopt},
      {"", std::nullopt},
      {"banana", std::nullopt},
      {"1/0", std::nullopt},
      {"\xff\xfe", std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    std::optional<double> got = ParseNumber(c.text);
    ASSERT_EQ(got.has_value(), c.want.has_value());
    if (got) {
      EXPECT_NEAR(*got, *c.want, 1e-9 * std::max(1.0, std::fabs(*c.want)));
    }
  }
}

TEST(IsFraction, Table) {
  EXPECT_TRUE(IsFraction("two-thirds"));
  EXPECT_TRUE(IsFraction("one in five"));
  EXPECT_TRUE(IsFraction("1/3"));
  EXPECT_FALSE(IsFraction("12,000"));
  EXPECT_FALSE(IsFraction("twelve"));
}

TEST(ParseOrdinal, Table) {
  struct {
    const char* text;
    std::optional<int> want;
  } cases[] = {
      {"first", 1},
      {"third", 3},
      {"twelfth", 12},
      {"twentieth", 20},
      {"twenty-first", 21},
      {"21st", 21},
      {"2nd", 2},
      {"3rd", 3},
      {"100th", 100},
      {"third-largest", 3},
      {"second biggest", 2},
      {"Fifth", 5},
      {"No. 1", 1},
      {"No.3", 3},
      {"number one", 1},
      {"#2", 2},
      {"largest", std::nullopt},
      {"three", std::nullopt},
      {"", std::nullopt},
      {"0th", std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(ParseOrdinal(c.text), c.want);
  }
}

TEST(ScaleFactor, Table) {
  struct {
    const char* word;
    std::optional<double> want;
  } cases[] = {
      {"thousand", 1e3},  {"k", 1e3},
      {"million", 1e6},   {"m", 1e6},
      {"mn", 1e6},        {"billion", 1e9},
      {"bn", 1e9},        {"BN", 1e9},
      {"trillion", 1e12}, {"tn", 1e12},
      {"crore", 1e7},     {"lakh", 1e5},
      {"hundred", 1e2},   {"zillion", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.word);
    EXPECT_EQ(ScaleFactor(c.word), c.want);
  }
}

TEST(CurrencyCode, Table) {
  struct {
    const char* text;
    std::optional<std::string> want;
  } cases[] = {
      {"$", "USD"},
      {"US$", "USD"},
      {"U.S. dollars", "USD"},
      {"dollars", "USD"},
      {"USD", "USD"},
      {"A$", "AUD"},
      {"C$", "CAD"},
      {"HK$", "HKD"},
      {"NT$", "TWD"},
      {"Australian dollars", "AUD"},
      {"€", "EUR"},
      {"euro", "EUR"},
      {"euros", "EUR"},
      {"£", "GBP"},
      {"pounds sterling", "GBP"},
      {"pound", "GBP"},
      {"¥", "JPY"},
      {"yen", "JPY"},
      {"yuan", "CNY"},
      {"renminbi", "CNY"},
      {"won", "KRW"},
      {"₩", "KRW"},
      {"rupees", "INR"},
      {"₹", "INR"},
      {"Rs.", "INR"},
      {"roubles", "RUB"},
      {"Swiss francs", "CHF"},
      {"pesos", std::nullopt},
      {"bananas", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(CurrencyCode(c.text), c.want);
  }
}

TEST(Singularize, Table) {
  struct {
    const char* word;
    const char* want;
  } cases[] = {
      {"soldiers", "soldier"},    {"people", "person"},
      {"persons", "person"},      {"dockworkers", "dockworker"},
      {"casualties", "casualty"}, {"fishermen", "fisherman"},
      {"children", "child"},      {"kilometres", "km"},
      {"Seats", "seat"},          {"buses", "bus"},
      {"churches", "church"},     {"status", "status"},
      {"crisis", "crisis"},       {"police", "police"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.word);
    EXPECT_EQ(Singularize(c.word), c.want);
  }
}

// NormalizeAmount on hand-made matches: the capture conventions.
RuleMatch MakeMatch(const Rule* rule,
                    std::vector<std::pair<std::string, std::string>> caps) {
  RuleMatch m;
  m.rule = rule;
  m.captures = std::move(caps);
  return m;
}

TEST(NormalizeAmount, QualifierTable) {
  Rule rule;
  rule.kind = MentionKind::kNumber;
  struct {
    const char* qual;
    double value, low, high;
    const char* key;
  } cases[] = {
      {"about", 1500, 1425, 1575, "about"},
      {"roughly", 1500, 1425, 1575, "about"},
      {"some", 1500, 1425, 1575, "about"},
      {"nearly", 50, 45, 50, "nearly"},
      {"almost", 50, 45, 50, "nearly"},
      {"more than", 300, 300, kInf, "more-than"},
      {"over", 300, 300, kInf, "more-than"},
      {"at least", 10, 10, kInf, "at-least"},
      {"up to", 10, 0, 10, "up-to"},
      {"as many as", 10, 0, 10, "up-to"},
      {"fewer than", 10, 0, 10, "less-than"},
      {"less  than", 10, 0, 10, "less-than"},
      {"just over", 100, 100, 110, "just-over"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.qual);
    auto a = NormalizeAmount(
        rule,
        MakeMatch(&rule, {{"qual", c.qual},
                          {"num", std::to_string(static_cast<int>(c.value))}}));
    ASSERT_TRUE(a.has_value());
    EXPECT_DOUBLE_EQ(a->value, c.value);
    EXPECT_DOUBLE_EQ(a->low, c.low);
    EXPECT_DOUBLE_EQ(a->high, c.high);
    EXPECT_EQ(a->qualifier, c.key);
  }
}

TEST(NormalizeAmount, CaptureConventions) {
  Rule number, money, percent, quantity, duration;
  number.kind = MentionKind::kNumber;
  money.kind = MentionKind::kMoney;
  percent.kind = MentionKind::kPercent;
  quantity.kind = MentionKind::kQuantity;
  duration.kind = MentionKind::kDuration;
  struct {
    const char* name;
    const Rule* rule;
    std::vector<std::pair<std::string, std::string>> caps;
    bool ok;
    double value, low, high;
    const char* unit;
    const char* dimension;
  } cases[] = {
      {"year range",
       &number,
       {{"num", "1910"}, {"num2", "45"}},
       true,
       1927.5,
       1910,
       1945,
       "",
       ""},
      {"season",
       &number,
       {{"num", "2023"}, {"num2", "24"}},
       true,
       2023.5,
       2023,
       2024,
       "",
       ""},
      {"century wrap",
       &number,
       {{"num", "1998"}, {"num2", "03"}},
       true,
       2000.5,
       1998,
       2003,
       "",
       ""},
      {"score", &number, {{"num", "3"}, {"num2", "1"}}, false, 0, 0, 0, "", ""},
      {"phone",
       &number,
       {{"num", "555"}, {"num2", "0199"}},
       false,
       0,
       0,
       0,
       "",
       ""},
      {"bare year", &number, {{"num", "2014"}}, false, 0, 0, 0, "", ""},
      {"year as money",
       &money,
       {{"cur", "$"}, {"num", "2014"}},
       true,
       2014,
       2014,
       2014,
       "USD",
       "currency"},
      {"money scale",
       &money,
       {{"cur", "US$"}, {"num", "1.2"}, {"scale", "bn"}},
       true,
       1.2e9,
       1.2e9,
       1.2e9,
       "USD",
       "currency"},
      {"shared scale",
       &money,
       {{"cur", "$"}, {"num", "30"}, {"num2", "40"}, {"scale2", "billion"}},
       true,
       35e9,
       30e9,
       40e9,
       "USD",
       "currency"},
      {"money needs currency", &money, {{"num", "5"}}, false, 0, 0, 0, "", ""},
      {"won is a verb",
       &money,
       {{"num", "5"}, {"cur", "won"}},
       false,
       0,
       0,
       0,
       "",
       ""},
      {"won with scale",
       &money,
       {{"num", "5"}, {"scale", "billion"}, {"cur", "won"}},
       true,
       5e9,
       5e9,
       5e9,
       "KRW",
       "currency"},
      {"percent",
       &percent,
       {{"num", "15"}, {"pct", "per cent"}},
       true,
       0.15,
       0.15,
       0.15,
       "%",
       "percent"},
      {"points",
       &percent,
       {{"num", "3"}, {"pct", "percentage points"}},
       true,
       3,
       3,
       3,
       "pp",
       "percentage-points"},
      {"basis points",
       &percent,
       {{"num", "25"}, {"pct", "basis points"}},
       true,
       0.25,
       0.25,
       0.25,
       "pp",
       "percentage-points"},
      {"index points",
       &percent,
       {{"num", "500"}, {"pct", "points"}},
       false,
       0,
       0,
       0,
       "",
       ""},
      {"noun",
       &quantity,
       {{"num", "12,000"}, {"noun", "North Korean soldiers"}},
       true,
       12000,
       12000,
       12000,
       "soldier",
       "count"},
      {"noun with a verb",
       &quantity,
       {{"num", "2,000"}, {"noun", "were killed in floods"}},
       false,
       0,
       0,
       0,
       "",
       ""},
      {"years are durations",
       &quantity,
       {{"num", "70"}, {"noun", "years"}},
       false,
       0,
       0,
       0,
       "",
       ""},
      {"year modifier",
       &quantity,
       {{"num", "2024"}, {"noun", "elections"}},
       false,
       0,
       0,
       0,
       "",
       ""},
      {"unit",
       &quantity,
       {{"num", "1,100"}, {"unit", "kilometres"}},
       true,
       1100,
       1100,
       1100,
       "km",
       "distance"},
      {"duration",
       &duration,
       {{"num", "2"}, {"unit", "years"}},
       true,
       2,
       2,
       2,
       "year",
       "duration"},
      {"rank", &number, {{"ord", "third"}}, true, 3, 3, 3, "", "rank"},
      {"fraction",
       &number,
       {{"num", "two-thirds"}},
       true,
       2.0 / 3,
       2.0 / 3,
       2.0 / 3,
       "%",
       "percent"},
      {"garbage", &number, {{"num", "\xff"}}, false, 0, 0, 0, "", ""},
      {"nothing", &number, {}, false, 0, 0, 0, "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto a = NormalizeAmount(*c.rule, MakeMatch(c.rule, c.caps));
    ASSERT_EQ(a.has_value(), c.ok);
    if (!a) continue;
    EXPECT_NEAR(a->value, c.value, 1e-9 * std::max(1.0, std::fabs(c.value)));
    EXPECT_NEAR(a->low, c.low, 1e-9 * std::max(1.0, std::fabs(c.low)));
    EXPECT_NEAR(a->high, c.high, 1e-9 * std::max(1.0, std::fabs(c.high)));
    EXPECT_EQ(a->unit, c.unit);
    EXPECT_EQ(a->dimension, c.dimension);
  }
}

}  // namespace
}  // namespace crosscheck::extract
