#include "checker/cli/commands.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "checker/cli/args.h"
#include "checker/core/json_codec.h"
#include "checker/core/result.h"
#include "checker/extract/rule_examples.h"
#include "checker/extract/rules.h"
#include "checker/extract/subject.h"
#include "checker/ingest/ingest.h"
#include "checker/pipeline/baseline.h"
#include "checker/pipeline/claims_io.h"
#include "checker/pipeline/parallel.h"
#include "checker/pipeline/pipeline.h"
#include "checker/pipeline/review.h"
#include "nlohmann/json.hpp"
#include "reports/report.h"

namespace crosscheck::cli {
namespace {

using nlohmann::json;

// ---------------------------------------------------------------------------
// Help texts.

constexpr char kCommonOptions[] =
    R"(  --rules DIR            add the rule packs in DIR (repeatable)
  --threads N            worker threads (default: all cores; never changes
                         the output)
  --reference-date DATE  use DATE (YYYY-MM-DD) as every document's "now"
  --max-file-size BYTES  skip larger files with an error (default 512 MiB)
  --max-line-length BYTES
                         cut longer lines for matching (default 1 MiB)
  --memory-budget BYTES  input held in memory at once (default 128M; K, M,
                         G suffixes): a larger corpus is read twice and
                         processed in batches of this size (same output)
  --quiet                no progress on stderr
)";

constexpr char kReportOptions[] =
    R"(  --out DIR              write one report per format into DIR
                         (crosscheck.json, .html, .sarif, .md, .txt)
  --format LIST          json,html,sarif,md,text (default: text on a
                         terminal, json otherwise; all five with --out)
  --fail-on LEVEL        error|warning|info|never (default error): exit 1
                         when an unsuppressed finding is at least LEVEL
  --baseline FILE        accept the findings recorded in FILE (they stay in
                         JSON/SARIF marked suppressed); report only new ones
  --suppressions FILE    accept findings listed with a reason in FILE
)";

constexpr char kSpillOption[] =
    R"(  --spill-dir DIR        where a corpus over --memory-budget keeps its
                         claims and findings while it is checked (default
                         $TMPDIR, else /tmp; removed at the end)
)";

void PrintHelp(const std::string& cmd) {
  if (cmd == "check") {
    std::cout << "Usage: crosscheck check PATH... [options]\n\n"
                 "Reads articles (.txt .md .html .jsonl; directories are "
                 "walked), extracts\nclaims, aligns them and reports "
                 "findings.\n\nOptions:\n"
              << kReportOptions
              << "  --segments all|none|auto\n"
                 "                         list every document's segments "
                 "and text in the\n"
                 "                         JSON and HTML reports (default "
                 "auto: all unless the\n"
                 "                         corpus exceeds --memory-budget; "
                 "none saves memory)\n"
              << kSpillOption << kCommonOptions;
  } else if (cmd == "extract") {
    std::cout << "Usage: crosscheck extract PATH... [options]\n\n"
                 "Prints one JSON object per claim (JSON Lines) on stdout; "
                 "`-` reads one\ndocument from standard input.\n\nOptions:\n"
                 "  --mentions             also print every mention "
                 "(type \"mention\")\n"
                 "  --stats                print counts and throughput on "
                 "stderr\n"
              << kCommonOptions;
  } else if (cmd == "align") {
    std::cout << "Usage: crosscheck align CLAIMS.jsonl... [options]\n\n"
                 "Judges claims written by `crosscheck extract` (any number "
                 "of files, any\norder): the same findings as `check` on the "
                 "original corpus.\n\nOptions:\n"
              << kReportOptions
              << "  --rules DIR            add the rule packs in DIR\n";
  } else if (cmd == "baseline") {
    std::cout << "Usage: crosscheck baseline PATH... -o FILE [options]\n\n"
                 "Records every current finding's fingerprint as accepted.\n\n"
                 "Options:\n  -o, --output FILE      the baseline file "
                 "(default crosscheck-baseline.json)\n"
              << kSpillOption << kCommonOptions;
  } else if (cmd == "review") {
    std::cout << "Usage: crosscheck review DRAFT --against PATH... "
                 "[options]\n\nChecks each claim of a draft against the "
                 "sources: corroborated (with\nthe sources), conflicting "
                 "(with their quotes) or unsupported.\n\nOptions:\n"
                 "  --against PATH         a source article or directory "
                 "(repeatable)\n"
              << kReportOptions << kCommonOptions;
  } else if (cmd == "rules") {
    std::cout << "Usage: crosscheck rules test|lint [--rules DIR]\n\n"
                 "  test   run every rule's inline match / no_match examples\n"
                 "  lint   validate packs: ids, descriptions, patterns, "
                 "examples;\n"
                 "         and each lexicon.json: word classes and their "
                 "notes\n";
  }
}

