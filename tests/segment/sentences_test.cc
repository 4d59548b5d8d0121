#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "checker/segment/segment.h"
#include "gtest/gtest.h"

namespace crosscheck::segment {
namespace {

std::vector<std::string> Split(absl::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(text)) {
    EXPECT_LE(s.begin, s.end);
    EXPECT_LE(s.end, text.size());
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(SplitSentences, Table) {
  struct {
    const char* text;
    std::vector<std::string> want;
  } cases[] = {
      {"", {}},
      {"   ", {}},
      {"One sentence only", {"One sentence only"}},
      {"First one. Second one.", {"First one.", "Second one."}},
      {"Is it? Yes! Fine.", {"Is it?", "Yes!", "Fine."}},
      {"Really?! Then go.", {"Really?!", "Then go."}},
      {"The rate is 3.5 percent. It rose.",
       {"The rate is 3.5 percent.", "It rose."}},
      {"Prices rose 2.5%. Wages did not.",
       {"Prices rose 2.5%.", "Wages did not."}},
      {"She met Dr. Kim on Friday.", {"She met Dr. Kim on Friday."}},
      {"Mr. and Mrs. Park arrived. Ms. Lee left.",
       {"Mr. and Mrs. Park arrived.", "Ms. Lee left."}},
      {"Prof. Tanaka and Gen. Ito spoke.",
       {"Prof. Tanaka and Gen. Ito spoke."}},
      {"Sen. Reed and Rep. Cole agreed.", {"Sen. Reed and Rep. Cole agreed."}},
      {"The U.S. envoy left Seoul.", {"The U.S. envoy left Seoul."}},
      {"He flew to the U.S. The talks failed.",
       {"He flew to the U.S.", "The talks failed."}},
      {"Ties with the U.K. Foreign Office grew.",
       {"Ties with the U.K. Foreign Office grew."}},
      {"It was posted on Jan. 26 by the party.",
       {"It was posted on Jan. 26 by the party."}},
      {"Due in Sept. 2025 at the latest.",
       {"Due in Sept. 2025 at the latest."}},
      {"Vote set for Feb. 8. Polls open early.",
       {"Vote set for Feb. 8.", "Polls open early."}},
      {"Led by Donald J. Trump and others.",
       {"Led by Donald J. Trump and others."}},
      {"Toyota Motor Co. Ltd. said so.", {"Toyota Motor Co. Ltd. said so."}},
      {"Acme Inc. The firm denied it.", {"Acme Inc.", "The firm denied it."}},
      {"Tariffs, quotas, etc. are planned.",
       {"Tariffs, quotas, etc. are planned."}},
      {"Japan vs. Korea was close.", {"Japan vs. Korea was close."}},
      {"Items e.g. Drones were listed.", {"Items e.g. Drones were listed."}},
      {"Route No. 5 closed today.", {"Route No. 5 closed today."}},
      {"He said \"we will win.\" Then he left.",
       {"He said \"we will win.\"", "Then he left."}},
      {"She asked \"why?\" Nobody answered.",
       {"She asked \"why?\"", "Nobody answered."}},
      {"It faded... Then it returned.", {"It faded...", "Then it returned."}},
      {"It faded... and then returned.", {"It faded... and then returned."}},
      {"Wait\xE2\x80\xA6 Then silence.", {"Wait\xE2\x80\xA6", "Then silence."}},
      {"Sales fell. 2024 was worse.", {"Sales fell.", "2024 was worse."}},
      {"Sales fell. and then rose.", {"Sales fell. and then rose."}},
      {"See www.example.com for details.",
       {"See www.example.com for details."}},
      {"(It was late.) The vote passed.",
       {"(It was late.)", "The vote passed."}},
      {"Done.  Two spaces here.", {"Done.", "Two spaces here."}},
      {"Fin du débat. Élections demain.",
       {"Fin du débat.", "Élections demain."}},
      {"End of text.   ", {"End of text."}},
      {"  Leading space. Next.", {"Leading space.", "Next."}},
      {"Version 2.0 shipped. Users cheered.",
       {"Version 2.0 shipped.", "Users cheered."}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Split(c.text), c.want) << "text: " << c.text;
  }
}

TEST(SplitSentences, BinaryAndInvalidUtf8DoNotCrash) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>(i * 37));
  junk += ". \xC3";
  for (const Sentence& s : SplitSentences(junk)) {
    EXPECT_LE(s.begin, s.end);
    EXPECT_LE(s.end, junk.size());
  }
  // 100,000 dots are one run-on "sentence", cut into bounded pieces that
  // tile it.
  std::string dots(100000, '.');
  size_t covered = 0;
  for (const Sentence& s : SplitSentences(dots)) {
    EXPECT_EQ(s.begin, covered);
    EXPECT_LE(s.end - s.begin, 1024u);
    covered = s.end;
  }
  EXPECT_EQ(covered, dots.size());
}

// Run-on text is cut into pieces of at most 1,024 bytes, preferably after a
// comma, so that per-sentence work stays bounded; nothing is lost.
TEST(SplitSentences, RunOnTextIsCutWithoutLosingText) {
  std::string text;
  for (int i = 0; i < 400; ++i) {
    text += std::to_string(i) + " soldiers and " + std::to_string(i % 90) +
            "% of GDP on March " + std::to_string(i % 28 + 1) + ", 2024 ";
  }
  std::vector<Sentence> sentences = SplitSentences(text);
  ASSERT_GT(sentences.size(), 10u);
  std::string joined;
  size_t last_end = 0;
  for (const Sentence& s : sentences) {
    EXPECT_LE(s.end - s.begin, 1024u);
    EXPECT_GE(s.begin, last_end);
    last_end = s.end;
    // Cut pieces end after a comma, which this text has often.
    if (&s != &sentences.back()) {
      EXPECT_EQ(text[s.end - 1], ',') << s.begin;
    }
    for (size_t i = s.begin; i < s.end; ++i) {
      if (text[i] != ' ') joined += text[i];
    }
  }
  std::string expected;
  for (char c : text) {
    if (c != ' ') expected += c;
  }
  EXPECT_EQ(joined, expected.substr(0, joined.size()));
  EXPECT_GE(joined.size() + 8, expected.size());  // at most the tail differs
}

// Without any space (a binary-like run), the cut falls on a UTF-8 boundary.
TEST(SplitSentences, RunOnWithoutSpacesCutsOnCharacterBoundary) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "\xC3\xA9";  // é
  for (const Sentence& s : SplitSentences(text)) {
    EXPECT_LE(s.end - s.begin, 1024u);
    EXPECT_EQ(s.begin % 2, 0u);
    EXPECT_EQ(s.end % 2, 0u);
  }
}

}  // namespace
}  // namespace crosscheck::segment
