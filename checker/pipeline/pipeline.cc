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
#include "checker/pipeline/spilled_check.h"
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
  if (!lex.ok()) {
    // Every word class is required, so there is no empty lexicon to fall
    // back on: a broken user lexicon is reported and the shipped one runs;
    // a broken shipped lexicon stops the run.
    diagnostics->push_back(ConfigDiagnostic(lex_path, lex.status()));
    const std::string shipped_lex =
        (fs::path(shipped) / "lexicon.json").string();
    if (shipped_lex == lex_path) return lex.status();
    lex = extract::Lexicon::Load(shipped_lex);
    if (!lex.ok()) return lex.status();
  }
  impl.lexicon.emplace(std::move(*lex));
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
// date: articles collected about one story cluster in time. `days` are the
// documents' own dates (metadata, dateline or --reference-date).
std::optional<absl::CivilDay> CorpusDate(std::vector<absl::CivilDay> days) {
  if (days.empty()) return std::nullopt;
  std::sort(days.begin(), days.end());
  // The upper median: undated pieces in a story corpus are more often
  // follow-ups than background.
  return days[days.size() / 2];
}

// The date a document brings to the corpus median, if any.
std::optional<absl::CivilDay> OwnDay(const Document& doc) {
  const ReferenceDate& r = doc.reference_date;
  if (r.day && r.provenance != "corpus") return r.day;
  return std::nullopt;
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
// next ones get "~2", "~3" (in input order, so deterministic). Works on
// references so that streamed corpora need not keep whole Documents.
struct IdRef {
  std::string* id;
  const std::string* path;
  int record_line;
};
void UniquifyIds(const std::vector<IdRef>& docs,
                 std::vector<Diagnostic>* diagnostics) {
  absl::flat_hash_map<std::string, int> seen;
  for (const IdRef& d : docs) {
    int& n = seen[*d.id];
    ++n;
    if (n > 1) {
      std::string old = *d.id;
      *d.id = absl::StrCat(old, "~", n);
      diagnostics->push_back(
          Diagnostic{Severity::kWarning, "ingest.duplicate-document-id",
                     *d.path, d.record_line, 0,
                     absl::StrCat("document id '", old,
                                  "' is used by another document; this one is "
                                  "'",
                                  *d.id, "'")});
    }
  }
}

// --reference-date replaces every document's own date, before anything
// reads it (the corpus date included).
void ApplyOverride(const Engine::Impl& impl, Document* doc) {
  if (impl.options.reference_override) {
    doc->reference_date = ReferenceDate{impl.options.reference_override,
                                        "override", "", 1.0, std::nullopt};
  }
}

// Segments a document and drops its blocks: segments carry their own
// mapped text, and no later stage reads blocks.
SegmentedDocument SegmentDropBlocks(const Engine::Impl& impl, Document* doc) {
  SegmentedDocument sd = segment::SegmentDocument(*doc, *impl.boilerplate);
  std::vector<Block>().swap(doc->blocks);
  sd.doc = doc;
  return sd;
}

// Extraction of one document whose corpus-wide boilerplate is marked:
// reference date, mentions, claims and document flags. Moves the segments
// into `dr`.
void ExtractOne(const Engine::Impl& impl,
                std::optional<absl::CivilDay> corpus_day, SegmentedDocument* sd,
                extract::DocumentHits hits, DocumentResult* dr,
                std::vector<Mention>* mentions, std::vector<Claim>* claims) {
  // Reference dates, in order of trust: --reference-date; the document's own
  // metadata or dateline; a dateline without a year, completed with the
  // corpus's year; what the text implies; the corpus's date.
  Document& doc = dr->doc;
  bool have_mentions = false;
  if (!doc.reference_date.day) {
    if (corpus_day && doc.reference_date.provenance == "dateline-no-year") {
      if (auto day = CompleteYear(doc.reference_date.evidence, *corpus_day)) {
        doc.reference_date.day = day;
        doc.reference_date.provenance = "dateline";
        doc.reference_date.confidence = 0.7;
      }
    }
  }
  if (!doc.reference_date.day) {
    // Mentions found without a date lack every date that needs one ("on
    // Tuesday", "February 8"), and an anchor they set changes later ones:
    // they are reused only when no date is found.
    std::vector<Mention> undated =
        impl.extractor->MentionsFrom(*sd, hits, doc.reference_date);
    ReferenceDate inferred =
        extract::InferReferenceDate(*sd, undated, *impl.lexicon);
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
      *mentions = std::move(undated);
      have_mentions = true;
    }
  }
  if (!have_mentions) {
    *mentions =
        impl.extractor->MentionsFrom(*sd, std::move(hits), doc.reference_date);
  }

  // Claims and document flags.
  *claims = extract::BuildClaims(*sd, *mentions, *impl.lexicon);
  DocumentInfo& info = dr->info;
  info.id = doc.id;
  info.path = doc.path;
  info.title = doc.title;
  info.source = doc.source;
  info.format = doc.format;
  info.reference_date = doc.reference_date;
  std::vector<Mention> flags = *mentions;
  std::vector<Mention> chrome = ChromeDisclaimers(*impl.extractor, *sd);
  flags.insert(flags.end(), chrome.begin(), chrome.end());
  extract::FlagDocument(*sd, flags, &info);
  info.minhash = judge::MinHashSignature(BodyText(*sd), impl.judge_config);
  dr->original_bytes = doc.original.size();
  dr->segments = std::move(sd->segments);
}

