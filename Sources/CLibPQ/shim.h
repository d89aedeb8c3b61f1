#ifndef PARTSYNC_CLIBPQ_SHIM_H
#define PARTSYNC_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
