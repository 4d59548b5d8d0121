// Huge pages for the large arrays of alignment and judgment.
//
// A million claims give arrays of several megabytes (per-claim indices,
// groups, findings) that are written once, front to back or at random. On
// first touch every 4 KiB page costs a page fault, and faults, not the
// writes, dominate filling fresh memory (under virtualization a fault costs
// microseconds). Asking for transparent huge pages on such an array, before
// it is first written, takes one fault per 2 MiB instead. It is only advice:
// where the kernel does not give huge pages the array works as before.
#ifndef CROSSCHECK_CHECKER_ALIGN_HUGE_PAGES_H_
#define CROSSCHECK_CHECKER_ALIGN_HUGE_PAGES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace crosscheck::align {

// Advises huge pages for the whole 2 MiB pages inside [data, data + bytes).
// Smaller ranges hold none and are left alone.
inline void AdviseHugePages(const void* data, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  const uintptr_t from = reinterpret_cast<uintptr_t>(data);
  const uintptr_t begin = (from + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t end = (from + bytes) & ~(kHuge - 1);
  if (end > begin) {
    // Advice only: a kernel without transparent huge pages says no, and
    // the memory then works with small pages.
    (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  }
#else
  (void)data, (void)bytes;
#endif
}

// Reserves room for `n` elements in an empty `v` and advises huge pages for
// it, before anything is written.
template <typename T>
void ReserveHuge(std::vector<T>* v, size_t n) {
  v->reserve(n);
  AdviseHugePages(v->data(), v->capacity() * sizeof(T));
}

// An array of `n` copies of `value` on huge pages where possible.
template <typename T>
std::vector<T> HugeArray(size_t n, const T& value = T()) {
  std::vector<T> v;
  ReserveHuge(&v, n);
  v.assign(n, value);
  return v;
}

}  // namespace crosscheck::align

#endif  // CROSSCHECK_CHECKER_ALIGN_HUGE_PAGES_H_
