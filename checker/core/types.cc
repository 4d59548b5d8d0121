#include "checker/core/types.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_set.h"
#include "absl/synchronization/mutex.h"

namespace crosscheck {

// GCC constant-initializes it (std::string's default constructor is
// constexpr), so Symbols made during static initialization of other files
// read as "". Not `constinit`: clang rejects that for libstdc++'s string.
const std::string Symbol::kEmpty;

Symbol::Symbol(absl::string_view s) {
  if (s.empty()) return;
  // A per-thread cache in front of one locked table: extraction threads
  // intern the same few thousand words over and over.
  thread_local absl::flat_hash_map<absl::string_view, const std::string*> cache;
  if (auto it = cache.find(s); it != cache.end()) {
    s_ = it->second;
    return;
  }
  static absl::Mutex mu(absl::kConstInit);
  static absl::node_hash_set<std::string>* table ABSL_GUARDED_BY(mu) =
      new absl::node_hash_set<std::string>;
  {
    absl::MutexLock lock(&mu);
    s_ = &*table->emplace(s).first;  // nodes never move
  }
  cache.emplace(*s_, s_);
}

SharedString::SharedString(absl::string_view s) {
  if (s.empty()) return;
  void* mem = ::operator new(sizeof(Rep) + s.size());
  rep_ = new (mem) Rep;
  rep_->refs.store(1, std::memory_order_relaxed);
  rep_->size = static_cast<uint32_t>(s.size());
  std::memcpy(rep_->data, s.data(), s.size());
}

void SharedString::Ref() const {
  if (rep_) rep_->refs.fetch_add(1, std::memory_order_relaxed);
}

void SharedString::Unref() {
  if (rep_ && rep_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    rep_->~Rep();
    ::operator delete(rep_);
  }
  rep_ = nullptr;
}

namespace {

template <typename E, size_t N>
absl::string_view NameOf(
    const std::array<std::pair<E, absl::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "unknown";
}

template <typename E, size_t N>
std::optional<E> Parse(
    const std::array<std::pair<E, absl::string_view>, N>& table,
    absl::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<Severity, absl::string_view>, 3> kSeverities{{
    {Severity::kInfo, "info"},
    {Severity::kWarning, "warning"},
    {Severity::kError, "error"},
}};

constexpr std::array<std::pair<BlockKind, absl::string_view>, 7> kBlockKinds{{
    {BlockKind::kLine, "line"},
    {BlockKind::kTitle, "title"},
    {BlockKind::kHeading, "heading"},
    {BlockKind::kParagraph, "paragraph"},
    {BlockKind::kListItem, "list-item"},
    {BlockKind::kTableRow, "table-row"},
    {BlockKind::kOther, "other"},
}};

constexpr std::array<std::pair<SegmentKind, absl::string_view>, 5>
    kSegmentKinds{{
        {SegmentKind::kTitle, "title"},
        {SegmentKind::kHeading, "heading"},
        {SegmentKind::kParagraph, "paragraph"},
        {SegmentKind::kListItem, "list-item"},
        {SegmentKind::kTableRow, "table-row"},
    }};

constexpr std::array<std::pair<MentionKind, absl::string_view>, 9>
    kMentionKinds{{
        {MentionKind::kNumber, "number"},
        {MentionKind::kMoney, "money"},
        {MentionKind::kPercent, "percent"},
        {MentionKind::kQuantity, "quantity"},
        {MentionKind::kDate, "date"},
        {MentionKind::kDuration, "duration"},
        {MentionKind::kStatus, "status"},
        {MentionKind::kEvent, "event"},
        {MentionKind::kDisclaimer, "disclaimer"},
    }};

constexpr std::array<std::pair<Granularity, absl::string_view>, 7>
    kGranularities{{
        {Granularity::kDay, "day"},
        {Granularity::kWeek, "week"},
        {Granularity::kMonth, "month"},
        {Granularity::kQuarter, "quarter"},
        {Granularity::kHalf, "half"},
        {Granularity::kYear, "year"},
        {Granularity::kDecade, "decade"},
    }};

constexpr std::array<std::pair<Measure, absl::string_view>, 7> kMeasures{{
    {Measure::kLevel, "level"},
    {Measure::kChange, "change"},
    {Measure::kShare, "share"},
    {Measure::kRank, "rank"},
    {Measure::kCount, "count"},
    {Measure::kEventDate, "event-date"},
    {Measure::kStatus, "status"},
}};

constexpr std::array<std::pair<Modality, absl::string_view>, 4> kModalities{{
    {Modality::kPast, "past"},
    {Modality::kPresent, "present"},
    {Modality::kFuture, "future"},
    {Modality::kHedged, "hedged"},
}};

}  // namespace

absl::string_view SeverityName(Severity s) { return NameOf(kSeverities, s); }
std::optional<Severity> ParseSeverity(absl::string_view name) {
  return Parse(kSeverities, name);
}
absl::string_view BlockKindName(BlockKind k) { return NameOf(kBlockKinds, k); }
absl::string_view SegmentKindName(SegmentKind k) {
  return NameOf(kSegmentKinds, k);
}
absl::string_view MentionKindName(MentionKind k) {
  return NameOf(kMentionKinds, k);
}
std::optional<MentionKind> ParseMentionKind(absl::string_view name) {
  return Parse(kMentionKinds, name);
}
absl::string_view GranularityName(Granularity g) {
  return NameOf(kGranularities, g);
}
absl::string_view MeasureName(Measure m) { return NameOf(kMeasures, m); }
std::optional<Measure> ParseMeasure(absl::string_view name) {
  return Parse(kMeasures, name);
}
absl::string_view ModalityName(Modality m) { return NameOf(kModalities, m); }
std::optional<Modality> ParseModality(absl::string_view name) {
  return Parse(kModalities, name);
}

absl::string_view Document::Quote(Span span) const {
  uint32_t b = std::min<uint32_t>(span.begin, original.size());
  uint32_t e = std::clamp<uint32_t>(span.end, b, original.size());
  return absl::string_view(original).substr(b, e - b);
}

// ---------------------------------------------------------------------------
// InlineString.

void InlineString::Set(absl::string_view s) {
  size_ = static_cast<uint32_t>(s.size());
  char* to = buf_;
  if (s.size() > kInline) to = heap_ = new char[s.size() + 1];
  if (!s.empty()) std::memcpy(to, s.data(), s.size());
  to[s.size()] = '\0';
}

// ---------------------------------------------------------------------------
// EvidenceList.

EvidenceList::EvidenceList(std::initializer_list<Evidence> entries) {
  Grow(entries.size());
  for (const Evidence& e : entries) push_back(e);
}

EvidenceList::EvidenceList(const EvidenceList& o) {
  Grow(o.size_);
  std::uninitialized_copy(o.begin(), o.end(), data_);
  size_ = o.size_;
}

EvidenceList::EvidenceList(EvidenceList&& o) noexcept
    : data_(std::exchange(o.data_, nullptr)),
      size_(std::exchange(o.size_, 0)),
      capacity_(std::exchange(o.capacity_, 0)),
      block_(std::move(o.block_)) {}

EvidenceList& EvidenceList::operator=(const EvidenceList& o) {
  if (this != &o) *this = EvidenceList(o);
  return *this;
}

EvidenceList& EvidenceList::operator=(EvidenceList&& o) noexcept {
  if (this != &o) {
    Release();
    data_ = std::exchange(o.data_, nullptr);
    size_ = std::exchange(o.size_, 0);
    capacity_ = std::exchange(o.capacity_, 0);
    block_ = std::move(o.block_);
  }
  return *this;
}

EvidenceList EvidenceList::Slice(std::shared_ptr<void> block, Evidence* data,
                                 size_t n) {
  EvidenceList out;
  if (n == 0) return out;
  out.data_ = data;
  out.size_ = static_cast<uint32_t>(n);
  out.block_ = std::move(block);
  return out;
}

Evidence& EvidenceList::at(size_t i) {
  if (i >= size_) throw std::out_of_range("EvidenceList::at");
  return data_[i];
}

const Evidence& EvidenceList::at(size_t i) const {
  if (i >= size_) throw std::out_of_range("EvidenceList::at");
  return data_[i];
}

void EvidenceList::push_back(const Evidence& e) {
  if (block_ || size_ == capacity_) {
    Evidence copy = e;  // `e` may be one of ours, moved by Grow
    Grow(std::max<size_t>(size_ + 1, 2 * size_t{capacity_}));
    new (data_ + size_) Evidence(std::move(copy));
  } else {
    new (data_ + size_) Evidence(e);
  }
  ++size_;
}

void EvidenceList::push_back(Evidence&& e) {
  if (block_ || size_ == capacity_) {
    Evidence moved = std::move(e);
    Grow(std::max<size_t>(size_ + 1, 2 * size_t{capacity_}));
    new (data_ + size_) Evidence(std::move(moved));
  } else {
    new (data_ + size_) Evidence(std::move(e));
  }
  ++size_;
}

void EvidenceList::reserve(size_t n) {
  if (n > capacity_ || block_) Grow(std::max<size_t>(n, size_));
}

void EvidenceList::resize(size_t n) {
  if (n <= size_) {
    // A slice's entries belong to its block, which destroys them.
    if (!block_) std::destroy(data_ + n, data_ + size_);
    size_ = static_cast<uint32_t>(n);
    if (n == 0) Release();
    return;
  }
  if (block_ || n > capacity_) Grow(std::max<size_t>(n, 2 * size_t{capacity_}));
  std::uninitialized_value_construct(data_ + size_, data_ + n);
  size_ = static_cast<uint32_t>(n);
}

void EvidenceList::clear() { resize(0); }

void EvidenceList::Grow(size_t n) {
  if (n < size_) n = size_;
  if (n == 0) {
    Release();
    return;
  }
  Evidence* fresh = std::allocator<Evidence>().allocate(n);
  std::uninitialized_move(data_, data_ + size_, fresh);
  const uint32_t size = size_;
  Release();
  data_ = fresh;
  size_ = size;
  capacity_ = static_cast<uint32_t>(n);
}

void EvidenceList::Release() {
  if (block_) {
    block_.reset();
  } else if (data_ != nullptr) {
    std::destroy(data_, data_ + size_);
    std::allocator<Evidence>().deallocate(data_, capacity_);
  }
  data_ = nullptr;
  size_ = 0;
  capacity_ = 0;
}

}  // namespace crosscheck
