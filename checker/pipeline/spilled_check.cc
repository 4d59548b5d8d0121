#include "checker/pipeline/spilled_check.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <queue>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "checker/align/align.h"
#include "checker/core/json_codec.h"
#include "checker/core/json_writer.h"
#include "checker/pipeline/claims_io.h"
#include "checker/pipeline/parallel.h"

namespace crosscheck::pipeline {

const std::vector<std::string>& ClaimLevelKinds() {
  static const auto* kinds = new std::vector<std::string>{"anachronism"};
  return *kinds;
}

const std::vector<std::string>& DocumentLevelKinds() {
  static const auto* kinds =
      new std::vector<std::string>{"ai-generated", "duplicate"};
  return *kinds;
}

judge::JudgeConfig OnlyKinds(const judge::JudgeConfig& config,
                             const std::vector<std::string>& kinds,
                             bool except) {
  judge::JudgeConfig out = config;
  for (const std::string& k : judge::JudgeConfig::Kinds()) {
    const bool listed = std::find(kinds.begin(), kinds.end(), k) != kinds.end();
    if (listed == except) out.mutable_judgment(k)->enabled = false;
  }
  return out;
}

void DropDuplicateFacts(DocumentResult* d) {
  DocumentInfo& info = d->info;
  std::string().swap(info.id);
  std::string().swap(info.path);
  std::string().swap(info.format);
  if (info.title == d->doc.title) std::string().swap(info.title);
  if (info.source == d->doc.source) std::string().swap(info.source);
  d->doc.reference_date = ReferenceDate();
}

namespace {

// The alignment bucket of a claim as a number: claims with different
// numbers never share a group (align::BucketNameOf); the spill tests compare
// bucketed judging with judging everything at once.
uint64_t BucketHash(const Claim& c) {
  const align::ClaimClass k = align::ClassOf(c);
  if (k == align::ClaimClass::kNone) return ~uint64_t{0};
  const absl::string_view name = align::BucketNameOf(c, k);
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a: fixed across builds
  h = (h ^ static_cast<uint64_t>(k)) * 0x100000001b3ULL;
  for (unsigned char ch : name) h = (h ^ ch) * 0x100000001b3ULL;
  return h;
}

// The part of a re-split bucket that a claim with bucket hash `h` goes to:
// a second hash of its bucket (the low bits of `h` chose the bucket file,
// so they are alike in every claim of one file).
size_t PartOf(uint64_t h, size_t parts) {
  h ^= h >> 30;  // splitmix64's finalizer
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return static_cast<size_t>(h % parts);
}

// A copy of a document's info without its MinHash signature: judgments
// over claims never read it once syndication keys are assigned.
DocumentInfo WithoutSignature(const DocumentInfo& d) {
  DocumentInfo out;
  out.id = d.id;
  out.path = d.path;
  out.title = d.title;
  out.source = d.source;
  out.format = d.format;
  out.reference_date = d.reference_date;
  out.ai_generated = d.ai_generated;
  out.ai_evidence = d.ai_evidence;
  out.ai_span_begin = d.ai_span_begin;
  out.ai_span_end = d.ai_span_end;
  out.ai_line = d.ai_line;
  out.ai_column = d.ai_column;
  out.syndication_key = d.syndication_key;
  return out;
}

// Judges `claims` (in document order) against `docs` (any order) as
// RunJudge does: both in canonical order first.
std::vector<Finding> JudgeInCanonicalOrder(const std::vector<Claim>& claims,
                                           std::vector<DocumentInfo> docs,
                                           const judge::JudgeConfig& config) {
  std::vector<const Claim*> ptrs;
  ptrs.reserve(claims.size());
  for (const Claim& c : claims) ptrs.push_back(&c);
  CanonicalOrder(&docs, &ptrs);
  return judge::JudgeClaimPtrs(ptrs, docs, config);
}

// Fingerprints are 16 lowercase hex digits; the judge orders them as
// numbers (which sort like the strings).
uint64_t HexValue(absl::string_view hex) {
  uint64_t v = 0;
  for (char c : hex) {
    v = v * 16 +
        static_cast<uint64_t>(absl::ascii_isdigit(c) ? c - '0' : c - 'a' + 10);
  }
  return v;
}

// Report order, as judge::JudgeClaimPtrs sorts: severity desc, rule id,
// subject, fingerprint, message, first evidence claim.
bool ReportOrderLess(const Finding& a, const Finding& b) {
  if (a.severity != b.severity) return a.severity > b.severity;
  if (a.rule_id != b.rule_id) return a.rule_id < b.rule_id;
  if (a.subject.view() != b.subject.view()) {
    return a.subject.view() < b.subject.view();
  }
  const uint64_t fa = HexValue(a.fingerprint), fb = HexValue(b.fingerprint);
  if (fa != fb) return fa < fb;
  if (a.message != b.message) return a.message < b.message;
  const absl::string_view ca =
      a.evidence.empty() ? absl::string_view() : a.evidence.front().claim_id;
  const absl::string_view cb =
      b.evidence.empty() ? absl::string_view() : b.evidence.front().claim_id;
  return ca < cb;
}

// Claims and findings read back from the spill directory.
class FileStore : public ResultStore {
 public:
  FileStore(std::unique_ptr<TempDir> dir, std::vector<DocumentRun> doc_runs,
            uint64_t documents, uint64_t claims, uint64_t findings)
      : dir_(std::move(dir)),
        doc_runs_(std::move(doc_runs)),
        num_documents_(documents),
        num_claims_(claims),
        num_findings_(findings) {}