// The sorted, de-duplicated files of `paths`: reports list documents by
// path, whatever order the arguments came in.
std::vector<std::string> ListFiles(const std::vector<std::string>& paths,
                                   std::vector<Diagnostic>* diagnostics) {
  std::vector<std::string> files = ingest::ListCorpus(paths, diagnostics);
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

// Reads `files` in parallel; documents and diagnostics in file order.
std::vector<Document> ReadFiles(const Engine::Impl& impl,
                                const std::vector<std::string>& files,
                                std::vector<Diagnostic>* diagnostics) {
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
    for (auto& d : per_file_diags[i]) diagnostics->push_back(std::move(d));
  }
  return docs;
}

void AppendClaims(std::vector<std::vector<Claim>>* per_doc,
                  std::vector<Claim>* out) {
  size_t total = out->size();
  for (const auto& c : *per_doc) total += c.size();
  out->reserve(total);
  for (auto& c : *per_doc) {
    for (auto& claim : c) out->push_back(std::move(claim));
  }
}

// Whether `files` are streamed (over the budget, and re-readable: standard
// input can be read only once); their sizes into `sizes`.
bool Streams(const std::vector<std::string>& files, uint64_t budget,
             std::vector<uint64_t>* sizes) {
  sizes->assign(files.size(), 0);
  uint64_t total = 0;
  bool rereadable = true;
  for (size_t f = 0; f < files.size(); ++f) {
    if (files[f] == "-") {
      rereadable = false;
      continue;
    }
    std::error_code ec;
    const uint64_t size = fs::file_size(files[f], ec);
    if (!ec) (*sizes)[f] = size;
    total += (*sizes)[f];
  }
  return total > budget && rereadable;
}

// What the first pass of a streamed corpus keeps of one document.
struct StreamedDoc {
  std::string id;  // made unique across the corpus before the second pass
  int record_line = 0;
  uint64_t bytes = 0;  // of the original text: notices a changed file
  std::optional<absl::CivilDay> own_day;
  segment::CorpusFingerprint fingerprint;
};

// Documents extracted at once, in input bytes: their mentions and claims
// are handed on (and, by `extract`, written and freed) before the next
// chunk, so they never pile up for the whole corpus. Big enough to keep
// every thread busy.
constexpr uint64_t kChunkBytes = 8ull << 20;

