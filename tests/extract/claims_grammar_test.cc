// Clauses, modality and speakers (modality.h), table-driven.
#include <string>

#include "checker/extract/modality.h"
#include "gtest/gtest.h"
#include "tests/extract/claims_testing.h"

namespace crosscheck::extract {
namespace {

const Lexicon& Lex() { return testing::TestLexicon(); }

TEST(ModalityTest, Table) {
  struct Case {
    const char* clause;
    int reference_year;
    Modality want;
  } cases[] = {
      {"the ministry will raise the levy to 12%", 2026, Modality::kFuture},
      {"the port is scheduled to reopen in Q3 2024", 2026, Modality::kFuture},
      {"Scheduled Q3 2024", 2026, Modality::kFuture},
      {"the board plans to cut 900 jobs", 2026, Modality::kFuture},
      {"the summit is set to open next week", 2026, Modality::kFuture},
      {"2% of GDP by 2027", 2026, Modality::kFuture},
      {"2% of GDP by 2020", 2026, Modality::kPresent},
      {"the upcoming vote", 0, Modality::kFuture},
      {"the referendum to be held in May", 0, Modality::kFuture},
      {"she pledged to accelerate the revisions", 0, Modality::kFuture},
      {"we may soon be facing a stronger rival", 0, Modality::kHedged},
      {"output could fall 3%", 0, Modality::kHedged},
      {"prices might possibly ease", 0, Modality::kHedged},
      {"inflation fell to 3.1% in March", 0, Modality::kPast},
      {"the strike ended two weeks ago", 0, Modality::kPast},
      {"turnout was 58%", 0, Modality::kPast},
      {"the firm reported a loss last year", 0, Modality::kPast},
      {"the reportedly agreed figure", 0, Modality::kPast},
      {"the union represents 9,500 nurses", 0, Modality::kPresent},
      // The present perfect says how things stand as of writing; the past
      // perfect and the simple past do not.
      {"its value has since climbed to $9.6 billion", 0, Modality::kPresent},
      {"the county has sold 4,000 permits", 0, Modality::kPresent},
      {"the insurers have quietly paid $40 million", 0, Modality::kPresent},
      {"86,000 households have been told to boil water", 0, Modality::kPresent},
      {"86,000 households had been told to boil water", 0, Modality::kPast},
      {"its value had climbed to $9.6 billion", 0, Modality::kPast},
      {"its value climbed to $9.6 billion", 0, Modality::kPast},
      {"the board has 12 members who voted in June", 0, Modality::kPast},
      {"the party rules with a minority", 0, Modality::kPresent},
      {"the plan is based on 2% growth", 0, Modality::kPresent},
      {"", 0, Modality::kPresent},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ModalityName(ClauseModality(c.clause, Lex(), c.reference_year)),
              ModalityName(c.want))
        << c.clause;
  }
}

TEST(ClauseTest, Bounds) {
  struct Case {
    const char* sentence;
    const char* figure;
    const char* clause;
  } cases[] = {
      {"Exports rose 5%, while imports fell 2%.", "2%",
       "while imports fell 2%."},
      {"Exports rose 5%, while imports fell 2%.", "5%", "Exports rose 5%, "},
      {"Costs rose 4%; wages rose 1%.", "1%", " wages rose 1%."},
      {"Two numbers - 7 and 8 - matter.", "7", "7 and 8"},
      {"Output: 40 tons.", "40", " 40 tons."},
      {"Debt hit 90%, which alarmed lenders.", "90%", "Debt hit 90%, "},
      // ", and" + a new subject and its verb: a second clause.
      {"The mill employs 400 people, and the owners could sell it.", "400",
       "The mill employs 400 people, "},
      {"The fleet has 64 ships, and Ona Ruiz said 12 would be sold.", "12",
       "and Ona Ruiz said 12 would be sold."},
      // A relative clause set off by commas ends at its closing comma.
      {"Halvik, which employs 900 people, plans to hire more by 2028.", "900",
       "which employs 900 people"},
      {"Halvik, which employs 2,900 people and 1,100 others, plans to grow.",
       "1,100", "which employs 2,900 people and 1,100 others"},
      // A verb right after "and" shares the subject: one clause.
      {"Sales rose 5%, and fell 2% later.", "2%",
       "Sales rose 5%, and fell 2% later."},
  };
  for (const Case& c : cases) {
    std::string s = c.sentence;
    size_t pos = s.find(c.figure);
    ASSERT_NE(pos, std::string::npos);
    auto [b, e] = ClauseBounds(
        s, static_cast<uint32_t>(pos),
        static_cast<uint32_t>(pos + std::string(c.figure).size()), Lex());
    EXPECT_EQ(s.substr(b, e - b), c.clause) << c.sentence << " / " << c.figure;
  }
  // Out-of-range offsets are clamped.
  auto [b, e] = ClauseBounds("abc", 10, 20, Lex());
  EXPECT_LE(b, e);
  EXPECT_LE(e, 3u);
}

TEST(ClauseTest, VerbPhrases) {
  struct Case {
    const char* sentence;
    const char* figure;
    Modality want;
  } cases[] = {
      // Each verb phrase of ", and <verb>" has its own tense.
      {"The line runs 58 trains, and carried 9 million riders last year.", "58",
       Modality::kPresent},
      {"The line runs 58 trains, and carried 9 million riders last year.",
       "9 million", Modality::kPast},
      {"The dam is due to open in 2027 and could hold 40 billion litres.",
       "2027", Modality::kFuture},
      {"The dam is due to open in 2027 and could hold 40 billion litres.",
       "40 billion", Modality::kHedged},
      // "rose and fell" is one phrase.
      {"Prices rose and will fall 3% next year.", "3%", Modality::kFuture},
  };
  for (const Case& c : cases) {
    std::string s = c.sentence;
    const std::vector<Token> t = Tokenize(s);
    const uint32_t at = static_cast<uint32_t>(s.find(c.figure));
    const uint32_t end =
        at + static_cast<uint32_t>(std::string(c.figure).size());
    auto [cb, ce] = ClauseBounds(s, at, end, Lex());
    auto [b, e] = VerbPhraseBounds(t, cb, ce, at, end, Lex());
    EXPECT_EQ(ModalityName(ClauseModality(t, b, e, Lex(), 2026)),
              ModalityName(c.want))
        << c.sentence << " / " << c.figure;
  }
}

TEST(SpeakerTest, Table) {
  struct Case {
    const char* sentence;
    const char* speaker;
  } cases[] = {
      {"Prices will keep rising, Maria Gomez said.", "Maria Gomez"},
      {"\"We are ready,\" said Omar Haddad.", "Omar Haddad"},
      {"According to Statistics Canada, jobs rose.", "Statistics Canada"},
      {"Park Ji-woo told reporters the plan was dead.", "Park Ji-woo"},
      {"Kim Eun-ji, a researcher at a Seoul institute, said talks stalled.",
       "Kim Eun-ji"},
      {"Prime Minister Ana Costa said the budget would pass.", "Ana Costa"},
      {"The ministry said exports fell.", ""},
      {"She said nothing.", ""},
      {"Sales rose 4%.", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FindSpeaker(c.sentence, Lex()), c.speaker) << c.sentence;
  }
}

TEST(SpeakerTest, Quoted) {
  EXPECT_TRUE(IsQuoted("\"We need more,\" he said."));
  EXPECT_TRUE(IsQuoted("\xE2\x80\x9CWe need more.\xE2\x80\x9D"));
  EXPECT_FALSE(IsQuoted("Sales rose."));
  EXPECT_FALSE(IsQuoted(""));
}

}  // namespace
}  // namespace crosscheck::extract
