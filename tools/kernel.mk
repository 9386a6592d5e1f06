# kernel.mk - build one tangled tree: the kernel (kernel.elf) or the host test program.
#
#   make -f tools/kernel.mk SRC=build/stage01/src OUT=build/stage01 kernel
#   make -f tools/kernel.mk SRC=build/stage01/src OUT=build/host/stage01 host
#
# Run from the directory that the chapters' #line paths are relative to (the repo root, or an
# exercise's working copy), so compiler messages and gdb find chapters/NN-name.nw (the
# compiler itself runs one level above SRC: see `compile` below). SRC/Kbuild,
# tangled from the chapters, lists the objects: kernel-y and kernel-test-y go into the kernel
# only, host-y into the host program only, lib-y and test-y into both.

SRC ?= $(error SRC= the tangled tree)
OUT ?= $(error OUT= the output directory)
# The chain of allocators (chapter 9): Kbuild chooses its objects by it, and the kernel names it
# in its first line (CHAIN_NAME). The host library is always the full chain's.
CHAIN ?= full
BOOTMEM ?= per-node
include $(SRC)/Kbuild

# The compiler runs in the directory above the tree (build/stageNN, an exercise copy's build/)
# and sees the tree as src/..., the same name wherever it lies; the #line names it prints are
# still chapters/NN-name.nw, relative to where make runs. The one absolute path an object would
# hold, that directory in its debug info, is mapped to "." -- in every build, cached or not.
# So every stage, every exercise proof's fresh copy and every clone compiles a file that is the
# same into the same object, and ccache (used when installed; CCACHE= turns it off) hits on it
# without the directory in its key (CCACHE_NOHASHDIR). A changed file misses and is compiled;
# every kernel is still linked from its own objects and booted. The dependency files name the
# tree as make sees it (src/ -> $(SRC)/, fixed after each compile).
SRC := $(patsubst %/,%,$(SRC))
TOP := $(patsubst %/,%,$(dir $(SRC)))
TREE := $(notdir $(SRC))
CCACHE ?= $(shell command -v ccache 2>/dev/null)
CC := $(if $(CCACHE),$(CCACHE) gcc,gcc)
GCC := gcc
LD := ld
export CCACHE_NOHASHDIR := 1
# compile FLAGS: $< into $@ from $(TOP), then its .d back into make's terms
compile = cd $(TOP) && $(CC) $(1) -c $(TREE)/$(patsubst $(SRC)/%,%,$<) -o $(abspath $@) && \
	sed -i -e 's!^$(abspath $@):!$@:!' -e 's!^$(TREE)/!$(SRC)/!' \
		-e 's! $(TREE)/! $(SRC)/!g' $(abspath $(@:.o=.d))
# Every function used across files is declared in a header (-Wmissing-prototypes); DWARF 4,
# because Debian 12's addr2line (binutils 2.40) names the tangled file, not the chapter, that
# a #line gives when it reads GCC 12's default DWARF 5.
WARN := -Wall -Wextra -Werror -Wno-unused-parameter -Wmissing-prototypes
COMMON := -std=gnu11 -gdwarf-4 -O2 -fno-omit-frame-pointer -fno-toplevel-reorder $(WARN) -MMD -MP \
	-fdebug-prefix-map=$(abspath $(TOP))=. -I$(TREE)/include -I$(TREE)/arch/x86/include
KERNEL_CFLAGS := $(COMMON) -m32 -mpreferred-stack-boundary=2 -ffreestanding -fno-builtin -fno-optimize-sibling-calls -fno-pic -fno-pie -fno-stack-protector \
	-mno-sse -mno-mmx -mno-80387 -fno-asynchronous-unwind-tables -D__KERNEL__
HOST_CFLAGS := $(COMMON) -DHOST_BUILD -fsanitize=address,undefined -fno-sanitize-recover=all
PLAIN_HOST_CFLAGS := $(COMMON) -DHOST_BUILD
LIBGCC := $(shell $(GCC) -m32 -print-libgcc-file-name)

kobj := $(addprefix $(OUT)/obj/,$(kernel-y) $(lib-y) $(test-y) $(kernel-test-y))
hshared := $(lib-y) $(test-y)
hobj := $(addprefix $(OUT)/asan/,$(hshared) $(host-y))
pobj := $(addprefix $(OUT)/plain/,$(hshared) $(host-y))

.PHONY: kernel host
kernel: $(OUT)/kernel.elf
host: $(OUT)/host-tests $(OUT)/host-tests-plain $(OUT)/libhandoff.a

$(OUT)/kernel.ld: $(SRC)/arch/x86/kernel.lds.S
	@mkdir -p $(@D)
	$(GCC) -m32 -E -P -x assembler-with-cpp -DLINKER_SCRIPT -Ui386 -I$(SRC)/include \
		-I$(SRC)/arch/x86/include $< -o $@

$(OUT)/kernel.elf: $(kobj) $(OUT)/kernel.ld
	$(LD) -m elf_i386 -nostdlib -z max-page-size=0x1000 --build-id=none --fatal-warnings \
		-T $(OUT)/kernel.ld -o $@ $(kobj) $(LIBGCC)

$(OUT)/obj/%.o: $(SRC)/%.c
	@mkdir -p $(@D)
	$(call compile,$(KERNEL_CFLAGS))
# The tests both builds share are unit tests: ktest=boot reports them skipped (chapter 1).
$(addprefix $(OUT)/obj/,$(test-y)): KERNEL_CFLAGS += -DKTEST_UNIT=1
# Only the stage table names the chain: every other object is the same in every variant.
$(OUT)/obj/kernel/stage.o: KERNEL_CFLAGS += -DCHAIN_NAME='"$(CHAIN)"'
$(OUT)/obj/%.o: $(SRC)/%.S
	@mkdir -p $(@D)
	$(call compile,$(KERNEL_CFLAGS) -D__ASSEMBLER__)

# The host program: the same test files, linked under ASan+UBSan, and once plain for valgrind.
# It is a native (64-bit) program: the kernels that run CI cannot always run 32-bit ones, and
# code that is right only when long is 32 bits wide is better found here than in chapter 9.
$(OUT)/host-tests: $(hobj)
	$(GCC) -fsanitize=address,undefined -o $@ $^
$(OUT)/host-tests-plain: $(pobj)
	$(GCC) -o $@ $^
$(OUT)/libhandoff.a: $(addprefix $(OUT)/plain/,$(lib-y))
	rm -f $@ && ar rcs $@ $^
$(OUT)/asan/%.o: $(SRC)/%.c
	@mkdir -p $(@D)
	$(call compile,$(HOST_CFLAGS))
$(OUT)/plain/%.o: $(SRC)/%.c
	@mkdir -p $(@D)
	$(call compile,$(PLAIN_HOST_CFLAGS))

-include $(shell find $(OUT) -name '*.d' 2>/dev/null)

# The GRUB ISO that Bochs (and `make qemu` with the ISO) boots; no command line of its own.
.PHONY: iso
iso: $(OUT)/handoff.iso
$(OUT)/handoff.iso: $(OUT)/kernel.elf tools/mkiso.sh
	tools/mkiso.sh $< $@
