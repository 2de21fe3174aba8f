// quotes/post_finder.h: embedded social-media posts (private to quotes/).
// News pages that embed a tweet keep its text followed by
// "— Name (@handle) Month D, YYYY". Each becomes a Quote of kind "post"
// whose content runs from the paragraph start (or the previous post's end).
#pragma once
#include <vector>

#include "core/document.h"
#include "quotes/quote_context.h"

namespace crosscheck::quotes {

// Posts in text order. covered[i] is set for tokens a post uses.
std::vector<Quote> FindPosts(const QuoteContext& c, std::vector<bool>* covered);

}  // namespace crosscheck::quotes
