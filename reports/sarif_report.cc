// SARIF 2.1.0 for code-scanning UIs (GitHub, VS Code SARIF viewer).
//
// Articles are the "artifacts": each finding points at its first evidence
// and lists the other sides as relatedLocations. Columns are converted from
// crosscheck's byte columns to UTF-16 code units (SARIF's default
// columnKind) using the document text when the result holds it. Suppressed
// findings stay in the log with a `suppressions` entry so code scanning does
// not reopen them; diagnostics become toolExecutionNotifications.
#include <cstdint>
#include <map>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "reports/report.h"
#include "reports/report_util.h"

namespace crosscheck::reports {
namespace {

using nlohmann::json;

absl::string_view Level(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "note";
}

// A relative path as a URI reference: RFC 3986 unreserved characters and
// '/' pass, everything else is percent-encoded. Absolute paths become
// file:// URIs.
std::string PathToUri(absl::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  if (!path.empty() && path.front() == '/') out = "file://";
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                (u >= '0' && u <= '9') || u == '-' || u == '.' || u == '_' ||
                u == '~' || u == '/';
    if (keep) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

// UTF-16 code units in UTF-8 bytes `s` (invalid bytes count one each).
int Utf16Units(absl::string_view s) {
  int n = 0;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u & 0xC0) == 0x80) continue;  // continuation byte
    n += (u >= 0xF0 && u <= 0xF4) ? 2 : 1;
  }
  return n;
}

struct LineCol {
  int line = 0;
  int column = 0;
};

// 1-based line and UTF-16 column of byte `offset` in `doc`.
LineCol Utf16Position(const Document& doc, uint32_t offset) {
  if (offset > doc.original.size()) {
    offset = static_cast<uint32_t>(doc.original.size());
  }
  Position p = doc.original_index.PositionOf(offset);
  uint32_t line_start =
      offset - static_cast<uint32_t>(p.column > 0 ? p.column - 1 : 0);
  if (line_start > offset) line_start = offset;
  absl::string_view text(doc.original);
  return {p.line, 1 + Utf16Units(text.substr(line_start, offset - line_start))};
}

json PhysicalLocation(const Evidence& e, const Document* doc) {
  json region = json::object();
  if (doc != nullptr && !doc->original.empty() && e.span.end > e.span.begin &&
      e.span.end <= doc->original.size()) {
    LineCol b = Utf16Position(*doc, e.span.begin);
    LineCol end = Utf16Position(*doc, e.span.end);
    region = json{{"startLine", b.line},
                  {"startColumn", b.column},
                  {"endLine", end.line},
                  {"endColumn", end.column}};
    // No charOffset/charLength: SARIF counts characters there, crosscheck
    // spans count bytes.
  } else if (e.position.line > 0) {
    region["startLine"] = e.position.line;
    if (e.position.column > 0) region["startColumn"] = e.position.column;
  }
  if (!e.quote.empty()) region["snippet"] = json{{"text", e.quote}};
  json loc{{"artifactLocation", json{{"uri", PathToUri(e.path)}}}};
  if (!region.empty() && region.contains("startLine")) {
    loc["region"] = std::move(region);
  }
  return loc;
}

std::string SideText(const Evidence& e) {
  std::string out = e.source.empty() ? e.doc_id : e.source;
  if (!e.value.empty()) absl::StrAppend(&out, ": ", e.value);
  if (!e.quote.empty()) absl::StrAppend(&out, " (\"", e.quote, "\")");
  if (!e.reference_date.empty()) {
    absl::StrAppend(&out, ", as of ", e.reference_date);
  }
  return out;
}

}  // namespace

