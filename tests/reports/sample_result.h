// A hand-built CheckResult covering every report feature, for renderer
// tests. All article text here is invented for the tests.
#ifndef CROSSCHECK_TESTS_REPORTS_SAMPLE_RESULT_H_
#define CROSSCHECK_TESTS_REPORTS_SAMPLE_RESULT_H_

#include <string>
#include <vector>

#include "checker/core/result.h"

namespace crosscheck::testing {

// Payloads an article or its metadata might carry.
inline constexpr const char* kScriptTag = "<script>alert(1)</script>";
inline constexpr const char* kAttrBreak = "\"><img src=x onerror=alert(1)>";
inline constexpr const char* kJsUrl = "javascript:alert(1)";

inline DocumentResult MakeDoc(const std::string& id, const std::string& path,
                              const std::string& source,
                              const std::string& title,
                              const std::string& original, absl::CivilDay ref) {
  DocumentResult d;
  d.doc.id = id;
  d.doc.path = path;
  d.doc.format = "txt";
  d.doc.title = title;
  d.doc.source = source;
  d.doc.url = "https://news.example/" + id;
  d.doc.original = original;
  d.doc.original_index = LineIndex(d.doc.original);
  d.doc.reference_date.day = ref;
  d.doc.reference_date.provenance = "metadata:published";
  d.doc.reference_date.confidence = 0.9;
  d.info.id = id;
  d.info.path = path;
  d.info.title = title;
  d.info.source = source;
  d.info.format = "txt";
  d.info.reference_date = d.doc.reference_date;
  // One segment per line.
  size_t start = 0;
  int index = 0;
  while (start < original.size()) {
    size_t nl = original.find('\n', start);
    if (nl == std::string::npos) nl = original.size();
    if (nl > start) {
      Segment s;
      s.index = index++;
      s.kind = index == 1 ? SegmentKind::kTitle : SegmentKind::kParagraph;
      s.text.Append(absl::string_view(original).substr(start, nl - start),
                    static_cast<uint32_t>(start));
      s.sentences.push_back({0, static_cast<uint32_t>(nl - start)});
      d.segments.push_back(std::move(s));
    }
    start = nl + 1;
  }
  return d;
}

// Evidence quoting `quote` (which must occur in the document).
inline Evidence Side(const DocumentResult& d, const std::string& quote,
                     const std::string& value) {
  Evidence e;
  e.doc_id = d.doc.id;
  e.path = d.doc.path;
  e.source = d.doc.source;
  size_t at = d.doc.original.find(quote);
  if (at == std::string::npos) at = 0;
  e.span =
      Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + quote.size())};
  e.position = d.doc.original_index.PositionOf(e.span.begin);
  e.quote = quote;
  size_t line_begin = d.doc.original.rfind('\n', at);
  line_begin = line_begin == std::string::npos ? 0 : line_begin + 1;
  size_t line_end = d.doc.original.find('\n', at);
  if (line_end == std::string::npos) line_end = d.doc.original.size();
  e.sentence = d.doc.original.substr(line_begin, line_end - line_begin);
  e.value = value;
  e.claim_id = d.doc.id + "#1";
  e.reference_date = absl::FormatCivilTime(*d.doc.reference_date.day);
  return e;
}

