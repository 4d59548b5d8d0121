#include "reports/report_util.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "checker/core/json_writer.h"

namespace crosscheck::reports {

Summary Summarize(const CheckResult& result) {
  Summary s;
  s.documents = DocumentCount(result);
  s.claims = ClaimCount(result);
  s.findings = FindingCount(result);
  ForEachFinding(result, [&](const Finding& f) {
    ++s.by_kind[f.kind];
    size_t sev = static_cast<size_t>(f.severity);
    if (sev >= s.by_severity.size()) return;
    ++s.by_severity[sev];
    if (f.suppressed) {
      ++s.suppressed;
    } else {
      ++s.active_by_severity[sev];
    }
  });
  s.diagnostics = result.diagnostics.size();
  for (const Diagnostic& d : result.diagnostics) {
    size_t sev = static_cast<size_t>(d.severity);
    if (sev < s.diagnostics_by_severity.size()) {
      ++s.diagnostics_by_severity[sev];
    }
  }
  ForEachDocument(result, [&](const DocumentResult& d) {
    if (d.info.ai_generated) ++s.ai_flagged;
  });
  return s;
}

std::string ToolVersion(const CheckResult& result,
                        const RenderOptions& options) {
  if (!options.tool_version.empty()) return options.tool_version;
  if (!result.tool_version.empty()) return result.tool_version;
  return "0";
}

bool BaselineUsed(const CheckResult& result, const RenderOptions& options) {
  return options.baseline_used || !result.baseline_gone.empty();
}

std::string KindDescription(absl::string_view kind) {
  struct Entry {
    absl::string_view kind;
    absl::string_view text;
  };
  static constexpr Entry kEntries[] = {
      {"conflict", "Sources disagree on a value for the same subject and time"},
      {"agreement", "Independent sources agree on a value"},
      {"superseded",
       "A claim was true at another time and is replaced by a later one"},
      {"anachronism",
       "A claim is dated inconsistently with the document's own date"},
      {"event-date-conflict",
       "Sources place the same event on different dates"},
      {"not-comparable",
       "Values about one subject are measured differently and not compared"},
      {"uncorroborated", "A figure appears in one source only"},
      {"ai-generated", "A document declares AI-generated content"},
      {"duplicate", "Documents are near-duplicates (syndicated copies)"},
      {"status-conflict",
       "Sources state exclusive statuses for the same thing at the same time"},
      {"compatible",
       "Sources describe the same thing in compatible, not identical, terms"},
      // Review verdicts (crosscheck review DRAFT --against SOURCES).
      {"corroborated", "A draft claim is supported by a source"},
      {"conflicting", "A draft claim contradicts a source"},
      {"unsupported", "No source says anything comparable to a draft claim"},
  };
  for (const Entry& e : kEntries) {
    if (e.kind == kind) return std::string(e.text);
  }
  return absl::StrCat("crosscheck finding of kind ", kind);
}

std::string Dump(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

void PrettyJsonWriter::NewLine(size_t depth) {
  out_->push_back('\n');
  out_->append(2 * depth, ' ');
}

void PrettyJsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
  } else if (!members_.empty()) {  // an array element
    if (members_.back()++ > 0) out_->push_back(',');
    NewLine(members_.size());
  }
}

void PrettyJsonWriter::Open(char c) {
  BeforeValue();
  out_->push_back(c);
  members_.push_back(0);
}

void PrettyJsonWriter::Close(char c) {
  const size_t n = members_.back();
  members_.pop_back();
  if (n > 0) NewLine(members_.size());  // else "{}" / "[]", as dump() does
  out_->push_back(c);
  sink_->Flush();
}

void PrettyJsonWriter::Key(absl::string_view key) {
  if (members_.back()++ > 0) out_->push_back(',');
  NewLine(members_.size());
  AppendJsonString(key, out_);
  out_->append(": ");
  after_key_ = true;
}

void PrettyJsonWriter::Value(const nlohmann::json& value) {
  scratch_ = Dump(value, -1);
  CompactValue(scratch_);
}

void PrettyJsonWriter::CompactValue(absl::string_view json) {
  BeforeValue();
  // Compact and indented dumps differ only in whitespace outside strings:
  // a line break and indent after an opening bracket and after each comma,
  // one before a closing bracket (empty containers stay "[]" and "{}"), and
  // a space after each colon.
  size_t depth = members_.size();
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    switch (c) {
      case '"': {
        size_t j = i + 1;
        while (j < json.size() && json[j] != '"') j += json[j] == '\\' ? 2 : 1;
        out_->append(json.data() + i, std::min(j + 1, json.size()) - i);
        i = j;
        break;
      }
      case '{':
      case '[':
        out_->push_back(c);
        if (i + 1 < json.size() && json[i + 1] == (c == '{' ? '}' : ']')) {
          out_->push_back(json[++i]);
        } else {
          NewLine(++depth);
        }
        break;
      case '}':
      case ']':
        NewLine(--depth);
        out_->push_back(c);
        break;
      case ',':
        out_->push_back(',');
        NewLine(depth);
        break;
      case ':':
        out_->append(": ");
        break;
      default:
        out_->push_back(c);
    }
  }
  sink_->Flush();
}

std::string LocationText(absl::string_view path, int line, int column) {
  std::string out(path);
  if (line > 0) {
    absl::StrAppend(&out, ":", line);
    if (column > 0) absl::StrAppend(&out, ":", column);
  }
  return out;
}

}  // namespace crosscheck::reports
