// EvidenceList: a finding's evidence, owned or a slice of a shared block.
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "checker/core/types.h"
#include "gtest/gtest.h"

namespace crosscheck {
namespace {

Evidence Entry(const std::string& claim_id) {
  Evidence e;
  e.doc_id = "doc";
  e.claim_id = claim_id;
  // Longer than any short-string buffer: copies and moves must carry it.
  e.quote = claim_id + " quoted at some length, well past sixteen bytes";
  return e;
}

std::vector<std::string> Ids(const EvidenceList& l) {
  std::vector<std::string> out;
  for (const Evidence& e : l) out.push_back(e.claim_id);
  return out;
}

// A block of `n` entries "b0".."b<n-1>", held only by the returned lists.
std::shared_ptr<std::vector<Evidence>> Block(size_t n) {
  auto block = std::make_shared<std::vector<Evidence>>();
  for (size_t i = 0; i < n; ++i) {
    block->push_back(Entry("b" + std::to_string(i)));
  }
  return block;
}

TEST(EvidenceListTest, GrowsLikeAVector) {
  EvidenceList l;
  EXPECT_TRUE(l.empty());
  for (int i = 0; i < 20; ++i) l.push_back(Entry("c" + std::to_string(i)));
  ASSERT_EQ(l.size(), 20u);
  EXPECT_EQ(l.front().claim_id, "c0");
  EXPECT_EQ(l.back().claim_id, "c19");
  EXPECT_EQ(l[7].quote, Entry("c7").quote);
  EXPECT_THROW(l.at(20), std::out_of_range);
  l.resize(3);
  EXPECT_EQ(Ids(l), (std::vector<std::string>{"c0", "c1", "c2"}));
  l.resize(5);
  EXPECT_EQ(l.size(), 5u);
  EXPECT_TRUE(l[4].claim_id.empty());
  l.clear();
  EXPECT_TRUE(l.empty());
}

TEST(EvidenceListTest, PushingOneOfItsOwnEntriesCopiesItFirst) {
  EvidenceList l = {Entry("a")};
  for (int i = 0; i < 6; ++i) l.push_back(l.front());  // may reallocate
  ASSERT_EQ(l.size(), 7u);
  for (const Evidence& e : l) EXPECT_EQ(e.quote, Entry("a").quote);
}

TEST(EvidenceListTest, CopiesAreIndependent) {
  EvidenceList a = {Entry("x"), Entry("y")};
  EvidenceList b = a;
  b[0].claim_id = "changed";
  EXPECT_EQ(a[0].claim_id, "x");
  EvidenceList c;
  c = b;
  EXPECT_EQ(Ids(c), (std::vector<std::string>{"changed", "y"}));
  EvidenceList d = std::move(c);
  EXPECT_TRUE(c.empty());  // NOLINT(bugprone-use-after-move): moved-from
  EXPECT_EQ(Ids(d), Ids(b));
}

TEST(EvidenceListTest, SlicesShareTheBlockAndOutliveOtherHolders) {
  auto block = Block(5);
  EvidenceList first = EvidenceList::Slice(block, block->data(), 2);
  EvidenceList second = EvidenceList::Slice(block, block->data() + 2, 3);
  EXPECT_EQ(first.data(), block->data());  // no copy
  std::weak_ptr<std::vector<Evidence>> alive = block;
  block.reset();
  EXPECT_FALSE(alive.expired());  // the slices keep it
  EXPECT_EQ(Ids(first), (std::vector<std::string>{"b0", "b1"}));
  EXPECT_EQ(Ids(second), (std::vector<std::string>{"b2", "b3", "b4"}));
  first[1].claim_id = "edited";  // in place: the slice is first's alone
  EXPECT_EQ(alive.lock()->at(1).claim_id, "edited");
  first = EvidenceList();
  EXPECT_FALSE(alive.expired());
  second.clear();
  EXPECT_TRUE(alive.expired());
}

TEST(EvidenceListTest, CopyingOrGrowingASliceLeavesTheBlockAlone) {
  auto block = Block(3);
  EvidenceList s = EvidenceList::Slice(block, block->data(), 2);
  EvidenceList copy = s;
  EXPECT_NE(copy.data(), s.data());
  copy[0].claim_id = "copy";
  EXPECT_EQ((*block)[0].claim_id, "b0");
  s.push_back(Entry("extra"));  // moves out: must not overwrite "b2"
  EXPECT_EQ(Ids(s), (std::vector<std::string>{"b0", "b1", "extra"}));
  EXPECT_EQ((*block)[2].claim_id, "b2");
  EXPECT_EQ(block.use_count(), 1);  // s no longer holds it
  EXPECT_EQ(s[1].quote, Entry("b1").quote);
}

TEST(EvidenceListTest, ShrinkingASliceKeepsItsFirstEntries) {
  auto block = Block(4);
  EvidenceList s = EvidenceList::Slice(block, block->data() + 1, 3);
  s.resize(2);
  EXPECT_EQ(Ids(s), (std::vector<std::string>{"b1", "b2"}));
  EXPECT_TRUE(EvidenceList::Slice(block, block->data(), 0).empty());
}

}  // namespace
}  // namespace crosscheck