  uint64_t num_documents() const override { return num_documents_; }
  uint64_t num_claims() const override { return num_claims_; }

  void ForEachDocument(
      const std::function<void(const DocumentResult&)>& fn) const override {
    RecordReader docs, infos;
    const std::string docs_path = dir_->File("documents");
    const std::string infos_path = dir_->File("infos");
    if (!docs.Open(docs_path).ok()) return Fail(docs.status());
    if (!infos.Open(infos_path).ok()) return Fail(infos.status());
    std::string rec;
    DocumentResult d;
    // Reads the next record of `r` into `rec`; fails the store when none.
    auto next = [&](RecordReader& r, const std::string& path) {
      if (r.Next(&rec)) return true;
      Fail(r.status().ok() ? absl::DataLossError(absl::StrCat(
                                 "temporary file '", path, "' is short"))
                           : r.status());
      return false;
    };
    for (const DocumentRun& run : doc_runs_) {
      for (const DocumentResult& held : run.held) fn(held);
      for (uint64_t i = 0; i < run.spilled; ++i) {
        if (!next(docs, docs_path)) return;
        if (!DecodeDocument(rec, &d)) return Fail(Corrupt(docs_path));
        if (!next(infos, infos_path)) return;
        if (!DecodeDocumentInfo(rec, &d.info)) return Fail(Corrupt(infos_path));
        DropDuplicateFacts(&d);
        fn(d);
      }
    }
  }
  uint64_t num_findings() const override { return num_findings_; }

  void ForEachClaimJson(
      const std::function<void(absl::string_view)>& fn) const override {
    RecordReader r;
    if (!r.Open(dir_->File("claims.json")).ok()) return Fail(r.status());
    std::string rec;
    while (r.Next(&rec)) fn(rec);
    if (!r.status().ok()) Fail(r.status());
  }

  void ForEachFinding(
      const std::function<void(const Finding&)>& fn) const override {
    RecordReader r;
    if (!r.Open(dir_->File("findings")).ok()) return Fail(r.status());
    std::string rec;
    SpillCache cache;
    Finding f;
    while (r.Next(&rec)) {
      if (!DecodeFinding(rec, &cache, &f)) {
        return Fail(Corrupt(dir_->File("findings")));
      }
      for (const auto& adjust : adjust_) adjust(&f);
      fn(f);
    }
    if (!r.status().ok()) Fail(r.status());
  }

