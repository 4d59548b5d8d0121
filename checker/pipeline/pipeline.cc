#include "checker/pipeline/pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "checker/extract/claims.h"
#include "checker/extract/dates.h"
#include "checker/extract/extractor.h"
#include "checker/extract/rules.h"
#include "checker/judge/judge.h"
#include "checker/pipeline/claims_io.h"
#include "checker/pipeline/parallel.h"
#include "checker/segment/segment.h"
#include "re2/re2.h"

namespace crosscheck::pipeline {

namespace fs = std::filesystem;

struct Engine::Impl {
  PipelineOptions options;
  extract::RuleSet rules;
  std::optional<segment::BoilerplateRules> boilerplate;
  std::optional<extract::Lexicon> lexicon;
  judge::JudgeConfig judge_config = judge::JudgeConfig::Defaults();
  std::unique_ptr<extract::Extractor> extractor;
};

Engine::Engine() : impl_(std::make_unique<Impl>()) {}
Engine::~Engine() = default;
const PipelineOptions& Engine::options() const { return impl_->options; }

namespace {

bool IsDir(const std::string& p) {
  std::error_code ec;
  return !p.empty() && fs::is_directory(p, ec);
}

std::string ExecutableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return exe.parent_path().string();
}

Diagnostic RuleDiagnostic(const extract::RuleProblem& p) {
  Diagnostic d;
  d.severity = Severity::kError;
  d.code = "rules.invalid";
  d.path = p.file;
  d.message = p.ToString();
  return d;
}

Diagnostic ConfigDiagnostic(const std::string& path, const absl::Status& s) {
  Diagnostic d;
  d.severity = Severity::kError;
  d.code = "rules.invalid";
  d.path = path;
  d.message = std::string(s.message());
  return d;
}

// The first file named `name` in the user dirs (later wins), else shipped.
std::string FindRuleFile(const std::string& shipped,
                         const std::vector<std::string>& user_dirs,
                         const std::string& name) {
  for (auto it = user_dirs.rbegin(); it != user_dirs.rend(); ++it) {
    std::string p = (fs::path(*it) / name).string();
    std::error_code ec;
    if (fs::exists(p, ec)) return p;
  }
  return (fs::path(shipped) / name).string();
}

}  // namespace

std::string FindShippedRulesDir() {
  if (const char* env = std::getenv("CROSSCHECK_RULES"); env && IsDir(env)) {
    return env;
  }
  std::string exe = ExecutableDir();
  if (!exe.empty()) {
    for (const char* rel : {"../share/crosscheck/rules", "../rules"}) {
      std::string p = (fs::path(exe) / rel).lexically_normal().string();
      if (IsDir(p)) return p;
    }
  }
  std::string src = std::string(CROSSCHECK_SOURCE_DIR) + "/rules";
  if (IsDir(src)) return src;
  return "";
}

