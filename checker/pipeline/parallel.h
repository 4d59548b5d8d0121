// A deterministic parallel map: results land at their input's index, so the
// output never depends on the thread count or on scheduling.
//
//   std::vector<Out> outs(items.size());
//   ParallelFor(items.size(), threads, [&](size_t i) { outs[i] = F(items[i]);
//   });
#ifndef CROSSCHECK_CHECKER_PIPELINE_PARALLEL_H_
#define CROSSCHECK_CHECKER_PIPELINE_PARALLEL_H_

#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace crosscheck::pipeline {

// Number of worker threads for `requested` (0 = all cores).
int ResolveThreads(int requested);

// Calls fn(i) for every i in [0, n) on up to `threads` threads. Work is
// handed out one index at a time (documents vary wildly in size).
void ParallelFor(size_t n, int threads, const std::function<void(size_t)>& fn);

}  // namespace crosscheck::pipeline

#endif  // CROSSCHECK_CHECKER_PIPELINE_PARALLEL_H_
