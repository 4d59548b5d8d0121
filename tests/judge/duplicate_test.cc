// MinHash signatures, LSH syndication keys and judge.duplicate.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/judge/judge_util.h"

namespace crosscheck::judge {
namespace {

using ::crosscheck::testing::C;
using ::crosscheck::testing::Day;
using ::crosscheck::testing::Doc;
using ::crosscheck::testing::Judge;
using ::crosscheck::testing::OfKind;

// A deterministic pseudo-article of `n` words.
std::string Words(int n, int seed) {
  std::string out;
  uint64_t x = static_cast<uint64_t>(seed) * 2654435761u + 1;
  for (int i = 0; i < n; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    absl::StrAppend(&out, i ? " " : "", "w", (x >> 33) % 5000);
  }
  return out;
}

TEST(MinHashTest, SignatureBasics) {
  const JudgeConfig cfg = JudgeConfig::Defaults();
  const std::string text = Words(400, 1);
  auto a = MinHashSignature(text, cfg);
  ASSERT_EQ(a.size(), 64u);
  EXPECT_EQ(a, MinHashSignature(text, cfg));
  // Case and punctuation do not matter.
  EXPECT_EQ(MinHashSignature("The Port, the STRIKE; the end of it all.", cfg),
            MinHashSignature("the port the strike the end of it all", cfg));
  EXPECT_TRUE(MinHashSignature("", cfg).empty());
  EXPECT_TRUE(MinHashSignature(" ,.;\n\t", cfg).empty());
  EXPECT_EQ(MinHashSignature("few words", cfg).size(), 64u);
  // Bytes that are not UTF-8, NULs and binary do not crash.
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>(i * 37));
  EXPECT_EQ(MinHashSignature(binary, cfg).size(), 64u);
}

TEST(MinHashTest, JaccardEstimates) {
  const JudgeConfig cfg = JudgeConfig::Defaults();
  const std::string base = Words(600, 7);
  std::string edited = base;
  edited.replace(edited.size() / 2, 4, "zzzz");  // one word changed
  const std::string other = Words(600, 8);
  EXPECT_GE(EstimateJaccard(MinHashSignature(base, cfg),
                            MinHashSignature(edited, cfg)),
            0.8);
  EXPECT_LE(EstimateJaccard(MinHashSignature(base, cfg),
                            MinHashSignature(other, cfg)),
            0.2);
  EXPECT_EQ(EstimateJaccard({}, {}), 0.0);
  EXPECT_EQ(EstimateJaccard({1, 2}, {1}), 0.0);
}

TEST(MinHashTest, SyndicationKeysAreSmallestIdOfCluster) {
  const JudgeConfig cfg = JudgeConfig::Defaults();
  const std::string story = Words(500, 3);
  std::string copy = story + " reprinted with permission";
  std::vector<DocumentInfo> docs = {
      Doc("zeta", Day(2025, 1, 2)), Doc("alpha", Day(2025, 1, 1)),
      Doc("mid", Day(2025, 1, 1)), Doc("empty", Day(2025, 1, 1))};
  docs[0].minhash = MinHashSignature(story, cfg);
  docs[1].minhash = MinHashSignature(copy, cfg);
  docs[2].minhash = MinHashSignature(Words(500, 4), cfg);
  AssignSyndicationKeys(cfg, &docs);
  EXPECT_EQ(docs[0].syndication_key, "alpha");
  EXPECT_EQ(docs[1].syndication_key, "alpha");
  EXPECT_EQ(docs[2].syndication_key, "");
  EXPECT_EQ(docs[3].syndication_key, "");

  auto found = OfKind(Judge({}, docs), "duplicate");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].evidence.size(), 2u);
  EXPECT_EQ(found[0].subject, "alpha");
  EXPECT_EQ(found[0].message.rfind("documents alpha and zeta are "
                                   "near-duplicates (estimated jaccard ",
                                   0),
            0u)
      << found[0].message;
}

