# Build rules for the benchmark programs, included by the top Makefile. They link the same
# core objects as the program, so they time the code that ships.
BENCH_BIN := $(B)/bench/bench_list $(B)/bench/bench_nir $(B)/bench/bench_save $(B)/bench/bench_letter \
    $(B)/bench/bench_run

# The class-day row of bench/run.sh drives the test build of the screens.
BENCH_BIN += $(B)/stegvis-test

# bench_run times a command from outside: it needs none of the program.
$(B)/bench/bench_run: bench/bench_run.c
	@mkdir -p $(dir $@)
	@echo "  BENCH   $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $<

$(B)/bench/%: bench/%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  BENCH   $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJ) $(PKG_LIBS)