  void Adjust(std::function<void(Finding*)> fn) override {
    adjust_.push_back(std::move(fn));
  }

  absl::Status status() const override {
    std::lock_guard<std::mutex> lock(mu_);
    return status_;
  }

 private:
  static absl::Status Corrupt(const std::string& path) {
    return absl::DataLossError(
        absl::StrCat("temporary file '", path, "' is corrupt"));
  }
  void Fail(const absl::Status& s) const {
    std::lock_guard<std::mutex> lock(mu_);
    if (status_.ok()) status_ = s;
  }

  std::unique_ptr<TempDir> dir_;
  std::vector<DocumentRun> doc_runs_;
  uint64_t num_documents_, num_claims_, num_findings_;
  std::vector<std::function<void(Finding*)>> adjust_;
  mutable std::mutex mu_;
  mutable absl::Status status_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ClaimSpill>> ClaimSpill::Start(
    const std::string& parent, const judge::JudgeConfig& config, int threads,
    uint64_t memory_budget) {
  auto dir = TempDir::Create(parent);
  if (!dir.ok()) return dir.status();
  std::unique_ptr<ClaimSpill> spill(
      new ClaimSpill(std::move(*dir), config, threads, memory_budget));
  if (absl::Status s =
          spill->claims_json_.Open(spill->dir_->File("claims.json"), 1 << 20);
      !s.ok()) {
    return s;
  }
  if (absl::Status s =
          spill->signatures_.Open(spill->dir_->File("signatures"), 1 << 16);
      !s.ok()) {
    return s;
  }
  if (absl::Status s =
          spill->documents_.Open(spill->dir_->File("documents"), 1 << 16);
      !s.ok()) {
    return s;
  }
  spill->bands_.resize(judge::NumBands(config));
  for (size_t b = 0; b < spill->bands_.size(); ++b) {
    spill->bands_[b] = std::make_unique<RecordWriter>();
    if (absl::Status s = spill->bands_[b]->Open(spill->BandFile(b), 1 << 14);
        !s.ok()) {
      return s;
    }
  }
  return spill;
}

ClaimSpill::ClaimSpill(std::unique_ptr<TempDir> dir,
                       const judge::JudgeConfig& config, int threads,
                       uint64_t memory_budget)
    : dir_(std::move(dir)),
      config_(config),
      threads_(threads),
      memory_budget_(memory_budget) {
  buckets_.resize(kBuckets);
}

ClaimSpill::~ClaimSpill() = default;

std::string ClaimSpill::BandFile(size_t band) const {
  return dir_->File(absl::StrFormat("band-%03d", band));
}

std::string ClaimSpill::RunFile(size_t run) const {
  return dir_->File(absl::StrFormat("run-%06d", run));
}

namespace {

// Writes `findings` (sorted) to a run file at `path`, empty or not.
absl::Status WriteRunFile(const std::string& path,
                          const std::vector<Finding>& findings) {
  RecordWriter w;
  if (absl::Status s = w.Open(path); !s.ok()) return s;
  std::string rec;
  for (const Finding& f : findings) {
    rec.clear();
    EncodeFinding(f, &rec);
    w.Add(rec);
  }
  return w.Close();
}

}  // namespace

void ClaimSpill::WriteRun(const std::vector<Finding>& findings) {
  if (findings.empty() || !status_.ok()) return;
  status_ = WriteRunFile(RunFile(runs_++), findings);
}

void ClaimSpill::Add(const std::vector<DocumentResult>& batch,
                     const std::vector<Claim>& claims) {
  if (!status_.ok()) return;
  std::string rec;
  for (const Claim& c : claims) {
    rec.clear();
    JsonWriter w(&rec);
    WriteClaimJson(c, &w);
    claims_json_.Add(rec);
    const uint64_t h = BucketHash(c);
    if (h == ~uint64_t{0}) continue;  // in no group
    std::unique_ptr<RecordWriter>& b = buckets_[h % kBuckets];
    if (!b) {
      b = std::make_unique<RecordWriter>();
      status_ = b->Open(
          dir_->File(absl::StrFormat("bucket-%03d", h % kBuckets)), 1 << 15);
      if (!status_.ok()) return;
    }
    // The bucket hash first: Finish re-splits a large bucket by it without
    // decoding the claims.
    rec.assign(reinterpret_cast<const char*>(&h), sizeof h);
    EncodeClaim(c, &rec);
    b->Add(rec);
  }
  num_claims_ += claims.size();
  for (const DocumentResult& d : batch) {
    // Fixed-size records, read back at any index: zeros without a
    // signature (such a document has no band key, so is never read).
    const size_t sig_bytes = signature_bytes();
    if (d.info.minhash.size() * sizeof(uint64_t) == sig_bytes) {
      signatures_.AddFixed(absl::string_view(
          reinterpret_cast<const char*>(d.info.minhash.data()), sig_bytes));
    } else {
      signatures_.AddFixed(std::string(sig_bytes, '\0'));
    }
    const std::vector<uint64_t> keys = judge::BandKeys(d.info.minhash, config_);
    for (size_t b = 0; b < bands_.size(); ++b) {
      char bytes[8];
      if (!keys.empty()) std::memcpy(bytes, &keys[b], sizeof bytes);
      bands_[b]->Add(absl::string_view(bytes, keys.empty() ? 0 : 8));
    }
  }
  // Claim-level judgments: a batch holds whole documents.
  std::vector<DocumentInfo> docs;
  docs.reserve(batch.size());
  for (const DocumentResult& d : batch) {
    docs.push_back(WithoutSignature(d.info));
  }
  WriteRun(JudgeInCanonicalOrder(claims, std::move(docs),
                                 OnlyKinds(config_, ClaimLevelKinds(), false)));
}

void ClaimSpill::AddDocuments(std::vector<DocumentResult>* docs, bool hold) {
  if (docs->empty()) return;
  num_documents_ += docs->size();
  if (hold) {
    DocumentRun& run = doc_runs_.emplace_back();
    run.held = std::move(*docs);
    return;
  }
  if (doc_runs_.empty() || !doc_runs_.back().held.empty()) {
    doc_runs_.emplace_back();
  }
  doc_runs_.back().spilled += docs->size();
  std::string rec;
  for (const DocumentResult& d : *docs) {
    rec.clear();
    EncodeDocument(d, &rec);
    documents_.Add(rec);
  }
  docs->clear();
}

absl::StatusOr<std::shared_ptr<ResultStore>> ClaimSpill::Finish(
    std::vector<DocumentInfo>* infos) {
  if (status_.ok()) status_ = claims_json_.Close();
  if (status_.ok()) status_ = signatures_.Close();
  if (status_.ok()) status_ = documents_.Close();
  for (auto& b : bands_) {
    if (status_.ok()) status_ = b->Close();
  }
  for (auto& b : buckets_) {
    if (b && status_.ok()) status_ = b->Close();
  }
  if (!status_.ok()) return status_;
  const size_t n = infos->size();
  const std::string signature_path = dir_->File("signatures");
  if (signatures_.count() != n) {
    return absl::InternalError(
        absl::StrCat("temporary file '", signature_path, "' has ",
                     signatures_.count(), " signatures for ", n, " documents"));
  }
  if (num_documents_ != n) {
    return absl::InternalError(absl::StrCat("spilled ", num_documents_,
                                            " documents for ", n, " infos"));
  }
  auto corrupt = [](const std::string& path) {
    return absl::DataLossError(
        absl::StrCat("temporary file '", path, "' is corrupt"));
  };

  // Documents in canonical order (in place and back, as RunJudge); rank[i]
  // is the canonical place of the i-th document in report order.
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie((*infos)[a].path, (*infos)[a].id) <
           std::tie((*infos)[b].path, (*infos)[b].id);
  });
  {
    std::vector<DocumentInfo> sorted;
    sorted.reserve(n);
    for (size_t i : order) sorted.push_back(std::move((*infos)[i]));
    infos->swap(sorted);
  }
  // Each phase below hands back what the one before freed (tcmalloc keeps
  // freed pages otherwise): the report-order table, then the signatures.
  ReleaseFreedMemory();
  std::vector<uint32_t> rank(n);
  for (size_t k = 0; k < n; ++k) rank[order[k]] = static_cast<uint32_t>(k);

