// Only declarations live in include/CLibFuzzer.h; the definitions come from libFuzzer (-sanitize=fuzzer).
#include "CLibFuzzer.h"
