// Builds SegmentedDocuments and Mentions by hand for the claims tests, so
// they do not depend on the segmenter or on the rule packs' exact rules.
#ifndef CROSSCHECK_TESTS_EXTRACT_CLAIMS_TESTING_H_
#define CROSSCHECK_TESTS_EXTRACT_CLAIMS_TESTING_H_

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "checker/core/types.h"
#include "checker/extract/claims.h"
#include "checker/extract/extractor.h"
#include "checker/extract/rules.h"
#include "gtest/gtest.h"

namespace crosscheck::extract::testing {

inline const Lexicon& TestLexicon() {
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

inline DateValue Day(int y, int m, int d, bool relative = false) {
  DateValue v;
  v.begin = v.end = absl::CivilDay(y, m, d);
  v.granularity = Granularity::kDay;
  v.iso = absl::StrFormat("%04d-%02d-%02d", y, m, d);
  v.relative = relative;
  return v;
}

inline DateValue Year(int y) {
  DateValue v;
  v.begin = absl::CivilDay(y, 1, 1);
  v.end = absl::CivilDay(y, 12, 31);
  v.granularity = Granularity::kYear;
  v.iso = absl::StrCat(y);
  return v;
}

inline DateValue Month(int y, int m) {
  DateValue v;
  v.begin = absl::CivilDay(y, m, 1);
  v.end = absl::CivilDay(absl::CivilMonth(y, m) + 1) - 1;
  v.granularity = Granularity::kMonth;
  v.iso = absl::StrFormat("%04d-%02d", y, m);
  return v;
}

inline DateValue Quarter(int y, int q) {
  DateValue v;
  v.begin = absl::CivilDay(y, (q - 1) * 3 + 1, 1);
  v.end = absl::CivilDay(absl::CivilMonth(y, q * 3) + 1) - 1;
  v.granularity = Granularity::kQuarter;
  v.iso = absl::StrFormat("%04d-Q%d", y, q);
  return v;
}

// A document under construction. Segments are paragraphs (one or more
// sentences joined by a space) or table rows (cells joined by " | "); the
// original text is the segments joined by blank lines.
class DocBuilder {
 public:
  explicit DocBuilder(std::string id = "doc") {
    doc_ = std::make_unique<Document>();
    doc_->id = std::move(id);
    doc_->path = doc_->id + ".txt";
  }

  DocBuilder& Reference(absl::CivilDay day) {
    doc_->reference_date.day = day;
    doc_->reference_date.provenance = "metadata:published";
    doc_->reference_date.confidence = 1;
    return *this;
  }

  // Returns the segment index.
  int Paragraph(const std::vector<std::string>& sentences,
                bool boilerplate = false) {
    Segment seg;
    seg.kind = SegmentKind::kParagraph;
    seg.boilerplate = boilerplate;
    std::string text;
    for (const std::string& s : sentences) {
      if (!text.empty()) text += " ";
      Sentence sent;
      sent.begin = static_cast<uint32_t>(text.size());
      text += s;
      sent.end = static_cast<uint32_t>(text.size());
      seg.sentences.push_back(sent);
    }
    return AddSegment(std::move(seg), text);
  }

  int TableRow(const std::vector<std::string>& cells,
               const std::vector<std::string>& headers) {
    Segment seg;
    seg.kind = SegmentKind::kTableRow;
    std::string text;
    for (const std::string& c : cells) {
      if (!text.empty()) text += " | ";
      Sentence cell;
      cell.begin = static_cast<uint32_t>(text.size());
      text += c;
      cell.end = static_cast<uint32_t>(text.size());
      seg.cells.push_back(cell);
      seg.sentences.push_back(cell);
    }
    seg.column_headers = headers;
    return AddSegment(std::move(seg), text);
  }

  // Adds a mention of the `nth` occurrence of `text` in segment `seg`.
  Mention& Add(int seg, absl::string_view text, MentionKind kind, int nth = 0) {
    const Segment& s = segments_[seg];
    const std::string needle(text);
    size_t pos = s.text.text().find(needle);
    for (int i = 0; i < nth && pos != std::string::npos; ++i) {
      pos = s.text.text().find(needle, pos + 1);
    }
    EXPECT_NE(pos, std::string::npos) << text;
    if (pos == std::string::npos) pos = 0;
    Mention m;
    m.kind = kind;
    m.rule_id = "test.mention";
    m.segment = seg;
    m.local_begin = static_cast<uint32_t>(pos);
    m.local_end = static_cast<uint32_t>(pos + text.size());
    m.span = s.text.OriginalSpan(m.local_begin, m.local_end);
    m.text = std::string(text);
    for (size_t i = 0; i < s.sentences.size(); ++i) {
      if (s.sentences[i].begin <= pos && pos < s.sentences[i].end) {
        m.sentence = static_cast<int>(i);
      }
    }
    mentions_.push_back(std::move(m));
    return mentions_.back();
  }

  Mention& Number(int seg, absl::string_view text, double value,
                  MentionKind kind = MentionKind::kNumber,
                  std::string unit = "", std::string dimension = "",
                  int nth = 0) {
    Mention& m = Add(seg, text, kind, nth);
    m.amount.value = m.amount.low = m.amount.high = value;
    m.amount.unit = std::move(unit);
    m.amount.dimension = std::move(dimension);
    return m;
  }
  Mention& Percent(int seg, absl::string_view text, double value, int nth = 0) {
    return Number(seg, text, value, MentionKind::kPercent, "%", "percent", nth);
  }
  Mention& Date(int seg, absl::string_view text, DateValue d) {
    Mention& m = Add(seg, text, MentionKind::kDate);
    m.date = d;
    return m;
  }
  Mention& Event(int seg, absl::string_view text, std::string label) {
    Mention& m = Add(seg, text, MentionKind::kEvent);
    m.label = std::move(label);
    return m;
  }
  Mention& Status(int seg, absl::string_view text, std::string label,
                  std::string group) {
    Mention& m = Add(seg, text, MentionKind::kStatus);
    m.label = std::move(label);
    m.group = std::move(group);
    return m;
  }

  const SegmentedDocument& Build() {
    doc_->original_index = LineIndex(doc_->original);
    sd_.doc = doc_.get();
    sd_.segments = segments_;
    return sd_;
  }
  const std::vector<Mention>& mentions() const { return mentions_; }
  Document& doc() { return *doc_; }

 private:
  int AddSegment(Segment seg, const std::string& text) {
    if (!doc_->original.empty()) doc_->original += "\n\n";
    const uint32_t origin = static_cast<uint32_t>(doc_->original.size());
    doc_->original += text;
    seg.text.Append(text, origin);
    seg.index = static_cast<int>(segments_.size());
    segments_.push_back(std::move(seg));
    return segments_.back().index;
  }

  std::unique_ptr<Document> doc_;
  SegmentedDocument sd_;
  std::vector<Segment> segments_;
  std::vector<Mention> mentions_;
};

// The claims whose mention text is `text`.
inline std::vector<const Claim*> ClaimsFor(const std::vector<Claim>& claims,
                                           absl::string_view text) {
  std::vector<const Claim*> out;
  for (const Claim& c : claims) {
    if (c.mention.text == text) out.push_back(&c);
  }
  return out;
}

// The shipped rule packs, loaded once for the whole test binary.
inline const RuleSet& ShippedRules() {
  static const RuleSet* rules = [] {
    std::vector<RuleProblem> problems;
    return new RuleSet(RuleSet::LoadDirs({CROSSCHECK_SOURCE_DIR "/rules"},
                                         RuleBudget{}, &problems));
  }();
  return *rules;
}

// The claims of `b`'s document with the shipped rules and the test lexicon.
inline std::vector<Claim> ExtractClaims(DocBuilder& b) {
  Extractor ex(&ShippedRules());
  const SegmentedDocument& sd = b.Build();
  std::vector<Mention> mentions = ex.FindMentions(sd, b.doc().reference_date);
  return BuildClaims(sd, mentions, TestLexicon());
}

// The claims whose quote contains `part`.
inline std::vector<const Claim*> Quoting(const std::vector<Claim>& cs,
                                         absl::string_view part) {
  std::vector<const Claim*> out;
  for (const Claim& c : cs) {
    if (absl::StrContains(c.quote, part)) out.push_back(&c);
  }
  return out;
}

}  // namespace crosscheck::extract::testing

#endif  // CROSSCHECK_TESTS_EXTRACT_CLAIMS_TESTING_H_
