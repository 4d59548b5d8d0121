#include <string>

#include "checker/segment/segment.h"
#include "gtest/gtest.h"
#include "tests/segment/test_util.h"

namespace crosscheck::segment {
namespace {

TEST(BoilerplateRules, ShippedFileLoads) {
  auto rules = BoilerplateRules::Load(testing::RulesPath());
  ASSERT_TRUE(rules.ok()) << rules.status();
  EXPECT_GE(rules->rules().size(), 40u);
}

TEST(BoilerplateRules, EveryExampleHolds) {
  auto rules = BoilerplateRules::Load(testing::RulesPath());
  ASSERT_TRUE(rules.ok()) << rules.status();
  for (const std::string& f : rules->CheckExamples()) ADD_FAILURE() << f;
  for (const BoilerplateRule& r : rules->rules()) {
    EXPECT_FALSE(r.description.empty()) << r.id;
    EXPECT_EQ(r.id.rfind("boilerplate.", 0), 0u) << r.id;
  }
}

}  // namespace
}  // namespace crosscheck::segment