// The second pass of a streamed corpus reads at most this much input at
// once (less when the budget is smaller). A batch is read and segmented
// whole before it is extracted a chunk at a time, and its segmented text
// takes several times its input bytes: a batch of the whole budget was
// most of a streamed check's peak. Two chunks keep every thread busy; the
// output does not depend on where batches end.
constexpr uint64_t kStreamBatchBytes = 2 * kChunkBytes;

// Documents matched together: enough for each pattern to run over many
// sentences in a row, few enough to keep every thread busy.
constexpr size_t kMatchGroup = 32;

// Extracts `docs`, already segmented with every boilerplate signal applied
// (`segmented[i]` belongs to `docs[i]`), a chunk at a time; each chunk goes
// to `sink`. Consumes both vectors.
void ExtractInChunks(const Engine::Impl& impl,
                     std::optional<absl::CivilDay> corpus_day, bool streamed,
                     std::vector<Document>* docs,
                     std::vector<SegmentedDocument>* segmented,
                     const BatchSink& sink) {
  const int threads = ResolveThreads(impl.options.threads);
  const size_t n = docs->size();
  for (size_t b = 0; b < n;) {
    size_t e = b;
    uint64_t bytes = 0;
    while (e < n && (e == b || bytes < kChunkBytes)) {
      bytes += (*docs)[e++].original.size();
    }
    Extraction chunk;
    chunk.streamed = streamed;
    chunk.documents.resize(e - b);
    chunk.mentions.resize(e - b);
    for (size_t i = b; i < e; ++i) {
      chunk.documents[i - b].doc = std::move((*docs)[i]);
    }
    std::vector<std::vector<Claim>> claims(e - b);
    // Documents are matched a group at a time (Extractor::MatchDocuments).
    const size_t groups = (e - b + kMatchGroup - 1) / kMatchGroup;
    ParallelFor(groups, threads, [&](size_t g) {
      const size_t first = g * kMatchGroup;
      const size_t last = std::min(e - b, first + kMatchGroup);
      std::vector<const SegmentedDocument*> group;
      for (size_t i = first; i < last; ++i) {
        SegmentedDocument& sd = (*segmented)[b + i];
        sd.doc = &chunk.documents[i].doc;
        group.push_back(&sd);
      }
      std::vector<extract::DocumentHits> hits =
          impl.extractor->MatchDocuments(group);
      for (size_t i = first; i < last; ++i) {
        SegmentedDocument& sd = (*segmented)[b + i];
        ExtractOne(impl, corpus_day, &sd, std::move(hits[i - first]),
                   &chunk.documents[i], &chunk.mentions[i], &claims[i]);
        sd = SegmentedDocument{};
      }
    });
    AppendClaims(&claims, &chunk.claims);
    sink(chunk);
    b = e;
  }
  docs->clear();
  segmented->clear();
}

// The whole corpus in memory: corpus-wide facts from every document, then
// extraction in chunks.
std::vector<Diagnostic> ExtractInMemory(const Engine::Impl& impl,
                                        std::vector<Document> docs,
                                        std::vector<Diagnostic> diagnostics,
                                        const BatchSink& sink) {
  const int threads = ResolveThreads(impl.options.threads);
  {
    std::vector<IdRef> refs;
    refs.reserve(docs.size());
    for (Document& d : docs) refs.push_back({&d.id, &d.path, d.record_line});
    UniquifyIds(refs, &diagnostics);
  }
  const size_t n = docs.size();
  // Segment every document; the corpus-wide boilerplate signal needs all.
  std::vector<SegmentedDocument> segmented(n);
  std::vector<segment::CorpusFingerprint> fingerprints(n);
  ParallelFor(n, threads, [&](size_t i) {
    ApplyOverride(impl, &docs[i]);
    segmented[i] = SegmentDropBlocks(impl, &docs[i]);
    fingerprints[i] = segment::FingerprintDocument(segmented[i]);
  });
  {
    const std::vector<std::vector<uint32_t>> marks =
        segment::DecideCorpusBoilerplate(fingerprints);
    fingerprints = {};
    for (size_t i = 0; i < n; ++i) {
      segment::ApplyCorpusBoilerplate(marks[i], &segmented[i]);
    }
  }
  std::vector<absl::CivilDay> days;
  for (const Document& d : docs) {
    if (auto day = OwnDay(d)) days.push_back(*day);
  }
  ExtractInChunks(impl, CorpusDate(std::move(days)), /*streamed=*/false, &docs,
                  &segmented, sink);
  return diagnostics;
}

}  // namespace

