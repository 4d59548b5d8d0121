// Subject detection over phrases from varied stories (strikes, quakes,
// recalls, central banks, elections, trade), written for these tests.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/extract/subject.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace crosscheck::extract {
namespace {

const Lexicon& Lex() {
  static const Lexicon* lex = [] {
    auto l = Lexicon::Load(CROSSCHECK_SOURCE_DIR "/rules/lexicon.json");
    if (!l.ok()) {
      // Every word class is required: there is no empty lexicon to test.
      std::fprintf(stderr, "%s\n", std::string(l.status().message()).c_str());
      std::abort();
    }
    return new Lexicon(std::move(*l));
  }();
  return *lex;
}

Amount Count(const char* unit) {
  Amount a;
  a.unit = unit;
  a.dimension = "count";
  return a;
}
Amount Pct() {
  Amount a;
  a.unit = "%";
  a.dimension = "percent";
  return a;
}
Amount Usd() {
  Amount a;
  a.unit = "USD";
  a.dimension = "currency";
  return a;
}
Amount None() { return Amount{}; }

TEST(SubjectTest, Table) {
  struct Case {
    const char* sentence;
    const char* figure;
    MentionKind kind;
    Amount amount;
    const char* head;
    const char* modifiers;  // comma-joined, sorted; "*" = do not check
  } cases[] = {
      {"Some 4,800 dockworkers on strike shut the harbor.", "4,800",
       MentionKind::kQuantity, Count("dockworker"), "dockworker", "strike"},
      {"Officials said the death toll rose to 2,310 by Friday.", "2,310",
       MentionKind::kNumber, None(), "death toll", ""},
      {"Inflation fell to 3.1% in March, the bureau said.", "3.1%",
       MentionKind::kPercent, Pct(), "inflation", ""},
      {"Officials put the cost of the repairs at $64 million.", "$64 million",
       MentionKind::kMoney, Usd(), "repair", ""},
      // "cost of" is the noun, even after an adjective; "cost" before an
      // object is the verb.
      {"The estimated cost of the repairs is $64 million.", "$64 million",
       MentionKind::kMoney, Usd(), "repair", ""},
      {"The stoppage cost the regional economy $1.2 billion.", "$1.2 billion",
       MentionKind::kMoney, Usd(), "cost", ""},
      // A relative "that" after the noun is no object of it.
      {"It was a $90m survey ship that the navy had ordered.", "$90m",
       MentionKind::kMoney, Usd(), "ship", "survey"},
      // A noun before a passive participle and "to"/"by" owns the figure;
      // the participle's object only qualifies it.
      {"The number of confirmed cases linked to the outbreak had risen to "
       "387.",
       "387", MentionKind::kNumber, None(), "case", "confirmed"},
      {"The losses caused by the storm rose to $40 million.", "$40 million",
       MentionKind::kMoney, Usd(), "loss", ""},
      // A proportion that is a verb's object is a share of the "of" object
      // (a possessive before it is only its owner).
      {"The works treats around 45% of the city's drinking water.",
       "around 45%", MentionKind::kPercent, Pct(), "water", "drinking"},
      {"Wrenfield gets 60% of its water from the Hollins Lane works.", "60%",
       MentionKind::kPercent, Pct(), "water", ""},
      // Money as the object of a verb of penalty is the penalty.
      {"It was fined $2.4 million by the water regulator in 2023.",
       "$2.4 million", MentionKind::kMoney, Usd(), "fine", ""},
      {"The regulator fined it $4.2 million in 2023.", "$4.2 million",
       MentionKind::kMoney, Usd(), "fine", ""},
      {"Analysts at Brightwater expect peak annual sales of $2.5 billion.",
       "$2.5 billion", MentionKind::kMoney, Usd(), "sale", "annual,peak"},
      {"The maker announced a recall of 1.2 million vehicles this week.",
       "1.2 million", MentionKind::kQuantity, Count("vehicle"), "automobile",
       "recall"},
      {"The central bank raised its benchmark rate by 25 basis points.", "25",
       MentionKind::kNumber, None(), "interest rate", ""},
      {"Washington will raise tariffs on South Korean cars from 15 percent to "
       "25 percent.",
       "25 percent", MentionKind::kPercent, Pct(), "tariff",
       "automobile,korean,south"},
      {"Moscow received 12,000 North Korean soldiers last year.", "12,000",
       MentionKind::kQuantity, Count("soldier"), "troop", "korean,north"},
      {"He praised the $640 billion U.S.-Japan trade relationship.",
       "$640 billion", MentionKind::kMoney, Usd(), "relationship",
       "japan,trade,u.s."},
      {"Japan pledged 2% of GDP in defense spending by 2027.", "2%",
       MentionKind::kPercent, Pct(), "defense spending", ""},
      {"Seoul unveiled a $350 billion investment plan.", "$350 billion",
       MentionKind::kMoney, Usd(), "plan", "investment"},
      {"Unemployment stood at 4.2% in the third quarter.", "4.2%",
       MentionKind::kPercent, Pct(), "unemployment", ""},
      {"The company's revenue reached $12 billion.", "$12 billion",
       MentionKind::kMoney, Usd(), "revenue", "company"},
      {"Britain's defence budget was 2.3% of GDP.", "2.3%",
       MentionKind::kPercent, Pct(), "defense spending", "britain"},
      {"Rescuers found 37 survivors under the rubble.", "37",
       MentionKind::kQuantity, Count("survivor"), "survivor", ""},
      {"A 25% stake in the airline changed hands.", "25%",
       MentionKind::kPercent, Pct(), "stake", "airline"},
      {"Refunds worth $140 billion in import duties may follow.",
       "$140 billion", MentionKind::kMoney, Usd(), "tariff", "import"},
      {"The quake killed more than 300 people in the province.", "300",
       MentionKind::kQuantity, Count("person"), "person", ""},
      {"Exports of semiconductors jumped 18% in May.", "18%",
       MentionKind::kPercent, Pct(), "export", "semiconductor"},
      {"The price of crude oil climbed to $91 a barrel.", "$91",
       MentionKind::kMoney, Usd(), "price", "crude,oil"},
      {"The number of displaced families reached 14,000.", "14,000",
       MentionKind::kNumber, None(), "family", "displaced"},
      {"Turnout was 58.2% in the runoff.", "58.2%", MentionKind::kPercent,
       Pct(), "turnout", ""},
      {"The union represents 9,500 nurses across the state.", "9,500",
       MentionKind::kQuantity, Count("nurse"), "nurse", ""},
      {"Wheat output is expected to total 31 million tonnes.", "31 million",
       MentionKind::kNumber, None(), "output", "wheat"},
      {"Parliament approved a $2.1 trillion spending package.", "$2.1 trillion",
       MentionKind::kMoney, Usd(), "package", "spending"},
      {"Support for the governing party slipped to 27%.", "27%",
       MentionKind::kPercent, Pct(), "support", "governing,party"},
      {"The government programme will cost $4 billion.", "$4 billion",
       MentionKind::kMoney, Usd(), "program", "government"},
      {"Military spending rose 6.8% last year.", "6.8%", MentionKind::kPercent,
       Pct(), "defense spending", ""},
      {"The opposition won 30% of the vote.", "30%", MentionKind::kPercent,
       Pct(), "opposition", ""},
      {"The firm's market value fell to $80 billion.", "$80 billion",
       MentionKind::kMoney, Usd(), "value", "firm,market"},
      {"Analysts counted 2,000 protesters outside the ministry.", "2,000",
       MentionKind::kQuantity, Count("protester"), "protester", ""},
      {"About 70 aircraft were grounded.", "70", MentionKind::kQuantity,
       Count("aircraft"), "aircraft", ""},
      {"A 0.5% rise in consumer prices surprised markets.", "0.5%",
       MentionKind::kPercent, Pct(), "price", "consumer"},
      // An aside between commas before the verb: the noun before it.
      {"The stadium, built with public money, will cost $900 million.",
       "$900 million", MentionKind::kMoney, Usd(), "stadium", ""},
      // Money drawn from a source names the source.
      {"The mayor released $4 million from the city reserve fund.",
       "$4 million", MentionKind::kMoney, Usd(), "fund", "city,reserve"},
      {"She announced a grant of $2 million from the city reserve fund.",
       "$2 million", MentionKind::kMoney, Usd(), "grant", ""},
      // A time phrase is skipped; "it" stands for the definite noun phrase.
      {"Winds drove the Ashby blaze over the ridge, and by Friday night it had "
       "scorched "
       "8,200 hectares.",
       "8,200 hectares", MentionKind::kQuantity,
       Amount{8200, 8200, 8200, "ha", "area", ""}, "blaze", "ashby"},
      // The object of a verb of estimating owns the figure after "at".
      {"Officials estimated the crowd at 40,000 on Sunday.", "40,000",
       MentionKind::kNumber, None(), "crowd", ""},
      {"The council puts the total annual cost at $8 million.", "$8 million",
       MentionKind::kMoney, Usd(), "cost", "annual,total"},
      // "cost" as a verb with an object before the money.
      {"The blackout cost the local economy $40 million.", "$40 million",
       MentionKind::kMoney, Usd(), "cost", ""},
      // A limit is not a head count.
      {"The boat is licensed to carry up to 90 passengers.", "up to 90",
       MentionKind::kQuantity, Count("passenger"), "capacity", "passenger"},
      {"The boat carried 84 passengers.", "84", MentionKind::kQuantity,
       Count("passenger"), "passenger", ""},
      // A bare count of people takes the state that follows it.
      {"Roughly 5,000 people were still in emergency shelters.", "5,000",
       MentionKind::kQuantity, Count("person"), "person", "emergency,shelter"},
      {"Some 800 people are now stationed at the border.", "800",
       MentionKind::kQuantity, Count("person"), "person", "border,stationed"},
      {"The missile flew 1,100 kilometers before landing.", "1,100",
       MentionKind::kQuantity, Amount{0, 0, 0, "km", "distance", ""}, "missile",
       ""},
      // A volume or mass of a substance is the substance's; an area "of
      // forest" stays the fire's.
      {"Crews said about 9,000 gallons of the solvent had leaked.",
       "9,000 gallons", MentionKind::kQuantity,
       Amount{0, 0, 0, "gal", "volume", ""}, "solvent", ""},
      {"The blaze burned 1,400 acres of forest.", "1,400 acres",
       MentionKind::kQuantity, Amount{0, 0, 0, "acre", "area", ""}, "blaze",
       ""},
      // The state of counted people says what is counted.
      {"By dusk 23 people were confirmed dead in the valley.", "23",
       MentionKind::kQuantity, Count("person"), "death toll", "confirmed"},
      {"Eight people were reported missing after the landslide.", "Eight",
       MentionKind::kQuantity, Count("person"), "missing", "reported"},
      {"The minibus had 14 people on board when it slid.", "14",
       MentionKind::kQuantity, Count("person"), "passenger", ""},
      {"Crews pulled 40 people alive from the rubble.", "40",
       MentionKind::kQuantity, Count("person"), "survivor", ""},
      // ... past an appositive aside; "taken to hospital" is an admission.
      {"Six people, two of them pupils, were taken to hospital.", "Six",
       MentionKind::kQuantity, Count("person"), "hospital admission", ""},
      // A bare figure heading its own clause: its state, never the clause
      // before the conjunction.
      {"At least 9 were killed and about 20 were still unaccounted for.",
       "about 20", MentionKind::kNumber, None(), "missing", ""},
      {"At least 9 were killed and about 20 were still unaccounted for.",
       "At least 9", MentionKind::kNumber, None(), "death toll", ""},
      {"The clinic treated the injured and 20 were sent home.", "20",
       MentionKind::kNumber, None(), "", ""},
      // Chained objects: the first noun is the head, the rest qualify it.
      {"Divers found three more bodies, raising the death toll from the storm "
       "in the bay to 31.",
       "31", MentionKind::kNumber, None(), "death toll", "bay,storm"},
      {"The number of displaced families in the camps reached 14,000.",
       "14,000", MentionKind::kNumber, None(), "family", "camp,displaced"},
      {"Imports from Brazil rose 4% in June.", "4%", MentionKind::kPercent,
       Pct(), "import", "brazil"},
      // A plural generic head counts the noun before it; a place object
      // qualifies it.
      {"Visitor numbers at the museum rose 12% last year.", "12%",
       MentionKind::kPercent, Pct(), "visitor", "museum"},
      {"It was a record season: ticket numbers on the line climbed 6%.", "6%",
       MentionKind::kPercent, Pct(), "ticket", "line"},
      // A proportion counts the noun phrase after its copula, or the subject
      // before an aside.
      {"Nearly one in four of those polled were farmers.", "one in four",
       MentionKind::kPercent, Pct(), "farmer", ""},
      {"Students from the college, back from a field trip, made up 40% of "
       "the passengers.",
       "40%", MentionKind::kPercent, Pct(), "student", "college"},
      // Money for someone or something: the beneficiary names it; a phrasal
      // verb's particle never does.
      {"The council has set aside $2 million for flooded households.",
       "$2 million", MentionKind::kMoney, Usd(), "household", "flooded"},
      {"The board approved $3 million in emergency grants for stranded "
       "travellers.",
       "$3 million", MentionKind::kMoney, Usd(), "traveller",
       "emergency,grant,stranded"},
      {"The club paid back $40,000 to its members.", "$40,000",
       MentionKind::kMoney, Usd(), "club", ""},
      // A reason after a second object does not name the money.
      {"The league fined the club $2 million for breaches of the rules.",
       "$2 million", MentionKind::kMoney, Usd(), "club", ""},
      // A copula after a figure is no noun.
      {"Nine people were treated and 3 remain in hospital.", "3",
       MentionKind::kNumber, None(), "", ""},
      {"Visitors to the gallery numbered 5,000 on Sunday.", "5,000",
       MentionKind::kNumber, None(), "visitor", "gallery"},
      // A relative clause's owner, past a passive participle; "the count
      // of" names what is counted whatever it is the object of.
      {"Officials raised their count of the households whose savings were "
       "stolen to 1,200.",
       "1,200", MentionKind::kNumber, None(), "household", ""},
      // Money: the noun it is "of" owns it; a purpose names it.
      {"The gang demanded a ransom of $8 million in bitcoin.", "$8 million",
       MentionKind::kMoney, Usd(), "ransom", ""},
      {"Councils sought an increase of $3 million in spending.", "$3 million",
       MentionKind::kMoney, Usd(), "spending", ""},
      {"The firm has set aside $90 million to cover refunds and legal costs.",
       "$90 million", MentionKind::kMoney, Usd(), "refund", ""},
      // A long appositive after a name: its head is the common noun other
      // sources use for the thing named.
      {"Hollin Quay, the marina being dredged for the town on the old docks "
       "north of the harbour wall, is now expected to cost $52 million.",
       "$52 million", MentionKind::kMoney, Usd(), "marina", ""},
      // Not when the name is only part of the noun phrase before the aside.
      {"Sales of Quorvex, its best-selling pill, reached $52 million.",
       "$52 million", MentionKind::kMoney, Usd(), "sale", "quorvex"},
      // Money as the object of a verb of funding is the funding, whoever
      // gives it and however each source words the act ("money_verbs").
      {"The board agreed late on Friday to lend 90 million dollars to the "
       "ferry operator.",
       "90 million dollars", MentionKind::kMoney, Usd(), "funding", ""},
      {"Ministers pumped a further $90m into the ferry operator.", "$90m",
       MentionKind::kMoney, Usd(), "funding", ""},
      {"The lab sold new stock, raising $75 million for a second plant.",
       "$75 million", MentionKind::kMoney, Usd(), "fundraising", ""},
      {"The lab raised $75m from hedge funds in May.", "$75m",
       MentionKind::kMoney, Usd(), "fundraising", ""},
      // A number glued to a unit of capacity, and a count after "seat",
      // are capacities, both in seats (so the two wordings compare); a
      // plain count of seats (an election) is not.
      {"Fans packed the 52,000-seat arena on Sunday.", "52,000-seat",
       MentionKind::kQuantity, Count("seat"), "capacity", ""},
      {"The arena will seat 52,000 spectators when it opens.",
       "seat 52,000 spectators", MentionKind::kQuantity, Count("seat"),
       "capacity", ""},
      // Other capacity cues keep the people they count.
      {"The ferry is licensed to carry up to 350 passengers.",
       "up to 350 passengers", MentionKind::kQuantity, Count("passenger"),
       "capacity", "passenger"},
      {"The ruling bloc won 52 seats.", "52 seats", MentionKind::kQuantity,
       Count("seat"), "seat", ""},
      // A verb not listed keeps the usual subject (the noun on the left).
      {"The lab spent $75m on a second plant.", "$75m", MentionKind::kMoney,
       Usd(), "lab", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    Subject s = SubjectOfFigure(c.sentence, c.figure, c.kind, c.amount, Lex());
    EXPECT_EQ(s.head, c.head);
    if (std::string(c.modifiers) != "*") {
      EXPECT_EQ(absl::StrJoin(s.modifiers, ","), c.modifiers);
    }
    if (!s.head.empty()) {
      EXPECT_FALSE(s.key.empty());
      EXPECT_FALSE(s.text.empty());
    }
  }
}

TEST(SubjectTest, NoSubject) {
  struct Case {
    const char* sentence;
    const char* figure;
  } cases[] = {
      {"It was 5.", "5"},
      {"The score: 3.", "3"},
      {"", "x"},
  };
  for (const Case& c : cases) {
    Subject s = SubjectOfFigure(c.sentence, c.figure, MentionKind::kNumber,
                                Amount{}, Lex());
    EXPECT_TRUE(s.head.empty()) << c.sentence << " -> " << s.head;
  }
}

TEST(SubjectTest, CanonicalSubject) {
  struct Case {
    const char* phrase;
    const char* head;
    const char* modifiers;
  } cases[] = {
      {"tariffs on South Korean automobiles", "tariff",
       "automobile,korean,south"},
      {"Defense Spending", "defense spending", ""},
      {"military expenditure", "defense spending", ""},
      {"the organisation's programmes", "program", "organization"},
      {"Joint naval drills", "drill", "joint,naval"},
      {"United States troops", "troop", "u.s."},
      {"US troops", "troop", "u.s."},
      {"the number of refugees", "refugee", ""},
      // "the cost of X" is what "X will cost" is about; a label's first
      // word before an object preposition is its head, even one that could
      // be a verb.
      {"Estimated cost of repairs", "repair", ""},
      {"Cost of the main stand", "stand", "main"},
      {"Spending on schools", "spending", "school"},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.phrase);
    Subject s = CanonicalSubject(c.phrase, Lex());
    EXPECT_EQ(s.head, c.head);
    EXPECT_EQ(absl::StrJoin(s.modifiers, ","), c.modifiers);
  }
}

TEST(SubjectTest, Similarity) {
  Subject a = MakeSubject("a", "tariff", {"automobile", "korean", "south"});
  Subject b = MakeSubject("b", "tariff", {"automobile", "korean", "south"});
  Subject c = MakeSubject("c", "tariff", {"global"});
  Subject d = MakeSubject("d", "tariff", {});
  Subject e = MakeSubject("e", "troop", {"korean", "north"});
  EXPECT_DOUBLE_EQ(SubjectSimilarity(a, b), 1.0);
  EXPECT_DOUBLE_EQ(SubjectSimilarity(a, e), 0.0);
  EXPECT_DOUBLE_EQ(SubjectSimilarity(a, d), 0.7);
  EXPECT_DOUBLE_EQ(SubjectSimilarity(a, c), 0.4);
  EXPECT_GT(SubjectSimilarity(a, MakeSubject("f", "tariff", {"korean"})),
            SubjectSimilarity(a, c));
  EXPECT_EQ(SubjectSimilarity(Subject{}, Subject{}), 0.0);
  EXPECT_EQ(a.key, "tariff|automobile,korean,south");
}

TEST(LexiconTest, Canonical) {
  struct Case {
    const char* word;
    const char* canonical;
  } cases[] = {
      {"soldiers", "troop"},      {"Troops", "troop"},
      {"defence", "defense"},     {"programmes", "program"},
      {"labour", "labor"},        {"organisations", "organization"},
      {"people", "person"},       {"children", "child"},
      {"women", "woman"},         {"analyses", "analysis"},
      {"crises", "crisis"},       {"data", "data"},
      {"series", "series"},       {"countries", "country"},
      {"taxes", "tax"},           {"churches", "church"},
      {"bushes", "bush"},         {"classes", "class"},
      {"status", "status"},       {"cars", "automobile"},
      {"fishermen", "fisherman"}, {"Japan's", "japan"},
      {"quakes", "earthquake"},   {"dockers", "dockworker"},
      {"cases", "case"},          {"realisation", "realization"},
      {"homes", "house"},         {"bodies", "death toll"},
      {"unaccounted", "missing"}, {"aboard", "passenger"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Lex().Canonical(c.word), c.canonical) << c.word;
  }
  // A sum taken as a charge or booked as an expense is what something
  // costs, however each source words it.
  EXPECT_EQ(Lex().Canonical("charges"), "cost");
  EXPECT_EQ(Lex().Canonical("expenses"), "cost");
  EXPECT_EQ(Lex().Canonical("outlay"), "cost");
  EXPECT_TRUE(Lex().IsStopWord("the"));
  EXPECT_FALSE(Lex().IsStopWord("tariff"));
  EXPECT_TRUE(Lex().IsUnitNoun("kilometers"));
  EXPECT_TRUE(Lex().IsUnitNoun("percent"));
  EXPECT_EQ(Lex().StatusEvent("parliamentary-majority"), "election");
  EXPECT_EQ(Lex().StatusEvent("strike-status"), "strike-status");
  // States of counted people and the nouns they count.
  EXPECT_EQ(Lex().StateOf("on board"), "passenger");
  EXPECT_EQ(Lex().StateOf("dead"), "death toll");
  EXPECT_EQ(Lex().StateOf("homeless"), "homeless");
  EXPECT_TRUE(Lex().IsStateHead("death toll"));
  EXPECT_TRUE(Lex().IsStateHead("survivor"));
  EXPECT_FALSE(Lex().IsStateHead("person"));
}

// The shipped word classes and nothing else: the smallest valid lexicon,
// so that each bad file below fails on its own key.
nlohmann::json OnlyWordClasses() {
  std::ifstream in(CROSSCHECK_SOURCE_DIR "/rules/lexicon.json",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  nlohmann::json shipped = nlohmann::json::parse(ss.str(), nullptr, false);
  nlohmann::json j = nlohmann::json::object();
  if (shipped.is_object() && shipped.contains("word_classes")) {
    j["word_classes"] = shipped["word_classes"];
  }
  return j;
}

TEST(LexiconTest, BadFiles) {
  EXPECT_FALSE(Lexicon::Parse("x", "not json").ok());
  EXPECT_FALSE(Lexicon::Parse("x", "[]").ok());
  struct Case {
    const char* key;
    const char* value;
    const char* pointer;  // in the error message
  } cases[] = {
      {"stop_words", R"("the")", "/stop_words"},
      {"stop_words", "[1]", "/stop_words/0"},
      {"variants", R"({"a": 1})", "/variants/a"},
      {"synonyms", "[[]]", "/synonyms/0"},
      {"synonyms", R"([["a", 2]])", "/synonyms/0/1"},
      {"status_group_events", R"([{"contains": 1}])", "/status_group_events/0"},
  };
  for (const Case& c : cases) {
    nlohmann::json j = OnlyWordClasses();
    j[c.key] = nlohmann::json::parse(c.value);
    auto l = Lexicon::Parse("x", j.dump());
    ASSERT_FALSE(l.ok()) << c.key << " " << c.value;
    EXPECT_TRUE(absl::StrContains(l.status().message(),
                                  absl::StrCat("x: ", c.pointer, ":")))
        << l.status();
  }
  EXPECT_FALSE(Lexicon::Load("/nonexistent/lexicon.json").ok());
  // The word classes are required (lexicon_word_classes_test.cc).
  EXPECT_FALSE(Lexicon::Parse("x", "{}").ok());
  auto bare = Lexicon::Parse("x", OnlyWordClasses().dump());
  ASSERT_TRUE(bare.ok()) << bare.status();
  // The generic singularizer works without any other list.
  EXPECT_EQ(bare->Canonical("Soldiers"), "soldier");
}

TEST(TokenizeTest, Shapes) {
  std::vector<Token> t = Tokenize(
      "The U.S.-Japan post-election deal's $640 "
      "billion, 12,000 troops; 1910-45.");
  std::vector<std::string> words;
  for (const Token& x : t) words.push_back(x.lower);
  EXPECT_EQ(absl::StrJoin(words, " "),
            "the u.s. japan post-election deal $640 billion , 12,000 troops ; "
            "1910-45 .");
  EXPECT_TRUE(t[4].possessive);
  EXPECT_TRUE(t[5].numeric);
}

// A capitalized name with a number is one word ("Nimbra-5", "COVID-19");
// "mid-2025" and "1-0" are not names.
TEST(TokenizeTest, NumberedNames) {
  std::vector<std::string> words;
  for (const Token& x :
       Tokenize("The Kestrel-2 and COVID-19 in mid-2025, 1-0."))
    words.push_back(x.lower);
  EXPECT_EQ(absl::StrJoin(words, " "),
            "the kestrel-2 and covid-19 in mid-2025 , 1-0 .");
}

TEST(TokenizeTest, NeverCrashes) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>(i * 37));
  for (absl::string_view s :
       {absl::string_view(""), absl::string_view("\xE2\x80"),
        absl::string_view("'s"), absl::string_view("-"),
        absl::string_view("U."), absl::string_view("$"),
        absl::string_view(junk)}) {
    std::vector<Token> t = Tokenize(s);
    for (const Token& x : t) {
      EXPECT_LE(x.begin, x.end);
      EXPECT_LE(x.end, s.size());
    }
    SubjectOfFigure(s, "5", MentionKind::kNumber, Amount{}, Lex());
    CanonicalSubject(s, Lex());
  }
}

}  // namespace
}  // namespace crosscheck::extract