absl::StatusOr<std::unique_ptr<Engine>> Engine::Load(
    const PipelineOptions& options, std::vector<Diagnostic>* diagnostics) {
  std::unique_ptr<Engine> engine(new Engine());
  Impl& impl = *engine->impl_;
  impl.options = options;
  std::string shipped = options.shipped_rules_dir.empty()
                            ? FindShippedRulesDir()
                            : options.shipped_rules_dir;
  if (!IsDir(shipped)) {
    return absl::NotFoundError(absl::StrCat(
        "cannot find the shipped rules directory (looked for '",
        shipped.empty() ? "rules/" : shipped, "'); set CROSSCHECK_RULES"));
  }
  for (const auto& d : options.rule_dirs) {
    if (!IsDir(d)) {
      return absl::NotFoundError(
          absl::StrCat("rules directory '", d, "' does not exist"));
    }
  }
  std::vector<std::string> dirs = {shipped};
  dirs.insert(dirs.end(), options.rule_dirs.begin(), options.rule_dirs.end());
  std::vector<extract::RuleProblem> problems;
  impl.rules =
      extract::RuleSet::LoadDirs(dirs, extract::RuleBudget{}, &problems);
  for (const auto& p : problems) diagnostics->push_back(RuleDiagnostic(p));

  std::string bp_path =
      FindRuleFile(shipped, options.rule_dirs, "boilerplate.json");
  auto bp = segment::BoilerplateRules::Load(bp_path);
  if (bp.ok()) {
    impl.boilerplate.emplace(std::move(*bp));
  } else {
    diagnostics->push_back(ConfigDiagnostic(bp_path, bp.status()));
    auto empty = segment::BoilerplateRules::Parse(
        "<empty>", R"({"family": "boilerplate", "rules": []})");
    if (!empty.ok()) return empty.status();
    impl.boilerplate.emplace(std::move(*empty));
  }
  std::string lex_path =
      FindRuleFile(shipped, options.rule_dirs, "lexicon.json");
  auto lex = extract::Lexicon::Load(lex_path);
  if (lex.ok()) {
    impl.lexicon.emplace(std::move(*lex));
  } else {
    diagnostics->push_back(ConfigDiagnostic(lex_path, lex.status()));
    auto empty = extract::Lexicon::Parse("<empty>", "{}");
    if (!empty.ok()) return empty.status();
    impl.lexicon.emplace(std::move(*empty));
  }
  std::string judge_path =
      FindRuleFile(shipped, options.rule_dirs, "judge.json");
  auto jc = judge::JudgeConfig::Load(judge_path);
  if (jc.ok()) {
    impl.judge_config = std::move(*jc);
  } else {
    diagnostics->push_back(ConfigDiagnostic(judge_path, jc.status()));
  }
  impl.extractor = std::make_unique<extract::Extractor>(&impl.rules);
  return engine;
}

void SortDiagnostics(std::vector<Diagnostic>* diagnostics) {
  std::stable_sort(
      diagnostics->begin(), diagnostics->end(),
      [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.path, a.line, a.column, a.code, a.message) <
               std::tie(b.path, b.line, b.column, b.code, b.message);
      });
}

namespace {

// Mentions of the disclaimer kind found in boilerplate segments: AI labels
// often sit in site chrome ("PoliticsAI Analysis"), which yields no claims
// but still says how the document was made.
std::vector<Mention> ChromeDisclaimers(const extract::Extractor& ex,
                                       const SegmentedDocument& sd) {
  std::vector<Mention> out;
  for (const Segment& seg : sd.segments) {
    if (!seg.boilerplate) continue;
    for (Mention m : ex.FindMentionsInText(seg.text.text(), ReferenceDate{})) {
      if (m.kind != MentionKind::kDisclaimer) continue;
      m.segment = seg.index;
      m.span = seg.text.OriginalSpan(m.local_begin, m.local_end);
      out.push_back(std::move(m));
    }
  }
  return out;
}

// Documents without a date of their own take the corpus's median reference
// date: articles collected about one story cluster in time.
std::optional<absl::CivilDay> CorpusDate(
    const std::vector<DocumentResult>& docs) {
  std::vector<absl::CivilDay> days;
  for (const auto& d : docs) {
    const ReferenceDate& r = d.doc.reference_date;
    if (r.day && r.provenance != "corpus") days.push_back(*r.day);
  }
  if (days.empty()) return std::nullopt;
  std::sort(days.begin(), days.end());
  // The upper median: undated pieces in a story corpus are more often
  // follow-ups than background.
  return days[days.size() / 2];
}

// "March 6" (a dateline without a year) completed with the year that puts it
// closest to the corpus's date.
std::optional<absl::CivilDay> CompleteYear(absl::string_view evidence,
                                           absl::CivilDay corpus_day) {
  static const LazyRE2 kMonthDay = {R"((\pL+)\.?\s+(\d{1,2})\b)"};
  std::string month_text;
  int dom = 0;
  if (!RE2::PartialMatch(re2::StringPiece(evidence.data(), evidence.size()),
                         *kMonthDay, &month_text, &dom)) {
    return std::nullopt;
  }
  std::optional<int> month = extract::ParseMonth(month_text);
  if (!month || dom < 1 || dom > 31) return std::nullopt;
  std::optional<absl::CivilDay> best;
  for (int dy = -1; dy <= 1; ++dy) {
    absl::CivilDay d(corpus_day.year() + dy, *month, dom);
    if (d.day() != dom) continue;  // e.g. February 30
    if (!best || std::abs(d - corpus_day) < std::abs(*best - corpus_day)) {
      best = d;
    }
  }
  return best;
}

std::string BodyText(const SegmentedDocument& sd) {
  std::string out;
  for (const Segment& s : sd.segments) {
    if (s.boilerplate) continue;
    absl::StrAppend(&out, s.text.text(), "\n");
  }
  return out;
}

// Makes document ids unique across the corpus: the first keeps its id, the
// next ones get "~2", "~3" (in input order, so deterministic).
void UniquifyIds(std::vector<Document>* docs,
                 std::vector<Diagnostic>* diagnostics) {
  absl::flat_hash_map<std::string, int> seen;
  for (Document& d : *docs) {
    int& n = seen[d.id];
    ++n;
    if (n > 1) {
      std::string old = d.id;
      d.id = absl::StrCat(old, "~", n);
      diagnostics->push_back(
          Diagnostic{Severity::kWarning, "ingest.duplicate-document-id", d.path,
                     d.record_line, 0,
                     absl::StrCat("document id '", old,
                                  "' is used by another document; this one is "
                                  "'",
                                  d.id, "'")});
    }
  }
}

}  // namespace

