// Result<T>: a value or a ScriptError. The script layer returns failures as values and never throws
// them at callers, because a bad script is an everyday event, not an exceptional one.
#pragma once

#include <utility>
#include <variant>

#include "lua/script_error.h"

namespace formwork::script {

template <class T>
class Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
    Result(ScriptError error) : v_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    // Preconditions: ok() for value(), !ok() for error(); std::bad_variant_access otherwise.
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const ScriptError& error() const { return std::get<1>(v_); }

private:
    std::variant<T, ScriptError> v_;
};

}  // namespace formwork::script
