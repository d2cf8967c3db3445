// The languages of user-facing text. Chinese is the default everywhere; English is an option.
#pragma once

namespace formwork {

enum class Lang { Zh, En };

}  // namespace formwork
