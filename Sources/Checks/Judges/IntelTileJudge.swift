/// Tiles and frequency limits of one Intel GPU, from sysfs.
package struct IntelTileFacts: Sendable, Hashable {
  /// One tile (GT): its frequency limits in MHz.
  package struct Tile: Sendable, Hashable {
    /// `gt0`, `tile1/gt1`.
    package var name: String
    /// The current maximum (`rps_max_freq_mhz`, `freq0/max_freq`).
    package var maxMHz: Int?
    /// The hardware maximum (`rps_RP0_freq_mhz`, `freq0/rp0_freq`).
    package var rp0MHz: Int?
  }

  /// The GPU's PCI address.
  package var address: String
  /// The tiles found.
  package var tiles: [Tile]

  /// Reads i915 (`drm/cardN/gt/gtN/rps_*`) or xe (`tileN/gtN/freq0/*`) attributes of the GPU at `address`.
  package static func read(_ address: String, _ reader: SysfsReader) -> IntelTileFacts {
    let device = reader.devicePath(address)
    let xeTiles = reader.list(device).filter { $0.hasPrefix("tile") }
    if !xeTiles.isEmpty {
      let tiles = xeTiles.flatMap { tile in
        reader.list("\(device)/\(tile)").filter { $0.hasPrefix("gt") }.map { gt in
          let freq = "\(device)/\(tile)/\(gt)/freq0/"
          return Tile(
            name: "\(tile)/\(gt)", maxMHz: reader.attribute(freq + "max_freq").flatMap { Int($0) },
            rp0MHz: reader.attribute(freq + "rp0_freq").flatMap { Int($0) })
        }
      }
      return IntelTileFacts(address: address, tiles: tiles)
    }
    let card = reader.list(device + "/drm").first { $0.hasPrefix("card") }
    let gtDir = "\(device)/drm/\(card ?? "card")/gt"
    let tiles = reader.list(gtDir).filter { $0.hasPrefix("gt") }.map { gt in
      Tile(
        name: gt, maxMHz: reader.attribute("\(gtDir)/\(gt)/rps_max_freq_mhz").flatMap { Int($0) },
        rp0MHz: reader.attribute("\(gtDir)/\(gt)/rps_RP0_freq_mhz").flatMap { Int($0) })
    }
    return IntelTileFacts(address: address, tiles: tiles)
  }
}

/// Judges Intel tiles: the count against the model, and no tile capped below its hardware maximum.
package enum IntelTileJudge {
  /// One sub-result per GPU.
  package static func judge(_ facts: IntelTileFacts, expectedTiles: Int?) -> CheckItem {
    let name = facts.address
    guard !facts.tiles.isEmpty else {
      return CheckItem(name, .skip, "\(name): no tile attributes in sysfs (driver not loaded or too old)")
    }
    if let expectedTiles, facts.tiles.count != expectedTiles {
      return CheckItem(name, .fail, "\(name): \(facts.tiles.count) tiles, expected \(expectedTiles)")
    }
    let capped = facts.tiles.filter { tile in
      guard let max = tile.maxMHz, let rp0 = tile.rp0MHz else { return false }
      return max < rp0
    }
    if let tile = capped.first {
      let message = "\(name): \(tile.name) max frequency \(tile.maxMHz!) MHz, expected \(tile.rp0MHz!) MHz (RP0)"
      return CheckItem(name, .warn, message)
    }
    return CheckItem(name, .pass, "\(name): \(facts.tiles.count) tiles, frequencies not capped")
  }
}
