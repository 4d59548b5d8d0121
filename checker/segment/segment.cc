// SegmentDocument: structure first, then the per-document boilerplate
// signals (which need the whole segment list), then heading context.
#include "checker/segment/segment.h"

#include <string>
#include <vector>

#include "checker/segment/internal.h"

namespace crosscheck::segment {

SegmentedDocument SegmentDocument(const Document& doc,
                                  const BoilerplateRules& rules) {
  SegmentedDocument out;
  out.doc = &doc;
  std::vector<std::string> hints;
  internal::BuildSegments(doc, &out.segments, &hints);
  internal::MarkDocumentBoilerplate(rules, hints, &out.segments);
  return out;
}

}  // namespace crosscheck::segment
