#ifndef HPCTEST_PCI_SHIM_H
#define HPCTEST_PCI_SHIM_H
#include <pci/pci.h>

/// Placeholder; the HardwareProbe issue fills in the real shim.
int hpct_pci_shim_version(void);
#endif
