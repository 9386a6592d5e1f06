# Handoff -- every entry point. `make help` lists them.
#
# Stage N is the kernel tangled from chapters 01..N. Sources are tangled into build/stageNN/src
# and built there; src/ at the top is the tangle of all chapters, committed for browsing.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
MAKEFLAGS += --no-print-directory

CHAPTERS := $(sort $(wildcard chapters/[0-9][0-9]-*.nw))
LAST_STAGE := $(words $(CHAPTERS))
STAGE ?= $(LAST_STAGE)
NN := $(shell printf %02d $(STAGE))
STAGE_CHAPTERS := $(wordlist 1,$(STAGE),$(CHAPTERS))
STAGEDIR := build/stage$(NN)
MEM ?= 128M
MACHINE ?= pc
CMDLINE ?=
EX ?= ch01-1

.DEFAULT_GOAL := stage
.PHONY: help stage all run test deps doctor tangle tangle-check qemu bochs qemu-gdb check \
	host-lib host-test bench book exercise check-exercise clean

help:
	@echo "Handoff: a book and a kernel in one source. Targets:"
	@echo "  make run                 install what is missing, build stage $(LAST_STAGE), boot it in QEMU"
	@echo "  make test                everything CI checks; ends with 'N passed, N failed'"
	@echo "  make STAGE=n             build one stage: build/stageNN/{kernel.elf,handoff.iso}"
	@echo "  make all                 build every stage"
	@echo "  make qemu STAGE=n [MEM=128M] [MACHINE=pc|q35] [CMDLINE=...]   boot it, serial on the terminal"
	@echo "  make bochs STAGE=n [MEM=128M] [CMDLINE=...]                  boot its GRUB ISO in Bochs"
	@echo "  make qemu-gdb STAGE=n    boot in QEMU and wait for gdb (run gdb in $(STAGEDIR))"
	@echo "  make check STAGE=n       the boot matrix of one stage, in QEMU and Bochs"
	@echo "  make host-test           the tests on the build machine, under ASan+UBSan and valgrind"
	@echo "  make bench               instructions per allocator operation vs. malloc: build/bench/report.md"
	@echo "  make book                build/book/html/index.html and build/book/handoff.pdf"
	@echo "  make exercise EX=chNN-M  start an exercise in work/chNN-M/"
	@echo "  make check-exercise EX=chNN-M   check your work on it"
	@echo "  make tangle              regenerate src/ from chapters/"
	@echo "  make tangle-check        fail if src/ is not what chapters/ tangle to"
	@echo "  make doctor              each tool and its version"
	@echo "  make clean               remove build/"

deps:
	@tools/deps.sh install

doctor:
	@tools/deps.sh doctor

# --- tangle and build -------------------------------------------------------------------------

# The kernel and its GRUB ISO; `make qemu` and `make qemu-gdb` alone boot the ELF (-kernel), so
# they skip the ISO (tools/boot.sh builds a fresh one itself whenever a boot wants the ISO).
# A stage's files compile one per core (each one's messages together), unless make was given a -j.
STAGE_GOALS := $(if $(filter-out qemu qemu-gdb,$(or $(MAKECMDGOALS),stage)),kernel iso,kernel)
STAGE_JOBS = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(shell nproc 2>/dev/null || echo 1) -Otarget)
stage:
	@tools/tangle.sh $(STAGEDIR)/src $(STAGE_CHAPTERS)
	@$(MAKE) -s $(STAGE_JOBS) -f tools/kernel.mk SRC=$(STAGEDIR)/src OUT=$(STAGEDIR) $(STAGE_GOALS)

all:
	@for n in $$(seq 1 $(LAST_STAGE)); do $(MAKE) -s STAGE=$$n; done

tangle:
	@tools/tangle.sh src $(CHAPTERS)

tangle-check:
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	tools/tangle.sh "$$tmp" $(CHAPTERS); \
	if ! diff -r src "$$tmp" >/dev/null; then \
		echo "tangle-check: src/ is stale; run 'make tangle' and commit src/:"; \
		diff -r src "$$tmp" | head -n 20; exit 1; \
	fi

# --- boot -------------------------------------------------------------------------------------

BOOT_OPTS = -m $(MEM) -M $(MACHINE) $(if $(CMDLINE),-c "$(CMDLINE)")

run: deps
	@$(MAKE) -s STAGE=$(LAST_STAGE)
	@tools/boot.sh -i -e qemu $(BOOT_OPTS) build/stage$(shell printf %02d $(LAST_STAGE))

qemu: stage
	@tools/boot.sh -i -e qemu $(BOOT_OPTS) $(STAGEDIR)

bochs: stage
	@tools/boot.sh -i -e bochs $(BOOT_OPTS) $(STAGEDIR)

qemu-gdb: stage
	@tools/boot.sh -g -e qemu $(BOOT_OPTS) $(STAGEDIR)

check: stage
	@tools/check.sh $(STAGE)

# --- tests on the build machine ---------------------------------------------------------------

# The host library alone (make bench links it), then the test programs on top of it.
host-lib:
	@tools/tangle.sh build/host/src $(CHAPTERS)
	@$(MAKE) -s -f tools/kernel.mk SRC=build/host/src OUT=build/host build/host/libhandoff.a
	@rm -rf build/host/include && cp -r build/host/src/include build/host/include

host-test: host-lib
	@$(MAKE) -s -f tools/kernel.mk SRC=build/host/src OUT=build/host host
	@echo "host-test: ASan+UBSan"; build/host/host-tests > build/host/asan.log 2>&1 || \
		{ cat build/host/asan.log; exit 1; }
	@grep -E '^(not ok|ok) ' build/host/asan.log | awk '{n[$$1]++} END {printf "  %d ok, %d not ok\n", n["ok"], n["not"]}'
	@echo "host-test: valgrind"; valgrind -q --error-exitcode=3 --leak-check=full \
		build/host/host-tests-plain > build/host/valgrind.log 2>&1 || \
		{ cat build/host/valgrind.log; exit 1; }
	@echo "host-test: passed (logs in build/host/)"

bench: host-lib
	@tools/bench/bench.sh

# --- the book, exercises, everything ----------------------------------------------------------

book:
	@tools/book.sh build/book

exercise:
	@tools/exercise.sh start $(EX)

check-exercise:
	@tools/exercise.sh check $(EX)

test: deps
	@tools/test.sh

clean:
	rm -rf build