Extraction ExtractDocuments(const Engine& engine, std::vector<Document> docs,
                            std::vector<Diagnostic> diagnostics) {
  Extraction out;
  out.diagnostics =
      ExtractInMemory(engine.impl(), std::move(docs), std::move(diagnostics),
                      [&](Extraction& chunk) {
                        for (auto& d : chunk.documents) {
                          out.documents.push_back(std::move(d));
                        }
                        for (auto& m : chunk.mentions) {
                          out.mentions.push_back(std::move(m));
                        }
                        for (auto& c : chunk.claims) {
                          out.claims.push_back(std::move(c));
                        }
                      });
  return out;
}

Extraction RunExtract(const Engine& engine,
                      const std::vector<std::string>& paths) {
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> files = ListFiles(paths, &diagnostics);
  std::vector<Document> docs = ReadFiles(engine.impl(), files, &diagnostics);
  return ExtractDocuments(engine, std::move(docs), std::move(diagnostics));
}

std::vector<Diagnostic> StreamExtract(const Engine& engine,
                                      const std::vector<std::string>& paths,
                                      const BatchSink& sink) {
  const Engine::Impl& impl = engine.impl();
  const int threads = ResolveThreads(impl.options.threads);
  const uint64_t budget = impl.options.memory_budget;
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> files = ListFiles(paths, &diagnostics);
  std::vector<uint64_t> sizes;
  if (!Streams(files, budget, &sizes)) {
    std::vector<Document> docs = ReadFiles(impl, files, &diagnostics);
    return ExtractInMemory(impl, std::move(docs), std::move(diagnostics), sink);
  }

  // Pass 1: every file read, segmented and reduced to its facts, a worker
  // per file; nothing else of a document outlives its turn.
  std::vector<std::vector<StreamedDoc>> facts(files.size());
  {
    std::vector<std::vector<Diagnostic>> file_diags(files.size());
    ParallelFor(files.size(), threads, [&](size_t f) {
      for (Document& doc : ingest::ReadDocumentFile(
               files[f], impl.options.ingest, &file_diags[f])) {
        ApplyOverride(impl, &doc);
        StreamedDoc s;
        s.record_line = doc.record_line;
        s.bytes = doc.original.size();
        s.own_day = OwnDay(doc);
        s.fingerprint =
            segment::FingerprintDocument(SegmentDropBlocks(impl, &doc));
        s.id = std::move(doc.id);
        facts[f].push_back(std::move(s));
      }
    });
    for (auto& fd : file_diags) {
      for (auto& d : fd) diagnostics.push_back(std::move(d));
    }
  }
  // The corpus-wide facts: unique ids, boilerplate decisions, corpus date.
  std::vector<size_t> first_doc(files.size() + 1, 0);
  for (size_t f = 0; f < files.size(); ++f) {
    first_doc[f + 1] = first_doc[f] + facts[f].size();
  }
  std::vector<std::vector<uint32_t>> marks;
  std::optional<absl::CivilDay> corpus_day;
  {
    std::vector<IdRef> refs;
    std::vector<segment::CorpusFingerprint> fingerprints;
    std::vector<absl::CivilDay> days;
    refs.reserve(first_doc.back());
    fingerprints.reserve(first_doc.back());
    for (size_t f = 0; f < files.size(); ++f) {
      for (StreamedDoc& s : facts[f]) {
        refs.push_back({&s.id, &files[f], s.record_line});
        fingerprints.push_back(std::move(s.fingerprint));
        if (s.own_day) days.push_back(*s.own_day);
      }
    }
    UniquifyIds(refs, &diagnostics);
    marks = segment::DecideCorpusBoilerplate(fingerprints);
    corpus_day = CorpusDate(std::move(days));
  }

  // Pass 2: batches of consecutive files of at most `batch_budget` bytes.
  const uint64_t batch_budget = std::min(budget, kStreamBatchBytes);
  for (size_t f0 = 0; f0 < files.size();) {
    size_t f1 = f0;
    uint64_t batch_bytes = 0;
    while (f1 < files.size() &&
           (f1 == f0 || batch_bytes + sizes[f1] <= batch_budget)) {
      batch_bytes += sizes[f1++];
    }
    std::vector<std::vector<Document>> read(f1 - f0);
    std::vector<char> changed(f1 - f0, 0);
    ParallelFor(f1 - f0, threads, [&](size_t k) {
      std::vector<Diagnostic> again;  // the first pass reported them
      read[k] =
          ingest::ReadDocumentFile(files[f0 + k], impl.options.ingest, &again);
      const std::vector<StreamedDoc>& want = facts[f0 + k];
      bool same = read[k].size() == want.size();
      for (size_t j = 0; same && j < want.size(); ++j) {
        same = read[k][j].original.size() == want[j].bytes &&
               read[k][j].record_line == want[j].record_line;
      }
      if (!same) {
        read[k].clear();
        changed[k] = 1;
      }
    });
    std::vector<Document> docs;
    std::vector<size_t> index;  // corpus-wide document index
    for (size_t k = 0; k < read.size(); ++k) {
      const size_t f = f0 + k;
      if (changed[k]) {
        diagnostics.push_back(Diagnostic{
            Severity::kError, "pipeline.input-changed", files[f], 0, 0,
            "the file changed while it was read; its documents are skipped"});
        continue;
      }
      for (size_t j = 0; j < read[k].size(); ++j) {
        docs.push_back(std::move(read[k][j]));
        docs.back().id = facts[f][j].id;
        index.push_back(first_doc[f] + j);
      }
      read[k] = {};
    }
    std::vector<SegmentedDocument> segmented(docs.size());
    ParallelFor(docs.size(), threads, [&](size_t i) {
      ApplyOverride(impl, &docs[i]);
      segmented[i] = SegmentDropBlocks(impl, &docs[i]);
      segment::ApplyCorpusBoilerplate(marks[index[i]], &segmented[i]);
    });
    ExtractInChunks(impl, corpus_day, /*streamed=*/true, &docs, &segmented,
                    sink);
    f0 = f1;
  }
  return diagnostics;
}

