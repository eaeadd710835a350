import HPCBasics

/// Reads Intel GPU extras from `/sys/class/drm/card*` (i915 `gt/gt*/rps_*_freq_mhz`, xe
/// `device/tile*/gt*/freq0/*_freq`).
enum IntelDRMReader {
  /// DRM card directories by the PCI address of their `device`.
  static func cards(root: SystemRoot) -> [PCIAddress: String] {
    let base = root.resolve("/sys/class/drm")
    var cards: [PCIAddress: String] = [:]
    for name in Sysfs.list(base) where name.hasPrefix("card") && !name.contains("-") {
      let card = Sysfs.resolveLink(base + "/" + name) ?? base + "/" + name
      if let target = Sysfs.resolveLink(card + "/device"), let address = PCIAddress(Path.basename(target)) {
        cards[address] = card
      }
    }
    return cards
  }

  /// Tiles and GT frequencies of the card at `card` (a directory).
  static func read(card: String, root: SystemRoot) -> IntelGPUInfo {
    let xeTiles = Sysfs.list(card + "/device").filter { $0.hasPrefix("tile") }
    var gts: [IntelGT] = []
    for tile in xeTiles {
      for gt in Sysfs.list(card + "/device/" + tile).filter({ $0.hasPrefix("gt") }) {
        gts.append(xeGT(card + "/device/" + tile + "/" + gt + "/freq0", name: tile + "/" + gt))
      }
    }
    let i915GTs = Sysfs.list(card + "/gt").filter { $0.hasPrefix("gt") }
    for gt in i915GTs { gts.append(i915GT(card + "/gt/" + gt, name: gt)) }
    let tiles = max(xeTiles.count, i915GTs.count, 1)
    return IntelGPUInfo(card: Path.basename(card), tiles: tiles, gts: gts)
  }

  private static func xeGT(_ directory: String, name: String) -> IntelGT {
    func value(_ file: String) -> Int? { Sysfs.integer(directory + "/" + file) }
    return IntelGT(
      name: name, minMHz: value("min_freq"), maxMHz: value("max_freq"), currentMHz: value("cur_freq"),
      actualMHz: value("act_freq"), rp0MHz: value("rp0_freq"), rpnMHz: value("rpn_freq"))
  }

  private static func i915GT(_ directory: String, name: String) -> IntelGT {
    func value(_ file: String) -> Int? { Sysfs.integer(directory + "/rps_" + file + "_freq_mhz") }
    return IntelGT(
      name: name, minMHz: value("min"), maxMHz: value("max"), currentMHz: value("cur"), actualMHz: value("act"),
      rp0MHz: value("RP0"), rpnMHz: value("RPn"))
  }
}