void WriteSarif(const CheckResult& result, const RenderOptions& options,
                ReportSink* sink) {
  // Only documents with their text give line and column: those stay in
  // memory (ResultStore::ForEachDocument), so the pointers stay valid.
  absl::flat_hash_map<std::string, const Document*> docs;
  ForEachDocument(result, [&](const DocumentResult& d) {
    if (!d.doc.original.empty()) docs.emplace(d.doc.id, &d.doc);
  });
  auto find_doc = [&](const Evidence& e) -> const Document* {
    auto it = docs.find(e.doc_id);
    return it == docs.end() ? nullptr : it->second;
  };

  // One rule per rule id, sorted; its level is the most severe seen.
  struct RuleInfo {
    std::string kind;
    Severity level = Severity::kInfo;
  };
  std::map<std::string, RuleInfo> rule_infos;
  ForEachFinding(result, [&](const Finding& f) {
    auto [it, inserted] = rule_infos.try_emplace(f.rule_id);
    if (inserted) it->second.kind = f.kind;
    if (f.severity > it->second.level) it->second.level = f.severity;
  });
  json rules = json::array();
  std::map<std::string, int> rule_index;
  for (const auto& [id, info] : rule_infos) {
    rule_index[id] = static_cast<int>(rules.size());
    rules.push_back(
        json{{"id", id},
             {"shortDescription", json{{"text", KindDescription(info.kind)}}},
             {"defaultConfiguration", json{{"level", Level(info.level)}}},
             {"properties", json{{"kind", info.kind}}}});
  }

  const bool baseline = BaselineUsed(result, options);
  auto result_json = [&](const Finding& f) {
    json r{{"ruleId", f.rule_id},
           {"ruleIndex", rule_index[f.rule_id]},
           {"level", Level(f.severity)},
           {"message", json{{"text", f.message}}},
           {"properties", json{{"kind", f.kind},
                               {"confidence", f.confidence},
                               {"subject", f.subject}}}};
    json locations = json::array();
    json related = json::array();
    for (size_t i = 0; i < f.evidence.size(); ++i) {
      const Evidence& e = f.evidence[i];
      json loc{{"physicalLocation", PhysicalLocation(e, find_doc(e))}};
      if (i == 0) {
        locations.push_back(std::move(loc));
      } else {
        loc["id"] = static_cast<int>(i);
        loc["message"] = json{{"text", SideText(e)}};
        related.push_back(std::move(loc));
      }
    }
    r["locations"] = std::move(locations);
    if (!related.empty()) r["relatedLocations"] = std::move(related);
    if (!f.fingerprint.empty()) {
      r["partialFingerprints"] =
          json{{"crosscheckFingerprint/v1", f.fingerprint}};
    }
    if (f.suppressed) {
      json s{{"kind", "external"}, {"status", "accepted"}};
      if (!f.suppression_reason.empty()) {
        s["justification"] = f.suppression_reason;
      }
      r["suppressions"] = json::array({std::move(s)});
    }
    if (baseline) r["baselineState"] = f.suppressed ? "unchanged" : "new";
    return r;
  };

  json notifications = json::array();
  bool successful = true;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.severity == Severity::kError) successful = false;
    json n{
        {"level", Level(d.severity)},
        {"message", json{{"text", d.message}}},
        {"descriptor", json{{"id", d.code.empty() ? "crosscheck" : d.code}}}};
    if (!d.path.empty()) {
      json phys{{"artifactLocation", json{{"uri", PathToUri(d.path)}}}};
      if (d.line > 0) {
        json region{{"startLine", d.line}};
        if (d.column > 0) region["startColumn"] = d.column;
        phys["region"] = std::move(region);
      }
      n["locations"] =
          json::array({json{{"physicalLocation", std::move(phys)}}});
    }
    notifications.push_back(std::move(n));
  }
  json invocation{{"executionSuccessful", successful},
                  {"toolExecutionNotifications", std::move(notifications)}};

  std::string version = ToolVersion(result, options);
  json driver{{"name", "crosscheck"},
              {"version", version},
              {"informationUri", std::string(kInformationUri)},
              {"rules", std::move(rules)}};
  // The results are written one by one, never as one tree. Keys in byte
  // order, as nlohmann sorts them.
  PrettyJsonWriter w(sink);
  w.BeginObject();
  w.Key("$schema");
  w.Value("https://json.schemastore.org/sarif-2.1.0.json");
  w.Key("runs");
  w.BeginArray();
  w.BeginObject();
  w.Key("columnKind");
  w.Value("utf16CodeUnits");
  w.Key("invocations");
  w.Value(json::array({std::move(invocation)}));
  w.Key("results");
  w.BeginArray();
  ForEachFinding(result, [&](const Finding& f) { w.Value(result_json(f)); });
  w.EndArray();
  w.Key("tool");
  w.Value(json{{"driver", std::move(driver)}});
  w.EndObject();
  w.EndArray();
  w.Key("version");
  w.Value("2.1.0");
  w.EndObject();
  sink->buffer()->push_back('\n');
  sink->Flush();
}

}  // namespace crosscheck::reports
