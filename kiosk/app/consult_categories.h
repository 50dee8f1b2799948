#pragma once
// The consultation categories a kiosk offers its visitors and logs under:
// the ten defaults, as the content package names them, then as the hall's
// configuration does. The hall's own file has the last word.

#include <vector>

#include "content/package.h"
#include "records/categories.h"

namespace kiosk::app {

// The defaults with the package's "consultation" block applied (none: a null
// package or one without the block), then `configured`: what the
// configuration's [[consultation.category]] set, field by field.
records::Categories consult_categories(const std::vector<records::CategoryChange>& configured,
                                       const content::Package* package);

}  // namespace kiosk::app