// ---------------------------------------------------------------------------
// Shared option handling.

void DeclareCommon(Args* a) {
  a->Value("rules").Value("threads").Value("reference-date");
  a->Value("max-file-size").Value("max-line-length").Value("memory-budget");
  a->Bool("quiet").Bool("help");
}

void DeclareReport(Args* a) {
  a->Value("out").Value("format").Value("fail-on").Value("baseline");
  a->Value("suppressions");
}

int UsageError(const std::string& cmd, const std::string& message) {
  std::cerr << "crosscheck " << cmd << ": " << message << "\nRun `crosscheck "
            << cmd << " --help` for usage.\n";
  return kExitUsage;
}

absl::Status ParsePipelineOptions(const Args& a, pipeline::PipelineOptions* o) {
  o->rule_dirs = a.GetAll("rules");
  if (a.Has("threads")) {
    int n = 0;
    if (!absl::SimpleAtoi(a.Get("threads"), &n) || n < 1 || n > 1024) {
      return absl::InvalidArgumentError(
          "--threads needs a whole number from 1 to 1024");
    }
    o->threads = n;
  }
  if (a.Has("reference-date")) {
    absl::CivilDay day;
    if (!absl::ParseCivilTime(a.Get("reference-date"), &day)) {
      return absl::InvalidArgumentError(
          "--reference-date needs a date as YYYY-MM-DD");
    }
    o->reference_override = day;
  }
  if (a.Has("max-file-size")) {
    uint64_t v = 0;
    if (!absl::SimpleAtoi(a.Get("max-file-size"), &v) || v == 0) {
      return absl::InvalidArgumentError("--max-file-size needs a byte count");
    }
    o->ingest.max_file_bytes = v;
  }
  if (a.Has("max-line-length")) {
    uint64_t v = 0;
    if (!absl::SimpleAtoi(a.Get("max-line-length"), &v) || v == 0) {
      return absl::InvalidArgumentError("--max-line-length needs a byte count");
    }
    o->ingest.max_line_bytes = v;
  }
  if (a.Has("memory-budget")) {
    std::string text = a.Get("memory-budget");
    uint64_t unit = 1;
    if (!text.empty()) {
      switch (absl::ascii_toupper(static_cast<unsigned char>(text.back()))) {
        case 'K':
          unit = 1ull << 10;
          break;
        case 'M':
          unit = 1ull << 20;
          break;
        case 'G':
          unit = 1ull << 30;
          break;
      }
      if (unit > 1) text.pop_back();
    }
    uint64_t v = 0;
    if (!absl::SimpleAtoi(text, &v) || v == 0 || v > (uint64_t{1} << 50)) {
      return absl::InvalidArgumentError(
          "--memory-budget needs a byte count (such as 134217728 or 128M)");
    }
    o->memory_budget = v * unit;
  }
  if (a.Has("spill-dir")) o->spill_dir = a.Get("spill-dir");
  if (a.Has("segments")) {
    const std::string v = a.Get("segments");
    if (v == "all") {
      o->segments = pipeline::PipelineOptions::Segments::kAll;
    } else if (v == "none") {
      o->segments = pipeline::PipelineOptions::Segments::kNone;
    } else if (v == "auto") {
      o->segments = pipeline::PipelineOptions::Segments::kAuto;
    } else {
      return absl::InvalidArgumentError("--segments takes all, none or auto");
    }
  }
  return absl::OkStatus();
}

