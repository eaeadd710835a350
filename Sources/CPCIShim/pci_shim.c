#include "pci_shim.h"
int hpct_pci_shim_version(void) { return 1; }
