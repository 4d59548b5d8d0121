#include "checker/core/mapped_text.h"

#include "gtest/gtest.h"

namespace crosscheck {
namespace {

TEST(MappedTextTest, AppendKeepsOrigins) {
  MappedText t;
  t.Append("Japan", 10);
  t.AppendReplacement("'", 15, 18);
  t.Append("s", 18);
  EXPECT_EQ(t.text(), "Japan's");
  EXPECT_EQ(t.OriginalSpan(0, 7), (Span{10, 19}));
  EXPECT_EQ(t.OriginalSpan(5, 6), (Span{15, 18}));
  EXPECT_EQ(t.OriginOf(6), 18u);
  EXPECT_EQ(t.OriginOf(7), 19u);
}

TEST(MappedTextTest, SliceAndTrim) {
  MappedText t;
  t.Append("ab  \n", 0);
  t.TrimRight();
  EXPECT_EQ(t.text(), "ab");
  MappedText s = t.Slice(1, 2);
  EXPECT_EQ(s.text(), "b");
  EXPECT_EQ(s.OriginalSpan(0, 1), (Span{1, 2}));
}

TEST(LineIndexTest, PositionsAreOneBased) {
  LineIndex idx("ab\ncd\n\nef");
  EXPECT_EQ(idx.PositionOf(0), (Position{1, 1}));
  EXPECT_EQ(idx.PositionOf(3), (Position{2, 1}));
  EXPECT_EQ(idx.PositionOf(4), (Position{2, 2}));
  EXPECT_EQ(idx.PositionOf(7), (Position{4, 1}));
}

}  // namespace
}  // namespace crosscheck