struct ReportFlags {
  std::string out_dir;
  std::vector<std::string> formats;
  std::optional<Severity> fail_on;  // nullopt = never
  bool baseline_used = false;
};

const std::vector<std::string>& AllFormats() {
  static const auto* kAll =
      new std::vector<std::string>{"json", "html", "sarif", "md", "text"};
  return *kAll;
}

std::string Extension(const std::string& format) {
  return format == "text" ? "txt" : format;
}

absl::Status ParseReportFlags(const Args& a, ReportFlags* r) {
  r->out_dir = a.Get("out");
  std::string formats = a.Get("format");
  if (a.Has("format") && formats.empty()) {
    return absl::InvalidArgumentError(
        "--format needs a list (json, html, sarif, md, text)");
  }
  if (formats.empty()) {
    if (!r->out_dir.empty()) {
      r->formats = AllFormats();
    } else {
      r->formats = {isatty(STDOUT_FILENO) ? "text" : "json"};
    }
  } else {
    for (absl::string_view f : absl::StrSplit(formats, ',')) {
      std::string fmt(f);
      if (fmt == "txt") fmt = "text";
      if (fmt == "markdown") fmt = "md";
      bool known = false;
      for (const auto& k : AllFormats()) known |= (k == fmt);
      if (!known) {
        return absl::InvalidArgumentError(absl::StrCat(
            "unknown format '", fmt, "' (json, html, sarif, md, text)"));
      }
      r->formats.push_back(fmt);
    }
    if (r->out_dir.empty() && r->formats.size() > 1) {
      return absl::InvalidArgumentError(
          "several formats need --out DIR (stdout takes one)");
    }
  }
  r->baseline_used = a.Has("baseline");
  std::string fail_on = a.Get("fail-on", "error");
  if (fail_on == "never") {
    r->fail_on = std::nullopt;
  } else if (auto s = ParseSeverity(fail_on)) {
    r->fail_on = *s;
  } else {
    return absl::InvalidArgumentError(
        "--fail-on takes error, warning, info or never");
  }
  return absl::OkStatus();
}

// Applies --baseline and --suppressions; false (after printing) on error.
bool ApplyAcceptedFindings(const Args& a, CheckResult* result) {
  if (a.Has("suppressions")) {
    auto s = pipeline::LoadBaseline(a.Get("suppressions"), true);
    if (!s.ok()) {
      std::cerr << "crosscheck: " << s.status().message() << "\n";
      return false;
    }
    pipeline::ApplyBaseline(*s, "suppressed", false, result);
  }
  if (a.Has("baseline")) {
    auto b = pipeline::LoadBaseline(a.Get("baseline"), false);
    if (!b.ok()) {
      std::cerr << "crosscheck: " << b.status().message() << "\n";
      return false;
    }
    pipeline::ApplyBaseline(*b, "baseline", true, result);
  }
  return true;
}

bool HasInputErrors(const CheckResult& r) {
  for (const auto& d : r.diagnostics) {
    if (d.severity == Severity::kError) return true;
  }
  return false;
}

int ExitCodeFor(const CheckResult& r, const ReportFlags& flags) {
  if (HasInputErrors(r)) return kExitUsage;
  if (!flags.fail_on) return kExitClean;
  bool failing = false;
  ForEachFinding(r, [&](const Finding& f) {
    failing |= !f.suppressed && f.severity >= *flags.fail_on;
  });
  return failing ? kExitFindings : kExitClean;
}

