// The Markdown report: a short summary for pull-request comments.
//
// Counts first, then findings grouped by severity with their quotes.
// Article text is escaped so it renders as text: Markdown punctuation gets a
// backslash, and <, >, & become entities (GitHub renders inline HTML).
// Long lists are capped: a PR comment has a size limit and nobody reads
// finding 200 there; the full list is in the JSON/HTML reports.
#include <string>

#include "absl/strings/str_cat.h"
#include "reports/report.h"
#include "reports/report_util.h"

namespace crosscheck::reports {
namespace {

constexpr size_t kMaxPerSeverity = 50;

std::string Escape(absl::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '~':
      case '#':
      case '!':
      case '(':
      case ')':
        out += '\\';
        out += c;
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 ||
            static_cast<unsigned char>(c) == 0x7f) {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

absl::string_view Heading(Severity s) {
  switch (s) {
    case Severity::kError:
      return "Errors";
    case Severity::kWarning:
      return "Warnings";
    case Severity::kInfo:
      return "Information";
  }
  return "Other";
}

void AppendFinding(const Finding& f, std::string* out) {
  absl::StrAppend(out, "- **", Escape(f.kind), "** ", Escape(f.message), " (",
                  Escape(f.rule_id), ")");
  if (f.suppressed) {
    absl::StrAppend(out, " _suppressed",
                    f.suppression_reason.empty() ? "" : ": ",
                    Escape(f.suppression_reason), "_");
  }
  out->append("\n");
  for (const Evidence& e : f.evidence) {
    absl::StrAppend(
        out, "  - ",
        Escape(LocationText(e.path, e.position.line, e.position.column)));
    if (!e.source.empty()) absl::StrAppend(out, " (", Escape(e.source), ")");
    if (!e.quote.empty()) absl::StrAppend(out, ": \"", Escape(e.quote), "\"");
    if (!e.value.empty()) absl::StrAppend(out, " = ", Escape(e.value));
    if (!e.reference_date.empty()) {
      absl::StrAppend(out, ", as of ", Escape(e.reference_date));
    }
    out->append("\n");
  }
}

}  // namespace

void WriteMarkdown(const CheckResult& result, const RenderOptions& options,
                   ReportSink* sink) {
  Summary s = Summarize(result);
  auto sev = [](const std::array<size_t, 3>& a, Severity v) {
    return a[static_cast<size_t>(v)];
  };
  // Capped lists: the whole report is small, written at the end.
  std::string& out = *sink->buffer();
  absl::StrAppend(&out, "## crosscheck: ", s.findings, " finding",
                  s.findings == 1 ? "" : "s", " in ", s.documents, " document",
                  s.documents == 1 ? "" : "s", "\n\n");
  out += "| | error | warning | info |\n|---|---:|---:|---:|\n";
  absl::StrAppend(&out, "| findings | ", sev(s.by_severity, Severity::kError),
                  " | ", sev(s.by_severity, Severity::kWarning), " | ",
                  sev(s.by_severity, Severity::kInfo), " |\n");
  absl::StrAppend(&out, "| not suppressed | ",
                  sev(s.active_by_severity, Severity::kError), " | ",
                  sev(s.active_by_severity, Severity::kWarning), " | ",
                  sev(s.active_by_severity, Severity::kInfo), " |\n");
  absl::StrAppend(&out, "| diagnostics | ",
                  sev(s.diagnostics_by_severity, Severity::kError), " | ",
                  sev(s.diagnostics_by_severity, Severity::kWarning), " | ",
                  sev(s.diagnostics_by_severity, Severity::kInfo), " |\n\n");
  if (!s.by_kind.empty()) {
    out += "| kind | count |\n|---|---:|\n";
    for (const auto& [kind, n] : s.by_kind) {
      absl::StrAppend(&out, "| ", Escape(kind), " | ", n, " |\n");
    }
    out += "\n";
  }
  absl::StrAppend(&out, s.claims, " claims extracted; ", s.suppressed,
                  " findings suppressed; ", s.ai_flagged,
                  " documents declare AI-generated content. Fails on: ",
                  SeverityName(options.fail_on), ".\n");

  for (Severity level :
       {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    size_t total = sev(s.by_severity, level);
    if (total == 0) continue;
    absl::StrAppend(&out, "\n### ", Heading(level), " (", total, ")\n\n");
    size_t shown = 0;
    ForEachFinding(result, [&](const Finding& f) {
      if (f.severity != level || shown >= kMaxPerSeverity) return;
      ++shown;
      AppendFinding(f, &out);
    });
    if (total > kMaxPerSeverity) {
      absl::StrAppend(&out, "- ... and ", total - kMaxPerSeverity,
                      " more (see the JSON or HTML report)\n");
    }
  }
  if (!result.diagnostics.empty()) {
    absl::StrAppend(&out, "\n### Input problems (", result.diagnostics.size(),
                    ")\n\n");
    size_t shown = 0;
    for (const Diagnostic& d : result.diagnostics) {
      if (shown++ == kMaxPerSeverity) {
        absl::StrAppend(&out, "- ... and ",
                        result.diagnostics.size() - kMaxPerSeverity, " more\n");
        break;
      }
      absl::StrAppend(&out, "- ", SeverityName(d.severity), ": ",
                      Escape(LocationText(d.path, d.line, d.column)), ": ",
                      Escape(d.message), " (", Escape(d.code), ")\n");
    }
  }
  if (!result.baseline_gone.empty()) {
    absl::StrAppend(&out, "\n", result.baseline_gone.size(),
                    " baseline entries no longer occur.\n");
  }
  sink->Flush();
}

}  // namespace crosscheck::reports
