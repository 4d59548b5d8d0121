// Segmentation: a Document's blocks -> paragraphs, headings, list items,
// table rows and sentences, each marked body or boilerplate.
//
//   auto rules = BoilerplateRules::Load("rules/boilerplate.json");
//   if (!rules.ok()) return rules.status();
//   std::vector<SegmentedDocument> docs;
//   for (const Document& d : corpus) docs.push_back(SegmentDocument(d,
//   *rules)); MarkCorpusBoilerplate(absl::MakeSpan(docs)); for (const Segment&
//   s : docs[0].segments)
//     if (!s.boilerplate) ...  // body text: what extraction reads
//
// Structure
// ---------
// HTML blocks map one to one (kTitle, kHeading, kParagraph/kOther ->
// kParagraph, kListItem, kTableRow with its cells). Text formats arrive as one
// kLine block per physical line; runs of them are grouped here:
//   * blank lines separate paragraphs; a document written "one paragraph per
//     line" gives one paragraph per line;
//   * hard-wrapped lines are joined with a space that maps to the line break
//     (a line ending mid-sentence followed by a lowercase start, or any line
//     of a document whose lines are mostly filled to one width);
//   * markdown: "#" headings and setext underlines, list items ("- ", "* ",
//     "+ ", "• ", "1. ", "1) "; the marker is not part of the text), tables
//     ("| a | b |"; separator rows "|---|:--:|" are dropped);
//   * plain-text headings: a short line (<= 90 bytes, <= 12 words) without
//     terminal punctuation that is followed by more text and is either
//     mostly capitalised or stands alone between blank lines;
//   * the first heading-like line before any real paragraph is the kTitle.
// Front-matter lines (container_hint "front-matter") yield no segments.
//
// Table rows: Segment::text is the cells joined by " | " (the separator maps
// to the original bytes between the cells), Segment::cells gives each cell's
// offsets in it, and column_headers the header of each column. A header row
// (the row before a markdown separator, or an HTML row marked is_header) is
// itself a kTableRow segment whose column_headers equal its own cell texts;
// IsTableHeader() recognizes it.
//
// Sentences: SplitSentences() per segment (per cell for table rows).
// `heading` is the nearest non-boilerplate heading (or title) above.
//
// Boilerplate
// -----------
// A boilerplate segment is kept (reports grey it out) but yields no claims.
// `boilerplate_reason` says why:
//   * a rule id from rules/boilerplate.json (phrase rules, several languages,
//     each limited to short segments);
//   * "structure.teaser-run": 2+ consecutive short segments ending in "..."
//     (or one such segment first or last in the document);
//   * "structure.repeated-in-document": the same normalized text stands 2+
//     times in the document (all copies, except the title itself);
//   * "structure.lone-punctuation": no letter or digit ("}", "***", "•");
//   * "structure.under-related-heading": below a heading that a section rule
//     ("Related Articles", "Comments", "Lire aussi", ...) matches, up to the
//     next heading that is not boilerplate and is followed by real text;
//   * "structure.container": an HTML container_hint token names chrome
//     (nav, related, share, comments, footer, ...);
//   * "structure.site-nav": a short "Site|Section" pipe line, not a sentence;
//   * "structure.shared-across-documents": see MarkCorpusBoilerplate().
// A segment that a keep rule protects (an AI-content disclosure, say) is
// never boilerplate; it has boilerplate == false and boilerplate_reason set
// to the keep rule's id, so that reports can say why it stayed.
// Labels glued by scrapers ("PoliticsAI Analysis", "3 min readSource") are
// boilerplate too; detectors that look for labels such as "AI Analysis" must
// read boilerplate segments as well (the text is still there).
#ifndef CROSSCHECK_CHECKER_SEGMENT_SEGMENT_H_
#define CROSSCHECK_CHECKER_SEGMENT_SEGMENT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "checker/core/types.h"

namespace crosscheck::segment {

// One phrase rule of rules/boilerplate.json:
//
//   {"family": "boilerplate", "description": "...", "rules": [{
//      "id": "boilerplate.sign-in-prompt",       // unique
//      "description": "asks the reader to sign in",
//      "patterns": ["(?i)(sign|log) in to (join|comment)\\b.*"],  // RE2
//      "scope": "segment",   // "segment": the pattern must match the whole
//                            // (trimmed) segment; "prefix": its start;
//                            // "contains": anywhere. Default "segment".
//      "max_words": 12,      // only segments this short; 0 = any length.
//                            // Default 12.
//      "section": false,     // true: a heading it matches opens a
//                            // boilerplate region (see above)
//      "keep": false,        // true: a guard; a segment it matches is
//                            // never boilerplate, whatever other rules or
//                            // structural signals say (disclosures such
//                            // as "This content is AI-generated ..." that
//                            // later stages must read as article text)
//      "examples": {"match": ["Sign in to comment"],
//                   "no_match": ["He signed in to law a new tax."]}}]}
struct BoilerplateRule {
  std::string id;
  std::string description;
  std::vector<std::string> patterns;
  std::string scope = "segment";
  int max_words = 12;
  bool section = false;
  bool keep = false;
  std::vector<std::string> match_examples;
  std::vector<std::string> no_match_examples;
};

// Compiled boilerplate phrase rules. Immutable and thread-safe once loaded.
class BoilerplateRules {
 public:
  // Loads a rule file. Errors name the file, rule id and JSON pointer (and
  // the RE2 error text for a bad pattern).
  static absl::StatusOr<BoilerplateRules> Load(const std::string& path);
  static absl::StatusOr<BoilerplateRules> Parse(const std::string& path,
                                                absl::string_view json);

