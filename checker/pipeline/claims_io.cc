#include "checker/pipeline/claims_io.h"

#include <algorithm>
#include <fstream>
#include <string>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "checker/core/json_codec.h"
#include "checker/pipeline/pipeline.h"
#include "nlohmann/json.hpp"

namespace crosscheck::pipeline {

using nlohmann::json;

namespace {

Diagnostic LineError(const std::string& path, int line, std::string message) {
  return Diagnostic{Severity::kError,  "align.bad-claim-record", path, line, 0,
                    std::move(message)};
}

// The n of "<doc id>#<n>"; claims without one sort last.
int ClaimNumber(const std::string& id) {
  size_t hash = id.rfind('#');
  int n = 0;
  if (hash == std::string::npos ||
      !absl::SimpleAtoi(absl::string_view(id).substr(hash + 1), &n)) {
    return 1 << 30;
  }
  return n;
}

}  // namespace

ClaimsInput ReadClaimFiles(const std::vector<std::string>& paths) {
  ClaimsInput out;
  absl::flat_hash_map<std::string, size_t> doc_index;
  // A document arrives in full once ("document" record, with its MinHash
  // signature) and in short with every claim; keep the fullest.
  auto add_doc = [&](DocumentInfo info) {
    auto it = doc_index.find(info.id);
    if (it != doc_index.end()) {
      DocumentInfo& have = out.docs[it->second];
      if (have.minhash.empty() && !info.minhash.empty()) {
        have.minhash = std::move(info.minhash);
      }
      return;
    }
    doc_index[info.id] = out.docs.size();
    out.docs.push_back(std::move(info));
  };
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      out.diagnostics.push_back(Diagnostic{Severity::kError,
                                           "ingest.unreadable", path, 0, 0,
                                           "cannot read claims file"});
      continue;
    }
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      json j = json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object()) {
        out.diagnostics.push_back(
            LineError(path, line_no, "not a JSON object"));
        continue;
      }
      std::string type = j.value("type", std::string("claim"));
      if (type == "mention") continue;
      auto doc_it = j.find("document");
      if (doc_it == j.end()) {
        out.diagnostics.push_back(
            LineError(path, line_no, "record has no \"document\" object"));
        continue;
      }
      auto info = DocumentInfoFromJson(*doc_it);
      if (!info.ok()) {
        out.diagnostics.push_back(
            LineError(path, line_no, std::string(info.status().message())));
        continue;
      }
      if (type == "document") {
        add_doc(std::move(*info));
        continue;
      }
      auto claim = ClaimFromJson(j);
      if (!claim.ok()) {
        out.diagnostics.push_back(
            LineError(path, line_no, std::string(claim.status().message())));
        continue;
      }
      add_doc(std::move(*info));
      out.claims.push_back(std::move(*claim));
    }
  }
  CanonicalOrder(&out.docs, &out.claims);
  // The same claim may come twice when shards overlap: keep one.
  out.claims.erase(
      std::unique(out.claims.begin(), out.claims.end(),
                  [](const Claim& a, const Claim& b) { return a.id == b.id; }),
      out.claims.end());
  return out;
}

void CanonicalOrder(std::vector<DocumentInfo>* docs,
                    std::vector<Claim>* claims) {
  std::stable_sort(docs->begin(), docs->end(),
                   [](const DocumentInfo& a, const DocumentInfo& b) {
                     return std::tie(a.path, a.id) < std::tie(b.path, b.id);
                   });
  absl::flat_hash_map<std::string, size_t> rank;
  for (size_t i = 0; i < docs->size(); ++i) rank[(*docs)[i].id] = i;
  auto rank_of = [&](const std::string& id) {
    auto it = rank.find(id);
    return it == rank.end() ? docs->size() : it->second;
  };
  std::stable_sort(
      claims->begin(), claims->end(), [&](const Claim& a, const Claim& b) {
        return std::make_tuple(rank_of(a.doc_id), ClaimNumber(a.id), a.id) <
               std::make_tuple(rank_of(b.doc_id), ClaimNumber(b.id), b.id);
      });
}

CheckResult JudgeClaims(const Engine& engine, ClaimsInput input,
                        const std::vector<std::string>& inputs,
                        std::vector<Diagnostic> diagnostics) {
  CheckResult result;
  result.tool_version = CROSSCHECK_VERSION;
  result.inputs = inputs;
  result.findings = RunJudge(engine, input.claims, &input.docs);
  for (DocumentInfo& info : input.docs) {
    DocumentResult dr;
    dr.doc.id = info.id;
    dr.doc.path = info.path;
    dr.doc.title = info.title;
    dr.doc.source = info.source;
    dr.doc.format = info.format;
    dr.doc.reference_date = info.reference_date;
    dr.info = std::move(info);
    result.documents.push_back(std::move(dr));
  }
  result.claims = std::move(input.claims);
  SortDiagnostics(&diagnostics);
  result.diagnostics = std::move(diagnostics);
  return result;
}

}  // namespace crosscheck::pipeline