  // Syndication keys from the band files; signatures read back only for
  // documents that share a band key, as they are compared.
  {
    auto band = [&](size_t b, judge::BandPairs* pairs) {
      if (!status_.ok()) return;
      RecordReader r;
      if (absl::Status s = r.Open(BandFile(b)); !s.ok()) {
        status_ = s;
        return;
      }
      std::string rec;
      size_t i = 0;
      for (; r.Next(&rec); ++i) {
        if (rec.empty()) continue;  // no signature
        uint64_t key;
        if (rec.size() != sizeof key || i >= n) {
          status_ = corrupt(BandFile(b));
          return;
        }
        std::memcpy(&key, rec.data(), sizeof key);
        pairs->emplace_back(key, rank[i]);
      }
      if (status_.ok()) status_ = r.status();
      if (status_.ok() && i != n) status_ = corrupt(BandFile(b));
    };
    // Signatures are read from the file as the comparisons ask for them,
    // not held: documents sharing a band key can be most of a corpus of
    // similar stories (~90 MB of signatures at 1 GB). A comparison reads
    // two at once, and one of them for several in a row: two slots, the
    // one not used last refilled.
    const size_t sig_bytes = signature_bytes();
    FixedRecordReader sigs;
    if (absl::Status s = sigs.Open(signature_path, sig_bytes); !s.ok()) {
      return s;
    }
    auto read_signature = [&](size_t d, std::vector<uint64_t>* sig) {
      sig->resize(sig_bytes / sizeof(uint64_t));
      if (!sigs.Read(order[d], reinterpret_cast<char*>(sig->data()))) {
        if (status_.ok()) status_ = sigs.status();
        sig->clear();
      }
    };
    size_t cached[2] = {n, n};
    std::vector<uint64_t> cache[2];
    int last = 0;
    std::vector<absl::string_view> ids;
    ids.reserve(n);
    for (const DocumentInfo& d : *infos) ids.push_back(d.id);
    std::vector<std::string> keys = judge::SyndicationKeysFromBands(
        config_, ids, band, [&](size_t d) -> const std::vector<uint64_t>& {
          for (int s = 0; s < 2; ++s) {
            if (cached[s] == d) {
              last = s;
              return cache[s];
            }
          }
          last = 1 - last;
          cached[last] = d;
          read_signature(d, &cache[last]);
          return cache[last];
        });
    if (!status_.ok()) return status_;
    for (size_t d = 0; d < n; ++d) {
      (*infos)[d].syndication_key = std::move(keys[d]);
      // Only the duplicate judgment reads a signature, and only those of
      // documents in a cluster (with a key). Without any key, judging
      // computes keys from the signatures present: none, as there are no
      // clusters to find.
      if ((*infos)[d].syndication_key.empty()) {
        std::vector<uint64_t>().swap((*infos)[d].minhash);
      } else {
        read_signature(d, &(*infos)[d].minhash);
      }
    }
    if (!status_.ok()) return status_;
    std::error_code ec;
    std::filesystem::remove(signature_path, ec);
    for (size_t b = 0; b < bands_.size(); ++b) {
      std::filesystem::remove(BandFile(b), ec);
    }
    bands_.clear();
  }
  std::vector<uint32_t>().swap(rank);
  // Document-level judgments: the duplicate judgment reads the signatures
  // of near-duplicates, all of which share a band key.
  WriteRun(judge::JudgeClaimPtrs({}, *infos,
                                 OnlyKinds(config_, DocumentLevelKinds(),
                                           /*except=*/false)));
  // No later judgment reads the signatures; no report shows them.
  for (DocumentInfo& d : *infos) std::vector<uint64_t>().swap(d.minhash);
  ReleaseFreedMemory();

