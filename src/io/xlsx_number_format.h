// Excel number formats: the text a cell shows for its number, as Excel (zh-CN) displays it.
// A filing's numbers must reach the importer as the person saw them: 557.5599999999994 under
// "0.00" is "557.56", 0.45 under "0%" is "45%", serial 45108 under yyyy"年"m"月"d"日" is
// "2023年7月1日". Rounding works on decimal digits, never by printing binary doubles.
//
// Supported: General; digit placeholders 0 # ? with decimals, thousands separators, scaling
// commas, percent, scientific (one integer digit); literals ("…", \x, _x, currency [$…-…]);
// colours; up to four sections (positive;negative;zero;text); dates and times (y m d h mm s,
// AM/PM, 上午/下午, aaa/aaaa weekdays, [h] [m] [s], fractional seconds), 1900 and 1904 systems.
// Not supported, shown as General instead: conditions ([>100]), fractions (# ?/?), [DBNum]
// Chinese numerals, other scripts' calendars, engineering notation (##0.0E+0), codes longer
// than Excel allows.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace formwork::io::xlsx {

class NumberFormat {
public:
    explicit NumberFormat(std::string_view code);
    ~NumberFormat();
    NumberFormat(const NumberFormat&) = delete;
    NumberFormat& operator=(const NumberFormat&) = delete;

    static const NumberFormat& general();

    bool is_general() const;
    bool is_date() const;  // the first section shows a date or time

    // The displayed text of `value`. `date1904`: the workbook counts days from 1904-01-01.
    std::string format(double value, bool date1904 = false) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The code of a builtin number format id (0–58) as zh-CN Excel shows it (id 14 is yyyy/m/d),
// or an empty view for an id without a builtin code.
std::string_view builtin_format_code(int id);

// General: integers plainly, other numbers with up to 11 significant digits.
std::string format_general(double value);

}  // namespace formwork::io::xlsx