namespace {

// Reorders `v` in place so that (*v)[k] becomes the old (*v)[order[k]]
// (`order` is a permutation), following its cycles: no second vector.
template <typename T>
void Permute(std::vector<T>* v, const std::vector<size_t>& order) {
  std::vector<bool> done(v->size(), false);
  for (size_t start = 0; start < v->size(); ++start) {
    if (done[start]) continue;
    T first = std::move((*v)[start]);
    size_t k = start;
    while (order[k] != start) {
      (*v)[k] = std::move((*v)[order[k]]);
      done[k] = true;
      k = order[k];
    }
    (*v)[k] = std::move(first);
    done[k] = true;
  }
}

}  // namespace

std::vector<Finding> RunJudge(const Engine& engine,
                              const std::vector<Claim>& claims,
                              std::vector<DocumentInfo>* docs) {
  const Engine::Impl& impl = engine.impl();
  // Judgments see one canonical order, whatever order documents were read
  // or claim files were given in: `align` must equal `check`. The
  // documents are put into that order in place and back, not copied: with
  // their MinHash signatures they are sizable.
  const size_t n = docs->size();
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie((*docs)[a].path, (*docs)[a].id) <
           std::tie((*docs)[b].path, (*docs)[b].id);
  });
  Permute(docs, order);
  std::vector<const Claim*> ordered_claims;  // no copies of the claims
  ordered_claims.reserve(claims.size());
  for (const Claim& c : claims) ordered_claims.push_back(&c);
  CanonicalOrder(docs, &ordered_claims);  // documents: already in order
  judge::AssignSyndicationKeys(impl.judge_config, docs);
  std::vector<Finding> findings =
      judge::JudgeClaimPtrs(ordered_claims, *docs, impl.judge_config);
  std::vector<size_t> back(n);
  for (size_t k = 0; k < n; ++k) back[order[k]] = k;
  Permute(docs, back);
  return findings;
}

