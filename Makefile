# nervure: two commands on a fresh machine, `make demo` and `make test`.
# Everything they need is installed by scripts/setup.sh (idempotent).

BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all setup build test test-cpp test-sanitize fuzz demo bench clean

all: build

setup:
	@scripts/setup.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS)

build: setup $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Runs every suite that exists (C++, Python, Node, Java, Go) and prints one total.
test: build
	@scripts/run-tests.sh

test-cpp: build
	@scripts/run-tests.sh cpp

# ASan+UBSan, then TSan builds of the C++ suites.
test-sanitize: setup
	@scripts/sanitize.sh

fuzz: setup
	@scripts/fuzz.sh

demo: build
	@scripts/demo.sh

# The benchmarks need the CLI and the libraries the packages link, not the test suites.
BENCH_TARGETS = nervure nervure_prebuilt_core nervure_static_bundle nervure_c

bench: setup $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS) --target $(BENCH_TARGETS)
	@scripts/bench.sh

clean:
	rm -rf $(BUILD_DIR)
