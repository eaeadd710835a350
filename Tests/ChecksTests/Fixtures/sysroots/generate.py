#!/usr/bin/env python3
"""Generates the synthetic sysroot trees the Checks tests use (run from this directory; output is committed).

The trees follow the kernel's sysfs formats (see ../../../../../shared/fixtures/README.md "Formats worth knowing"):
links are plain files holding the link text (see link()), link speeds read "16.0 GT/s PCIe", states "4: ACTIVE". They are small: only what the
checks read. Variants:
  a30-cx6-aarch64         4x A30 (10de:20b7) + ConnectX-6 (15b3:101b) with 4 SR-IOV VFs, all on NUMA node 0
  a30-cx6-aarch64-faulty  the same with faults: GPU 0000:41:00.0 at x8, mlx5_0 port 1 DOWN, VF mlx5_2 zero GUID,
                          adapter on NUMA node 1, ACS RR+CR on bridge 0000:02:01.0, non-fatal AER on 0000:03:00.0
  intel-max1550-x86_64    2x Max 1550 (8086:0bd5) behind their on-card switch (endpoint 2.5 GT/s x1, upstream
                          port 32 GT/s x16), i915 with two tiles each
  intel-max1550-x86_64-x8 the same with card 2's upstream port trained at x8 and tile gt1 capped at 1200 MHz
"""
import os, shutil, struct

