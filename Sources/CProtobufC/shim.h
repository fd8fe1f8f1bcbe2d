#ifndef JIEFEN_CPROTOBUFC_SHIM_H
#define JIEFEN_CPROTOBUFC_SHIM_H
#include <protobuf-c/protobuf-c.h>
#endif
