#include "checker/pipeline/claims_io.h"

#include <algorithm>
#include <fstream>
#include <string>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "checker/core/json_codec.h"
#include "checker/core/json_writer.h"
#include "checker/pipeline/parallel.h"
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

void AppendExtractRecords(const DocumentResult& dr,
                          const std::vector<Mention>* mentions,
                          absl::Span<const Claim> claims, std::string* out) {
  JsonWriter w(out);
  {
    // {"document": ..., "type": "document"}
    w.BeginObject();
    w.FixedKey("document");
    WriteDocumentInfoJson(dr.info, &w);
    w.FixedKey("type");
    w.String("document");
    w.EndObject();
    out->push_back('\n');
  }
  if (mentions != nullptr) {
    std::string doc_id;
    AppendJsonString(dr.doc.id, &doc_id);
    const RawJsonMember extra[] = {{"doc_id", doc_id}, {"type", "\"mention\""}};
    for (const Mention& m : *mentions) {
      JsonWriter line(out);
      WriteMentionJson(m, &line, extra);
      out->push_back('\n');
    }
  }
  if (claims.empty()) return;
  // Every claim of the document carries the same "document" object:
  // serialized once, spliced into each record.
  DocumentInfo slim = dr.info;
  slim.minhash.clear();
  std::string slim_json;
  JsonWriter slim_writer(&slim_json);
  WriteDocumentInfoJson(slim, &slim_writer);
  const RawJsonMember extra[] = {{"document", slim_json},
                                 {"type", "\"claim\""}};
  for (const Claim& c : claims) {
    JsonWriter line(out);
    WriteClaimJson(c, &line, extra);
    out->push_back('\n');
  }
}

void WriteExtractRecords(const Extraction& ex, bool with_mentions, int threads,
                         std::ostream& out) {
  // Claims come grouped by document, in document order.
  const size_t n_docs = ex.documents.size();
  std::vector<size_t> claims_begin(n_docs + 1, 0);
  size_t claim_i = 0;
  for (size_t d = 0; d < n_docs; ++d) {
    claims_begin[d] = claim_i;
    while (claim_i < ex.claims.size() &&
           ex.claims[claim_i].doc_id == ex.documents[d].doc.id) {
      ++claim_i;
    }
  }
  claims_begin[n_docs] = claim_i;
  const absl::Span<const Claim> all_claims(ex.claims);

  // A task serializes a run of documents into one block; a batch of tasks
  // runs in parallel, then its blocks are written in order. Memory stays
  // bounded by the batch, and each write is hundreds of kilobytes.
  constexpr size_t kDocsPerTask = 32;
  const size_t tasks_per_batch = 4 * static_cast<size_t>(std::max(threads, 1));
  std::vector<std::string> blocks(tasks_per_batch);
  for (size_t first = 0; first < n_docs;
       first += tasks_per_batch * kDocsPerTask) {
    const size_t n_tasks = std::min(
        tasks_per_batch, (n_docs - first + kDocsPerTask - 1) / kDocsPerTask);
    ParallelFor(n_tasks, threads, [&](size_t t) {
      std::string& block = blocks[t];
      block.clear();  // keeps its capacity for the next batch
      const size_t begin = first + t * kDocsPerTask;
      const size_t end = std::min(n_docs, begin + kDocsPerTask);
      for (size_t d = begin; d < end; ++d) {
        AppendExtractRecords(
            ex.documents[d], with_mentions ? &ex.mentions[d] : nullptr,
            all_claims.subspan(claims_begin[d],
                               claims_begin[d + 1] - claims_begin[d]),
            &block);
      }
    });
    for (size_t t = 0; t < n_tasks; ++t) {
      out.write(blocks[t].data(),
                static_cast<std::streamsize>(blocks[t].size()));
    }
  }
}

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

void CanonicalOrder(std::vector<DocumentInfo>* docs,
                    std::vector<const Claim*>* claims) {
  std::stable_sort(docs->begin(), docs->end(),
                   [](const DocumentInfo& a, const DocumentInfo& b) {
                     return std::tie(a.path, a.id) < std::tie(b.path, b.id);
                   });
  std::vector<const DocumentInfo*> ptrs;
  ptrs.reserve(docs->size());
  for (const DocumentInfo& d : *docs) ptrs.push_back(&d);
  CanonicalClaimOrder(ptrs, claims);
}

void CanonicalClaimOrder(const std::vector<const DocumentInfo*>& docs,
                         std::vector<const Claim*>* claims) {
  absl::flat_hash_map<absl::string_view, size_t> rank;
  for (size_t i = 0; i < docs.size(); ++i) rank.emplace(docs[i]->id, i);
  // Keys computed once per claim; the original position breaks ties, as a
  // stable sort would.
  struct Key {
    size_t rank;
    int number;
    size_t index;
  };
  std::vector<Key> keys(claims->size());
  for (size_t i = 0; i < claims->size(); ++i) {
    const Claim& c = *(*claims)[i];
    auto it = rank.find(absl::string_view(c.doc_id));
    keys[i] = {it == rank.end() ? docs.size() : it->second, ClaimNumber(c.id),
               i};
  }
  const std::vector<const Claim*> in = *claims;
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.number != b.number) return a.number < b.number;
    const std::string& ia = in[a.index]->id;
    const std::string& ib = in[b.index]->id;
    if (ia != ib) return ia < ib;
    return a.index < b.index;
  });
  for (size_t i = 0; i < keys.size(); ++i) (*claims)[i] = in[keys[i].index];
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
