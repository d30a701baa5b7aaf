# The two commands of the README: `make run` and `make test`.
# Everything else here is a convenience around CMake.

BUILD      ?= build
TEST_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
FUZZ_BUILD ?= build-fuzz
# seconds per fuzz target: `make fuzz` for a real run, `make test` a short one
FUZZ_SECONDS ?= 120
TEST_FUZZ_SECONDS ?= 10
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run test setup build build-asan build-tsan build-fuzz fuzz bench trials clean lint

run: build
	./$(BUILD)/guarantor plan

test: build-asan build-tsan build-fuzz
	cd $(TEST_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)
	cd $(TSAN_BUILD) && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  ctest --output-on-failure -j $(JOBS) -R '$(TSAN_TESTS)'
	tests/fuzz/run.sh $(FUZZ_BUILD) $(TEST_FUZZ_SECONDS)

# the threaded code under ThreadSanitizer: the simulation's threads and the
# service's thread pool (attacked, and two of its CLI cases); about 2 min
TSAN_TESTS = ^unit\.test_sim$$|^cli\.serve-(decisions|limits)$$|^attack\.(contention|sigterm|uploads|batch-rate|framing)$$

# libFuzzer targets (tests/fuzz/), built with clang, ASan and UBSan
fuzz: build-fuzz
	tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

setup:
	./scripts/setup-deps.sh

build: setup
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

build-asan: setup
	cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=Debug -DGT_SANITIZE=ON >/dev/null
	cmake --build $(TEST_BUILD) -j $(JOBS)

build-tsan: setup
	cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGT_TSAN=ON \
	  -DGT_WITH_WEB=OFF -DGT_WITH_MPI=OFF >/dev/null
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target guarantor-cli test_sim

build-fuzz: setup
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Debug -DGT_FUZZ=ON \
	  -DGT_WITH_WEB=OFF -DGT_WITH_MPI=OFF >/dev/null
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_targets

# every benchmark, then one table of them all beside their baselines
bench: export GT_BENCH_TABLE = $(CURDIR)/$(BUILD)/bench-table.tsv
bench: build
	rm -f $(GT_BENCH_TABLE)
	./$(BUILD)/bench_sizing
	./$(BUILD)/bench_forcegen
	./$(BUILD)/bench_air
	./$(BUILD)/bench_store
	./$(BUILD)/bench_correlate
	bench/correlate-postgis.sh $(BUILD)
	bench/http.sh $(BUILD)
	bench/http-pg.sh $(BUILD)
	bench/sim.sh $(BUILD)
	bench/table.sh $(GT_BENCH_TABLE)

# crash trials (bench/trials.sh): kill -9 the server, stop PostgreSQL under
# it, TRIALS times each; what was acknowledged is stored once. Not in `make
# test`: the default takes most of an hour on two cores.
TRIALS ?= 100
trials: build
	bench/trials.sh $(BUILD) $(TRIALS) $(TRIAL_KINDS)

lint:
	./scripts/lint.sh

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(FUZZ_BUILD) guarantor-out