def write(root, path, text):
    full = os.path.join(root, path.lstrip("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb" if isinstance(text, bytes) else "w") as f:
        f.write(text)

def link(root, path, target):
    """A sysfs link, stored as a plain file holding the link text (as in the shared H200 capture): real links
    would form cycles (physfn/virtfnN) that tools copying the fixtures follow forever."""
    full = os.path.join(root, path.lstrip("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if os.path.lexists(full): os.remove(full)
    with open(full, "w") as f:
        f.write(target + "\n")

def config(acs_control):
    data = bytearray(4096)
    if True:
        data[0x100:0x104] = struct.pack("<I", 0x000D | (1 << 16))      # ACS, version 1, next 0
        data[0x104:0x106] = struct.pack("<H", 0x007F)                  # capabilities
        data[0x106:0x108] = struct.pack("<H", acs_control)             # control
    return bytes(data)

def speed(gts):
    return f"{gts} GT/s PCIe"

def device(root, chain, vendor, dev, cls, *, numa=0, link=None, driver=None, acs=None, extra=None):
    """chain: host bridge then addresses down to the device."""
    path = "/sys/devices/" + "/".join(chain)
    addr = chain[-1]
    write(root, path + "/vendor", f"0x{vendor:04x}\n")
    write(root, path + "/device", f"0x{dev:04x}\n")
    write(root, path + "/class", f"0x{cls:06x}\n")
    write(root, path + "/numa_node", f"{numa}\n")
    if acs is not None:
        write(root, path + "/config", config(acs))
    if link:
        (cs, cw), (ms, mw) = link
        write(root, path + "/current_link_speed", speed(cs) + "\n")
        write(root, path + "/current_link_width", f"{cw}\n")
        write(root, path + "/max_link_speed", speed(ms) + "\n")
        write(root, path + "/max_link_width", f"{mw}\n")
    if driver:
        link_(root, path + "/driver", "../" * (len(chain) + 1) + "bus/pci/drivers/" + driver)
    link_(root, "/sys/bus/pci/devices/" + addr, "../../../devices/" + "/".join(chain))
    for name, value in (extra or {}).items():
        write(root, path + "/" + name, value)
    return path

link_ = link

def aer(cor=0, nonfatal=0, fatal=0):
    return {"aer_dev_correctable": f"RxErr 0\nBadTLP 0\nTOTAL_ERR_COR {cor}\n",
            "aer_dev_nonfatal": f"Undefined 0\nDLP 0\nTOTAL_ERR_NONFATAL {nonfatal}\n",
            "aer_dev_fatal": f"Undefined 0\nDLP 0\nTOTAL_ERR_FATAL {fatal}\n"}

GEN4X16 = ((16.0, 16), (16.0, 16))
COUNTERS = ["symbol_error", "link_error_recovery", "link_downed", "port_rcv_errors",
            "port_rcv_remote_physical_errors", "port_xmit_discards", "local_link_integrity_errors",
            "excessive_buffer_overrun_errors", "port_rcv_data", "port_xmit_data"]

def ib_device(root, name, pci_path, guid, *, state="4: ACTIVE", phys="5: LinkUp", lid="0x5", sm="0x1",
              rate="200 Gb/sec (4X HDR)", hca="MT4123", fw="20.39.1002"):
    base = "/sys/class/infiniband/" + name
    link(root, base + "/device", "../../../.." + pci_path)
    write(root, base + "/hca_type", hca + "\n")
    write(root, base + "/fw_ver", fw + "\n")
    write(root, base + "/node_guid", guid + "\n")
    p = base + "/ports/1"
    for key, value in [("state", state), ("phys_state", phys), ("rate", rate), ("link_layer", "InfiniBand"),
                       ("lid", lid), ("sm_lid", sm)]:
        write(root, p + "/" + key, value + "\n")
    for counter in COUNTERS:
        write(root, p + "/counters/" + counter, "0\n")

def a30(root, faulty):
    gpus = [("pci0000:00", "0000:00:01.0", "0000:01:00.0", "0000:02:00.0", "0000:03:00.0"),
            ("pci0000:40", "0000:40:01.0", "0000:41:00.0"),
            ("pci0000:80", "0000:80:01.0", "0000:81:00.0"),
            ("pci0000:c0", "0000:c0:01.0", "0000:c1:00.0")]
    device(root, ["pci0000:00", "0000:00:01.0"], 0x1def, 0xe101, 0x060400, link=GEN4X16, driver="pcieport", acs=0x1d)
    device(root, ["pci0000:00", "0000:00:01.0", "0000:01:00.0"], 0x10b5, 0x8747, 0x060400, link=GEN4X16,
           driver="pcieport", acs=0)
    for dsp in ["0000:02:00.0", "0000:02:01.0"]:
        control = 0x000C if faulty and dsp == "0000:02:01.0" else 0
        device(root, ["pci0000:00", "0000:00:01.0", "0000:01:00.0", dsp], 0x10b5, 0x8747, 0x060400,
               link=GEN4X16, driver="pcieport", acs=control)
    for chain in gpus:
        for depth in range(2, len(chain) - 1):
            if chain[0] != "pci0000:00":
                device(root, list(chain[:depth]), 0x1def, 0xe101, 0x060400, link=GEN4X16, driver="pcieport", acs=0x1d)
        addr = chain[-1]
        width = 8 if faulty and addr == "0000:41:00.0" else 16
        errors = aer(nonfatal=2) if faulty and addr == "0000:03:00.0" else aer()
        device(root, list(chain), 0x10de, 0x20b7, 0x030200, link=((16.0, width), (16.0, 16)), driver="nvidia",
               extra=errors)
        write(root, f"/proc/driver/nvidia/gpus/{addr}/information", f"Model: \t\t NVIDIA A30\nBus Location: \t {addr}\n")
    numa = 1 if faulty else 0
    pf_chain = ["pci0000:00", "0000:00:01.0", "0000:01:00.0", "0000:02:01.0", "0000:04:00.0"]
    pf = device(root, pf_chain, 0x15b3, 0x101b, 0x020700, numa=numa, link=GEN4X16, driver="mlx5_core",
                extra={"sriov_totalvfs": "8\n", "sriov_numvfs": "4\n"})
    ib_device(root, "mlx5_0", pf, "b8ce:f603:00a1:2b00", state="1: DOWN" if faulty else "4: ACTIVE",
              phys="3: Disabled" if faulty else "5: LinkUp", lid="0x0" if faulty else "0x5",
              sm="0x0" if faulty else "0x1")
    for index in range(4):
        vf_addr = f"0000:04:00.{index + 1}"
        vf = device(root, pf_chain[:-1] + [vf_addr], 0x15b3, 0x101c, 0x020700, numa=numa, driver="mlx5_core")
        link(root, vf + "/physfn", "../0000:04:00.0")
        link(root, pf + f"/virtfn{index}", "../" + vf_addr)
        link(root, vf + "/iommu_group", f"../../../../../../kernel/iommu_groups/{20 + index}")
        guid = "0000:0000:0000:0000" if faulty and index == 1 else f"b8ce:f603:00a1:2b{index + 1:02x}"
        ib_device(root, f"mlx5_{index + 1}", vf, guid)
    write(root, "/proc/driver/nvidia/version",
          "NVRM version: NVIDIA UNIX Open Kernel Module for aarch64  550.90.07  Release Build  (dvs-builder@U16)\n")
    write(root, "/sys/module/nvidia/version", "550.90.07\n")
    if not faulty:
        write(root, "/sys/module/nvidia_peermem/version", "550.90.07\n")
    write(root, "/proc/uptime", "100000.00 390000.00\n")

def intel(root, faulty):
    for card, (bus, numa) in enumerate([(0x00, 0), (0x80, 1)]):
        rp = f"0000:{bus:02x}:01.0"
        usp, dsp, ep = f"0000:{bus + 1:02x}:00.0", f"0000:{bus + 2:02x}:01.0", f"0000:{bus + 3:02x}:00.0"
        hb = f"pci0000:{bus:02x}"
        device(root, [hb, rp], 0x8086, 0x352a, 0x060400, numa=numa, link=((32.0, 16), (32.0, 16)), driver="pcieport")
        width = 8 if faulty and card == 1 else 16
        device(root, [hb, rp, usp], 0x8086, 0x0b60, 0x060400, numa=numa, link=((32.0, width), (32.0, 16)),
               driver="pcieport")
        device(root, [hb, rp, usp, dsp], 0x8086, 0x0b60, 0x060400, numa=numa, link=((32.0, 16), (32.0, 16)),
               driver="pcieport")
        path = device(root, [hb, rp, usp, dsp, ep], 0x8086, 0x0bd5, 0x038000, numa=numa,
                      link=((2.5, 1), (2.5, 1)), driver="i915", extra=aer())
        for gt in range(2):
            cap = 1200 if faulty and card == 1 and gt == 1 else 1600
            write(root, path + f"/drm/card{card}/gt/gt{gt}/rps_max_freq_mhz", f"{cap}\n")
            write(root, path + f"/drm/card{card}/gt/gt{gt}/rps_RP0_freq_mhz", "1600\n")
    write(root, "/proc/uptime", "5000.00 20000.00\n")

for name, build, faulty in [("a30-cx6-aarch64", a30, False), ("a30-cx6-aarch64-faulty", a30, True),
                            ("intel-max1550-x86_64", intel, False), ("intel-max1550-x86_64-x8", intel, True)]:
    shutil.rmtree(name, ignore_errors=True)
    build(name, faulty)
    print("generated", name)
