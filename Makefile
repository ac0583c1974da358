# stegvis: build, run, test, install. `make run` and `make check` install missing Debian
# packages first (see `deps`).
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/stegvis
MANDIR = $(PREFIX)/share/man/man1
MAN5DIR = $(PREFIX)/share/man/man5
LOCALEDIR = $(PREFIX)/share/locale

PKGS = ncursesw libxml-2.0 nettle cairo pangocairo fontconfig
CC ?= cc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) sqlite3 libqpdf 2>/dev/null)
# SQLite and qpdf are linked in from their static libraries where these exist (Debian's
# libsqlite3-dev and libqpdf-dev have them; SQLite's is built with the same options as the
# shared one), as SQLite itself recommends. Every start of the program paid for the shared
# ones before main: 1,600 and 1,900 symbol bindings by the dynamic loader (qpdf's library is
# bound at load, its C++ calls into libstdc++ included), about 3 ms of a letter's time.
# qpdf's own dependencies stay shared (its .pc leaves GnuTLS out).
static_a = $(wildcard $(shell pkg-config --variable=libdir $(1) 2>/dev/null)/lib$(2).a)
SQLITE_A := $(call static_a,sqlite3,sqlite3)
QPDF_A := $(call static_a,libqpdf,qpdf)
SQLITE_LIBS := $(if $(SQLITE_A),$(SQLITE_A) -lm,$(shell pkg-config --libs sqlite3 2>/dev/null))
QPDF_LIBS := $(if $(QPDF_A),$(QPDF_A) -ljpeg -lz -lgnutls -lstdc++,$(shell pkg-config --libs libqpdf 2>/dev/null))
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(QPDF_LIBS) $(SQLITE_LIBS) -lunistring
CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null)
WARN = -Wall -Wextra -Werror -Wno-missing-field-initializers
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(PKG_CFLAGS) \
    -DSV_DATADIR='"$(DATADIR)"' -DSV_LOCALEDIR='"$(LOCALEDIR)"'
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

