// The text report: compiler-style lines for terminals and CI logs.
//
//   corpus/a.txt:12:5: error: sources disagree ... [judge.conflict]
//   crosscheck: 3 documents, 41 claims, 2 findings (1 error, 1 info) ...
#include "absl/strings/str_cat.h"
#include "reports/report.h"
#include "reports/report_util.h"

namespace crosscheck::reports {
namespace {

// Control bytes from article text would let a crafted title rewrite the
// terminal (ANSI escapes) or forge extra lines: shown as U+FFFD-free "?".
std::string Clean(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7f) ? ' ' : c;
  }
  return out;
}

absl::string_view Color(Severity s) {
  switch (s) {
    case Severity::kError:
      return "\x1b[1;31m";
    case Severity::kWarning:
      return "\x1b[1;33m";
    case Severity::kInfo:
      return "\x1b[1;36m";
  }
  return "";
}

std::string Plural(size_t n, absl::string_view word) {
  return absl::StrCat(n, " ", word, n == 1 ? "" : "s");
}

}  // namespace

void WriteText(const CheckResult& result, const RenderOptions& options,
               ReportSink* sink) {
  std::string& out = *sink->buffer();
  auto severity = [&](Severity s) {
    if (!options.color) return std::string(SeverityName(s));
    return absl::StrCat(Color(s), SeverityName(s), "\x1b[0m");
  };
  for (const Diagnostic& d : result.diagnostics) {
    absl::StrAppend(&out, Clean(LocationText(d.path, d.line, d.column)), ": ",
                    severity(d.severity), ": ", Clean(d.message), " [",
                    Clean(d.code), "]\n");
    sink->Flush();
  }
  ForEachFinding(result, [&](const Finding& f) {
    std::string where = "<corpus>";
    if (!f.evidence.empty()) {
      const Evidence& e = f.evidence.front();
      where = LocationText(e.path, e.position.line, e.position.column);
    }
    absl::StrAppend(&out, Clean(where), ": ", severity(f.severity), ": ",
                    Clean(f.message), " [", Clean(f.rule_id), "]");
    if (f.suppressed) {
      absl::StrAppend(&out, " (suppressed",
                      f.suppression_reason.empty() ? "" : ": ",
                      Clean(f.suppression_reason), ")");
    }
    out += '\n';
    sink->Flush();
  });
  Summary s = Summarize(result);
  absl::StrAppend(
      &out, "crosscheck: ", Plural(s.documents, "document"), ", ",
      Plural(s.claims, "claim"), ", ", Plural(s.findings, "finding"), " (",
      s.by_severity[static_cast<size_t>(Severity::kError)], " error, ",
      s.by_severity[static_cast<size_t>(Severity::kWarning)], " warning, ",
      s.by_severity[static_cast<size_t>(Severity::kInfo)], " info; ",
      s.suppressed, " suppressed), ", Plural(s.diagnostics, "diagnostic"),
      "\n");
  sink->Flush();
}

}  // namespace crosscheck::reports
