#ifndef HPCTEST_PCI_SHIM_H
#define HPCTEST_PCI_SHIM_H
#include <stddef.h>
#include <pci/pci.h>

/// What Swift cannot do with libpci directly: libpci's error callback is variadic and must not return (the default
/// prints and calls exit(1)), and pci_lookup_name() is variadic. Every function here runs libpci under a setjmp
/// guard: an error longjmps back, the message is kept in `err`, and the function reports failure.

/// Opens a linux-sysfs access on `sysfs_path` (the `.../sys/bus/pci` directory); NULL on failure with `err` set.
struct pci_access *hpct_pci_open(const char *sysfs_path, const char *ids_path, char *err, size_t err_len);

/// Scans the bus; 0 on success, -1 with `err` set.
int hpct_pci_scan(struct pci_access *access, char *err, size_t err_len);

/// The first scanned device (follow `next`).
struct pci_dev *hpct_pci_first(struct pci_access *access);

/// Reads up to `len` bytes of config space (tries 4096, 256, 64); the count read, 0 when unreadable, -1 on error.
int hpct_pci_read_config(struct pci_dev *dev, unsigned char *buf, int len, char *err, size_t err_len);

/// Fixed-arity pci_lookup_name wrappers: the name, or NULL when the ids database lacks it.
const char *hpct_pci_vendor_name(struct pci_access *access, char *buf, int size, unsigned vendor);
/// The device name for `vendor:device`, or NULL.
const char *hpct_pci_device_name(struct pci_access *access, char *buf, int size, unsigned vendor, unsigned device);
/// The subsystem name for `vendor:device` with `subvendor:subdevice`, or NULL.
const char *hpct_pci_subsystem_name(struct pci_access *access, char *buf, int size, unsigned vendor, unsigned device,
                                    unsigned subvendor, unsigned subdevice);
/// The class name for a 16-bit class code (`0302`), or NULL.
const char *hpct_pci_class_name(struct pci_access *access, char *buf, int size, unsigned class_code);

/// Warnings libpci printed since the last call (newline-separated, possibly truncated); clears them.
int hpct_pci_take_warnings(char *buf, size_t len);

/// Releases the access (NULL is fine).
void hpct_pci_close(struct pci_access *access);
#endif
