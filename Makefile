# The two commands: `make demo` and `make test`. Everything else is optional.
BUILD ?= build
JOBS ?= $(shell nproc)
SHARED ?= ../shared
FUZZ_SECONDS ?= 60
DEPS_FLAGS ?=

.PHONY: all deps build demo test eval bench fuzz clean

all: build

deps:
	@scripts/install-deps $(DEPS_FLAGS)

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@$(BUILD)/crosscheck brief examples/chechnya-2017

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(if $(CI),10,$(FUZZ_SECONDS)) FUZZ_QUIET=1

eval: build
	@scripts/eval-all $(SHARED)

bench: build
	@scripts/install-deps --bench
	@bench/run-all $(SHARED)

# libFuzzer (clang): each target runs FUZZ_SECONDS on its seed corpus in fuzz/corpus/<name>.
fuzz: deps
	@CC=clang CXX=clang++ cmake -S . -B $(BUILD)-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCROSSCHECK_FUZZ=ON -DCROSSCHECK_BENCH=OFF \
	  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" >/dev/null
	@cmake --build $(BUILD)-fuzz -j $(JOBS) $(addprefix --target ,$(notdir $(basename $(wildcard fuzz/*_fuzzer.cpp)))) >/dev/null
	@scripts/run-fuzzers $(BUILD)-fuzz $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(BUILD)-fuzz
