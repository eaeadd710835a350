import HardwareProbe

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

  /// The tiles of the probe's GPU (i915 `gt/gtN/rps_*`, xe `tileN/gtN/freq0/*`); none when it has no DRM card.
  package init(_ address: String, _ gpu: GPU?) {
    self.address = address
    tiles = (gpu?.intel?.gts ?? []).map { Tile(name: $0.name, maxMHz: $0.maxMHz, rp0MHz: $0.rp0MHz) }
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