namespace {

// Drops what only the per-document report sections need (--segments
// none): the segments, the text and its line index. Metadata, info and the
// text's size stay.
void DropDocumentText(DocumentResult* d) {
  d->original_bytes = d->doc.original.size();
  std::vector<Segment>().swap(d->segments);
  std::string().swap(d->doc.original);
  std::string().swap(d->doc.extra_json);
  d->doc.original_index = LineIndex();
}

// Joins `parts` into one vector of the exact size, freeing each part once
// it is moved.
template <typename T>
std::vector<T> Concatenate(std::vector<std::vector<T>>* parts) {
  size_t total = 0;
  for (const auto& p : *parts) total += p.size();
  std::vector<T> out;
  out.reserve(total);
  for (auto& p : *parts) {
    for (T& x : p) out.push_back(std::move(x));
    std::vector<T>().swap(p);
  }
  parts->clear();
  return out;
}

}  // namespace

namespace {

// The directory a streamed check spills into.
std::string SpillParent(const PipelineOptions& options) {
  if (!options.spill_dir.empty()) return options.spill_dir;
  const char* tmp = std::getenv("TMPDIR");
  return tmp && *tmp ? tmp : "/tmp";
}

}  // namespace

absl::StatusOr<CheckResult> TryRunCheck(const Engine& engine,
                                        const std::vector<std::string>& paths,
                                        std::vector<Diagnostic> diagnostics) {
  const PipelineOptions& options = engine.options();
  const PipelineOptions::Segments segments = options.segments;
  const int threads = ResolveThreads(options.threads);
  CheckResult result;
  // A streamed corpus spills its claims; the directory is made first, so
  // that a bad one stops the run before any work.
  std::unique_ptr<ClaimSpill> spill;
  {
    std::vector<Diagnostic> ignored;  // StreamExtract reports them
    std::vector<uint64_t> sizes;
    if (Streams(ListFiles(paths, &ignored), options.memory_budget, &sizes)) {
      auto s =
          ClaimSpill::Start(SpillParent(options), engine.impl().judge_config,
                            threads, options.memory_budget);
      if (!s.ok()) return s.status();
      spill = std::move(*s);
    }
  }
  // Batches are kept as they come and joined once at the end into vectors
  // of the exact size: appending to one vector would leave up to half of
  // it unused, and briefly need its old and new buffers at once. A spilled
  // check hands its documents to the spill instead.
  std::vector<std::vector<DocumentResult>> doc_batches;
  std::vector<std::vector<DocumentInfo>> info_batches;
  std::vector<std::vector<Claim>> claim_batches;
  absl::Status spill_status;
  std::vector<Diagnostic> ex_diagnostics =
      StreamExtract(engine, paths, [&](Extraction& batch) {
        if (spill) ReleaseFreedMemory();  // the previous batch's
        if (batch.streamed && !spill && spill_status.ok()) {
          // The files grew past the budget since they were listed.
          auto s = ClaimSpill::Start(SpillParent(options),
                                     engine.impl().judge_config, threads,
                                     options.memory_budget);
          if (s.ok()) {
            spill = std::move(*s);
          } else {
            spill_status = s.status();
          }
        }
        const bool keep =
            segments == PipelineOptions::Segments::kAll ||
            (segments == PipelineOptions::Segments::kAuto && !batch.streamed);
        if (!keep) {
          for (auto& d : batch.documents) DropDocumentText(&d);
        }
        if (spill) {
          spill->Add(batch.documents, batch.claims);
          // In the spill until the duplicate judgment needs them.
          for (auto& d : batch.documents) {
            std::vector<uint64_t>().swap(d.info.minhash);
          }
        } else {
          claim_batches.push_back(std::move(batch.claims));
        }
        std::vector<DocumentInfo>& infos = info_batches.emplace_back();
        infos.reserve(batch.documents.size());
        for (auto& d : batch.documents) infos.push_back(std::move(d.info));
        // Judging needs only the infos; without text, what is left of a
        // document waits in the spill until the reports.
        if (spill) {
          spill->AddDocuments(&batch.documents, /*hold=*/keep);
        } else {
          doc_batches.push_back(std::move(batch.documents));
        }
      });
  if (!spill_status.ok()) return spill_status;
  result.claims = Concatenate(&claim_batches);
  result.tool_version = CROSSCHECK_VERSION;
  // Sorted, so that the order of the arguments never changes a report.
  result.inputs = paths;
  std::sort(result.inputs.begin(), result.inputs.end());
  std::vector<DocumentInfo> infos = Concatenate(&info_batches);
  if (spill) {
    if (!doc_batches.empty()) {
      // Batches judged in memory before the files grew past the budget:
      // the documents of a spilled result all live in its store.
      return absl::InternalError("documents held outside the spill");
    }
    ReleaseFreedMemory();
    // The store takes the documents and their infos.
    auto store = spill->Finish(&infos);
    if (!store.ok()) return store.status();
    result.store = std::move(*store);
    ReleaseFreedMemory();  // the buckets' claims and judging state
  } else {
    result.documents = Concatenate(&doc_batches);
    result.findings = RunJudge(engine, result.claims, &infos);
    if (result.documents.size() != infos.size()) {
      return absl::InternalError(
          absl::StrCat("judged ", infos.size(), " infos for ",
                       result.documents.size(), " documents"));
    }
    for (size_t i = 0; i < result.documents.size(); ++i) {
      result.documents[i].info = std::move(infos[i]);
      // Only judging reads the signature; no report shows it.
      std::vector<uint64_t>().swap(result.documents[i].info.minhash);
      DropDuplicateFacts(&result.documents[i]);
    }
    std::vector<DocumentInfo>().swap(infos);  // moved out; the shells remain
  }
  diagnostics.insert(diagnostics.end(), ex_diagnostics.begin(),
                     ex_diagnostics.end());
  SortDiagnostics(&diagnostics);
  result.diagnostics = std::move(diagnostics);
  return result;
}

CheckResult RunCheck(const Engine& engine,
                     const std::vector<std::string>& paths,
                     std::vector<Diagnostic> diagnostics) {
  absl::StatusOr<CheckResult> r = TryRunCheck(engine, paths, diagnostics);
  if (r.ok()) return std::move(*r);
  CheckResult failed;
  failed.tool_version = CROSSCHECK_VERSION;
  failed.inputs = paths;
  std::sort(failed.inputs.begin(), failed.inputs.end());
  diagnostics.push_back(Diagnostic{Severity::kError, "pipeline.spill-failed",
                                   "", 0, 0,
                                   std::string(r.status().message())});
  SortDiagnostics(&diagnostics);
  failed.diagnostics = std::move(diagnostics);
  return failed;
}

}  // namespace crosscheck::pipeline
