#include "pci_shim.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local jmp_buf *hpct_jump;
static _Thread_local char hpct_error[512];
static _Thread_local char hpct_warnings[4096];

static void hpct_on_error(char *msg, ...) __attribute__((noreturn));
static void hpct_on_error(char *msg, ...) {
  va_list args;
  va_start(args, msg);
  vsnprintf(hpct_error, sizeof hpct_error, msg, args);
  va_end(args);
  if (hpct_jump) longjmp(*hpct_jump, 1);
  /* libpci called us outside a guard: never exit the process. */
  abort();
}

static void hpct_on_warning(char *msg, ...) {
  size_t used = strlen(hpct_warnings);
  if (used + 2 >= sizeof hpct_warnings) return;
  va_list args;
  va_start(args, msg);
  vsnprintf(hpct_warnings + used, sizeof hpct_warnings - used - 1, msg, args);
  va_end(args);
  used = strlen(hpct_warnings);
  hpct_warnings[used] = '\n';
  hpct_warnings[used + 1] = 0;
}

static void hpct_on_debug(char *msg, ...) { (void)msg; }

static void hpct_copy_error(char *err, size_t err_len) {
  if (err && err_len) snprintf(err, err_len, "%s", hpct_error);
}

/* Runs `body` under a guard; on a libpci error jumps to `failed`. */
#define HPCT_GUARD(failed)            \
  jmp_buf hpct_env;                   \
  jmp_buf *hpct_saved = hpct_jump;    \
  if (setjmp(hpct_env) != 0) {        \
    hpct_jump = hpct_saved;           \
    hpct_copy_error(err, err_len);    \
    goto failed;                      \
  }                                   \
  hpct_jump = &hpct_env;

struct pci_access *hpct_pci_open(const char *sysfs_path, const char *ids_path, char *err, size_t err_len) {
  struct pci_access *volatile access = pci_alloc();
  if (!access) {
    snprintf(err, err_len, "pci_alloc failed");
    return NULL;
  }
  access->error = hpct_on_error;
  access->warning = hpct_on_warning;
  access->debug = hpct_on_debug;
  HPCT_GUARD(fail)
  access->method = PCI_ACCESS_SYS_BUS_PCI;
  if (pci_set_param(access, "sysfs.path", (char *)sysfs_path) != 0) {
    snprintf(hpct_error, sizeof hpct_error, "libpci has no sysfs.path parameter");
    longjmp(hpct_env, 1);
  }
  if (ids_path) pci_set_name_list_path(access, (char *)ids_path, 0);
  access->id_lookup_mode = PCI_LOOKUP_NO_HWDB;
  /* Bus-centric: the scan only lists the functions; it does not read each one's resource, irq, vendor, device and
     class files, which the probe takes from config space and its own sysfs reads (5 opens per function saved). */
  access->buscentric = 1;
  pci_init(access);
  hpct_jump = hpct_saved;
  return access;
fail:
  return NULL;
}

int hpct_pci_scan(struct pci_access *access, char *err, size_t err_len) {
  HPCT_GUARD(fail)
  pci_scan_bus(access);
  hpct_jump = hpct_saved;
  return 0;
fail:
  return -1;
}

struct pci_dev *hpct_pci_first(struct pci_access *access) { return access ? access->devices : NULL; }

int hpct_pci_read_config(struct pci_dev *dev, unsigned char *buf, int len, char *err, size_t err_len) {
  static const int sizes[] = {4096, 256, 64};
  volatile int result = 0;
  HPCT_GUARD(fail)
  for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
    if (sizes[i] > len) continue;
    if (pci_read_block(dev, 0, buf, sizes[i])) {
      result = sizes[i];
      break;
    }
  }
  hpct_jump = hpct_saved;
  return result;
fail:
  return -1;
}

static const char *hpct_lookup(struct pci_access *access, char *buf, int size, int flags, int a, int b, int c,
                               int d) {
  char err[8];
  size_t err_len = sizeof err;
  const char *volatile name = NULL;
  HPCT_GUARD(fail)
  name = pci_lookup_name(access, buf, size, flags | PCI_LOOKUP_NO_NUMBERS | PCI_LOOKUP_NO_HWDB, a, b, c, d);
  hpct_jump = hpct_saved;
  return name;
fail:
  return NULL;
}

const char *hpct_pci_vendor_name(struct pci_access *access, char *buf, int size, unsigned vendor) {
  return hpct_lookup(access, buf, size, PCI_LOOKUP_VENDOR, (int)vendor, 0, 0, 0);
}

const char *hpct_pci_device_name(struct pci_access *access, char *buf, int size, unsigned vendor, unsigned device) {
  return hpct_lookup(access, buf, size, PCI_LOOKUP_DEVICE, (int)vendor, (int)device, 0, 0);
}

const char *hpct_pci_subsystem_name(struct pci_access *access, char *buf, int size, unsigned vendor, unsigned device,
                                    unsigned subvendor, unsigned subdevice) {
  return hpct_lookup(access, buf, size, PCI_LOOKUP_SUBSYSTEM | PCI_LOOKUP_DEVICE, (int)vendor, (int)device,
                     (int)subvendor, (int)subdevice);
}

const char *hpct_pci_class_name(struct pci_access *access, char *buf, int size, unsigned class_code) {
  return hpct_lookup(access, buf, size, PCI_LOOKUP_CLASS, (int)class_code, 0, 0, 0);
}

int hpct_pci_take_warnings(char *buf, size_t len) {
  int count = snprintf(buf, len, "%s", hpct_warnings);
  hpct_warnings[0] = 0;
  return count;
}

void hpct_pci_close(struct pci_access *access) {
  if (!access) return;
  char err[8];
  size_t err_len = sizeof err;
  HPCT_GUARD(fail)
  pci_cleanup(access);
  hpct_jump = hpct_saved;
fail:
  return;
}