// Writes every requested report; returns false after printing on failure.
bool EmitReports(const CheckResult& result, const ReportFlags& flags) {
  reports::RenderOptions ro;
  ro.tool_version = CROSSCHECK_VERSION;
  ro.fail_on = flags.fail_on.value_or(Severity::kError);
  ro.color = flags.out_dir.empty() && isatty(STDOUT_FILENO);
  ro.baseline_used = flags.baseline_used;
  if (!flags.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(flags.out_dir, ec);
    if (ec) {
      std::cerr << "crosscheck: cannot create output directory '"
                << flags.out_dir << "': " << ec.message() << "\n";
      return false;
    }
  }
  // Reports are streamed to their destination: one of a large corpus can
  // be bigger than everything else the run holds.
  for (const auto& fmt : flags.formats) {
    absl::Status s;
    if (flags.out_dir.empty()) {
      s = reports::WriteReport(std::cout, fmt, result, ro);
    } else {
      std::string path = (std::filesystem::path(flags.out_dir) /
                          ("crosscheck." + Extension(fmt)))
                             .string();
      s = reports::WriteReportFile(path, fmt, result, ro);
    }
    if (!s.ok()) {
      std::cerr << "crosscheck: " << s.message() << "\n";
      return false;
    }
  }
  return true;
}

// Prints diagnostics and a summary line to stderr when writing files, so a
// CI log says what happened without opening the reports.
void PrintSummary(const CheckResult& r, const ReportFlags& flags, bool quiet) {
  if (quiet || flags.out_dir.empty()) return;
  for (const auto& d : r.diagnostics) {
    std::cerr << d.path;
    if (d.line > 0) std::cerr << ":" << d.line;
    if (d.column > 0) std::cerr << ":" << d.column;
    std::cerr << ": " << SeverityName(d.severity) << ": " << d.message << " ["
              << d.code << "]\n";
  }
  int active = 0, suppressed = 0;
  ForEachFinding(
      r, [&](const Finding& f) { (f.suppressed ? suppressed : active)++; });
  std::cerr << "crosscheck: " << DocumentCount(r) << " documents, "
            << ClaimCount(r) << " claims, " << active << " findings";
  if (suppressed) std::cerr << " (+" << suppressed << " accepted)";
  if (!r.baseline_gone.empty()) {
    std::cerr << ", " << r.baseline_gone.size() << " baseline entries gone";
  }
  std::cerr << "; reports in " << flags.out_dir << "\n";
}

std::unique_ptr<pipeline::Engine> LoadEngine(const pipeline::PipelineOptions& o,
                                             std::vector<Diagnostic>* diags) {
  auto engine = pipeline::Engine::Load(o, diags);
  if (!engine.ok()) {
    std::cerr << "crosscheck: " << engine.status().message() << "\n";
    return nullptr;
  }
  return std::move(*engine);
}

