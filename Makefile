# ndjson toolkit: extract, transform, join and load customer exports as NDJSON.
# GNU make.  `make`, `make check`, `make check SAN=1`, `make bench`, `make run`.

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config

# Every cmd/<tool>.c is a tool; every common/<mod>.c goes into libcommon.a.
TOOLS    = $(sort $(patsubst cmd/%.c,%,$(wildcard cmd/*.c)))
UNITS    = $(sort $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/*.c)))

WARN    ?= -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter -Werror
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 $(WARN) $(if $(DEBUG),-O0 -g3) $(if $(SAN),$(SANFLAGS))
CPPFLAGS += -I. -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -D_FILE_OFFSET_BITS=64 \
	    -DVERSION='"$(VERSION)"' $(XML_CFLAGS)
LDFLAGS += $(if $(SAN),$(SANFLAGS))

# A sanitizer build lives in its own tree so that it never mixes with bin/.
O       := $(if $(SAN),build-san,build)
BIN     := $(if $(SAN),build-san/bin,bin)

XML_CFLAGS := $(shell $(PKG_CONFIG) --cflags libxml-2.0 2>/dev/null)
XML_LIBS   := $(shell $(PKG_CONFIG) --libs libxml-2.0 2>/dev/null || echo -lxml2)
CURL_LIBS  := $(shell $(PKG_CONFIG) --libs libcurl 2>/dev/null || echo -lcurl)
SSL_LIBS   := $(shell $(PKG_CONFIG) --libs libcrypto 2>/dev/null || echo -lcrypto)
SQLITE_LIBS := $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null || echo -lsqlite3)

# libcsv and libjq ship no pkg-config file: plain -l flags.
LIBS_csv2ndjson  = -lcsv
LIBS_json2ndjson = -ljq
LIBS_xml2ndjson  = $(XML_LIBS)
LIBS_ndjson-mask = $(SSL_LIBS)
LIBS_sqlite-load = $(SQLITE_LIBS)
LIBS_bq-load     = $(CURL_LIBS) $(SSL_LIBS)
LDLIBS  += -lm

COMMON_SRC = $(wildcard common/*.c)
COMMON_OBJ = $(COMMON_SRC:%.c=$(O)/%.o)
HDRS       = $(wildcard common/*.h)

.PHONY: all deps check unit clean install uninstall bench run lint fuzz
.SUFFIXES:
# Keep objects: they are not throwaway intermediates.
.SECONDARY:

all: deps $(TOOLS:%=$(BIN)/%)

# Stop early, naming the missing packages, and offer to install them.
deps: $(O)/.deps-ok
$(O)/.deps-ok: scripts/install-deps
	@sh scripts/install-deps --ensure
	@mkdir -p $(O) && touch $@

$(O)/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/libcommon.a: $(COMMON_OBJ)
	$(AR) rcs $@ $^

$(BIN)/%: $(O)/cmd/%.o $(O)/libcommon.a
	@mkdir -p $(BIN)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBS_$*) $(LDLIBS)

# Unit tests: tests/unit/<name>.c linked against libcommon.a and every
# library (they may exercise any module).
UNIT_LIBS = -lcsv -ljq $(XML_LIBS) $(CURL_LIBS) $(SSL_LIBS) $(SQLITE_LIBS)
$(O)/unit/%: $(O)/tests/unit/%.o $(O)/libcommon.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $^ $(UNIT_LIBS) $(LDLIBS)

unit: deps $(UNITS:%=$(O)/unit/%)

check: all unit
	@TOOLDIR=$(CURDIR)/$(BIN) UNITDIR=$(CURDIR)/$(O)/unit SAN=$(SAN) \
	    sh tests/run.sh $(T)

lint:
	mandoc -Tlint -Wwarning man/*.1

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(TOOLS:%=$(BIN)/%) $(DESTDIR)$(BINDIR)
	install -m 644 $(TOOLS:%=man/%.1) $(DESTDIR)$(MANDIR)/man1

uninstall:
	rm -f $(TOOLS:%=$(DESTDIR)$(BINDIR)/%) $(TOOLS:%=$(DESTDIR)$(MANDIR)/man1/%.1)

bench: all
	sh scripts/bench $(BENCHFLAGS)

clean:
	rm -rf bin build build-san

-include scripts/pipeline.mk

# Coverage-guided fuzzing of the JSON reader (clang's libFuzzer), seeded
# with JSONTestSuite.  FUZZTIME seconds (default 60).
FUZZTIME ?= 60
fuzz:
	@mkdir -p build/fuzz-corpus
	clang -g -O1 -fsanitize=fuzzer,address,undefined $(CPPFLAGS) \
	    -o build/fuzz-jsonx tests/fuzz/jsonx.c common/jsonx.c \
	    common/outbuf.c common/xalloc.c common/diag.c
	build/fuzz-jsonx -max_total_time=$(FUZZTIME) build/fuzz-corpus \
	    ../shared/conformance/JSONTestSuite/test_parsing