  // Group judgments, a unit (bucket file or part of one) at a time, a
  // thread each.
  {
    absl::flat_hash_map<absl::string_view, size_t> slot;
    for (size_t i = 0; i < n; ++i) slot.emplace((*infos)[i].id, i);
    std::vector<std::string> exclude = ClaimLevelKinds();
    for (const std::string& k : DocumentLevelKinds()) exclude.push_back(k);
    const judge::JudgeConfig group_config =
        OnlyKinds(config_, exclude, /*except=*/true);
    std::vector<size_t> filled;
    for (size_t b = 0; b < buckets_.size(); ++b) {
      if (buckets_[b]) filled.push_back(b);
    }
    buckets_.clear();
    auto bucket_path = [&](size_t b) {
      return dir_->File(absl::StrFormat("bucket-%03d", b));
    };
    auto file_bytes = [](const std::string& path) -> uint64_t {
      std::error_code ec;
      const uintmax_t size = std::filesystem::file_size(path, ec);
      return ec ? 0 : static_cast<uint64_t>(size);
    };
    // A judging unit: a bucket file, or a part of one re-split.
    struct Unit {
      std::string path;
      uint64_t bytes;
    };
    const uint64_t judge_bytes = memory_budget_ / kJudgeExpansion;
    // A thread's share: `threads_` units that fit it are judged at once
    // within the budget.
    const uint64_t share = std::max<uint64_t>(
        1, judge_bytes / static_cast<uint64_t>(std::max(threads_, 1)));
    std::vector<uint64_t> file_size(filled.size());
    std::vector<size_t> parts(filled.size(), 1);
    {
      std::vector<size_t> by_size(filled.size());
      for (size_t k = 0; k < filled.size(); ++k) {
        file_size[k] = file_bytes(bucket_path(filled[k]));
        by_size[k] = k;
      }
      // The largest buckets get their parts first, while the kBuckets
      // parts that may be added in all last.
      std::stable_sort(by_size.begin(), by_size.end(), [&](size_t a, size_t b) {
        return file_size[a] > file_size[b];
      });
      size_t extra = kBuckets;
      for (size_t k : by_size) {
        if (file_size[k] <= share || extra == 0) continue;
        const uint64_t want = (file_size[k] + share - 1) / share;
        parts[k] = static_cast<size_t>(std::min<uint64_t>(
            {want, static_cast<uint64_t>(kMaxParts), extra + 1}));
        extra -= parts[k] - 1;
      }
    }
    // Re-split buckets, a thread each; a record goes to its part as it is.
    std::vector<std::vector<Unit>> bucket_units(filled.size());
    std::vector<absl::Status> split_errors(filled.size());
    ParallelFor(filled.size(), threads_, [&](size_t k) {
      const std::string path = bucket_path(filled[k]);
      if (parts[k] == 1) {
        bucket_units[k].push_back({path, file_size[k]});
        return;
      }
      absl::Status& error = split_errors[k];
      std::vector<std::unique_ptr<RecordWriter>> out(parts[k]);
      auto part_path = [&](size_t p) {
        return absl::StrFormat("%s.%02d", path, p);
      };
      {
        RecordReader r;
        error = r.Open(path);
        std::string rec;
        uint64_t h;
        while (error.ok() && r.Next(&rec)) {
          if (rec.size() < sizeof h) {
            error = corrupt(path);
            break;
          }
          std::memcpy(&h, rec.data(), sizeof h);
          const size_t p = PartOf(h, parts[k]);
          std::unique_ptr<RecordWriter>& w = out[p];
          if (!w) {
            w = std::make_unique<RecordWriter>();
            error = w->Open(part_path(p), 1 << 15);
            if (!error.ok()) break;
          }
          w->Add(rec);
        }
        if (error.ok()) error = r.status();
      }
      for (size_t p = 0; p < out.size(); ++p) {
        if (!out[p]) continue;
        if (absl::Status s = out[p]->Close(); error.ok()) error = s;
        bucket_units[k].push_back({part_path(p), file_bytes(part_path(p))});
      }
      std::error_code ec;
      std::filesystem::remove(path, ec);
    });
    for (const absl::Status& e : split_errors) {
      if (status_.ok() && !e.ok()) status_ = e;
    }
    if (!status_.ok()) return status_;
    std::vector<Unit> units;
    for (size_t k = 0; k < filled.size(); ++k) {
      judge_stats_.split += parts[k] > 1;
      for (Unit& u : bucket_units[k]) units.push_back(std::move(u));
    }
    judge_stats_.buckets = filled.size();
    judge_stats_.units = units.size();
    // Each unit's run has its number before judging starts, so a judged
    // unit is written at once whatever the other threads are doing (its
    // findings do not wait in memory for earlier units), and the merge
    // sees the runs in unit order whatever the thread count.
    const size_t first_run = runs_;
    runs_ += units.size();
    std::vector<absl::Status> errors(units.size());
    // Largest first, so that the last unit judged is a small one; a unit
    // starts while the units being judged stay within the memory budget
    // (or alone), so that two of the largest are not judged at once.
    std::vector<uint64_t> bytes(units.size());
    std::vector<size_t> by_size(units.size());
    for (size_t k = 0; k < units.size(); ++k) {
      bytes[k] = units[k].bytes;
      by_size[k] = k;
      judge_stats_.largest_unit_bytes =
          std::max(judge_stats_.largest_unit_bytes, bytes[k]);
    }
    std::stable_sort(by_size.begin(), by_size.end(),
                     [&](size_t a, size_t b) { return bytes[a] > bytes[b]; });
    std::mutex gate_mu;
    std::condition_variable gate_cv;
    uint64_t in_flight = 0;
    ParallelFor(units.size(), threads_, [&](size_t i) {
      const size_t k = by_size[i];
      {
        std::unique_lock<std::mutex> lock(gate_mu);
        gate_cv.wait(lock, [&] {
          return in_flight == 0 || in_flight + bytes[k] <= judge_bytes;
        });
        in_flight += bytes[k];
      }
      const std::string& path = units[k].path;
      std::vector<Claim> claims;
      {
        RecordReader r;
        errors[k] = r.Open(path);
        std::string rec;
        SpillCache cache;
        while (errors[k].ok() && r.Next(&rec)) {
          // After the bucket hash (see Add).
          if (rec.size() < sizeof(uint64_t) ||
              !DecodeClaim(absl::string_view(rec).substr(sizeof(uint64_t)),
                           &cache, &claims.emplace_back())) {
            errors[k] = absl::DataLossError(
                absl::StrCat("temporary file '", path, "' is corrupt"));
          }
        }
        if (errors[k].ok()) errors[k] = r.status();
      }
      std::error_code ec;
      std::filesystem::remove(path, ec);
      std::vector<Finding> findings;
      if (errors[k].ok()) {
        std::vector<size_t> slots;
        for (const Claim& c : claims) {
          auto it = slot.find(absl::string_view(c.doc_id));
          if (it != slot.end()) slots.push_back(it->second);
        }
        std::sort(slots.begin(), slots.end());
        slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
        // The shared table's documents, already in canonical order.
        std::vector<const DocumentInfo*> docs;
        docs.reserve(slots.size());
        for (size_t s : slots) docs.push_back(&(*infos)[s]);
        std::vector<const Claim*> ptrs;
        ptrs.reserve(claims.size());
        for (const Claim& c : claims) ptrs.push_back(&c);
        CanonicalClaimOrder(docs, &ptrs);
        findings = judge::JudgeClaimPtrs(ptrs, docs, group_config);
      }
      std::vector<Claim>().swap(claims);
      if (errors[k].ok()) {
        errors[k] = WriteRunFile(RunFile(first_run + k), findings);
      }
      std::vector<Finding>().swap(findings);
      // The bucket's claims and judging state, before the next bucket.
      ReleaseFreedMemory();
      {
        std::lock_guard<std::mutex> lock(gate_mu);
        in_flight -= bytes[k];
      }
      gate_cv.notify_all();
    });
    for (const absl::Status& e : errors) {
      if (status_.ok() && !e.ok()) status_ = e;
    }
  }
  if (!status_.ok()) return status_;