// Progress on stderr, only for people watching a terminal.
class Progress {
 public:
  explicit Progress(bool quiet) : on_(!quiet && isatty(STDERR_FILENO)) {}
  void Say(const std::string& what) {
    if (on_) std::cerr << "\r\033[K" << what << std::flush;
  }
  ~Progress() {
    if (on_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  bool on_;
};

std::string ProgressLine(const CheckResult& r, double seconds) {
  uint64_t bytes = 0;
  ForEachDocument(r, [&](const DocumentResult& d) {
    bytes += std::max<uint64_t>(d.doc.original.size(), d.original_bytes);
  });
  return absl::StrFormat("crosscheck: %d documents, %.1f MB, %.1f MB/s",
                         DocumentCount(r), bytes / 1e6,
                         seconds > 0 ? bytes / 1e6 / seconds : 0.0);
}

// True (after printing its error) when a spilled result's store failed to
// read back: whatever was computed from it since is incomplete.
bool StoreFailed(const CheckResult& r) {
  if (!r.store || r.store->status().ok()) return false;
  std::cerr << "crosscheck: " << r.store->status().message() << "\n";
  return true;
}

// ---------------------------------------------------------------------------

int CheckLike(int argc, char** argv, bool baseline_mode) {
  const std::string cmd = argv[1];
  Args a;
  DeclareCommon(&a);
  DeclareReport(&a);
  a.Value("spill-dir");
  if (baseline_mode) {
    a.Value("output");
  } else {
    a.Value("segments");
  }
  if (absl::Status s = a.Parse(argc, argv, 2); !s.ok()) {
    return UsageError(cmd, std::string(s.message()));
  }
  if (a.Has("help")) {
    PrintHelp(cmd);
    return kExitClean;
  }
  if (a.positional().empty()) return UsageError(cmd, "no input paths given");
  pipeline::PipelineOptions o;
  if (absl::Status s = ParsePipelineOptions(a, &o); !s.ok()) {
    return UsageError(cmd, std::string(s.message()));
  }
  ReportFlags flags;
  if (!baseline_mode) {
    if (absl::Status s = ParseReportFlags(a, &flags); !s.ok()) {
      return UsageError(cmd, std::string(s.message()));
    }
  } else {
    // A baseline records findings only.
    o.segments = pipeline::PipelineOptions::Segments::kNone;
  }
  std::vector<Diagnostic> diags;
  auto engine = LoadEngine(o, &diags);
  if (!engine) return kExitUsage;
  Progress progress(a.Has("quiet"));
  progress.Say("crosscheck: reading...");
  auto start = std::chrono::steady_clock::now();
  absl::StatusOr<CheckResult> checked =
      pipeline::TryRunCheck(*engine, a.positional(), diags);
  if (!checked.ok()) {
    std::cerr << "crosscheck: " << checked.status().message() << "\n";
    return kExitUsage;
  }
  CheckResult& result = *checked;
  double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  progress.Say(ProgressLine(result, secs));
  if (baseline_mode) {
    std::string out = a.Get("output", "crosscheck-baseline.json");
    const std::string rendered = pipeline::RenderBaseline(result);
    if (StoreFailed(result)) return kExitUsage;
    absl::Status s = reports::WriteFileAtomically(out, rendered);
    if (!s.ok()) {
      std::cerr << "crosscheck: " << s.message() << "\n";
      return kExitUsage;
    }
    if (!a.Has("quiet")) {
      std::cerr << "crosscheck: recorded " << FindingCount(result)
                << " findings in " << out << "\n";
    }
    return HasInputErrors(result) ? kExitUsage : kExitClean;
  }
  if (!ApplyAcceptedFindings(a, &result)) return kExitUsage;
  if (StoreFailed(result)) return kExitUsage;
  if (!EmitReports(result, flags)) return kExitUsage;
  const int code = ExitCodeFor(result, flags);
  if (StoreFailed(result)) return kExitUsage;
  PrintSummary(result, flags, a.Has("quiet"));
  return code;
}

}  // namespace

int RunCheckCommand(int argc, char** argv) {
  return CheckLike(argc, argv, false);
}

int RunBaselineCommand(int argc, char** argv) {
  return CheckLike(argc, argv, true);
}

int RunExtractCommand(int argc, char** argv) {
  Args a;
  DeclareCommon(&a);
  a.Bool("mentions").Bool("stats");
  if (absl::Status s = a.Parse(argc, argv, 2); !s.ok()) {
    return UsageError("extract", std::string(s.message()));
  }
  if (a.Has("help")) {
    PrintHelp("extract");
    return kExitClean;
  }
  if (a.positional().empty()) {
    return UsageError("extract", "no input paths given (use - for stdin)");
  }
  pipeline::PipelineOptions o;
  if (absl::Status s = ParsePipelineOptions(a, &o); !s.ok()) {
    return UsageError("extract", std::string(s.message()));
  }
  std::vector<Diagnostic> diags;
  auto engine = LoadEngine(o, &diags);
  if (!engine) return kExitUsage;
  auto start = std::chrono::steady_clock::now();
  const bool with_mentions = a.Has("mentions");
  const int threads = pipeline::ResolveThreads(o.threads);
  uint64_t bytes = 0;
  size_t doc_count = 0, mention_count = 0, claim_count = 0;
  // Each batch is written as soon as it is extracted and then freed: a
  // corpus over --memory-budget is streamed (pipeline.h).
  auto write = [&](pipeline::Extraction& ex) {
    // Serializing costs about as much as extracting, so documents are
    // serialized in parallel batches (claims_io.h); the bytes never depend
    // on --threads.
    pipeline::WriteExtractRecords(ex, with_mentions, threads, std::cout);
    doc_count += ex.documents.size();
    claim_count += ex.claims.size();
    for (size_t d = 0; d < ex.documents.size(); ++d) {
      bytes += ex.documents[d].doc.original.size();
      mention_count += ex.mentions[d].size();
    }
  };
  if (a.positional().size() == 1 && a.positional()[0] == "-") {
    std::stringstream ss;
    ss << std::cin.rdbuf();
    std::vector<Diagnostic> read_diags;
    std::vector<Document> docs =
        ingest::ParseDocuments("-", ss.str(), "txt", o.ingest, &read_diags);
    pipeline::Extraction ex = pipeline::ExtractDocuments(
        *engine, std::move(docs), std::move(read_diags));
    write(ex);
    diags.insert(diags.end(), ex.diagnostics.begin(), ex.diagnostics.end());
  } else {
    std::vector<Diagnostic> ex_diags =
        pipeline::StreamExtract(*engine, a.positional(), write);
    diags.insert(diags.end(), ex_diags.begin(), ex_diags.end());
  }
  pipeline::SortDiagnostics(&diags);
  std::cout.flush();
  for (const auto& diag : diags) {
    std::cerr << diag.path;
    if (diag.line > 0) std::cerr << ":" << diag.line;
    if (diag.column > 0) std::cerr << ":" << diag.column;
    std::cerr << ": " << SeverityName(diag.severity) << ": " << diag.message
              << " [" << diag.code << "]\n";
  }
  if (a.Has("stats")) {
    double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    std::cerr << absl::StrFormat(
        "crosscheck extract: %d documents, %d mentions, %d claims, %.1f MB "
        "in %.3f s (%.1f MB/s)\n",
        doc_count, mention_count, claim_count, bytes / 1e6, secs,
        secs > 0 ? bytes / 1e6 / secs : 0.0);
  }
  for (const auto& diag : diags) {
    if (diag.severity == Severity::kError) return kExitUsage;
  }
  return kExitClean;
}

int RunAlignCommand(int argc, char** argv) {
  Args a;
  DeclareReport(&a);
  a.Value("rules").Value("threads").Bool("quiet").Bool("help");
  if (absl::Status s = a.Parse(argc, argv, 2); !s.ok()) {
    return UsageError("align", std::string(s.message()));
  }
  if (a.Has("help")) {
    PrintHelp("align");
    return kExitClean;
  }
  if (a.positional().empty())
    return UsageError("align", "no claim files given");
  pipeline::PipelineOptions o;
  if (absl::Status s = ParsePipelineOptions(a, &o); !s.ok()) {
    return UsageError("align", std::string(s.message()));
  }
  ReportFlags flags;
  if (absl::Status s = ParseReportFlags(a, &flags); !s.ok()) {
    return UsageError("align", std::string(s.message()));
  }
  std::vector<Diagnostic> diags;
  auto engine = LoadEngine(o, &diags);
  if (!engine) return kExitUsage;
  pipeline::ClaimsInput input = pipeline::ReadClaimFiles(a.positional());
  diags.insert(diags.end(), input.diagnostics.begin(), input.diagnostics.end());
  CheckResult result =
      pipeline::JudgeClaims(*engine, std::move(input), a.positional(), diags);
  if (!ApplyAcceptedFindings(a, &result)) return kExitUsage;
  if (StoreFailed(result)) return kExitUsage;
  if (!EmitReports(result, flags)) return kExitUsage;
  const int code = ExitCodeFor(result, flags);
  if (StoreFailed(result)) return kExitUsage;
  PrintSummary(result, flags, a.Has("quiet"));
  return code;
}

int RunReviewCommand(int argc, char** argv) {
  Args a;
  DeclareCommon(&a);
  DeclareReport(&a);
  a.Value("against");
  if (absl::Status s = a.Parse(argc, argv, 2); !s.ok()) {
    return UsageError("review", std::string(s.message()));
  }
  if (a.Has("help")) {
    PrintHelp("review");
    return kExitClean;
  }
  if (a.positional().size() != 1) {
    return UsageError("review", "give exactly one DRAFT");
  }
  if (a.GetAll("against").empty()) {
    return UsageError("review", "--against PATH is required");
  }
  pipeline::PipelineOptions o;
  if (absl::Status s = ParsePipelineOptions(a, &o); !s.ok()) {
    return UsageError("review", std::string(s.message()));
  }
  ReportFlags flags;
  if (absl::Status s = ParseReportFlags(a, &flags); !s.ok()) {
    return UsageError("review", std::string(s.message()));
  }
  std::vector<Diagnostic> diags;
  auto engine = LoadEngine(o, &diags);
  if (!engine) return kExitUsage;
  CheckResult result = pipeline::RunReview(*engine, a.positional()[0],
                                           a.GetAll("against"), diags);
  if (!ApplyAcceptedFindings(a, &result)) return kExitUsage;
  if (StoreFailed(result)) return kExitUsage;
  if (!EmitReports(result, flags)) return kExitUsage;
  const int code = ExitCodeFor(result, flags);
  if (StoreFailed(result)) return kExitUsage;
  PrintSummary(result, flags, a.Has("quiet"));
  return code;
}

int RunRulesCommand(int argc, char** argv) {
  if (argc < 3 ||
      (std::string(argv[2]) != "test" && std::string(argv[2]) != "lint")) {
    if (argc >= 3 &&
        (std::string(argv[2]) == "--help" || std::string(argv[2]) == "-h")) {
      PrintHelp("rules");
      return kExitClean;
    }
    return UsageError("rules", "expected `rules test` or `rules lint`");
  }
  const std::string sub = argv[2];
  Args a;
  a.Value("rules").Bool("help").Bool("quiet");
  if (absl::Status s = a.Parse(argc, argv, 3); !s.ok()) {
    return UsageError("rules", std::string(s.message()));
  }
  if (a.Has("help")) {
    PrintHelp("rules");
    return kExitClean;
  }
  std::vector<std::string> dirs;
  std::string shipped = pipeline::FindShippedRulesDir();
  if (!shipped.empty()) dirs.push_back(shipped);
  for (const auto& d : a.GetAll("rules")) dirs.push_back(d);
  std::vector<extract::RuleProblem> problems;
  extract::RuleSet rules =
      extract::RuleSet::LoadDirs(dirs, extract::RuleBudget{}, &problems);
  int failures = 0;
  for (const auto& p : problems) {
    std::cout << p.ToString() << "\n";
    ++failures;
  }
  if (sub == "lint") {
    for (const auto& p : rules.Lint()) {
      std::cout << p.ToString() << "\n";
      ++failures;
    }
    // The lexicons the engine may load (a user's replaces the shipped one).
    for (const std::string& d : dirs) {
      const std::string lexicon =
          (std::filesystem::path(d) / "lexicon.json").string();
      std::error_code ec;
      if (!std::filesystem::exists(lexicon, ec)) continue;
      for (const std::string& p : extract::Lexicon::Lint(lexicon)) {
        std::cout << p << "\n";
        ++failures;
      }
    }
    std::cout << rules.rules().size() << " rules, " << failures
              << " problems\n";
    return failures ? kExitFindings : kExitClean;
  }
  extract::Extractor ex(&rules);
  int passed = 0;
  for (const auto& r : extract::RunRuleExamples(rules, ex)) {
    if (r.passed) {
      ++passed;
    } else {
      ++failures;
      std::cout << r.file << ": " << r.rule_id << " (" << r.pointer
                << "): " << r.message << "\n";
    }
  }
  std::cout << passed << " passed, " << failures << " failed\n";
  return failures ? kExitFindings : kExitClean;
}

}  // namespace crosscheck::cli
