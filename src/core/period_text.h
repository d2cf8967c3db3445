// A project period printed in one cell, split into its start and end as printed:
// "2019-2021" → 2019 / 2021, "2023.07-2024.01" → 2023.07 / 2024.01, "2023年1月-12月" →
// 2023年1月 / 2023年12月 (the end takes the start's year), "2020年1月--2020年11月", "2021年至2023年".
// A duration ("3年") or a single date is not a period.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace formwork {

struct PeriodParts {
    std::string start;
    std::string end;
    int start_year = 0;
    int end_year = 0;
};

std::optional<PeriodParts> split_period(std::string_view text);

}  // namespace formwork
