// Small helpers shared by the benchmark programs: a wall clock, medians and percentiles, peak
// RSS of this process, and the environment the scripts are loaded from.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace formwork::bench {

inline double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

double median(std::vector<double> v);
double percentile(std::vector<double> v, double p);  // p in [0, 100], nearest rank
long peak_rss_kb();                                  // VmHWM of this process
// Prints one result line the driver script parses: "RESULT <key> <value>".
void result(const std::string& key, double value);

}  // namespace formwork::bench