Extraction ExtractDocuments(const Engine& engine, std::vector<Document> docs,
                            std::vector<Diagnostic> diagnostics) {
  const Engine::Impl& impl = engine.impl();
  const int threads = ResolveThreads(impl.options.threads);
  Extraction out;
  UniquifyIds(&docs, &diagnostics);
  const size_t n = docs.size();
  out.documents.resize(n);
  for (size_t i = 0; i < n; ++i) out.documents[i].doc = std::move(docs[i]);

  // Segment every document; the corpus-wide boilerplate signal needs all.
  std::vector<SegmentedDocument> segmented(n);
  ParallelFor(n, threads, [&](size_t i) {
    segmented[i] =
        segment::SegmentDocument(out.documents[i].doc, *impl.boilerplate);
  });
  segment::MarkCorpusBoilerplate(absl::MakeSpan(segmented));
  for (size_t i = 0; i < n; ++i) segmented[i].doc = &out.documents[i].doc;

  // Reference dates, in order of trust: --reference-date; the document's own
  // metadata or dateline; a dateline without a year, completed with the
  // corpus's year; what the text implies; the corpus's date.
  out.mentions.resize(n);
  std::vector<bool> done(n, false);
  ParallelFor(n, threads, [&](size_t i) {
    Document& doc = out.documents[i].doc;
    if (impl.options.reference_override) {
      doc.reference_date = ReferenceDate{impl.options.reference_override,
                                         "override", "", 1.0, std::nullopt};
    }
    if (!doc.reference_date.day) return;
    out.mentions[i] =
        impl.extractor->FindMentions(segmented[i], doc.reference_date);
    done[i] = true;
  });
  const std::optional<absl::CivilDay> corpus_day = CorpusDate(out.documents);
  ParallelFor(n, threads, [&](size_t i) {
    if (done[i]) return;
    Document& doc = out.documents[i].doc;
    if (corpus_day && doc.reference_date.provenance == "dateline-no-year") {
      if (auto day = CompleteYear(doc.reference_date.evidence, *corpus_day)) {
        doc.reference_date.day = day;
        doc.reference_date.provenance = "dateline";
        doc.reference_date.confidence = 0.7;
      }
    }
    if (!doc.reference_date.day) {
      std::vector<Mention> undated =
          impl.extractor->FindMentions(segmented[i], doc.reference_date);
      ReferenceDate inferred =
          extract::InferReferenceDate(segmented[i], undated);
      if (inferred.day) {
        doc.reference_date = inferred;
      } else if (corpus_day) {
        ReferenceDate r;
        r.day = corpus_day;
        r.provenance = "corpus";
        r.evidence = doc.reference_date.evidence;
        r.confidence = 0.3;
        doc.reference_date = r;
      } else {
        out.mentions[i] = std::move(undated);
        return;
      }
    }
    out.mentions[i] =
        impl.extractor->FindMentions(segmented[i], doc.reference_date);
  });

  // Claims and document flags.
  std::vector<std::vector<Claim>> claims(n);
  ParallelFor(n, threads, [&](size_t i) {
    DocumentResult& dr = out.documents[i];
    claims[i] =
        extract::BuildClaims(segmented[i], out.mentions[i], *impl.lexicon);
    DocumentInfo& info = dr.info;
    info.id = dr.doc.id;
    info.path = dr.doc.path;
    info.title = dr.doc.title;
    info.source = dr.doc.source;
    info.format = dr.doc.format;
    info.reference_date = dr.doc.reference_date;
    std::vector<Mention> flags = out.mentions[i];
    std::vector<Mention> chrome =
        ChromeDisclaimers(*impl.extractor, segmented[i]);
    flags.insert(flags.end(), chrome.begin(), chrome.end());
    extract::FlagDocument(segmented[i], flags, &info);
    info.minhash =
        judge::MinHashSignature(BodyText(segmented[i]), impl.judge_config);
    dr.segments = std::move(segmented[i].segments);
  });
  for (auto& c : claims) {
    for (auto& claim : c) out.claims.push_back(std::move(claim));
  }
  out.diagnostics = std::move(diagnostics);
  return out;
}

