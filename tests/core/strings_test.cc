// Symbol and SharedString: the compact string types of claim fields.
#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "checker/core/types.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace crosscheck {
namespace {

TEST(SymbolTest, EqualContentsAreOneSymbol) {
  const std::string text = "currency";
  Symbol a = text;
  Symbol b("currency");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.data(), b.data());  // interned: one copy
  EXPECT_NE(a, Symbol("count"));
  EXPECT_EQ(a, "currency");
  EXPECT_EQ(a, text);
  EXPECT_EQ(a.size(), 8u);
}

TEST(SymbolTest, DefaultIsEmpty) {
  Symbol s;
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(s, "");
  EXPECT_EQ(s, Symbol(""));
  EXPECT_EQ(s.str(), std::string());
}

TEST(SymbolTest, OrdersByContentNotByInterningOrder) {
  // "zeta" is interned before "alpha": order must still be alphabetical.
  std::vector<Symbol> v = {Symbol("zeta-order"), Symbol("alpha-order"),
                           Symbol("mid-order")};
  std::sort(v.begin(), v.end());
  EXPECT_EQ(absl::StrJoin(v, ","), "alpha-order,mid-order,zeta-order");
  EXPECT_TRUE(Symbol("a") < Symbol("b"));
}

TEST(SymbolTest, FormatsLikeAString) {
  Symbol unit = "USD";
  EXPECT_EQ(absl::StrCat(unit, " 4.8"), "USD 4.8");
  EXPECT_EQ(absl::StrFormat("[%s]", unit), "[USD]");
  EXPECT_EQ(unit + "!", "USD!");
  EXPECT_EQ("$" + unit, "$USD");
  const std::string& ref = unit;
  EXPECT_EQ(ref, "USD");
}

TEST(SymbolTest, JsonRoundTrip) {
  nlohmann::json j{{"unit", Symbol("km")},
                   {"mods", std::vector<Symbol>{"a", "b"}}};
  EXPECT_EQ(j.dump(), R"({"mods":["a","b"],"unit":"km"})");
  Symbol back = j["unit"].get<Symbol>();
  EXPECT_EQ(back, "km");
}

TEST(SymbolTest, InterningIsThreadSafe) {
  std::vector<std::vector<const char*>> seen(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &seen] {
      for (int i = 0; i < 200; ++i) {
        seen[t].push_back(Symbol(absl::StrCat("thread-word-", i)).data());
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 1; t < 4; ++t) EXPECT_EQ(seen[t], seen[0]);
}

TEST(SharedStringTest, CopiesShareOneBuffer) {
  SharedString a = std::string(150, 'x');
  SharedString b = a;
  EXPECT_EQ(a.data(), b.data());
  EXPECT_EQ(a, b);
  SharedString c = std::string(150, 'x');  // equal content, own buffer
  EXPECT_NE(a.data(), c.data());
  EXPECT_EQ(a, c);
  EXPECT_EQ(a.size(), 150u);
}

TEST(SharedStringTest, OutlivesTheOriginal) {
  SharedString copy;
  {
    SharedString original = "the port reopened on Monday";
    copy = original;
  }
  EXPECT_EQ(copy, "the port reopened on Monday");
  EXPECT_EQ(copy.find("Monday"), 21u);
  EXPECT_EQ(copy.substr(4, 4), "port");
}

TEST(SharedStringTest, EmptyAndMoves) {
  SharedString e;
  EXPECT_TRUE(e.empty());
  EXPECT_EQ(e, "");
  EXPECT_EQ(e.str(), "");
  SharedString a = "moved";
  SharedString b = std::move(a);
  EXPECT_EQ(b, "moved");
  a = b;
  EXPECT_EQ(a, "moved");
  EXPECT_EQ(absl::StrCat("<", b, ">"), "<moved>");
  std::string s = b;
  EXPECT_EQ(s, "moved");
  nlohmann::json j{{"s", b}};
  EXPECT_EQ(j.dump(), R"({"s":"moved"})");
}

TEST(InlineStringTest, FingerprintsStayInsideTheObject) {
  const InlineString fp = "00ff00ff00ff00ff";
  const char* bytes = fp.data();
  const char* object = reinterpret_cast<const char*>(&fp);
  EXPECT_TRUE(bytes >= object && bytes < object + sizeof(fp));  // no heap
  EXPECT_EQ(fp, "00ff00ff00ff00ff");
  EXPECT_EQ(fp.size(), 16u);
  EXPECT_STREQ(fp.c_str(), "00ff00ff00ff00ff");
}

TEST(InlineStringTest, LongTextGoesToTheHeapAndSurvivesCopiesAndMoves) {
  const std::string text(40, 'x');
  InlineString a = text;
  EXPECT_EQ(a, text);
  InlineString b = a;
  EXPECT_NE(a.data(), b.data());
  InlineString c = std::move(a);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): moved-from
  EXPECT_EQ(c, text);
  c = InlineString("short");
  EXPECT_EQ(c, "short");
  b = b;  // NOLINT: self-assignment keeps the text
  EXPECT_EQ(b, text);
}

TEST(InlineStringTest, ComparesAndConvertsLikeAString) {
  InlineString a = "abc", b = "abd", empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty, "");
  EXPECT_LT(a, b);
  EXPECT_EQ(absl::StrCat(a, "-", 1), "abc-1");
  EXPECT_EQ("id-" + a, "id-abc");
  const std::string s = b;
  EXPECT_EQ(s, "abd");
  nlohmann::json j = {{"fp", a}};
  EXPECT_EQ(j.dump(), R"({"fp":"abc"})");
  EXPECT_EQ(j["fp"].get<InlineString>(), a);
}

}  // namespace
}  // namespace crosscheck
