// Every value of a filing named by its place in a template: a field, a fixed row's cell by row
// id, a free row's cell by number, an indicator's part. Two versions of a template lay a
// filing out differently (a row inserted shifts the rows after it), so comparing a filing
// before and after a migration compares places, not cell paths (core/version_changes.h).
//
// Keys:  f/<field>                      a header field
//        t/<table>/<row id>/<column>    a fixed row's cell (a row past the template's: #<n>)
//        t/<table>/#<n>/<column>        a free row's or a spending plan's cell, rows from 0
//        i/<n>/l1 | l2 | name | t/<period> | x/<column>   an indicator's part
#pragma once

#include <string>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"
#include "core/lang.h"

namespace formwork {

struct PlacedValue {
    std::string key;
    std::string path;   // the cell path (core/filing_cells.h) the value is stored at
    std::string label;  // the place as the form prints it: "项目资金（万元） · 资金总额 · 全年预算数"
    // Where the place sits in the form, by position rather than id (block, row, column): a
    // value whose key changed but whose slot did not was renamed, not moved.
    std::string slot;
    std::string text;   // as filed, never empty
    bool known = true;  // false: the template has no such place (a stale field, an unknown row …)
};

// The non-blank values of `filing` in form order, named through `spec` (nullptr: ids only).
std::vector<PlacedValue> placed_values(const Filing& filing, const FormSpec* spec, Lang lang = Lang::Zh);

// The label of a key of `spec` (used for places a filing does not fill): ids where the
// template has no such place.
std::string place_label(const std::string& key, const FormSpec* spec, Lang lang = Lang::Zh);

}  // namespace formwork