// `hostile` fills titles, quotes, messages and URLs with markup payloads.
inline CheckResult SampleResult(bool hostile = false) {
  std::string p = hostile ? std::string(kScriptTag) : "";
  std::string a = hostile ? std::string(kAttrBreak) : "";
  CheckResult r;
  r.tool_version = "0.1.0";
  r.inputs = {"corpus"};
  r.documents.push_back(MakeDoc(
      "alpha", "corpus/alpha.txt", "Alpha Wire" + a, "Port fees climb" + p,
      "Port fees climb" + p +
          "\nThe harbor board set the docking fee at 25 percent" + p +
          " on Monday.\nCrews expect the board to hold a vote two days "
          "later.\n| Item | Status |\n| --- | --- |\n",
      absl::CivilDay(2026, 2, 10)));
  r.documents.push_back(MakeDoc(
      "beta", "corpus/beta file.md", "Beta Times", "Fee rise " + a,
      "Fee rise " + a +
          "\nOfficials said the docking fee rose to 15 percent.\nThe vote "
          "took place on Sunday, the board confirmed.\nRelated: 10% fare cut "
          "elsewhere.\n",
      absl::CivilDay(2026, 2, 9)));
  r.documents.push_back(MakeDoc(
      "gamma", "corpus/gamma.txt", "Gamma Review", "Looking back",
      "Looking back\nIn late 2024 the board ran with a minority of seats "
      "\xE2\x80\x94 a caretaker arrangement.\nThis text was produced by an AI "
      "system.\n",
      absl::CivilDay(2024, 11, 20)));
  if (hostile) r.documents[0].doc.url = kJsUrl;
  r.documents[1].segments.back().boilerplate = true;
  r.documents[1].segments.back().boilerplate_reason = "boilerplate.related";
  r.documents[2].info.ai_generated = true;
  r.documents[2].info.ai_evidence = "This text was produced by an AI system.";
  r.documents[2].info.ai_line = 3;
  r.documents[2].info.ai_column = 1;
  r.documents[0].info.syndication_key = "s1";
  r.documents[1].info.syndication_key = "s1";

  Claim c;
  c.id = "alpha#1";
  c.doc_id = "alpha";
  c.mention.kind = MentionKind::kPercent;
  c.mention.rule_id = "percent.number-percent";
  c.mention.span = Span{52, 62};
  c.mention.text = "25 percent";
  c.mention.amount = Amount{25, 25, 25, "%", "percent", ""};
  c.subject = Subject{"docking fee", "fee", {"docking"}, "fee|docking"};
  c.sentence = "The harbor board set the docking fee at 25 percent.";
  c.position = Position{2, 37};
  c.quote = "25 percent" + p;
  r.claims.push_back(c);
  c.id = "beta#1";
  c.doc_id = "beta";
  c.mention.amount = Amount{15, 15, 15, "%", "percent", ""};
  c.quote = "15 percent";
  r.claims.push_back(c);

  const DocumentResult& A = r.documents[0];
  const DocumentResult& B = r.documents[1];
  const DocumentResult& G = r.documents[2];

  Finding f;
  f.rule_id = "judge.conflict";
  f.kind = "conflict";
  f.severity = Severity::kError;
  f.confidence = 0.8;
  f.message = "sources disagree on the docking fee: 25% vs 15%" + p;
  f.subject = "docking fee" + a;
  f.evidence = {Side(A, "25 percent" + p, "25 %"),
                Side(B, "15 percent", "15 %")};
  f.fingerprint = "c0ffee01";
  r.findings.push_back(f);

  f = Finding{};
  f.rule_id = "judge.event-date-conflict";
  f.kind = "event-date-conflict";
  f.severity = Severity::kWarning;
  f.confidence = 0.6;
  f.message = "the vote is dated 2026-02-12 and 2026-02-08";
  f.subject = "vote";
  f.evidence = {Side(A, "two days later", "2026-02-12"),
                Side(B, "on Sunday", "2026-02-08")};
  f.fingerprint = "d00d0002";
  f.suppressed = true;
  f.suppression_reason = "accepted in baseline" + a;
  r.findings.push_back(f);

  f = Finding{};
  f.rule_id = "judge.superseded";
  f.kind = "superseded";
  f.severity = Severity::kInfo;
  f.confidence = 0.7;
  f.message = "a minority arrangement in 2024 was replaced later";
  f.subject = "board control";
  f.evidence = {Side(G, "a minority of seats", "minority"),
                Side(A, "harbor board", "board")};
  f.fingerprint = "5afe0003";
  r.findings.push_back(f);

  f = Finding{};
  f.rule_id = "judge.agreement";
  f.kind = "agreement";
  f.severity = Severity::kInfo;
  f.confidence = 0.9;
  f.message = "two sources agree the fee is set by the board";
  f.subject = "docking fee";
  f.evidence = {Side(A, "docking fee", "fee"), Side(B, "docking fee", "fee")};
  f.fingerprint = "a9ee0004";
  r.findings.push_back(f);

  f = Finding{};
  f.rule_id = "judge.ai-generated";
  f.kind = "ai-generated";
  f.severity = Severity::kInfo;
  f.confidence = 1.0;
  f.message = "document declares AI-generated content";
  f.subject = "gamma";
  f.evidence = {Side(G, "produced by an AI system", "ai-generated")};
  f.fingerprint = "a1a10005";
  r.findings.push_back(f);

  r.diagnostics.push_back(Diagnostic{Severity::kWarning, "ingest.invalid-utf8",
                                     "corpus/broken.txt", 4, 2,
                                     "invalid utf-8 replaced" + p});
  r.baseline_gone = {"deadbeef"};
  return r;
}

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_TESTS_REPORTS_SAMPLE_RESULT_H_
