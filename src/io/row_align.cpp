// Minimum-cost monotone alignment of a row's cells to its header's roles (see row_align.h):
// an edit-distance table over (cells, roles) where a cell either goes to the next role, or is
// left out, and a role may stay empty.
#include "io/row_align.h"

#include <cstdlib>
#include <limits>

namespace formwork::io {

std::vector<int> align_row(const std::vector<int>& cell_pos, const std::vector<AlignRole>& roles, const FitCost& fit) {
    const int n = static_cast<int>(cell_pos.size()), m = static_cast<int>(roles.size());
    constexpr int kInf = std::numeric_limits<int>::max() / 4;
    enum Step : unsigned char { kNone, kAssign, kSkipRole, kSkipCell };
    std::vector<std::vector<int>> cost(n + 1, std::vector<int>(m + 1, kInf));
    std::vector<std::vector<Step>> step(n + 1, std::vector<Step>(m + 1, kNone));
    cost[0][0] = 0;
    for (int i = 0; i <= n; ++i) {
        for (int j = 0; j <= m; ++j) {
            if (i == 0 && j == 0) continue;
            int best = kInf;
            Step how = kNone;
            // Ties go to assigning, then to leaving a role empty: a row in place stays in place.
            if (i > 0 && j > 0 && cost[i - 1][j - 1] < kInf) {
                const int shift = roles[j - 1].pos < 0 ? 0 : kShiftCost * std::abs(cell_pos[i - 1] - roles[j - 1].pos);
                const int c = cost[i - 1][j - 1] + fit(i - 1, j - 1) + shift;
                if (c < best) best = c, how = kAssign;
            }
            if (j > 0 && cost[i][j - 1] < best) best = cost[i][j - 1], how = kSkipRole;
            if (i > 0 && cost[i - 1][j] < kInf && cost[i - 1][j] + kUnplacedCost < best)
                best = cost[i - 1][j] + kUnplacedCost, how = kSkipCell;
            cost[i][j] = best;
            step[i][j] = how;
        }
    }
    std::vector<int> out(n, -1);
    for (int i = n, j = m; i > 0 || j > 0;) {
        switch (step[i][j]) {
            case kAssign: out[--i] = --j; break;
            case kSkipRole: --j; break;
            case kSkipCell: --i; break;
            case kNone: return out;
        }
    }
    return out;
}

}  // namespace formwork::io
