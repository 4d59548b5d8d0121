// The JSON report: the whole CheckResult, described by
// reports/schema/report.schema.json. Value types use checker/core/json_codec
// so the report and `crosscheck extract` records share one encoding. It is
// streamed (PrettyJsonWriter): memory does not grow with the report.
#include <algorithm>
#include <cstdint>

#include "checker/core/json_codec.h"
#include "checker/core/json_writer.h"
#include "nlohmann/json.hpp"
#include "reports/report.h"
#include "reports/report_util.h"

namespace crosscheck::reports {
namespace {

using nlohmann::json;

json SeverityCounts(const std::array<size_t, 3>& counts) {
  return json{{"error", counts[static_cast<size_t>(Severity::kError)]},
              {"warning", counts[static_cast<size_t>(Severity::kWarning)]},
              {"info", counts[static_cast<size_t>(Severity::kInfo)]}};
}

json DocumentJson(const DocumentResult& d) {
  json segments = json::array();
  for (const Segment& s : d.segments) {
    segments.push_back(SegmentToJson(s, &d.doc.original_index));
  }
  // Ingestion fills Document; DocumentInfo may carry later findings (AI,
  // syndication). Prefer the info's value when it has one.
  const std::string& title = d.info.title.empty() ? d.doc.title : d.info.title;
  const std::string& source =
      d.info.source.empty() ? d.doc.source : d.info.source;
  return json{
      {"id", d.doc.id},
      {"path", d.doc.path},
      {"record_line", d.doc.record_line},
      {"format", d.doc.format},
      {"title", title},
      {"source", source},
      {"byline", d.doc.byline},
      {"url", d.doc.url},
      {"bytes", std::max<uint64_t>(d.doc.original.size(), d.original_bytes)},
      {"reference_date", ReferenceDateToJson(d.info.reference_date)},
      {"ai_generated", d.info.ai_generated},
      {"ai_evidence", d.info.ai_evidence},
      {"ai_line", d.info.ai_line},
      {"ai_column", d.info.ai_column},
      {"syndication_key", d.info.syndication_key},
      {"segments", std::move(segments)}};
}

}  // namespace

void WriteJson(const CheckResult& result, const RenderOptions& options,
               ReportSink* sink) {
  Summary s = Summarize(result);
  json tool{{"name", "crosscheck"},
            {"version", ToolVersion(result, options)},
            {"information_uri", std::string(kInformationUri)},
            {"fail_on", SeverityName(options.fail_on)}};
  if (!options.generated_at.empty()) {
    tool["generated_at"] = options.generated_at;
  }
  json by_kind = json::object();
  for (const auto& [kind, n] : s.by_kind) by_kind[kind] = n;
  json summary{
      {"documents", s.documents},
      {"claims", s.claims},
      {"findings", s.findings},
      {"findings_by_kind", std::move(by_kind)},
      {"findings_by_severity", SeverityCounts(s.by_severity)},
      {"active_by_severity", SeverityCounts(s.active_by_severity)},
      {"suppressed", s.suppressed},
      {"diagnostics", s.diagnostics},
      {"diagnostics_by_severity", SeverityCounts(s.diagnostics_by_severity)},
      {"ai_flagged_documents", s.ai_flagged}};

  // The report is one object; its arrays are written element by element
  // (the claims with the streaming writer), never as one tree. Keys in
  // byte order, as nlohmann sorts them.
  PrettyJsonWriter w(sink);
  w.BeginObject();
  w.Key("baseline");
  w.Value(json{{"used", BaselineUsed(result, options)},
               {"gone", result.baseline_gone}});
  w.Key("claims");
  w.BeginArray();
  if (result.store) {
    // Spilled claims are stored as this report writes them.
    result.store->ForEachClaimJson(
        [&](absl::string_view claim_json) { w.CompactValue(claim_json); });
  } else {
    std::string claim_json;
    for (const Claim& c : result.claims) {
      claim_json.clear();
      JsonWriter cw(&claim_json);
      WriteClaimJson(c, &cw);
      w.CompactValue(claim_json);
    }
  }
  w.EndArray();
  w.Key("diagnostics");
  w.BeginArray();
  for (const Diagnostic& d : result.diagnostics) w.Value(DiagnosticToJson(d));
  w.EndArray();
  w.Key("documents");
  w.BeginArray();
  ForEachDocument(result,
                  [&](const DocumentResult& d) { w.Value(DocumentJson(d)); });
  w.EndArray();
  w.Key("findings");
  w.BeginArray();
  ForEachFinding(result, [&](const Finding& f) { w.Value(FindingToJson(f)); });
  w.EndArray();
  w.Key("inputs");
  w.Value(result.inputs);
  w.Key("schema_version");
  w.Value("1.0");
  w.Key("summary");
  w.Value(summary);
  w.Key("tool");
  w.Value(tool);
  w.EndObject();
  sink->buffer()->push_back('\n');
  sink->Flush();
}

}  // namespace crosscheck::reports
