// The seed articles (when /work/shared/seeds exists) through the real
// Extractor and BuildClaims, with a naive line/sentence split standing in for
// the segmenter (another module). Checks the claims EXPECTED.md relies on.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/extract/claims.h"
#include "checker/extract/extractor.h"
#include "checker/extract/rules.h"
#include "gtest/gtest.h"
#include "tests/extract/claims_testing.h"

namespace crosscheck::extract {
namespace {

constexpr char kSeeds[] = CROSSCHECK_SOURCE_DIR "/../shared/seeds";

std::optional<std::string> ReadSeed(absl::string_view prefix) {
  for (const char* name :
       {"000_fbada2545df0fb05.txt", "001_71d93d24bdf0b820.txt",
        "002_96360fc8d8ba7c22.txt", "003_e4042cb40448aa60.txt",
        "004_005a04db57d134a5.txt"}) {
    if (!absl::StartsWith(name, prefix)) continue;
    std::ifstream in(absl::StrCat(kSeeds, "/", name), std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  return std::nullopt;
}

// Naive sentences: break after . ! ? followed by a space and an uppercase
// letter or quote, unless the word before is a single capital ("U.S.").
std::vector<Sentence> NaiveSentences(absl::string_view t) {
  std::vector<Sentence> out;
  uint32_t b = 0;
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ' &&
        (absl::ascii_isupper(static_cast<unsigned char>(t[i + 2])) ||
         t[i + 2] == '"' || static_cast<unsigned char>(t[i + 2]) == 0xE2)) {
      if (i >= 2 && t[i - 2] == '.') continue;  // U.S.
      if (i >= 1 && absl::ascii_isupper(static_cast<unsigned char>(t[i - 1])) &&
          (i < 2 || t[i - 2] == ' ')) {
        continue;
      }
      out.push_back({b, static_cast<uint32_t>(i + 1)});
      b = static_cast<uint32_t>(i + 2);
    }
  }
  if (b < t.size()) out.push_back({b, static_cast<uint32_t>(t.size())});
  return out;
}

struct Seed {
  std::unique_ptr<Document> doc;
  SegmentedDocument sd;
  std::vector<Mention> mentions;
  std::vector<Claim> claims;
};

std::unique_ptr<Seed> Load(absl::string_view prefix, absl::CivilDay ref) {
  std::optional<std::string> text = ReadSeed(prefix);
  if (!text) return nullptr;
  auto seed = std::make_unique<Seed>();
  seed->doc = std::make_unique<Document>();
  Document& doc = *seed->doc;
  doc.id = std::string(prefix);
  doc.original = *text;
  doc.original_index = LineIndex(doc.original);
  doc.reference_date.day = ref;
  doc.reference_date.provenance = "override";
  size_t pos = 0;
  int index = 0;
  while (pos <= doc.original.size()) {
    size_t nl = doc.original.find('\n', pos);
    if (nl == std::string::npos) nl = doc.original.size();
    absl::string_view line =
        absl::string_view(doc.original).substr(pos, nl - pos);
    absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    const uint32_t origin =
        static_cast<uint32_t>(pos + (trimmed.data() - line.data()));
    if (!trimmed.empty() && !absl::StartsWith(trimmed, "|---")) {
      Segment seg;
      seg.index = index++;
      seg.text.Append(trimmed, origin);
      if (absl::StartsWith(trimmed, "|")) {
        seg.kind = SegmentKind::kTableRow;
        // Cells between pipes, trimmed.
        size_t c = 1;
        while (c < trimmed.size()) {
          size_t next = trimmed.find('|', c);
          if (next == absl::string_view::npos) break;
          size_t cb = c, ce = next;
          while (cb < ce && trimmed[cb] == ' ') ++cb;
          while (ce > cb && trimmed[ce - 1] == ' ') --ce;
          seg.cells.push_back(
              {static_cast<uint32_t>(cb), static_cast<uint32_t>(ce)});
          seg.column_headers.push_back("");
          c = next + 1;
        }
        seg.sentences = seg.cells;
      } else {
        seg.sentences = NaiveSentences(trimmed);
      }
      seed->sd.segments.push_back(std::move(seg));
    }
    pos = nl + 1;
  }
  seed->sd.doc = &doc;
  Extractor ex(&testing::ShippedRules());
  seed->mentions = ex.FindMentions(seed->sd, doc.reference_date);
  seed->claims = BuildClaims(seed->sd, seed->mentions, testing::TestLexicon());
  if (std::getenv("CLAIMS_DUMP") != nullptr) {
    for (const Mention& m : seed->mentions) {
      std::cerr << "  mention " << m.rule_id << " [" << m.text << "] "
                << m.amount.value << " " << m.amount.unit << "\n";
    }
    for (const Claim& c : seed->claims) {
      std::cerr << c.id << " " << MeasureName(c.measure) << " "
                << ModalityName(c.modality) << " [" << c.quote
                << "] key=" << c.subject.key << " scope=" << c.scope.period.iso
                << " event=" << c.event << " speaker=" << c.speaker << "\n";
    }
  }
  return seed;
}

const Claim* Find(const Seed& s, absl::string_view quote_part) {
  for (const Claim& c : s.claims) {
    if (absl::StrContains(c.quote, quote_part)) return &c;
  }
  return nullptr;
}

bool HasMention(const Seed& s, absl::string_view part) {
  for (const Mention& m : s.mentions) {
    if (absl::StrContains(m.text, part)) return true;
  }
  return false;
}

#define LOAD_OR_SKIP(var, prefix, ref)                                 \
  auto var = Load(prefix, ref);                                        \
  if (var == nullptr) GTEST_SKIP() << "seeds not present: " << kSeeds; \
  if (var->mentions.empty()) GTEST_SKIP() << "rule packs yield nothing yet"

TEST(ClaimsSeedsTest, CountedSoldiers) {
  LOAD_OR_SKIP(s, "002", absl::CivilDay(2024, 11, 20));
  if (!HasMention(*s, "12,000")) GTEST_SKIP() << "no quantity mention yet";
  const Claim* c = Find(*s, "12,000");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->subject.head, "troop");
  EXPECT_EQ(c->measure, Measure::kCount);
  EXPECT_EQ(absl::StrJoin(c->subject.modifiers, ","), "korean,north");
}

TEST(ClaimsSeedsTest, TariffChange) {
  LOAD_OR_SKIP(s, "003", absl::CivilDay(2026, 2, 10));
  if (!HasMention(*s, "25 percent")) GTEST_SKIP() << "no percent mention yet";
  const Claim* c = Find(*s, "25 percent");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->subject.head, "tariff");
  EXPECT_EQ(c->measure, Measure::kChange);
  ASSERT_TRUE(c->change_from.has_value());
  // 15 -> 25, in whatever scale the percent rules use.
  EXPECT_NEAR(*c->change_from / c->mention.amount.value, 0.6, 1e-9);
  EXPECT_EQ(Find(*s, "15 percent"), nullptr);
}

