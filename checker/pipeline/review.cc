#include "checker/pipeline/review.h"

#include <algorithm>
#include <set>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "checker/ingest/ingest.h"
#include "checker/judge/judge.h"

namespace crosscheck::pipeline {
namespace {

enum class Verdict { kCorroborated, kConflicting, kUnsupported };

// Which verdict a judgment kind gives the draft claims it cites.
std::optional<Verdict> VerdictOf(const std::string& kind) {
  if (kind == "conflict" || kind == "event-date-conflict" ||
      kind == "status-conflict") {
    return Verdict::kConflicting;
  }
  if (kind == "agreement" || kind == "compatible") {
    return Verdict::kCorroborated;
  }
  return std::nullopt;
}

std::vector<Document> ReadAll(const std::vector<std::string>& paths,
                              const ingest::IngestOptions& options,
                              std::vector<Diagnostic>* diagnostics) {
  std::vector<Document> docs;
  for (const auto& file : ingest::ListCorpus(paths, diagnostics)) {
    for (auto& d : ingest::ReadDocumentFile(file, options, diagnostics)) {
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

Evidence EvidenceOf(const Claim& c, const DocumentInfo& info) {
  Evidence e;
  e.doc_id = c.doc_id;
  e.path = info.path;
  e.source = info.source;
  e.position = c.position;
  e.span = c.mention.span;
  e.quote = c.quote;
  e.sentence = c.sentence;
  e.value = c.mention.text;
  e.claim_id = c.id;
  if (info.reference_date.day) {
    e.reference_date = absl::FormatCivilTime(*info.reference_date.day);
  }
  return e;
}

}  // namespace

CheckResult RunReview(const Engine& engine, const std::string& draft,
                      const std::vector<std::string>& sources,
                      std::vector<Diagnostic> diagnostics) {
  const PipelineOptions& o = engine.options();
  std::vector<Diagnostic> read_diags;
  std::vector<Document> docs = ReadAll({draft}, o.ingest, &read_diags);
  const size_t draft_docs = docs.size();
  for (auto& d : ReadAll(sources, o.ingest, &read_diags)) {
    docs.push_back(std::move(d));
  }
  absl::flat_hash_set<std::string> draft_ids;
  Extraction ex =
      ExtractDocuments(engine, std::move(docs), std::move(read_diags));
  for (size_t i = 0; i < draft_docs && i < ex.documents.size(); ++i) {
    draft_ids.insert(ex.documents[i].doc.id);
  }
  std::vector<DocumentInfo> infos;
  for (const auto& d : ex.documents) infos.push_back(d.info);
  std::vector<Finding> judged = RunJudge(engine, ex.claims, &infos);
  absl::flat_hash_map<std::string, const DocumentInfo*> info_by_id;
  for (const auto& i : infos) info_by_id[i.id] = &i;

  // Per draft claim: the strongest verdict any finding gives it, and the
  // other sides' evidence.
  struct Acc {
    std::optional<Verdict> verdict;
    std::vector<Evidence> others;
    std::set<std::string> seen;
  };
  absl::flat_hash_map<std::string, Acc> acc;
  for (const Finding& f : judged) {
    auto v = VerdictOf(f.kind);
    if (!v) continue;
    for (const Evidence& e : f.evidence) {
      if (!draft_ids.contains(e.doc_id)) continue;
      Acc& a = acc[e.claim_id];
      if (!a.verdict || *v == Verdict::kConflicting) a.verdict = v;
      for (const Evidence& other : f.evidence) {
        if (draft_ids.contains(other.doc_id)) continue;
        if (a.seen.insert(other.claim_id + "|" + f.kind).second) {
          a.others.push_back(other);
        }
      }
    }
  }

  CheckResult result;
  result.tool_version = CROSSCHECK_VERSION;
  result.inputs = {draft};
  result.inputs.insert(result.inputs.end(), sources.begin(), sources.end());
  for (const Claim& c : ex.claims) {
    if (!draft_ids.contains(c.doc_id)) continue;
    const DocumentInfo& info = *info_by_id[c.doc_id];
    Finding f;
    const Acc* a = acc.contains(c.id) ? &acc[c.id] : nullptr;
    Verdict v = a && a->verdict ? *a->verdict : Verdict::kUnsupported;
    std::string subject =
        c.subject.text.empty() ? c.event.str() : c.subject.text;
    f.subject = subject;
    f.evidence.push_back(EvidenceOf(c, info));
    if (a) {
      for (const Evidence& e : a->others) f.evidence.push_back(e);
    }
    std::set<std::string> source_names;
    for (size_t i = 1; i < f.evidence.size(); ++i) {
      const Evidence& e = f.evidence[i];
      source_names.insert(e.source.empty() ? e.doc_id : e.source);
    }
    std::string names;
    for (const auto& n : source_names) {
      absl::StrAppend(&names, names.empty() ? "" : ", ", n);
    }
    switch (v) {
      case Verdict::kCorroborated:
        f.rule_id = "review.corroborated";
        f.kind = "corroborated";
        f.severity = Severity::kInfo;
        f.confidence = 0.8;
        f.message = absl::StrCat("draft claim '", c.quote, "' about ", subject,
                                 " is corroborated by ", names);
        break;
      case Verdict::kConflicting:
        f.rule_id = "review.conflicting";
        f.kind = "conflicting";
        f.severity = Severity::kError;
        f.confidence = 0.8;
        f.message = absl::StrCat("draft claim '", c.quote, "' about ", subject,
                                 " conflicts with ", names);
        break;
      case Verdict::kUnsupported:
        f.rule_id = "review.unsupported";
        f.kind = "unsupported";
        f.severity = Severity::kWarning;
        f.confidence = 0.6;
        f.message = absl::StrCat("draft claim '", c.quote, "' about ", subject,
                                 " is not supported by any source");
        break;
    }
    f.fingerprint =
        judge::Fingerprint({f.rule_id, c.subject.key, c.event, c.mention.text});
    result.findings.push_back(std::move(f));
  }
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     return std::make_tuple(-static_cast<int>(a.severity),
                                            a.rule_id, a.fingerprint) <
                            std::make_tuple(-static_cast<int>(b.severity),
                                            b.rule_id, b.fingerprint);
                   });
  result.documents = std::move(ex.documents);
  for (size_t i = 0; i < result.documents.size() && i < infos.size(); ++i) {
    result.documents[i].info = infos[i];
  }
  result.claims = std::move(ex.claims);
  diagnostics.insert(diagnostics.end(), ex.diagnostics.begin(),
                     ex.diagnostics.end());
  SortDiagnostics(&diagnostics);
  result.diagnostics = std::move(diagnostics);
  return result;
}

}  // namespace crosscheck::pipeline