TEST(MinHashTest, ManyDocumentsUseBandsNotAllPairs) {
  const JudgeConfig cfg = JudgeConfig::Defaults();
  std::vector<DocumentInfo> docs;
  for (int i = 0; i < 2000; ++i) {
    DocumentInfo d = Doc(absl::StrCat("d", 10000 + i), Day(2025, 1, 1));
    // Pairs (2k, 2k+1) share their text.
    d.minhash = MinHashSignature(Words(120, i / 2), cfg);
    docs.push_back(std::move(d));
  }
  AssignSyndicationKeys(cfg, &docs);
  for (int i = 0; i < 2000; i += 2) {
    EXPECT_EQ(docs[i].syndication_key, docs[i].id);
    EXPECT_EQ(docs[i + 1].syndication_key, docs[i].id);
  }
}

// A spilled check keeps band keys, not signatures: the keys computed from
// them must equal AssignSyndicationKeys, asking only for the signatures of
// documents that share a band key.
TEST(MinHashTest, KeysFromBandsReadOnlyCandidateSignatures) {
  const JudgeConfig cfg = JudgeConfig::Defaults();
  std::vector<DocumentInfo> docs;
  for (int i = 0; i < 300; ++i) {
    DocumentInfo d = Doc(absl::StrCat("d", 1000 - i), Day(2025, 1, 1));
    // Every tenth document reprints the one before it with an extra line;
    // document 150 has no words.
    if (i != 150) {
      const int story = i % 10 == 9 ? i - 1 : i;
      std::string text = Words(200, story);
      if (story != i) text += " shared under licence from the wire";
      d.minhash = MinHashSignature(text, cfg);
    }
    docs.push_back(std::move(d));
  }
  std::vector<std::vector<uint64_t>> band_keys;
  for (const DocumentInfo& d : docs) {
    band_keys.push_back(BandKeys(d.minhash, cfg));
  }
  EXPECT_TRUE(band_keys[150].empty());
  EXPECT_EQ(band_keys[0].size(), NumBands(cfg));
  auto band = [&](size_t b, BandPairs* pairs) {
    // Reverse order: the result must not depend on it.
    for (size_t d = docs.size(); d-- > 0;) {
      if (!band_keys[d].empty()) {
        pairs->emplace_back(band_keys[d][b], static_cast<uint32_t>(d));
      }
    }
  };
  const std::vector<uint32_t> candidates =
      BandCandidates(cfg, docs.size(), band);
  std::vector<absl::string_view> ids;
  for (const DocumentInfo& d : docs) ids.push_back(d.id);
  std::vector<size_t> asked;
  const std::vector<std::string> keys = SyndicationKeysFromBands(
      cfg, ids, band, [&](size_t d) -> const std::vector<uint64_t>& {
        asked.push_back(d);
        return docs[d].minhash;
      });
  for (size_t d : asked) {
    EXPECT_TRUE(std::binary_search(candidates.begin(), candidates.end(), d))
        << d;
  }
  // The 30 reprints and their originals; unrelated stories rarely share a
  // band key.
  EXPECT_GE(candidates.size(), 60u);
  EXPECT_LT(candidates.size(), 100u);
  AssignSyndicationKeys(cfg, &docs);
  int keyed = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    EXPECT_EQ(keys[d], docs[d].syndication_key) << d;
    keyed += !keys[d].empty();
  }
  EXPECT_EQ(keyed, 60);
  EXPECT_EQ(keys[9], "d991");  // smaller than d992, its original's id
}

TEST(MinHashTest, ClaimsOnlyRunsComputeKeysFromSignatures) {
  const JudgeConfig cfg = JudgeConfig::Defaults();
  const std::string story = Words(300, 11);
  std::vector<DocumentInfo> docs = {Doc("a", Day(2025, 1, 1)),
                                    Doc("b", Day(2025, 1, 1))};
  docs[0].minhash = docs[1].minhash = MinHashSignature(story, cfg);
  std::vector<Claim> claims = {C("a", 1).Count(70, "70").Subject("ship"),
                               C("b", 1).Count(70, "70").Subject("ship")};
  auto all = Judge(claims, docs);
  EXPECT_EQ(OfKind(all, "duplicate").size(), 1u);
  // A copy repeats its source; it does not corroborate it.
  EXPECT_TRUE(OfKind(all, "agreement").empty());
  EXPECT_EQ(OfKind(all, "uncorroborated").size(), 1u);
}

}  // namespace
}  // namespace crosscheck::judge
