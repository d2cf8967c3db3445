// The store's timestamp text (see store_clock.h).
#include "store/store_clock.h"

#include <chrono>
#include <ctime>

namespace formwork::store {

std::string now_iso() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace formwork::store