TEST(ClaimsSeedsTest, DefenseShareAndGrowthAreDifferentMeasures) {
  LOAD_OR_SKIP(s4, "004", absl::CivilDay(2026, 2, 12));
  LOAD_OR_SKIP(s0, "000", absl::CivilDay(2026, 2, 12));
  if (!HasMention(*s4, "2%") || !HasMention(*s0, "15%")) {
    GTEST_SKIP() << "no percent mentions yet";
  }
  const Claim* share = Find(*s4, "2%");
  const Claim* growth = Find(*s0, "15%");
  ASSERT_NE(share, nullptr);
  ASSERT_NE(growth, nullptr);
  EXPECT_EQ(share->subject.head, "defense spending");
  EXPECT_EQ(growth->subject.head, "defense spending");
  EXPECT_EQ(share->measure, Measure::kShare);
  EXPECT_EQ(growth->measure, Measure::kChange);
  EXPECT_EQ(share->modality, Modality::kFuture);
  EXPECT_EQ(growth->modality, Modality::kFuture);
  EXPECT_EQ(share->scope.period.iso, "2027");
}

TEST(ClaimsSeedsTest, TradeFigureSubject) {
  LOAD_OR_SKIP(s, "001", absl::CivilDay(2026, 2, 10));
  if (!HasMention(*s, "640")) GTEST_SKIP() << "no money mention yet";
  const Claim* c = Find(*s, "640");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->subject.head, "relationship");
  EXPECT_EQ(absl::StrJoin(c->subject.modifiers, ","), "japan,trade,u.s.");
}

TEST(ClaimsSeedsTest, ScheduledDrillsAreAPlannedEvent) {
  LOAD_OR_SKIP(s, "000", absl::CivilDay(2026, 2, 12));
  if (!HasMention(*s, "Q3 2024")) GTEST_SKIP() << "no quarter date yet";
  const Claim* c = Find(*s, "Q3 2024");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->measure, Measure::kEventDate);
  EXPECT_EQ(c->modality, Modality::kFuture);
  EXPECT_EQ(c->event, "drill");
}

TEST(ClaimsSeedsTest, EveryClaimIsWellFormed) {
  for (const char* prefix : {"000", "001", "002", "003", "004"}) {
    LOAD_OR_SKIP(s, prefix, absl::CivilDay(2026, 2, 10));
    int n = 0;
    for (const Claim& c : s->claims) {
      ++n;
      EXPECT_EQ(c.id, absl::StrCat(prefix, "#", n));
      EXPECT_FALSE(c.subject.head.empty()) << c.id;
      EXPECT_FALSE(c.quote.empty()) << c.id;
      EXPECT_GT(c.position.line, 0) << c.id;
      EXPECT_NE(c.sentence.find(c.mention.text), std::string::npos) << c.id;
    }
  }
}

}  // namespace
}  // namespace crosscheck::extract
