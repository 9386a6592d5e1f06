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
# CHAIN=NAME (stage 9 on): which chain of allocators the kernel runs, chosen at build time as
# Linux's CONFIG_NO_BOOTMEM chose it; each variant builds into a directory of its own,
# build/stageNN-NAME (the full chain, the default, stays build/stageNN).
CHAINS := full no-bootmem early-kmalloc bootmem-over-kmalloc
CHAIN ?= full
ifneq ($(words $(CHAIN)),1)
$(error CHAIN must be one of: $(CHAINS))
endif
ifeq ($(filter $(CHAIN),$(CHAINS)),)
$(error CHAIN=$(CHAIN) is not a chain; CHAIN must be one of: $(CHAINS))
endif
ifneq ($(CHAIN),full)
ifeq ($(shell test $(STAGE) -ge 9 && echo yes),)
$(error CHAIN=$(CHAIN) needs STAGE=9 or later (chapter 9 makes the variants); stage $(STAGE) has only the full chain)
endif
endif
# BOOTMEM=NAME (stage 10 on): chapter 10's two bootmems, per-node (one bitmap per node, the
# default) or one-bitmap (one bitmap for every node, rootmem's), chosen the same way; stage 10
# builds on the full chain, so it takes BOOTMEM= and refuses CHAIN=.
BOOTMEMS := per-node one-bitmap
BOOTMEM ?= per-node
ifneq ($(words $(BOOTMEM)),1)
$(error BOOTMEM must be one of: $(BOOTMEMS))
endif
ifeq ($(filter $(BOOTMEM),$(BOOTMEMS)),)
$(error BOOTMEM=$(BOOTMEM) is not a bootmem; BOOTMEM must be one of: $(BOOTMEMS))
endif
STAGE_AT_LEAST = $(shell test $(STAGE) -ge $(1) && echo yes)
ifneq ($(BOOTMEM),per-node)
ifeq ($(call STAGE_AT_LEAST,10),)
$(error BOOTMEM=$(BOOTMEM) needs STAGE=10 or later (chapter 10 makes the two bootmems); stage $(STAGE) has one)
endif
endif
ifneq ($(CHAIN),full)
ifneq ($(call STAGE_AT_LEAST,10),)
$(error CHAIN=$(CHAIN) is chapter 9's: stage $(STAGE) builds on the full chain and varies bootmem instead (BOOTMEM=$(BOOTMEMS)); use STAGE=9 CHAIN=$(CHAIN))
endif
endif
# The variant's name, empty for the defaults: build/stageNN-VARIANT.
VARIANT := $(filter-out full,$(CHAIN))$(filter-out per-node,$(BOOTMEM))
STAGEDIR := build/stage$(NN)$(if $(VARIANT),-$(VARIANT))
MEM ?= 128M
MACHINE ?= pc
CMDLINE ?=
# NUMA=SIZES (make qemu, qemu-gdb; chapter 10): QEMU NUMA nodes in the SRAT, tools/boot.sh -N.
NUMA ?=
# An exercise named on the command line (or in the environment) is what make qemu, qemu-gdb and
# bochs boot; make exercise and check-exercise fall back to ch01-1.
EX_GIVEN := $(EX)
EX ?= ch01-1
# tools/exercise.sh prints paths relative to where make runs.
EXERCISE := HANDOFF_CWD=$(CURDIR) tools/exercise.sh

.DEFAULT_GOAL := stage
.PHONY: help stage all run test deps doctor tangle tangle-check qemu bochs qemu-gdb check \
	host-lib host-test bench book book-html book-check exercise check-exercise refresh-exercises clean \
	labs lab grade grade-all student-edition

help:
	@echo "Handoff: a book and a kernel in one source. Targets:"
	@echo "  make run                 install what is missing, build stage $(LAST_STAGE), boot it in QEMU"
	@echo "  make test                everything CI checks; ends with 'N passed, N failed'"
	@echo "  make STAGE=n             build one stage: build/stageNN/{kernel.elf,handoff.iso}"
	@echo "  make STAGE=9 CHAIN=NAME  a variant of stage 9: build/stage09-NAME/; NAME one of"
	@echo "                           $(CHAINS) (full, the default: build/stage09/);"
	@echo "                           qemu, bochs, qemu-gdb and check take CHAIN= too"
	@echo "  make STAGE=10 BOOTMEM=NAME  stage 10 (and later) with bootmem NAME: $(BOOTMEMS)"
	@echo "                           (per-node, the default: build/stage10/; one-bitmap: build/stage10-one-bitmap/);"
	@echo "                           qemu, bochs, qemu-gdb and check take BOOTMEM= too"
	@echo "  make all                 build every stage"
	@echo "  make qemu STAGE=n [MEM=128M] [MACHINE=pc|q35] [CMDLINE=...]   boot it, serial on the terminal"
	@echo "                           [NUMA=256M,256M]: NUMA nodes in the SRAT, one size each (0: no"
	@echo "                           memory), adding up to MEM (stage 10 on reads them)"
	@echo "  make bochs STAGE=n [MEM=128M] [CMDLINE=...]                  boot its GRUB ISO in Bochs"
	@echo "  make qemu-gdb STAGE=n    boot in QEMU and wait for gdb; in another terminal, from here:"
	@echo "                           gdb -x build/stageNN/.gdbinit   (STAGE=4: build/stage04/.gdbinit)"
	@echo "                           (plain gdb refuses a .gdbinit it finds: auto-load safe-path; -x is the way)"
	@echo "  make check STAGE=n       the boot matrix of one stage, in QEMU and Bochs"
	@echo "  make host-test           the tests on the build machine, under ASan+UBSan and valgrind"
	@echo "  make bench               instructions per allocator operation vs. malloc: build/bench/report.md"
	@echo "  make book                the web book (build/book/html/index.html, a page per chapter)"
	@echo "                           and build/book/handoff.pdf"
	@echo "  make book-html           the web book alone, no PDF: open build/book/html/index.html"
	@echo "  make book-check          the web book in Chromium: links, layout at 1280 and 400 px,"
	@echo "                           every stage booted in its chapter's page (after make book-html)"
	@echo "  make exercise EX=chNN-M  start an exercise in work/chNN-M/"
	@echo "  make check-exercise EX=chNN-M   check your work on it"
	@echo "  make qemu EX=chNN-M | qemu-gdb EX=chNN-M | bochs EX=chNN-M   boot your copy"
	@echo "                           (with gdb: gdb -x work/chNN-M/build/.gdbinit)"
	@echo "  make labs                the labs (labs/labN.lab) and their points"
	@echo "  make lab LAB=n           start every exercise of lab n (work/chNN-M/ each)"
	@echo "  make grade LAB=n         grade lab n in work/: a line per test, Score: X/Y last;"
	@echo "                           build/grade/labN.json and build/grade/labN.xml (JUnit)"
	@echo "  make grade-all DIR=d [LAB=n]   grade every submission in d (trees or git bundles),"
	@echo "                           two at a time: build/grade-all/labN.csv and labN-summary.txt"
	@echo "  make student-edition     build/student-edition/ (a git repository, no solutions) and .tar.gz"
	@echo "  make refresh-exercises   after a chapter edit: re-apply every exercise's patches, report"
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
	@$(MAKE) -s $(STAGE_JOBS) -f tools/kernel.mk SRC=$(STAGEDIR)/src OUT=$(STAGEDIR) CHAIN=$(CHAIN) \
		BOOTMEM=$(BOOTMEM) $(STAGE_GOALS)

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

BOOT_OPTS = -m $(MEM) -M $(MACHINE) $(if $(CMDLINE),-c "$(CMDLINE)") $(if $(NUMA),-N $(NUMA))

run: deps
	@$(MAKE) -s STAGE=$(LAST_STAGE)
	@tools/boot.sh -i -e qemu $(BOOT_OPTS) build/stage$(shell printf %02d $(LAST_STAGE))

ifeq ($(EX_GIVEN),)
qemu: stage
	@tools/boot.sh -i -e qemu $(BOOT_OPTS) $(STAGEDIR)

bochs: stage
	@tools/boot.sh -i -e bochs $(BOOT_OPTS) $(STAGEDIR)

qemu-gdb: stage
	@tools/boot.sh -g -e qemu $(BOOT_OPTS) $(STAGEDIR)
else
# An exercise's working copy, built as make check-exercise builds it (with the exercise's tests);
# only the options given here override the exercise's own (exercises/chNN/M/boot).
given = $(filter command line environment,$(origin $(1)))
EX_BOOT_OPTS = $(if $(call given,MEM),-m $(MEM)) $(if $(call given,MACHINE),-M $(MACHINE)) \
	$(if $(CMDLINE),-c "$(CMDLINE)")

qemu qemu-gdb bochs:
	@$(EXERCISE) $@ $(EX) $(EX_BOOT_OPTS)
endif

check: stage
	@tools/check.sh $(STAGE) $(or $(VARIANT),full)

# --- tests on the build machine ---------------------------------------------------------------

# The host library alone (make bench links it), then the test programs on top of it; then the
# test programs again for each variant that changes lib-y or test-y, in build/host-VARIANT/
# (the host library proper is always the default's): chapter 9's chains, tangled from chapters
# 1-9 (stage 10 builds on the full chain only), and chapter 10's one-bitmap bootmem, from all.
# Each variant: NAME:CHAPTERS:VARIABLE.
HOST_VARIANTS := $(if $(wordlist 9,99,$(CHAPTERS)),$(foreach c,no-bootmem early-kmalloc \
	bootmem-over-kmalloc,$(c):9:CHAIN)) $(if $(wordlist 10,99,$(CHAPTERS)),one-bitmap:99:BOOTMEM)
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
	@for v in $(HOST_VARIANTS); do IFS=: read -r c n var <<< "$$v"; d=build/host-$$c; \
		what="$$(echo $$var | tr A-Z a-z) $$c"; \
		tools/tangle.sh $$d/src $$(printf '%s\n' $(CHAPTERS) | head -n $$n); \
		$(MAKE) -s -f tools/kernel.mk SRC=$$d/src OUT=$$d $$var=$$c host; \
		echo "host-test ($$what): ASan+UBSan"; $$d/host-tests > $$d/asan.log 2>&1 || \
			{ cat $$d/asan.log; exit 1; }; \
		grep -E '^(not ok|ok) ' $$d/asan.log | awk '{n[$$1]++} END {printf "  %d ok, %d not ok\n", n["ok"], n["not"]}'; \
		echo "host-test ($$what): valgrind"; valgrind -q --error-exitcode=3 --leak-check=full \
			$$d/host-tests-plain > $$d/valgrind.log 2>&1 || { cat $$d/valgrind.log; exit 1; }; \
	done
	@echo "host-test: passed (logs in build/host/$(if $(strip $(HOST_VARIANTS)), and build/host-VARIANT/))"

bench: host-lib
	@tools/bench/bench.sh

# --- labs -------------------------------------------------------------------------------------

# The labs (labs/labN.lab): their list; a lab's working copies started; the grade of one in
# this tree's work/ copies; an instructor's grading of a directory of submissions; the
# repository a class works in.
labs:
	@python3 tools/grade.py list

lab:
	@[ -n "$(LAB)" ] || { echo "make lab: say which lab, e.g. make lab LAB=1 (make labs lists them)" >&2; exit 2; }
	@python3 tools/grade.py start $(LAB)

grade:
	@[ -n "$(LAB)" ] || { echo "make grade: say which lab, e.g. make grade LAB=1 (make labs lists them)" >&2; exit 2; }
	@python3 tools/grade.py grade $(LAB)

grade-all:
	@[ -n "$(DIR)" ] || { echo "make grade-all: say where the submissions are, e.g. make grade-all DIR=submissions [LAB=1]" >&2; exit 2; }
	@python3 tools/grade-all $(if $(LAB),--lab $(LAB)) $(DIR)

student-edition:
	@tools/student-edition build

# --- the book, exercises, everything ----------------------------------------------------------

book:
	@tools/book.sh build/book

book-html:
	@tools/book.sh --html build/book

book-check:
	@tools/web-test/run.sh build/book/html

exercise:
	@$(EXERCISE) start $(EX)

check-exercise:
	@$(EXERCISE) check $(EX)

refresh-exercises:
	@tools/refresh-exercises

test: deps
	@tools/test.sh

clean:
	rm -rf build