  // Merge the runs, each sorted, into report order. Ties between runs
  // (equal on every key) cannot happen, as different runs judge different
  // claims or kinds; the run index keeps the merge deterministic anyway.
  uint64_t num_findings = 0;
  {
    struct Head {
      Finding finding;
      size_t run;
    };
    std::vector<std::unique_ptr<RecordReader>> readers(runs_);
    std::vector<SpillCache> caches(runs_);
    std::vector<Head> heads(runs_);
    std::string rec;
    auto advance = [&](size_t r) -> bool {
      if (!readers[r]->Next(&rec)) {
        if (status_.ok()) status_ = readers[r]->status();
        return false;
      }
      if (!DecodeFinding(rec, &caches[r], &heads[r].finding)) {
        if (status_.ok()) {
          status_ = absl::DataLossError(
              absl::StrCat("temporary file '", RunFile(r), "' is corrupt"));
        }
        return false;
      }
      return true;
    };
    auto greater = [&](size_t a, size_t b) {
      if (ReportOrderLess(heads[b].finding, heads[a].finding)) return true;
      if (ReportOrderLess(heads[a].finding, heads[b].finding)) return false;
      return a > b;
    };
    std::priority_queue<size_t, std::vector<size_t>, decltype(greater)> queue(
        greater);
    for (size_t r = 0; r < runs_; ++r) {
      readers[r] = std::make_unique<RecordReader>();
      heads[r].run = r;
      if (!readers[r]->Open(RunFile(r), 1 << 14).ok()) {
        return readers[r]->status();
      }
      if (advance(r)) queue.push(r);
    }
    RecordWriter out;
    if (status_.ok()) status_ = out.Open(dir_->File("findings"), 1 << 20);
    while (status_.ok() && !queue.empty()) {
      const size_t r = queue.top();
      queue.pop();
      rec.clear();
      EncodeFinding(heads[r].finding, &rec);
      out.Add(rec);
      ++num_findings;
      if (advance(r)) queue.push(r);
    }
    if (status_.ok()) status_ = out.Close();
    for (size_t r = 0; r < runs_; ++r) {
      readers[r].reset();
      std::error_code ec;
      std::filesystem::remove(RunFile(r), ec);
    }
  }
  if (!status_.ok()) return status_;

  // Documents back into report order.
  {
    std::vector<DocumentInfo> back(n);
    for (size_t k = 0; k < n; ++k) back[order[k]] = std::move((*infos)[k]);
    infos->swap(back);
  }
  ReleaseFreedMemory();
  // Each info to its document: into a held one, or written to the infos
  // file, read back beside the documents file.
  {
    RecordWriter w;
    if (absl::Status s = w.Open(dir_->File("infos"), 1 << 16); !s.ok()) {
      return s;
    }
    std::string rec;
    size_t k = 0;
    for (DocumentRun& run : doc_runs_) {
      for (DocumentResult& d : run.held) {
        d.info = std::move((*infos)[k++]);
        DropDuplicateFacts(&d);
      }
      for (uint64_t i = 0; i < run.spilled; ++i) {
        rec.clear();
        EncodeDocumentInfo((*infos)[k++], &rec);
        w.Add(rec);
      }
    }
    if (absl::Status s = w.Close(); !s.ok()) return s;
  }
  std::vector<DocumentInfo>().swap(*infos);
  return std::shared_ptr<ResultStore>(
      new FileStore(std::move(dir_), std::move(doc_runs_), num_documents_,
                    num_claims_, num_findings));
}

}  // namespace crosscheck::pipeline
