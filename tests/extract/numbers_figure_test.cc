// The hand-written figure matchers of numbers.cc against the regular
// expressions they replaced, over every short string of the characters
// that matter and over longer random ones.
#include <random>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "checker/extract/numbers.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

namespace crosscheck::extract {
namespace {

// Every string over `alphabet` of length 0..max_len.
std::vector<std::string> AllStrings(absl::string_view alphabet, int max_len) {
  std::vector<std::string> out = {""};
  size_t begin = 0;
  for (int len = 1; len <= max_len; ++len) {
    const size_t end = out.size();
    for (size_t i = begin; i < end; ++i) {
      for (char c : alphabet) out.push_back(out[i] + c);
    }
    begin = end;
  }
  return out;
}

std::vector<std::string> Inputs() {
  std::vector<std::string> in = AllStrings("01,.+- mb", 5);
  for (const char* s :
       {"12,000",       "1,234,567.89",  "-3.5",  "+7",
        "1,2345",       "1234,567",      "12,34", "1.2bn",
        "3.5 trillion", "1,200 million", "3 m.",  "3 m..",
        "12 ",          "12  m",         "4x",    "1,000,000,000",
        "10.5.5",       "007",           ",123",  "1,"}) {
    in.push_back(s);
  }
  std::mt19937 rng(7);
  const std::string chars = "0123456789,.+- mbnA";
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const int len = 6 + static_cast<int>(rng() % 12);
    for (int k = 0; k < len; ++k) s += chars[rng() % chars.size()];
    in.push_back(s);
  }
  return in;
}

TEST(FigurePrefix, FullMatchAgreesWithRegex) {
  const RE2 re("[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
  for (const std::string& s : Inputs()) {
    EXPECT_EQ(internal::FigurePrefix(s) == s.size(), RE2::FullMatch(s, re))
        << "[" << s << "]";
  }
  EXPECT_EQ(internal::FigurePrefix("12,000.5 m"), 8u);
  EXPECT_EQ(internal::FigurePrefix("1,23"), absl::string_view::npos);
  EXPECT_EQ(internal::FigurePrefix("1,2345"), absl::string_view::npos);
  EXPECT_EQ(internal::FigurePrefix("1234,567"), absl::string_view::npos);
  EXPECT_EQ(internal::FigurePrefix("3.x"), absl::string_view::npos);
  EXPECT_EQ(internal::FigurePrefix("-1,234 people"), 6u);
}

TEST(SplitFigureSuffix, AgreesWithRegex) {
  const RE2 re(
      "([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?) ?([a-z]+\\.?)?");
  int matched = 0;
  for (const std::string& s : Inputs()) {
    std::string want_figure, want_suffix;
    const bool want = RE2::FullMatch(s, re, &want_figure, &want_suffix);
    absl::string_view figure, suffix;
    ASSERT_EQ(internal::SplitFigureSuffix(s, &figure, &suffix), want)
        << "[" << s << "]";
    if (!want) continue;
    ++matched;
    EXPECT_EQ(figure, want_figure) << "[" << s << "]";
    EXPECT_EQ(suffix, want_suffix) << "[" << s << "]";
  }
  EXPECT_GT(matched, 1000);
}

}  // namespace
}  // namespace crosscheck::extract
