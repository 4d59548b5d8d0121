// The corpus-wide shared-text signal against syndicated copies: a wire story
// republished with light edits shares its reporting paragraphs with the
// original, and those paragraphs are the story, not chrome. Footers, promos
// and disclaimers repeated across unrelated documents stay boilerplate.
//
// Semantics pinned here (see MarkCorpusBoilerplate in segment.h):
//   * rule A: two documents sharing 2+ reporting paragraphs (15+ words,
//     sentence-final punctuation) that hold a third of the shorter one's
//     words are copies; what copies share among themselves is body, short
//     lines included;
//   * rule B: a reporting paragraph in exactly two documents is body even
//     when they are not copies (a quoted statement);
//   * a reporting paragraph in three or more documents that are not all
//     copies of one another is boilerplate (a standard disclaimer), and so
//     is a short or unpunctuated line in two unrelated documents.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "checker/segment/segment.h"
#include "gtest/gtest.h"
#include "tests/segment/test_util.h"

namespace crosscheck::segment {
namespace {

using testing::MakeTextDoc;
using testing::ShippedRules;

constexpr absl::string_view kShared = "structure.shared-across-documents";

// Reporting paragraphs the wire story and its republished copy share.
constexpr absl::string_view kRoute =
    "The vessel, which was sailing from Osterby to the island of Kessa, "
    "struck the bar about 40 minutes after leaving port in thick fog, "
    "according to the operator, Sundline Ferries.";
constexpr absl::string_view kHull =
    "Divers found a crack about two metres long in the hull, but no fuel has "
    "leaked, a coast guard spokeswoman told reporters at the harbour in "
    "Osterby.";
constexpr absl::string_view kCrossings =
    "Sundline said it had cancelled all crossings to Kessa until Tuesday and "
    "would charter a smaller boat to carry medicine and mail to the island's "
    "1,900 residents.";
// A short reporting line the copies share: not prose by length.
constexpr absl::string_view kInjuries =
    "Three passengers were treated for minor injuries.";

// Chrome: a footer under all three documents and a promo of the outlet that
// republished the story, under its own unrelated story too.
constexpr absl::string_view kFooter =
    "Corrections and story tips reach our news desk at any hour.";
constexpr absl::string_view kPromo =
    "Harbour Bulletin readers can watch the quay webcam around the clock.";

std::string Paragraphs(const std::vector<absl::string_view>& parts) {
  return absl::StrJoin(parts, "\n\n") + "\n";
}

Document WireStory() {
  return MakeTextDoc(
      Paragraphs(
          {"Ferry runs aground in Tolvik Sound; 212 passengers taken off",
           "OSTERBY, May 3 (Northcoast Press) - The car ferry Maren Star ran "
           "aground on a sandbar in Tolvik Sound early on Saturday, and all "
           "212 passengers were taken ashore by lifeboat crews, the coast "
           "guard said.",
           kInjuries, kRoute, kHull, kCrossings,
           "Salvage crews plan to refloat the ferry at high tide on Sunday "
           "evening if the weather allows, the company said.",
           "\"The fog came down like a wall and then we felt the whole deck "
           "shudder,\" said Aino Varga, a teacher travelling with her sons.",
           "The Maren Star entered service in 2009 and carries up to 400 "
           "passengers and 90 cars.",
           "Coast guard boats kept other traffic a kilometre away from the "
           "stranded ship through the morning.",
           "Tolvik Sound is shallow in places and has seen two other "
           "groundings in the past decade.",
           "(Reporting by Ilse Brandt; Editing by Tomas Lind)", kFooter}),
      "wire");
}

// The same story republished: new headline, reworded lead and ending, one
// quote cut, a promo of its own. It shares fewer than half of its segments
// with the wire story, so only the shared reporting makes them copies.
Document RepublishedCopy() {
  return MakeTextDoc(
      Paragraphs(
          {"Fog blamed as ferry with 212 aboard grounds off Osterby",
           "The car ferry Maren Star struck a sandbar in Tolvik Sound early "
           "Saturday, and lifeboat crews brought all 212 passengers ashore, "
           "the coast guard said.",
           kInjuries, kRoute, kHull, kCrossings,
           "Salvage crews hope to float the ferry free on Sunday evening's "
           "high tide if the weather holds, according to the company.",
           "Sundline has run the Kessa route for more than 30 years without "
           "a serious accident, its chief executive said on Saturday.",
           "The ferry, built in 2009, can take 400 passengers and 90 cars.",
           "Passengers were given hot drinks and blankets at the Osterby "
           "terminal while they waited for buses.",
           "The company said it would refund every ticket for the cancelled "
           "crossings.",
           kPromo, kFooter}),
      "copy");
}

// An unrelated story from the outlet that republished the wire.
Document LocalStory() {
  return MakeTextDoc(
      Paragraphs(
          {"Council backs skate park for the old rail yard",
           "The Osterby town council voted 7 to 2 on Thursday to build a "
           "skate park on the site of the old rail yard, ending a debate "
           "that has run for three years.",
           "The park will cost about 1.4 million crowns, most of it from a "
           "regional sports grant, and should open next spring.",
           "Neighbours had complained about noise, so the council agreed to "
           "close the park at nine each evening.",
           kPromo, kFooter}),
      "local");
}

// Documents with their segmentation (which points into them) and every
// boilerplate signal applied, the corpus-wide one included.
struct Corpus {
  std::vector<Document> docs;
  std::vector<SegmentedDocument> segmented;
  const SegmentedDocument& operator[](size_t i) const { return segmented[i]; }
  size_t size() const { return segmented.size(); }
};

Corpus SegmentCorpus(std::vector<Document> docs) {
  Corpus c;
  c.docs = std::move(docs);
  for (const Document& d : c.docs) {
    c.segmented.push_back(SegmentDocument(d, ShippedRules()));
  }
  MarkCorpusBoilerplate(absl::MakeSpan(c.segmented));
  return c;
}

// The reason of the segment whose text is `text` ("-" for body, "?" when
// there is no such segment).
std::string ReasonOf(const SegmentedDocument& sd, absl::string_view text) {
  for (const crosscheck::Segment& s : sd.segments) {
    if (s.text.text() == text)
      return s.boilerplate ? s.boilerplate_reason : "-";
  }
  return "?";
}

TEST(Syndication, CopiesKeepTheirSharedReporting) {
  const Corpus docs =
      SegmentCorpus({WireStory(), RepublishedCopy(), LocalStory()});
  for (int d = 0; d < 2; ++d) {
    SCOPED_TRACE(docs[d].doc->id);
    for (absl::string_view p : {kRoute, kHull, kCrossings}) {
      EXPECT_EQ(ReasonOf(docs[d], p), "-") << p;
    }
    // Short, but shared only by the two copies: still their story.
    EXPECT_EQ(ReasonOf(docs[d], kInjuries), "-");
    // The footer also stands under an unrelated story: chrome.
    EXPECT_EQ(ReasonOf(docs[d], kFooter), kShared);
  }
  EXPECT_EQ(ReasonOf(docs[1], kPromo), kShared);
  EXPECT_EQ(ReasonOf(docs[2], kPromo), kShared);
  EXPECT_EQ(ReasonOf(docs[2], kFooter), kShared);
  // The unrelated story's own paragraphs are untouched.
  EXPECT_EQ(ReasonOf(docs[2],
                     "Neighbours had complained about noise, so the council "
                     "agreed to close the park at nine each evening."),
            "-");
}

TEST(Syndication, CopiesNeedMoreThanOneSharedParagraph) {
  // Two unrelated stories that share one reporting paragraph and a short
  // line are not copies: the short line is chrome, the paragraph (in two
  // documents only) stays body.
  const std::string local = Paragraphs(
      {"The Osterby town council voted 7 to 2 on Thursday to build a skate "
       "park on the site of the old rail yard.",
       "Skaters have used the car park behind the station since the rink "
       "closed, and shop owners there backed the plan.",
       "Work on the ramps is due to start in August.", kRoute, kInjuries});
  const std::string other = Paragraphs(
      {"Fishing boats stayed in port across the sound on Saturday as the "
       "fog kept visibility under fifty metres until noon.",
       "Harbour pilots said it was the thickest fog of the year so far.",
       "The ferry to the mainland ran two hours late.", kRoute, kInjuries});
  const Corpus docs =
      SegmentCorpus({MakeTextDoc(local, "a"), MakeTextDoc(other, "b")});
  for (const SegmentedDocument& sd : docs.segmented) {
    EXPECT_EQ(ReasonOf(sd, kRoute), "-") << sd.doc->id;
    EXPECT_EQ(ReasonOf(sd, kInjuries), kShared) << sd.doc->id;
  }
}

// A paragraph of reporting unique to (`doc`, `n`), 22 words.
std::string Filler(int doc, int n) {
  return absl::StrCat("Harbour records show that ", doc * 100 + n,
                      " boats used the northern channel in week ", n,
                      ", and pilots expect that number to grow again once "
                      "the summer timetable starts.");
}

TEST(Syndication, TwoSharedParagraphsInALongStoryAreNotACopy) {
  // Two long stories that share two reporting paragraphs and a short line:
  // the shared paragraphs hold well under a third of either story, so the
  // stories are not copies and the short line is chrome.
  std::vector<Document> corpus;
  for (int d = 0; d < 2; ++d) {
    std::vector<std::string> parts;
    for (int k = 0; k < 8; ++k) parts.push_back(Filler(d, k));
    parts.emplace_back(kRoute);
    parts.emplace_back(kHull);
    parts.emplace_back(kInjuries);
    corpus.push_back(MakeTextDoc(absl::StrJoin(parts, "\n\n") + "\n",
                                 absl::StrCat("long", d)));
  }
  const Corpus docs = SegmentCorpus(std::move(corpus));
  for (const SegmentedDocument& sd : docs.segmented) {
    EXPECT_EQ(ReasonOf(sd, kRoute), "-") << sd.doc->id;
    EXPECT_EQ(ReasonOf(sd, kHull), "-") << sd.doc->id;
    EXPECT_EQ(ReasonOf(sd, kInjuries), kShared) << sd.doc->id;
  }
}

TEST(Syndication, QuotedStatementInTwoIndependentStoriesStaysBody) {
  // Two outlets print the same statement in full, and otherwise differ: a
  // reporting paragraph in two documents is a shared source, not chrome.
  constexpr absl::string_view kStatement =
      "The regional water board said in a statement that the Kessa "
      "reservoir had fallen to 38 percent of capacity, the lowest reading "
      "for May since records began.";
  constexpr absl::string_view kContact =
      "Readers can reach the newsroom by phone at any hour.";
  const Corpus docs = SegmentCorpus(
      {MakeTextDoc(
           Paragraphs({"Farmers on Kessa asked the island council on Monday "
                       "for help paying to truck water to their herds.",
                       "Some have already sold part of their cattle.",
                       "The council will meet again on Friday.", kStatement,
                       kContact}),
           "farm"),
       MakeTextDoc(
           Paragraphs({"Hotels on the island say bookings for June are down "
                       "by a fifth as visitors hear of the water limits.",
                       "Two campsites have closed their showers.",
                       "Owners hope for rain before the holidays.", kStatement,
                       kContact}),
           "hotels")});
  for (const SegmentedDocument& sd : docs.segmented) {
    EXPECT_EQ(ReasonOf(sd, kStatement), "-") << sd.doc->id;
    // A short line in the same two documents is chrome.
    EXPECT_EQ(ReasonOf(sd, kContact), kShared) << sd.doc->id;
  }
}

TEST(Syndication, DisclaimerInThreeUnrelatedDocumentsIsBoilerplate) {
  // A standard disclaimer is long prose, but it repeats across unrelated
  // pages; three are enough to call it chrome.
  constexpr absl::string_view kDisclaimer =
      "This article is general information only and should not be read as "
      "financial, legal or medical advice for your own situation.";
  const std::vector<absl::string_view> leads = {
      "Mortgage rates on the island rose for a third month in April, "
      "according to figures from the Kessa savings bank.",
      "A new clinic for older patients will open in Osterby in June, the "
      "regional health board announced on Tuesday.",
      "Tenants in the harbour district formed an association last week to "
      "press their landlords for repairs before winter."};
  std::vector<Document> corpus;
  for (size_t i = 0; i < leads.size(); ++i) {
    corpus.push_back(MakeTextDoc(Paragraphs({leads[i], kDisclaimer}),
                                 "d" + std::to_string(i)));
  }
  Corpus docs = SegmentCorpus(corpus);
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(ReasonOf(docs[i], kDisclaimer), kShared) << i;
    EXPECT_EQ(ReasonOf(docs[i], leads[i]), "-") << i;
  }
  // In two unrelated documents only it is not told apart from a quoted
  // statement, and stays body (the price of rule B).
  corpus.pop_back();
  docs = SegmentCorpus(corpus);
  for (const SegmentedDocument& sd : docs.segmented) {
    EXPECT_EQ(ReasonOf(sd, kDisclaimer), "-") << sd.doc->id;
  }
}

// `doc` with a list of ten related links at the end, numbered from `first`.
Document WithRelatedLinks(const Document& doc, int first) {
  std::string text = doc.original + "\nRelated Stories\n\n";
  for (int k = first; k < first + 10; ++k) {
    absl::StrAppend(&text, "- Island bus timetable number ", k,
                    " changes again for the busy summer months ahead\n");
  }
  return MakeTextDoc(text, doc.id);
}

TEST(Syndication, PageChromeDoesNotDiluteACopy) {
  // Both pages end in long lists of related links. They are already
  // boilerplate, so they do not count towards the words the shared
  // reporting must cover: the two are still copies.
  const Corpus docs = SegmentCorpus({WithRelatedLinks(WireStory(), 0),
                                     WithRelatedLinks(RepublishedCopy(), 100)});
  EXPECT_EQ(ReasonOf(docs[1],
                     "Island bus timetable number 103 changes again for the "
                     "busy summer months ahead"),
            "structure.under-related-heading");
  for (int d = 0; d < 2; ++d) EXPECT_EQ(ReasonOf(docs[d], kInjuries), "-") << d;
}

TEST(Syndication, ThreeCopiesKeepTheirStory) {
  // The wire story in three outlets: every pair are copies, so reporting
  // shared by all three stays body, while the footer shared with the
  // unrelated story is still chrome.
  Document third = RepublishedCopy();
  third.id = "copy2";
  const Corpus docs = SegmentCorpus(
      {WireStory(), RepublishedCopy(), std::move(third), LocalStory()});
  for (int d = 0; d < 3; ++d) {
    EXPECT_EQ(ReasonOf(docs[d], kHull), "-") << d;
    EXPECT_EQ(ReasonOf(docs[d], kInjuries), "-") << d;
    EXPECT_EQ(ReasonOf(docs[d], kFooter), kShared) << d;
  }
}

TEST(Syndication, DecisionsDoNotDependOnDocumentOrder) {
  std::vector<Document> corpus = {WireStory(), RepublishedCopy(), LocalStory()};
  auto reasons = [](const Corpus& docs) {
    std::map<std::string, std::vector<std::string>> out;
    for (const SegmentedDocument& sd : docs.segmented) {
      for (const crosscheck::Segment& s : sd.segments) {
        out[sd.doc->id].push_back(s.boilerplate ? s.boilerplate_reason : "-");
      }
    }
    return out;
  };
  const auto want = reasons(SegmentCorpus(corpus));
  std::sort(corpus.begin(), corpus.end(),
            [](const Document& a, const Document& b) { return a.id < b.id; });
  do {
    EXPECT_EQ(reasons(SegmentCorpus(corpus)), want);
  } while (std::next_permutation(
      corpus.begin(), corpus.end(),
      [](const Document& a, const Document& b) { return a.id < b.id; }));
}

TEST(Syndication, FingerprintRecordsWordsAndProse) {
  const SegmentedDocument sd = SegmentDocument(
      MakeTextDoc(Paragraphs({kRoute, kInjuries, kFooter,
                              "Sundline Ferries timetable for the summer "
                              "season and its crossings to Kessa island "
                              "every day"}),
                  "fp"),
      ShippedRules());
  const CorpusFingerprint fp = FingerprintDocument(sd);
  ASSERT_EQ(fp.entries.size(), 4u);
  EXPECT_EQ(fp.entries[0].words, 30);
  EXPECT_TRUE(fp.entries[0].prose);
  EXPECT_EQ(fp.entries[1].words, 7);
  EXPECT_FALSE(fp.entries[1].prose);  // too short
  EXPECT_FALSE(fp.entries[2].prose);
  EXPECT_EQ(fp.entries[3].words, 15);
  EXPECT_FALSE(fp.entries[3].prose);  // long, but no sentence end
  // A closing quote after the full stop still ends a sentence.
  const SegmentedDocument quoted = SegmentDocument(
      MakeTextDoc("\"The fog came down like a wall and then we felt the whole "
                  "deck shudder under our feet,\" she said. \"We waited.\"\n",
                  "q"),
      ShippedRules());
  const CorpusFingerprint fq = FingerprintDocument(quoted);
  ASSERT_EQ(fq.entries.size(), 1u);
  EXPECT_TRUE(fq.entries[0].prose);
}

}  // namespace
}  // namespace crosscheck::segment
