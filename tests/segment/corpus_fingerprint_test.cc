// The corpus-wide boilerplate signal in steps (fingerprint, decide, apply),
// as the streaming pipeline runs it: the same decisions as
// MarkCorpusBoilerplate on documents in memory, from hashes alone.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "checker/segment/segment.h"
#include "gtest/gtest.h"
#include "tests/segment/test_util.h"

namespace crosscheck::segment {
namespace {

using testing::MakeTextDoc;
using testing::ShippedRules;

constexpr absl::string_view kFooter =
    "Send tips about the valley to our newsroom by email";

// A body paragraph unique to document `n` (long enough to be article text).
std::string Body(int n) {
  return absl::StrCat("Inspectors counted ", n * 7 + 3,
                      " damaged culverts along route ", n,
                      " this spring, and the district plans to replace the "
                      "worst of them before the autumn rains arrive.");
}

std::vector<Document> Corpus() {
  std::vector<Document> docs;
  // Shared footer under distinct bodies: chrome.
  for (int i = 0; i < 3; ++i) {
    docs.push_back(MakeTextDoc(absl::StrCat(Body(i), "\n", kFooter, "\n"),
                               absl::StrCat("f", i)));
  }
  // Two syndicated copies sharing a short paragraph: not marked.
  const std::string copy = absl::StrCat(
      Body(10), "\nThe district engineer called the survey overdue today\n");
  docs.push_back(MakeTextDoc(copy, "copy1"));
  docs.push_back(MakeTextDoc(copy, "copy2"));
  return docs;
}

std::vector<std::string> Reasons(const std::vector<SegmentedDocument>& docs) {
  std::vector<std::string> out;
  for (const auto& sd : docs) {
    std::string r;
    for (const Segment& s : sd.segments) {
      absl::StrAppend(&r, s.boilerplate ? s.boilerplate_reason : "-", ";");
    }
    out.push_back(r);
  }
  return out;
}

TEST(CorpusFingerprint, StepsEqualMarkCorpusBoilerplate) {
  const std::vector<Document> corpus = Corpus();
  std::vector<SegmentedDocument> in_memory;
  for (const Document& d : corpus) {
    in_memory.push_back(SegmentDocument(d, ShippedRules()));
  }
  MarkCorpusBoilerplate(absl::MakeSpan(in_memory));

  // Streamed: fingerprints from a first segmentation, decisions applied to
  // a second one.
  std::vector<CorpusFingerprint> fps;
  for (const Document& d : corpus) {
    fps.push_back(FingerprintDocument(SegmentDocument(d, ShippedRules())));
  }
  const std::vector<std::vector<uint32_t>> marks = DecideCorpusBoilerplate(fps);
  ASSERT_EQ(marks.size(), corpus.size());
  std::vector<SegmentedDocument> streamed;
  for (size_t i = 0; i < corpus.size(); ++i) {
    streamed.push_back(SegmentDocument(corpus[i], ShippedRules()));
    ApplyCorpusBoilerplate(marks[i], &streamed[i]);
  }
  EXPECT_EQ(Reasons(streamed), Reasons(in_memory));
  // The footer is marked in the three documents; the copies keep theirs.
  for (int i = 0; i < 3; ++i) EXPECT_EQ(marks[i].size(), 1u) << i;
  EXPECT_TRUE(marks[3].empty());
  EXPECT_TRUE(marks[4].empty());
}

TEST(CorpusFingerprint, HashesNormalizedTextOnly) {
  Document a = MakeTextDoc(absl::StrCat(Body(1), "\n", kFooter), "a");
  Document b = MakeTextDoc(
      absl::StrCat(Body(2),
                   "\n  SEND tips about the   valley to our newsroom "
                   "by EMAIL  "),
      "b");
  CorpusFingerprint fa =
      FingerprintDocument(SegmentDocument(a, ShippedRules()));
  CorpusFingerprint fb =
      FingerprintDocument(SegmentDocument(b, ShippedRules()));
  ASSERT_EQ(fa.entries.size(), 2u);
  ASSERT_EQ(fb.entries.size(), 2u);
  EXPECT_NE(fa.entries[0].hash, fb.entries[0].hash);
  EXPECT_EQ(fa.entries[1].hash, fb.entries[1].hash);
  EXPECT_EQ(fa.entries[1].segment, 1u);
  // Long segments may be compared but are never marked.
  EXPECT_TRUE(fa.entries[1].candidate);
  Document long_doc =
      MakeTextDoc(absl::StrCat(Body(3), " ", Body(4), " ", Body(5)), "long");
  CorpusFingerprint fl =
      FingerprintDocument(SegmentDocument(long_doc, ShippedRules()));
  ASSERT_EQ(fl.entries.size(), 1u);
  EXPECT_FALSE(fl.entries[0].candidate);
}

TEST(CorpusFingerprint, HashIsFixedAcrossRuns) {
  // Pinned: decisions must not depend on a per-process hash seed, and a
  // silent change of the algorithm should show up here.
  Document d = MakeTextDoc(std::string(kFooter), "d");
  CorpusFingerprint fp =
      FingerprintDocument(SegmentDocument(d, ShippedRules()));
  ASSERT_EQ(fp.entries.size(), 1u);
  EXPECT_EQ(fp.entries[0].hash, 10170551366415016485u);
}

TEST(CorpusFingerprint, TextInManyDocumentsIsChromeEvenInCopies) {
  // 33 identical documents: copies of one another, but a text in more than
  // 32 documents is chrome whatever they share (both segments are short
  // enough to be marked).
  std::vector<CorpusFingerprint> fps;
  Document d = MakeTextDoc(absl::StrCat(Body(1), "\n", kFooter), "x");
  CorpusFingerprint one =
      FingerprintDocument(SegmentDocument(d, ShippedRules()));
  fps.assign(33, one);
  std::vector<std::vector<uint32_t>> marks = DecideCorpusBoilerplate(fps);
  for (const auto& m : marks) EXPECT_EQ(m, (std::vector<uint32_t>{0, 1}));
  fps.resize(32);
  marks = DecideCorpusBoilerplate(fps);
  for (const auto& m : marks) EXPECT_TRUE(m.empty());
}

TEST(CorpusFingerprint, SmallCorporaAndBadPositions) {
  EXPECT_TRUE(DecideCorpusBoilerplate({}).empty());
  Document d = MakeTextDoc(absl::StrCat(Body(1), "\n", kFooter), "x");
  std::vector<CorpusFingerprint> fps = {
      FingerprintDocument(SegmentDocument(d, ShippedRules()))};
  std::vector<std::vector<uint32_t>> marks = DecideCorpusBoilerplate(fps);
  ASSERT_EQ(marks.size(), 1u);
  EXPECT_TRUE(marks[0].empty());
  SegmentedDocument sd = SegmentDocument(d, ShippedRules());
  const std::vector<uint32_t> out_of_range = {7, 1000};
  ApplyCorpusBoilerplate(out_of_range, &sd);
  for (const Segment& s : sd.segments) EXPECT_FALSE(s.boilerplate);
}

}  // namespace
}  // namespace crosscheck::segment
