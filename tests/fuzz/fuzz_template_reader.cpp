// Fuzz target: a template file's source through the sandbox and the template reader
// (formwork lint, the templates folder). Any source gives a template or errors, within the
// script limits.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lua/script_host.h"
#include "templates/template_registry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static formwork::script::ScriptHost host([] {
        formwork::script::HostOptions o;
        o.time_limit = std::chrono::milliseconds(50);  // keeps a slow input well under libFuzzer's timeout
        return o;
    }());
    const std::string source(reinterpret_cast<const char*>(data), size);
    (void)formwork::script::load_template_source(host, "fuzz.lua", source);
    host.collect_garbage();
    return 0;
}