B = build
# core/identity.c is built twice: as shipped (identity from the real uid only) and with
# -DSV_TEST_IDENTITY for the test-only builds (STEGVIS_USER, sv_test_set_login).
ID_SRC = core/identity.c
LIB_SRC := $(filter-out $(ID_SRC),$(wildcard core/*.c)) $(wildcard forms/*.c) $(ID_SRC)
CLI_SRC := $(wildcard cli/*.c)
TUI_SRC := $(wildcard tui/*.c)
APP_SRC := $(CLI_SRC) $(TUI_SRC)
# Each tests/unit/test_*.c is its own Check program (its own main), so suites can be added
# without touching a shared list.
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
UNIT_SAN := $(UNIT_SRC:tests/unit/%.c=$(B)/san/tests/%)
# Stress programs (tests/stress/*.c), each its own main, linked like the unit tests.
STRESS_SRC := $(wildcard tests/stress/*.c)
STRESS_BIN := $(STRESS_SRC:tests/stress/%.c=$(B)/stress/%)
# The fuzz harnesses replayed over their seeds and past findings by a plain driver (no clang).
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_REPLAY := $(FUZZ_SRC:tests/fuzz/fuzz_%.c=$(B)/san/fuzz/%)
HDRS := $(wildcard core/*.h forms/*.h cli/*.h tui/*.h)

LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
APP_OBJ := $(APP_SRC:%.c=$(B)/%.o)
# Test-only: the same objects with the test identity. The sanitizer build is test-only too.
TLIB_OBJ := $(filter-out $(B)/core/identity.o,$(LIB_OBJ)) $(B)/test/identity.o
SLIB_OBJ := $(LIB_SRC:%.c=$(B)/san/%.o)
SAPP_OBJ := $(APP_SRC:%.c=$(B)/san/%.o)

# What building and running needs (plain `make`), and what the tests need besides.
BUILD_DEBS = libncurses-dev libunistring-dev libsqlite3-dev libxml2-dev pkg-config gettext nettle-dev libcairo2-dev libpango1.0-dev libqpdf-dev libgnutls28-dev icc-profiles-free fonts-dejavu-core
DEBS = $(BUILD_DEBS) libxml2-utils check tmux groff-base sqlite3 strace poppler-utils qpdf

.PHONY: pot mo all run check unit unit-san screens deps bench stress fuzz valgrind install install-server uninstall clean

# The first target: plain `make` installs missing build packages (as `deps` does, on Debian;
# elsewhere it trusts pkg-config) and builds the program and its message catalogues. The
# build is a second make because the pkg-config flags are read when the Makefile is parsed.
all:
	@if command -v dpkg-query >/dev/null 2>&1; then sh tests/deps.sh $(BUILD_DEBS); fi
	@$(MAKE) --no-print-directory stegvis

# The message catalogues, one per translated language (bokmål is the source language and
# needs none): msgfmt --check refuses a broken entry. The program finds them here when run
# from the tree, and in $(LOCALEDIR) once installed.
LINGUAS = nn
MO := $(LINGUAS:%=$(B)/locale/%/LC_MESSAGES/stegvis.mo)
mo: $(MO)
$(B)/locale/%/LC_MESSAGES/stegvis.mo: po/%.po
	@mkdir -p $(dir $@)
	@echo "  MSGFMT  $<"
	@msgfmt --check -o $@ $<

# The catalogue template: every _() and N_() string of the sources (the screens' shared key
# rows live in tui/tui.h).
POT_SRC = $(LIB_SRC) $(APP_SRC) $(wildcard tui/*.h)
pot:
	xgettext -k_ -kN_ -ksv_tr:2 -k_n:1,2 -ksv_ntr:2,3 -kC_:1c,2 -ksv_ptr:2c,3 --from-code=UTF-8 --add-comments=TRANSLATORS -o po/stegvis.pot $(sort $(POT_SRC))
	msgmerge -q -U --backup=none po/nn.po po/stegvis.pot

$(B)/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/san/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC-SAN  $<"
	@$(CC) $(ALL_CFLAGS) -O1 $(SAN) -c $< -o $@

stegvis: $(LIB_OBJ) $(APP_OBJ) | $(MO)
	@echo "  LINK    $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $^ $(PKG_LIBS)

# The test-only program: tests/cli and tests/screens run it instead of ./stegvis, so they can
# act as several colleagues with STEGVIS_USER. Never installed.
$(B)/test/identity.o: $(ID_SRC) $(HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC-TEST $<"
	@$(CC) $(ALL_CFLAGS) -DSV_TEST_IDENTITY -c $< -o $@

$(B)/san/core/identity.o: ALL_CFLAGS += -DSV_TEST_IDENTITY

$(B)/stegvis-test: $(TLIB_OBJ) $(APP_OBJ) | $(MO)
	@echo "  LINK    $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $^ $(PKG_LIBS)

$(B)/stegvis-san: $(SLIB_OBJ) $(SAPP_OBJ) | $(MO)
	@echo "  LINK    $@"
	@$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $^ $(PKG_LIBS)

$(B)/tests/%: tests/unit/%.c tests/unit/testlib.h $(TLIB_OBJ) | $(MO)
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	@$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -o $@ $< $(TLIB_OBJ) $(CHECK_LIBS) $(PKG_LIBS)

$(B)/san/tests/%: tests/unit/%.c tests/unit/testlib.h $(SLIB_OBJ) | $(MO)
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	@$(CC) $(ALL_CFLAGS) -O1 $(SAN) $(CHECK_CFLAGS) -o $@ $< $(SLIB_OBJ) $(CHECK_LIBS) $(PKG_LIBS)

$(B)/stress/%: tests/stress/%.c tests/stress/stresslib.h $(TLIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  STRESS  $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $< $(TLIB_OBJ) $(PKG_LIBS)

$(B)/san/fuzz/%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c $(SLIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  REPLAY  $@"
	@$(CC) $(ALL_CFLAGS) -O1 $(SAN) -o $@ $< tests/fuzz/driver.c $(SLIB_OBJ) $(PKG_LIBS)

deps:
	@sh tests/deps.sh $(DEBS)

run: deps
	@$(MAKE) --no-print-directory stegvis
	./stegvis start

# Check's default of 4 s a test is too short for the sanitizer build on a loaded two-core
# machine (a test that sets its own timeout keeps it).
unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do STEGVIS_TEMPLATES=$(CURDIR)/templates CK_DEFAULT_TIMEOUT=60 $$t || exit 1; done

unit-san: $(UNIT_SAN)
	@for t in $(UNIT_SAN); do STEGVIS_TEMPLATES=$(CURDIR)/templates CK_DEFAULT_TIMEOUT=120 ASAN_OPTIONS=detect_leaks=1 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 $$t || exit 1; done

check: deps
	@$(MAKE) --no-print-directory stegvis $(B)/stegvis-test $(UNIT_BIN) $(UNIT_SAN) $(B)/stegvis-san $(STRESS_BIN) $(FUZZ_REPLAY)
	@$(MAKE) --no-print-directory unit unit-san
	@for t in tests/cli/test_*.sh; do sh $$t ./$(B)/stegvis-test || exit 1; done
	@for t in tests/cli/test_*.sh; do LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	    sh $$t ./$(B)/stegvis-san || exit 1; done
	@for t in tests/screens/test_*.sh; do [ -f "$$t" ] || continue; sh $$t ./$(B)/stegvis-test || exit 1; done
	@for f in $(FUZZ_REPLAY); do n=$${f##*/}; $$f tests/fuzz/corpus/$$n/* $$(ls -d tests/fuzz/regress/$$n/* 2>/dev/null) || exit 1; done
	@sh tests/stress/run.sh --quick
	@echo "make check: all tests passed"

include bench/bench.mk

bench: deps
	@$(MAKE) --no-print-directory stegvis $(BENCH_BIN)
	@if [ -x bench/run.sh ]; then sh bench/run.sh; else echo "no benchmarks yet"; fi

stress: deps
	@$(MAKE) --no-print-directory stegvis $(B)/stegvis-test $(B)/stegvis-san $(STRESS_BIN)
	@if [ -x tests/stress/run.sh ]; then sh tests/stress/run.sh; else echo "no stress tests yet"; fi

# The core unit tests under valgrind: no invalid access, no leak (Check's fork mode off so
# valgrind sees the tests themselves).
valgrind: deps $(UNIT_BIN)
	@sh tests/deps.sh valgrind
	@for t in $(UNIT_BIN); do echo "  VALGRIND $$t"; CK_FORK=no STEGVIS_TEMPLATES=$(CURDIR)/templates \
	    valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
	    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1 $$t >/dev/null || exit 1; done
	@echo "valgrind: core unit tests clean, no leaks"

fuzz: deps
	@sh tests/deps.sh clang libclang-rt-14-dev
	@if [ -x tests/fuzz/run.sh ]; then sh tests/fuzz/run.sh; else echo "no fuzz harnesses yet"; fi

install: stegvis $(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 0755 stegvis $(DESTDIR)$(BINDIR)/stegvis
	cp -R templates/. $(DESTDIR)$(DATADIR)/
	install -m 0644 man/stegvis.1 $(DESTDIR)$(MANDIR)/stegvis.1
	install -d $(DESTDIR)$(MAN5DIR)
	install -m 0644 man/stegvis.conf.5 $(DESTDIR)$(MAN5DIR)/stegvis.conf.5
	for l in $(LINGUAS); do install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 0644 $(B)/locale/$$l/LC_MESSAGES/stegvis.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/stegvis.mo || exit 1; done
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 0644 cli/stegvis.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/stegvis

# One server for the whole office (README): the program set-user-id to the service account
# SVUSER, which alone owns STATEDIR and the shared database STATEDIR/stegvis.db. The account is
# created when missing (a system account without a login shell). Run as root.
SVUSER ?= stegvis
STATEDIR ?= /var/lib/stegvis
install-server: stegvis
	@[ "$$(id -u)" = 0 ] || { echo "make install-server: kjør som root (lager tjenestekontoen $(SVUSER))" >&2; exit 1; }
	@mkdir -p $(B)/server
	@echo "  CC-SRV  core/store.c core/paths.c (STATEDIR=$(STATEDIR), DATADIR=$(DATADIR))"
	@$(CC) $(ALL_CFLAGS) -DSV_STATEDIR='"$(STATEDIR)"' -c core/store.c -o $(B)/server/store.o
	@$(CC) $(ALL_CFLAGS) -c core/paths.c -o $(B)/server/paths.o
	@$(CC) $(ALL_CFLAGS) -o $(B)/server/stegvis $(filter-out $(B)/core/store.o $(B)/core/paths.o,$(LIB_OBJ)) \
	    $(B)/server/store.o $(B)/server/paths.o $(APP_OBJ) $(PKG_LIBS)
	@$(MAKE) --no-print-directory install PREFIX=$(PREFIX) DESTDIR=$(DESTDIR)
	getent passwd $(SVUSER) >/dev/null || useradd --system --user-group --home-dir $(STATEDIR) --no-create-home \
	    --shell /usr/sbin/nologin --comment "stegvis shared database" $(SVUSER)
	install -d -o $(SVUSER) -g $(SVUSER) -m 0700 $(DESTDIR)$(STATEDIR)
	install -o $(SVUSER) -g $(SVUSER) -m 4755 $(B)/server/stegvis $(DESTDIR)$(BINDIR)/stegvis
	@echo "Installert. Opprett den felles databasen som root: $(BINDIR)/stegvis init --number KOMMUNENR --name NAVN"

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/stegvis $(DESTDIR)$(MANDIR)/stegvis.1 $(DESTDIR)$(MAN5DIR)/stegvis.conf.5
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/stegvis
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/stegvis.mo; done
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(B) stegvis