Extraction RunExtract(const Engine& engine,
                      const std::vector<std::string>& paths) {
  const Engine::Impl& impl = engine.impl();
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> files = ingest::ListCorpus(paths, &diagnostics);
  // Reports list documents by path, whatever order the arguments came in.
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  std::vector<std::vector<Document>> per_file(files.size());
  std::vector<std::vector<Diagnostic>> per_file_diags(files.size());
  ParallelFor(files.size(), ResolveThreads(impl.options.threads),
              [&](size_t i) {
                per_file[i] = ingest::ReadDocumentFile(
                    files[i], impl.options.ingest, &per_file_diags[i]);
              });
  std::vector<Document> docs;
  for (size_t i = 0; i < files.size(); ++i) {
    for (auto& d : per_file[i]) docs.push_back(std::move(d));
    for (auto& d : per_file_diags[i]) diagnostics.push_back(std::move(d));
  }
  return ExtractDocuments(engine, std::move(docs), std::move(diagnostics));
}

std::vector<Finding> RunJudge(const Engine& engine,
                              const std::vector<Claim>& claims,
                              std::vector<DocumentInfo>* docs) {
  const Engine::Impl& impl = engine.impl();
  // Judgments see one canonical order, whatever order documents were read
  // or claim files were given in: `align` must equal `check`.
  std::vector<DocumentInfo> ordered = *docs;
  std::vector<Claim> ordered_claims = claims;
  CanonicalOrder(&ordered, &ordered_claims);
  judge::AssignSyndicationKeys(impl.judge_config, &ordered);
  absl::flat_hash_map<std::string, std::string> keys;
  for (const auto& d : ordered) keys[d.id] = d.syndication_key;
  for (auto& d : *docs) d.syndication_key = keys[d.id];
  return judge::JudgeAll(ordered_claims, ordered, impl.judge_config);
}

CheckResult RunCheck(const Engine& engine,
                     const std::vector<std::string>& paths,
                     std::vector<Diagnostic> diagnostics) {
  Extraction ex = RunExtract(engine, paths);
  CheckResult result;
  result.tool_version = CROSSCHECK_VERSION;
  // Sorted, so that the order of the arguments never changes a report.
  result.inputs = paths;
  std::sort(result.inputs.begin(), result.inputs.end());
  std::vector<DocumentInfo> infos;
  infos.reserve(ex.documents.size());
  for (const auto& d : ex.documents) infos.push_back(d.info);
  result.findings = RunJudge(engine, ex.claims, &infos);
  for (size_t i = 0; i < ex.documents.size(); ++i) {
    ex.documents[i].info = std::move(infos[i]);
  }
  result.documents = std::move(ex.documents);
  result.claims = std::move(ex.claims);
  diagnostics.insert(diagnostics.end(), ex.diagnostics.begin(),
                     ex.diagnostics.end());
  SortDiagnostics(&diagnostics);
  result.diagnostics = std::move(diagnostics);
  return result;
}

}  // namespace crosscheck::pipeline
