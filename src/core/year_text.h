// A year as filed in a form: "2024", "2024年", full-width digits "２０２４年", with the padding
// spaces Chinese documents carry. Used for 开始时间 / 完成时间 and a template's year field.
#pragma once

#include <optional>
#include <string_view>

namespace formwork {

// The year, or nullopt when the text is blank or anything but four digits and an optional 年
// (a range such as 2023-2025 or a date is not one year).
std::optional<int> parse_year(std::string_view text);

}  // namespace formwork
