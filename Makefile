# Formwork: the two set-up commands are `make run` and `make test`; everything else is a step
# of them. Dependencies come only from Debian packages and are installed when missing.

BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# `make run` opens the shell on the sample database the build imports from samples/seeds.
RUN_ARGS ?= shell --db $(BUILD)/sample.db

# Every Debian package the build, the tests and the app need.
PACKAGES := cmake g++ make pkg-config \
	libsqlite3-dev libpq-dev postgresql postgresql-common catch2 libluajit-5.1-dev nlohmann-json3-dev \
	libimgui-dev libglfw3-dev libx11-dev libstb-dev libfontconfig-dev libxinerama1 libxcursor1 libxi6 \
	fonts-noto-cjk xvfb xauth xdotool xclip \
	libxlsxwriter-dev libcairo2-dev libpango1.0-dev poppler-utils unzip time \
	clang libclang-rt-14-dev \
	libzip-dev libpugixml-dev libgumbo-dev libjemalloc-dev \
	dpkg-dev desktop-file-utils sqlite3

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test package bench fuzz clean

deps:
	@missing=$$(for p in $(PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		echo "Installing missing packages:" $$missing; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

run: build
	./$(BUILD)/formwork $(RUN_ARGS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# The .deb (packaging/cpack.cmake): $(BUILD)/formwork_<version>_<arch>.deb, for
# `sudo apt install ./$(BUILD)/formwork_*.deb`. Its Depends come from dpkg-shlibdeps (dpkg-dev).
package: build
	cd $(BUILD) && cpack

# Benchmarks (bench/): a Release build of their own, then bench/run.sh prints the table.
# They print figures and never fail: a failing step is reported and make goes on.
BENCH_BUILD ?= build-bench
# Where the generated databases and logs go (kept between runs: generating 100k takes a while).
BENCH_WORK ?= /tmp/formwork-bench
bench: deps
	cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BENCH_BUILD) -j$(JOBS) --target formwork fw_bench_gen fw_bench_ref fw_bench_live fw_bench_ui fw_bench_batch
	-sh bench/run.sh $(BENCH_BUILD) $(BENCH_WORK)

# Fuzzing (tests/fuzz): each libFuzzer target for FUZZ_SECONDS (default 10 minutes) under ASan
# and UBSan, crashes kept in $(BUILD)/fuzz-findings/<target>/. `make test` runs them briefly.
FUZZ_SECONDS ?= 600
fuzz: build
	@for t in $$(sed -n 's/^set(FORMWORK_FUZZ_TARGETS \(.*\))/\1/p' tests/fuzz/fuzz_targets.cmake); do \
		echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
		sh tests/fuzz/run_fuzz.sh $(BUILD)/fuzz/tests/fuzz/fuzz_$$t tests/fuzz/corpus/$$t $(FUZZ_SECONDS) $(BUILD)/fuzz-findings/$$t/ || exit 1; \
	done

clean:
	rm -rf $(BUILD)
