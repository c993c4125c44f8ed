# pipeline.mk: scripts/etl.sh as make targets, one per stage output, so that
# `make -j3` extracts the three sources in parallel and a change to one
# export rebuilds only what depends on it.  Included by the top Makefile.
#   make run                      build, run the pipeline on data/ into
#                                 out/customers.db, answer the questions
#   make pipeline PIPE_DATA=dir PIPE_OUT=dir
# Every recipe runs one stage function of scripts/etl.sh, so the script and
# make give byte-identical tables (tests/pipeline/ checks it).

PIPE_DATA ?= data
PIPE_OUT  ?= out
PIPE_DB   ?= $(PIPE_OUT)/customers.db
PIPE_ETL   = sh scripts/etl.sh --data $(PIPE_DATA) --out $(PIPE_OUT) \
	     --db $(PIPE_DB) --bin $(abspath $(BIN)) --quiet
PIPE_DEP   = scripts/etl.sh scripts/pipeline.mk

.PHONY: pipeline run

$(PIPE_OUT)/sales.extract.ndjson: $(PIPE_DATA)/customers.csv \
    $(BIN)/csv2ndjson $(PIPE_DEP)
	@mkdir -p $(PIPE_OUT)
	$(PIPE_ETL) --stage sales.extract
$(PIPE_OUT)/sales.clean.ndjson: $(PIPE_OUT)/sales.extract.ndjson \
    $(BIN)/ndjson-clean
	$(PIPE_ETL) --stage sales.clean

$(PIPE_OUT)/marketing.extract.ndjson: $(PIPE_DATA)/customers_subscriptions.json \
    $(BIN)/json2ndjson $(PIPE_DEP)
	@mkdir -p $(PIPE_OUT)
	$(PIPE_ETL) --stage marketing.extract
$(PIPE_OUT)/marketing.clean.ndjson: $(PIPE_OUT)/marketing.extract.ndjson \
    $(BIN)/ndjson-clean
	$(PIPE_ETL) --stage marketing.clean

# Raw card data never touches disk: extract, clean and mask are one pipe.
$(PIPE_OUT)/billing.mask.ndjson: $(PIPE_DATA)/customers_billing.xml \
    $(BIN)/xml2ndjson $(BIN)/ndjson-clean $(BIN)/ndjson-mask $(PIPE_DEP)
	@mkdir -p $(PIPE_OUT)
	$(PIPE_ETL) --stage billing.mask

$(PIPE_OUT)/join.marketing.ndjson: $(PIPE_OUT)/sales.clean.ndjson \
    $(PIPE_OUT)/marketing.clean.ndjson $(BIN)/ndjson-join
	$(PIPE_ETL) --stage join.marketing
$(PIPE_OUT)/join.billing.ndjson: $(PIPE_OUT)/join.marketing.ndjson \
    $(PIPE_OUT)/billing.mask.ndjson $(BIN)/ndjson-join
	$(PIPE_ETL) --stage join.billing

# The table is replaced atomically by sqlite-load; load.done marks success
# (a failed load leaves the old table and no new stamp).
$(PIPE_OUT)/load.done: $(PIPE_OUT)/join.billing.ndjson $(BIN)/sqlite-load \
    scripts/customers_transformed.schema.json
	@rm -f $@
	$(PIPE_ETL) --stage load
	@touch $@

pipeline: $(PIPE_OUT)/load.done
	@sh scripts/etl.sh --summary --out $(PIPE_OUT) --db $(PIPE_DB)

run: all
	@$(MAKE) --no-print-directory pipeline
	@echo
	@echo "Most valuable subscribers (scripts/most-valuable-subscribers.sql):"
	@sqlite3 -header -column $(PIPE_DB) <scripts/most-valuable-subscribers.sql
	@echo
	@echo "Preferred payment method in London (scripts/london-payment-method.sql):"
	@out=$$(sqlite3 -header -column $(PIPE_DB) \
	    <scripts/london-payment-method.sql) && \
	    echo "$${out:-(no customer is billed in London)}"