  // The rule that decides `segment_text`, or nullptr: a matching keep rule
  // if any, else the first matching rule in file order. Two RE2::Set passes
  // at most: the patterns anchored at the segment's start, then the
  // "contains" ones.
  const BoilerplateRule* MatchRule(absl::string_view segment_text) const;

  // The id of the boilerplate rule that matches `segment_text`, or "" (also
  // when a keep rule protects it).
  std::string Match(absl::string_view segment_text) const;

  const std::vector<BoilerplateRule>& rules() const;

  // Runs every rule's examples: a "match" example must be matched by that
  // rule, a "no_match" example by no pattern of it. Returns one message per
  // failure ("boilerplate.x: /rules/3/examples/match/0: ... not matched").
  std::vector<std::string> CheckExamples() const;

  BoilerplateRules(BoilerplateRules&&) noexcept;
  BoilerplateRules& operator=(BoilerplateRules&&) noexcept;
  ~BoilerplateRules();

 private:
  BoilerplateRules();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Splits one document into segments and sentences and applies the
// per-document boilerplate signals. Never fails; any bytes are accepted.
SegmentedDocument SegmentDocument(const Document& doc,
                                  const BoilerplateRules& rules);

// Applies the corpus-wide signal: a paragraph or list item of 4-40 words
// whose normalized text stands in two or more documents is boilerplate
// ("structure.shared-across-documents"). Headings and table rows are never
// marked this way. Exceptions, because shared text is sometimes the story:
//   * copies of one article (syndication, light edits) do not mark what
//     they share on account of each other. Two documents are copies when
//     they share more than half of their eligible segments, or 2+
//     reporting paragraphs (15+ words ending in ".", "?" or "!", closing
//     quotes allowed) that together hold a third or more of the words in
//     the shorter one's paragraphs and list items (those its own signals
//     marked as boilerplate not counted, unless longer than 40 words);
//   * a reporting paragraph in exactly two documents is never marked (real
//     chrome repeats across more pages, or is short or unpunctuated); in
//     three or more it is marked in each document that is not a copy of
//     all the others holding it (a standard disclaimer, say).
// The judge's duplicate detection keeps copies from corroborating each
// other. The result depends only on the set of documents, not their order.
//
// It runs in three steps so that a corpus too large for memory can be
// streamed (read once for fingerprints, once more to extract):
//
//   std::vector<CorpusFingerprint> fps;       // one per document, in order
//   for (...) fps.push_back(FingerprintDocument(SegmentDocument(doc, rules)));
//   std::vector<std::vector<uint32_t>> marks = DecideCorpusBoilerplate(fps);
//   // later, the same document segmented again:
//   ApplyCorpusBoilerplate(marks[d], &segmented);
//
// MarkCorpusBoilerplate() is the three at once, for documents in memory.
void MarkCorpusBoilerplate(absl::Span<SegmentedDocument> docs);

// What the corpus-wide decision needs of one document: no text, a fixed
// 64-bit hash of each comparable segment's normalized text (the same in
// every run and build, unlike absl::Hash). Two texts are taken as equal when
// their hashes are; a false match needs about 2^32 distinct segments.
struct CorpusFingerprint {
  struct Entry {
    uint64_t hash = 0;
    uint32_t segment = 0;    // position in SegmentedDocument::segments
    uint16_t words = 0;      // word count, saturated at 65535
    bool candidate = false;  // may be marked: <= 40 words, not already
                             // boilerplate, not protected by a keep rule
    bool prose = false;      // reporting prose (see MarkCorpusBoilerplate)
  };
  std::vector<Entry> entries;  // comparable segments, in document order
};

// Fingerprint of a document after SegmentDocument() (per-document signals
// applied; candidates depend on them).
CorpusFingerprint FingerprintDocument(const SegmentedDocument& doc);

// For each document (same order as `docs`), the ascending positions of the
// segments to mark as shared boilerplate. Memory is linear in the number of
// comparable segments of the corpus; the result does not depend on the
// order of `docs` (beyond being indexed by it).
std::vector<std::vector<uint32_t>> DecideCorpusBoilerplate(
    absl::Span<const CorpusFingerprint> docs);

// Marks `segments` (from DecideCorpusBoilerplate for this document) with
// "structure.shared-across-documents". `doc` must be segmented as it was
// when fingerprinted; positions out of range are ignored.
void ApplyCorpusBoilerplate(absl::Span<const uint32_t> segments,
                            SegmentedDocument* doc);

// Splits `text` into sentences (offsets into `text`), aware of
// abbreviations (U.S., Jan., Dr.), decimals, initials, ellipses and closing
// quotes. A break needs terminal punctuation, a space, then an uppercase
// letter, digit or quote. Linear in the length of `text`.
//
//   SplitSentences("Dr. Lee left the U.S. office. Sales rose 3.5%.")
//     -> {"Dr. Lee left the U.S. office.", "Sales rose 3.5%."}
std::vector<Sentence> SplitSentences(absl::string_view text);

// The lowercased, space-collapsed form used to compare segment texts.
std::string NormalizeForComparison(absl::string_view text);

// True for a table header row segment (see above).
bool IsTableHeader(const Segment& segment);

}  // namespace crosscheck::segment

#endif  // CROSSCHECK_CHECKER_SEGMENT_SEGMENT_H_
